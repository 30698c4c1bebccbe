import DynamoDB
import StudyModel
import StudyStore

/// Cheap polling on DynamoDB: a small "activity" item per time bucket, so an idle client that
/// watches N rooms reads one item per poll instead of querying N rooms.
///
/// Items live in `<prefix>-unique` (key `uniqueKey` = `activity#<bucket>`, bucket = 20 s of
/// message time), so existing deployments need no new table. Each send ADDs 1 to the attribute
/// `r:<roomId>` of every bucket overlapping `[createdAt - skew, createdAt + skew]` (one or two
/// items): whatever a reader's clock says within ±`skew` of the writer's, the bucket of the
/// reader's "now" holds the mark. A reader keeps the counters it saw per bucket and queries only
/// the rooms whose counter grew.
///
/// Reads: every poll reads the buckets from its previous poll's to its current one (one item,
/// two at a boundary) plus, once per bucket, a final read `closeDelay` after the bucket ended,
/// when no writer within the skew can still mark it — all in one GetItem or BatchGetItem,
/// eventually consistent (half a read unit per small item).
///
/// Safety net, because a message must never be missed: the mark is written after the message
/// (a transaction would make every send contend on one hot item), so a mark can fail while the
/// message landed; a writer clock beyond the skew marks a bucket already closed; the index can
/// lag behind the mark. Hence rooms with news stay "hot" (queried) for `hotSpan`, and every
/// `fullEvery` — and after a long gap or the first poll — every room is read with `since`.
/// Delivery itself is always `since(roomId:)`, so exactly-once is the per-room feed's.
enum Activity {
    /// Width of a bucket in ms of message time.
    static let bucketWidth: Int64 = 20_000
    /// Clock difference between writers and readers that marks still cover (ms).
    static let skew: Int64 = 6_000
    /// After a bucket's end, how long until nobody marks it any more (2 × skew + the time a mark
    /// takes after its message) and its final read is due.
    static let closeDelay: Int64 = 15_000
    /// How long a room with news keeps being read directly (index lag).
    static let hotSpan: Int64 = 3_000
    /// Every room is read directly this often (ms).
    static let fullEvery: Int64 = 600_000
    /// More buckets than this to catch up (a long sleep): read every room instead.
    static let maxCatchUp: Int64 = 30
    /// Bucket items expire a day after their bucket (if TTL is enabled on `expiresAt`).
    static let keepFor: Int64 = 86_400_000

    static let prefix = "r:"

    static func bucket(_ ms: Int64) -> Int64 {
        ms >= 0 ? ms / bucketWidth : (ms - bucketWidth + 1) / bucketWidth
    }

    static func key(_ bucket: Int64) -> Item { ["uniqueKey": .s("activity#\(bucket)")] }

    /// The buckets a message of this time marks.
    static func buckets(marking createdAt: Int64) -> [Int64] {
        let low = bucket(createdAt - skew), high = bucket(createdAt + skew)
        return Array(low...high)
    }

    /// The reader's position in the activity log.
    struct Cursor: Codable {
        /// Lowest bucket whose final read is still due.
        var next: Int64
        /// Bucket of the previous poll.
        var last: Int64
        /// Counters seen per bucket (watched rooms only), by bucket number.
        var seen: [String: [String: Int64]]
        /// Rooms read directly until this time (ms).
        var hot: [String: Int64]
        /// Time of the last full read (ms).
        var full: Int64
    }
}

extension DynamoMessageService {
    /// Marks `message`'s room as active in its buckets. Best effort: the message is stored
    /// already, and the readers' safety net finds it if this fails.
    func markActivity(_ messages: [Message]) async {
        var marks: [Int64: Set<String>] = [:]
        for message in messages {
            for bucket in Activity.buckets(marking: message.createdAt.millisecondsSince1970) {
                marks[bucket, default: []].insert(message.roomId)
            }
        }
        for (bucket, rooms) in marks {
            var x = ExpressionBuilder()
            var adds: [String] = []
            for room in rooms.sorted() { adds.append(x.add(Activity.prefix + room, .n("1"))) }
            let expiry = x.set("expiresAt", .n(String((bucket + 1) * Activity.bucketWidth / 1000 + Activity.keepFor / 1000)))
            var request = UpdateItemRequest(table: activityTable, key: Activity.key(bucket),
                                            update: ExpressionBuilder.update(set: [expiry], add: adds), expressions: x)
            // Counting a mark twice only causes one extra read; retrying is safe.
            request.isIdempotent = true
            _ = try? await db.update(request)
        }
    }

