import DynamoDB
import StudyModel
import StudyStore

/// Messages on `<prefix>-messages` (key messageId; RoomIdIndex(roomId, createdAt)).
///
/// History pages go backward through RoomIdIndex. Polling (`since`) cannot follow commit
/// order as SQLite does: DynamoDB has none, writers stamp `createdAt` with their own clocks,
/// and the GSI is eventually consistent. So the feed cursor holds a watermark (the newest
/// `createdAt` delivered) and the ids delivered within `overlap` before it. Every poll reads
/// RoomIdIndex from `watermark - overlap` forward, drops ids already delivered, advances the
/// watermark and forgets ids older than the window. A message is therefore delivered exactly
/// once provided it becomes visible in the index before the watermark passes its `createdAt`
/// by more than `overlap` — i.e. writers' clocks and index lag together stay within 10 s.
///
/// A writer whose clock is further behind must still not be hidden for good: every
/// `deepEvery`-th poll reads back `deepWindow` (2 min) instead, and the ids delivered within
/// that span are remembered so nothing repeats. A message found older than the watermark
/// widens the cursor's own overlap to its lateness, so that writer's later messages arrive
/// with the next quick poll. The cursor and its window logic are `TimeFeed`'s, shared with MongoDB.
struct DynamoMessageService: MessageService {
    let table: ItemTable<Message>
    let db: Dynamo
    /// Where the activity buckets live (`<prefix>-unique`; see DynamoActivity.swift).
    let activityTable: String
    /// The reader's clock for activity buckets (ms since 1970); injectable for tests.
    let clock: @Sendable () -> Int64

    init(_ db: Dynamo, _ schema: DynamoSchema, clock: @escaping @Sendable () -> Int64 = { Timestamp.now().millisecondsSince1970 }) {
        self.db = db
        self.clock = clock
        activityTable = schema.unique
        table = ItemTable(db: db, name: schema.messages, entity: "message", keyName: "messageId", key: { $0.messageId },
                          indexes: ["RoomIdIndex": ["roomId", "createdAt"]])
    }

    func send(_ message: Message) async throws -> Message {
        _ = try validated(message) { try $0.validate() }
        do {
            try await table.insert(try table.encode(message), id: message.messageId)
            await markActivity([message])
            return message
        } catch StoreError.duplicate {
            // A resend after a lost answer: return what is stored, never a second copy.
            guard let stored = try await table.get(id: message.messageId) else {
                throw StoreError.conflict(entity: "message", id: message.messageId)
            }
            // The first attempt may have stopped before its activity mark.
            await markActivity([stored])
            return stored
        }
    }

    /// Skips ids already stored (one consistent BatchGetItem per 100), then writes the rest with
    /// BatchWriteItem. Two importers racing on one id write the same message twice, which
    /// leaves one copy (same key); only the returned count may then be off.
    func send(batch: [Message]) async throws -> Int {
        for message in batch { _ = try validated(message) { try $0.validate() } }
        var seen = Set<String>()
        let unique = batch.filter { seen.insert($0.messageId).inserted }
        var written = 0
        for start in stride(from: 0, to: unique.count, by: 100) {
            let chunk = Array(unique[start..<min(start + 100, unique.count)])
            let existing = Set(try await table.batchGetItems(ids: chunk.map(\.messageId)).compactMap { $0["messageId"]?.stringValue })
            let fresh = chunk.filter { !existing.contains($0.messageId) }
            try await db.batchWrite(try fresh.map { BatchWrite(table: table.name, .put(try table.encode($0))) })
            written += fresh.count
            // Only recent messages concern live readers; old imports would only grow old buckets.
            let recent = clock() - Activity.bucketWidth * 2
            await markActivity(fresh.filter { $0.createdAt.millisecondsSince1970 >= recent })
        }
        return written
    }

    func get(id: String) async throws -> Message? { try await table.get(id: id) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func history(roomId: String, before: PageCursor?, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        let (items, older) = try await table.queryItems(index: "RoomIdIndex", partition: roomId, descending: true,
                                                        limit: limit, cursor: before)
        let messages = try items.map(table.decode)
        // The feed starts at the room's newest message, whichever page this is.
        let feed: TimeFeed.Cursor
        if before == nil {
            feed = try await feedCursor(roomId: roomId, newest: messages.first, known: messages, complete: older == nil)
        } else {
            let (top, _) = try await table.queryItems(index: "RoomIdIndex", partition: roomId, descending: true, limit: 1, cursor: nil)
            feed = try await feedCursor(roomId: roomId, newest: try top.first.map(table.decode), known: [], complete: false)
        }
        return MessagePage(messages: messages.reversed(), older: older, feed: CursorCodec.encode(feed))
    }

    private func feedCursor(roomId: String, newest: Message?, known: [Message], complete: Bool) async throws -> TimeFeed.Cursor {
        try await TimeFeed.cursor(newest: newest, known: known, complete: complete) { low in
            try await read(roomId: roomId, from: low, until: nil).items
        }
    }

    /// Messages of the room from `from` (ms, inclusive) forward, stopping once `until` new ones
    /// (not in `skip`) are found; `more` when that stopped the read early.
    private func read(roomId: String, from: Int64?, until wanted: Int?, skip: [String: Int64] = [:]) async throws
        -> (items: [Message], more: Bool) {
        var x = ExpressionBuilder()
        var condition = x.equals("roomId", .s(roomId))
        if let from {
            condition += " AND " + KeyRange.atLeast(Timestamp(millisecondsSince1970: from).iso8601).expression("createdAt", &x)
        }
        var request = QueryRequest(table: table.name, indexName: "RoomIdIndex", keyCondition: condition, expressions: x,
                                   scanIndexForward: true, limit: max(100, (wanted ?? 0) + skip.count + 1))
        var found: [Message] = []
        while true {
            let page = try await db.query(request)
            found += try page.items.map(table.decode).filter { skip[$0.messageId] == nil }
            if let wanted, found.count > wanted { return (found, true) }
            guard let next = page.lastEvaluatedKey else { return (found, false) }
            request.exclusiveStartKey = next
        }
    }

    func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        var position = try CursorCodec.decode(TimeFeed.Cursor.self, from: cursor)
        let poll = TimeFeed.poll(position)
        let (found, more) = try await read(roomId: roomId, from: poll.low, until: limit, skip: position.seen)
        let (delivered, waiting) = TimeFeed.deliver(found, poll: poll, limit: limit, position: &position)
        return MessagePage(messages: delivered, older: nil, feed: CursorCodec.encode(position), hasMore: more || waiting)
    }
}
