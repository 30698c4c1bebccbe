import StudyModel

/// The exactly-once message feed of a backend whose only order is the writers' clocks
/// (DynamoDB, MongoDB), written once for both.
///
/// A cursor holds a watermark (the newest time delivered) and the ids delivered within an
/// overlap window below it. Each poll reads from the watermark minus the overlap and skips ids
/// already delivered, so a message whose writer's clock is a few seconds behind, or that an
/// index shows late, still arrives once. Every `deepEvery`th poll reads back `deepWindow`, and
/// a late message widens that cursor's overlap to its lateness, so a clock further off is
/// delivered late but never lost. SQLite does not need this: it follows commit order.
public enum TimeFeed {
    /// The normal overlap (ms).
    public static let overlap: Int64 = 10_000
    /// How far back a deep read looks (ms), and the most an overlap grows to.
    public static let deepWindow: Int64 = 120_000
    /// Every this many polls, one deep read.
    public static let deepEvery = 10
    /// At most this many delivered ids are remembered.
    public static let maxSeen = 2000

    /// The feed position. The short keys keep cursors small; old cursors (only `w` and `seen`)
    /// still decode.
    public struct Cursor: Codable, Sendable {
        /// Watermark (ms since 1970); nil before the first message.
        public var w: Int64?
        /// Ids delivered within the window, with their times.
        public var seen: [String: Int64]
        /// This cursor's overlap (ms); grows past `overlap` when late messages turn up.
        public var o: Int64?
        /// From this time (ms) on, every delivered id is in `seen`; reads never go below it.
        public var c: Int64?
        /// Polls since the last deep read.
        public var n: Int?

        public init(w: Int64?, seen: [String: Int64], o: Int64? = nil, c: Int64? = nil, n: Int? = nil) {
            (self.w, self.seen, self.o, self.c, self.n) = (w, seen, o, c, n)
        }
    }

    /// What one poll must read: messages from `low` (ms, inclusive; nil for the whole room).
    public struct Poll: Sendable {
        public var low: Int64?
        var deep: Bool
        var polls: Int
    }

    public static func poll(_ position: Cursor) -> Poll {
        let overlap = position.o ?? Self.overlap
        let polls = (position.n ?? 0) + 1
        let deep = polls >= deepEvery
        let low = position.w.map { w in
            max(position.c ?? (w - Self.overlap), w - (deep ? max(overlap, deepWindow) : overlap))
        }
        return Poll(low: low, deep: deep, polls: polls)
    }

    /// Delivers up to `limit` of the messages `found` from `poll.low` on (any order, delivered
    /// ones included), oldest first, and moves the cursor past them. `more` when some wait.
    public static func deliver(_ found: [Message], poll: Poll, limit: Int, position: inout Cursor)
        -> (messages: [Message], more: Bool) {
        let overlap = position.o ?? Self.overlap
        // Oldest first; equal times in id order (ids sort by creation).
        let fresh = found.filter { position.seen[$0.messageId] == nil }
            .sorted { ($0.createdAt, $0.messageId) < ($1.createdAt, $1.messageId) }
        let delivered = Array(fresh.prefix(limit))
        let before = position.w
        for message in delivered {
            let time = message.createdAt.millisecondsSince1970
            position.seen[message.messageId] = time
            position.w = max(position.w ?? time, time)
            // Late (its writer's clock is behind, or the index lagged): look back that far from now on.
            if let before, before - time > overlap / 2 {
                position.o = min(deepWindow, max(position.o ?? Self.overlap, before - time + Self.overlap))
            }
        }
        position.n = poll.deep ? 0 : poll.polls
        if let watermark = position.w {
            prune(&position, below: watermark - max(position.o ?? Self.overlap, deepWindow))
        }
        return (delivered, fresh.count > limit)
    }

    /// A cursor at `newest`, having seen every message of the deep window before it. `known`
    /// are the newest messages already read; when they cover the window (or the whole room,
    /// `complete`), `readWindow(low)` is not called.
    public static func cursor(newest: Message?, known: [Message], complete: Bool,
                              readWindow: (Int64) async throws -> [Message]) async throws -> Cursor {
        guard let newest else { return Cursor(w: nil, seen: [:]) }
        let watermark = newest.createdAt.millisecondsSince1970
        // Everything of the deep window is remembered, so a late message written after this
        // point is told apart from one already shown, however far behind its writer is.
        let low = watermark - deepWindow
        let covered = complete || (known.last.map { $0.createdAt.millisecondsSince1970 < low } ?? false)
        let window = covered ? known : try await readWindow(low)
        var seen: [String: Int64] = [:]
        for message in window where message.createdAt.millisecondsSince1970 >= low {
            seen[message.messageId] = message.createdAt.millisecondsSince1970
        }
        return Cursor(w: watermark, seen: seen, o: nil, c: low, n: nil)
    }

    /// Forgets delivered ids older than `cutoff` (and the oldest beyond `maxSeen`), moving the
    /// cursor's coverage start so that no read goes below what is still remembered.
    static func prune(_ position: inout Cursor, below cutoff: Int64) {
        var start = max(position.c ?? cutoff, cutoff)
        if position.seen.count > maxSeen {
            let times = position.seen.values.sorted(by: >)
            start = max(start, times[maxSeen - 1] + 1)
        }
        position.seen = position.seen.filter { $0.value >= start }
        position.c = start
    }
}
