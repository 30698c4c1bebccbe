import StudyModel
import StudyStore

/// Polling many rooms at once (`since(rooms:)`, through `RoomsFeed` as the app's poller does):
/// every message of every room arrives exactly once and in order, with writers' clocks up to
/// 5 s apart, bursts larger than one page, and rooms joining midway.
enum RoomsFeedCases {
    static func manyRoomsExactlyOnce(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let rooms = (0..<6).map { "feed-\(tag)-\($0)" }
        // One room has history before the poller starts: it must not be delivered again.
        _ = try await store.messages.send(Message(roomId: rooms[0], sender: "a", text: "before"))
        var feed = RoomsFeed()
        var got: [String: [Message]] = [:]
        func poll(_ watched: [String]) async throws {
            for (room, batch) in try await feed.poll(watched, seeds: [:], messages: store.messages, limit: 4) {
                got[room, default: []] += batch
            }
        }
        try await poll(Array(rooms.prefix(4)))
        try expect(got.isEmpty, "nothing old is delivered: \(got.mapValues(\.count))")
        var sent: [String: [Message]] = [:]
        let skews: [Int64] = [-5_000, 0, 5_000]
        for round in 0..<8 {
            // A burst larger than the page limit into one room, single messages elsewhere.
            let watched = round < 3 ? Array(rooms.prefix(4)) : rooms
            // Rooms joined now start at their newest message: what was sent before is history.
            if round == 3 { try await poll(watched) }
            for (i, room) in watched.enumerated() where (round + i) % 2 == 0 || round == 5 {
                let count = round == 5 && i == 1 ? 11 : 1
                for k in 0..<count {
                    let skew = skews[(round + i + k) % skews.count]
                    let message = try await store.messages.send(Message(
                        roomId: room, sender: "w\(skew)", text: "r\(round) m\(k)",
                        createdAt: Timestamp.now().adding(milliseconds: skew)))
                    sent[room, default: []].append(message)
                }
            }
            try await poll(watched)
        }
        for _ in 0..<3 { try await poll(rooms) }
        for room in rooms {
            let ids = got[room, default: []].map(\.messageId)
            try expectEqual(Set(ids), Set(sent[room, default: []].map(\.messageId)), "every message of \(room) arrives")
            try expectEqual(ids.count, Set(ids).count, "each once in \(room)")
        }
    }

    /// The answer of `since(rooms:)` keeps rooms without news at their position and its cursors
    /// continue with `since(roomId:)`.
    static func cursorsInterchange(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let quiet = "quiet-\(tag)", busy = "busy-\(tag)"
        var cursor = RoomsCursor()
        for room in [quiet, busy] {
            cursor.set(room: room, cursor: try await store.messages.history(roomId: room, before: nil, limit: 1).feed)
        }
        let first = try await store.messages.send(Message(roomId: busy, sender: "a", text: "one"))
        let page = try await store.messages.since(rooms: cursor, limit: 10)
        try expectEqual(page.messages[busy]?.map(\.messageId) ?? [], [first.messageId], "the new message")
        try expect(page.messages[quiet] == nil, "nothing for the quiet room")
        try expectEqual(Set(page.cursor.rooms.keys), [quiet, busy], "both rooms keep a position")
        let second = try await store.messages.send(Message(roomId: busy, sender: "a", text: "two"))
        guard let busyCursor = page.cursor.rooms[busy] else { throw ConformanceFailure(description: "no cursor for \(busy)") }
        let single = try await store.messages.since(roomId: busy, cursor: busyCursor, limit: 10)
        try expectEqual(single.messages.map(\.messageId), [second.messageId], "per-room polling continues from it")
    }
}
