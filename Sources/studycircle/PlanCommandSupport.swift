import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// What `meeting` and `project` commands share: times, name lists, JSON, paging.
enum PlanSupport {
    static func time(_ text: String, option: String, endOfDay: Bool = false) throws -> Timestamp {
        guard let time = TimeInput.parse(text, endOfDay: endOfDay) else {
            throw ValidationError("\(option) '\(TextSafety.plain(text))' is not a date and time; use \(TimeInput.accepted).")
        }
        return time
    }

    /// `a,b , c` → usernames, without empties and repeats.
    static func names(_ list: String?) -> [String] {
        var seen = Set<String>()
        return (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert(Username.key($0)).inserted }
    }

    /// Exact JSON of `value` (sorted keys, ISO-8601 times as stored).
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        Output.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Every item of a list, up to `cap`.
    static func collect<T>(cap: Int, _ fetch: (PageRequest) async throws -> Page<T>) async throws -> [T] {
        var items: [T] = []
        var request = PageRequest(limit: min(cap, PageRequest.maxLimit))
        while items.count < cap {
            let page = try await fetch(request)
            items += page.items
            guard let next = page.next else { break }
            request = PageRequest(limit: min(cap, PageRequest.maxLimit), cursor: next)
        }
        return Array(items.prefix(cap))
    }

    /// The room, which `user` must be a member of to plan in it.
    static func memberRoom(_ nameOrId: String, user: User, store: StudyStore) async throws -> ChatRoom {
        let room = try await RoomCommand.find(nameOrId, in: store)
        let key = Username.key(user.username)
        guard room.members.contains(where: { Username.key($0) == key }) else {
            throw CLIError(description: "You are not a member of #\(TextSafety.plain(room.name)); join it first with `studycircle room join \(RoomCommand.quoted(room.name))`.")
        }
        return room
    }

    /// Names of rooms by id, for listing.
    static func roomNames(_ ids: [String], store: StudyStore) async throws -> [String: String] {
        let unique = Array(Set(ids))
        var names: [String: String] = [:]
        for start in stride(from: 0, to: unique.count, by: 100) {
            for room in try await store.rooms.batchGet(ids: Array(unique[start..<min(start + 100, unique.count)])) {
                names[room.roomId] = room.name
            }
        }
        return names
    }

    static func isMember(_ user: User, of room: ChatRoom) -> Bool {
        let key = Username.key(user.username)
        return room.members.contains { Username.key($0) == key }
    }
}
