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

    /// The listed plans `user` may read, kept to rooms they are a member of when `onlyMyRooms`,
    /// with the names of their rooms (for the list's room column).
    static func readable<T>(_ found: [T], room: (T) -> String, onlyMyRooms: Bool, user: User,
                            store: StudyStore) async throws -> (items: [T], roomNames: [String: String]) {
        var items = try await store.access(as: user).visible(found, room: room)
        let rooms = try await rooms(Array(Set(items.map(room))), store: store)
        if onlyMyRooms {
            let mine = Set(rooms.filter { isMember(user, of: $0) }.map(\.roomId))
            items = items.filter { mine.contains(room($0)) }
        }
        return (items, Dictionary(rooms.map { ($0.roomId, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Rooms by id, asked for 100 at a time (the most one batch read takes on every backend).
    static func rooms(_ ids: [String], store: StudyStore) async throws -> [ChatRoom] {
        var rooms: [ChatRoom] = []
        for start in stride(from: 0, to: ids.count, by: 100) {
            rooms += try await store.rooms.batchGet(ids: Array(ids[start..<min(start + 100, ids.count)]))
        }
        return rooms
    }

    /// Moves a meeting or project to a new status and prints the result: `kind` names it in the
    /// error when `id` is unknown ("meeting", "project"), `label` is what the line calls it.
    static func move<T: Encodable>(kind: String, id: String, json: Bool, label: (T) -> (name: String, status: String),
                                   _ move: () async throws -> T) async throws {
        let updated = try await CLIError.wrapAsync {
            do {
                return try await move()
            } catch StoreError.notFound {
                throw CLIError(description: "No \(kind) with id '\(TextSafety.plain(id))'. See `studycircle \(kind) list`.")
            }
        }
        if json { try printJSON(updated); return }
        let (name, status) = label(updated)
        print("\(TextSafety.plain(name)) is now \(status).")
    }

    static func isMember(_ user: User, of room: ChatRoom) -> Bool {
        let key = Username.key(user.username)
        return room.members.contains { Username.key($0) == key }
    }
}
