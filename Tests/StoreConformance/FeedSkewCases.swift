import StudyModel
import StudyStore

/// A writer whose clock is far behind the others must never be hidden from a live feed for
/// good: its messages are delivered, each once, within a bounded number of polls.
enum FeedSkewCases {
    static func farBehindWriter(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let room = "farskew-\(tag)"
        let now = Timestamp.now()
        _ = try await store.messages.send(Message(roomId: room, sender: "a", text: "on time", createdAt: now))
        var feed = try await store.messages.history(roomId: room, before: nil, limit: 10).feed
        var got: [Message] = []
        var sent: [Message] = []
        // Fifteen rounds: a punctual writer and one whose clock is 15 s (then 40 s) behind.
        for i in 0..<15 {
            sent.append(try await store.messages.send(Message(roomId: room, sender: "a", text: "punctual \(i)",
                                                             createdAt: now.adding(milliseconds: Int64(i + 1) * 1000))))
            let lag: Int64 = i < 8 ? 15_000 : 40_000
            sent.append(try await store.messages.send(Message(roomId: room, sender: "b", text: "behind \(i)",
                                                             createdAt: now.adding(milliseconds: Int64(i + 1) * 1000 - lag))))
            let page = try await store.messages.since(roomId: room, cursor: feed, limit: 50)
            got += page.messages
            feed = page.feed
        }
        // A few quiet polls more (an idle app keeps polling).
        for _ in 0..<12 {
            let page = try await store.messages.since(roomId: room, cursor: feed, limit: 50)
            got += page.messages
            feed = page.feed
        }
        try expectEqual(Set(got.map(\.messageId)), Set(sent.map(\.messageId)), "every message of the far-behind writer arrives")
        try expectEqual(got.count, sent.count, "each exactly once")
    }
}
