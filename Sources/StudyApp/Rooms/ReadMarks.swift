import Foundation
import StudyModel

/// Where each room was last read, kept on disk beside the outbox so that unread counts
/// survive a restart. One file per backend and user, like the outbox.
public enum ReadMarksFile {
    struct Mark: Codable {
        var createdAt: Timestamp
        var messageId: String
    }

    /// The saved marks; a missing or unreadable file means none (counts then start at zero).
    public static func load(path: String) -> [String: MessageKey] {
        guard let data = FileManager.default.contents(atPath: path),
              let marks = try? JSONDecoder().decode([String: Mark].self, from: data) else { return [:] }
        return marks.mapValues { MessageKey(createdAt: $0.createdAt, messageId: $0.messageId) }
    }

    /// Writes the marks atomically (temporary file and rename), 0600 in a 0700 folder.
    public static func save(_ marks: [String: MessageKey], path: String) throws {
        let data = try JSONEncoder().encode(marks.mapValues { Mark(createdAt: $0.createdAt, messageId: $0.messageId) })
        try PrivateFile.write(data, to: path)
    }
}

extension AppSettings {
    /// The read-marks file next to the outbox (`outbox-<id>.json` → `read-<id>.json`).
    public var readMarksPath: String? { siblingOfOutbox("read") }

    /// A file beside the outbox with the same backend-and-user suffix: `outbox-<id>.json` →
    /// `<prefix>-<id>.json`.
    func siblingOfOutbox(_ prefix: String) -> String? {
        guard let outboxPath else { return nil }
        // Split at the last "/" in plain Swift: NSString's path methods cost a runtime
        // conformance lookup on the start-up path (issue 13).
        let slash = outboxPath.lastIndex(of: "/")
        let directory = slash.map { String(outboxPath[..<$0]) } ?? ""
        let name = slash.map { String(outboxPath[outboxPath.index(after: $0)...]) } ?? outboxPath
        let renamed = name.hasPrefix("outbox") ? prefix + name.dropFirst("outbox".count) : prefix + "-" + name
        return directory + "/" + renamed
    }
}

extension AppReducer {
    /// Every room's read position as it stands now, the open room counting as read up to its
    /// newest message: what the frontend saves when it quits.
    public static func currentReadMarks(_ state: AppState) -> [String: MessageKey] {
        var copy = state
        rememberReadPosition(&copy)
        var marks = copy.readMarks
        for entry in copy.rooms.entries { if let key = entry.lastRead { marks[entry.room.roomId] = key } }
        return marks
    }

    /// Applies loaded marks to the rooms and asks for the unread counts of joined rooms
    /// that are not open.
    static func applyReadMarks(_ state: inout AppState) -> [Effect] {
        guard state.readMarksLoaded, state.rooms.loaded else { return [] }
        var effects: [Effect] = []
        for index in state.rooms.entries.indices {
            let roomId = state.rooms.entries[index].room.roomId
            guard state.rooms.entries[index].lastRead == nil, let mark = state.readMarks[roomId] else { continue }
            state.rooms.entries[index].lastRead = mark
            if state.rooms.entries[index].joined && state.openRoom?.roomId != roomId {
                effects.append(.countUnread(roomId: roomId, after: mark, user: state.settings.user))
            }
        }
        return effects
    }
}