    public func since(rooms: RoomsCursor, limit: Int) async throws -> RoomsPage {
        let now = clock()
        let current = Activity.bucket(now)
        let watched = Set(rooms.rooms.keys)
        let previous = try rooms.changes.map { try CursorCodec.decode(Activity.Cursor.self, from: $0) }
        guard var state = previous, now >= state.full, now - state.full < Activity.fullEvery,
              current - state.next <= Activity.maxCatchUp else {
            // First poll, safety net, or a long gap: every room directly; buckets from now on.
            var page = try await sinceEachRoom(rooms, only: nil, limit: limit)
            let start = Activity.bucket(now - Activity.closeDelay)
            page.cursor.changes = CursorCodec.encode(Activity.Cursor(next: start, last: current, seen: [:], hot: [:], full: now))
            return page
        }
        // Buckets due for their final read, and those the clock went through since last poll.
        let finals = state.next < current ? (state.next..<current).filter { ($0 + 1) * Activity.bucketWidth + Activity.closeDelay <= now } : []
        let recent = state.last <= current ? Array(max(state.last, current - Activity.maxCatchUp)...current) : [current]
        let buckets = Array(Set(finals + recent)).sorted()
        let items = try await readBuckets(buckets)
        var changed = rooms.fresh.intersection(watched)
        for bucket in buckets {
            let counters = items[bucket].map { Self.counters($0, watched: watched) } ?? [:]
            let before = state.seen[String(bucket)] ?? [:]
            for (room, count) in counters where count > before[room] ?? 0 {
                changed.insert(room)
                state.hot[room] = now + Activity.hotSpan
            }
            state.seen[String(bucket)] = counters
        }
        if let last = finals.last { state.next = max(state.next, last + 1) }
        state.last = max(state.last, current)
        state.seen = state.seen.filter { (Int64($0.key) ?? 0) >= state.next }
        state.hot = state.hot.filter { $0.value > now && watched.contains($0.key) }
        changed.formUnion(state.hot.keys)
        var page = try await sinceEachRoom(rooms, only: changed, limit: limit)
        page.cursor.changes = CursorCodec.encode(state)
        return page
    }

    /// The bucket items, in one request: GetItem for one, BatchGetItem for several.
    private func readBuckets(_ buckets: [Int64]) async throws -> [Int64: Item] {
        var byKey: [Int64: Item] = [:]
        if buckets.count == 1, let bucket = buckets.first {
            let item = try await db.run {
                try await db.client.getItem(table: activityTable, key: Activity.key(bucket), consistentRead: false)
            }
            if let item { byKey[bucket] = item }
            return byKey
        }
        let items = try await db.run {
            try await db.client.batchGetItem(table: activityTable, keys: buckets.map(Activity.key), consistentRead: false)
        }
        for item in items {
            guard let key = item["uniqueKey"]?.stringValue, let bucket = Int64(key.dropFirst("activity#".count)) else { continue }
            byKey[bucket] = item
        }
        return byKey
    }

    /// The counters of the watched rooms in a bucket item.
    private static func counters(_ item: Item, watched: Set<String>) -> [String: Int64] {
        var counters: [String: Int64] = [:]
        for (name, value) in item where name.hasPrefix(Activity.prefix) {
            let room = String(name.dropFirst(Activity.prefix.count))
            guard watched.contains(room), case let .n(number) = value, let count = Int64(number) else { continue }
            counters[room] = count
        }
        return counters
    }
}
