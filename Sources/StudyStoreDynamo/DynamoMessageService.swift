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
struct DynamoMessageService: MessageService {
    let table: ItemTable<Message>
    let db: Dynamo

    /// How far behind the newest delivered message a late message is still caught.
    static let overlap: Int64 = 10_000

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        table = ItemTable(db: db, name: schema.messages, entity: "message", keyName: "messageId", key: { $0.messageId },
                          indexes: ["RoomIdIndex": ["roomId", "createdAt"]])
    }

    /// The feed position: watermark (ms since 1970; nil before the first message) and the ids
    /// delivered within the overlap window, with their times.
    struct FeedCursor: Codable {
        var w: Int64?
        var seen: [String: Int64]
    }

    func send(_ message: Message) async throws -> Message {
        _ = try validated(message) { try $0.validate() }
        do {
            try await table.insert(try table.encode(message), id: message.messageId)
            return message
        } catch StoreError.duplicate {
            // A resend after a lost answer: return what is stored, never a second copy.
            guard let stored = try await table.get(id: message.messageId) else {
                throw StoreError.conflict(entity: "message", id: message.messageId)
            }
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
        let feed: FeedCursor
        if before == nil {
            feed = try await feedCursor(roomId: roomId, newest: messages.first, known: messages, complete: older == nil)
        } else {
            let (top, _) = try await table.queryItems(index: "RoomIdIndex", partition: roomId, descending: true, limit: 1, cursor: nil)
            feed = try await feedCursor(roomId: roomId, newest: try top.first.map(table.decode), known: [], complete: false)
        }
        return MessagePage(messages: messages.reversed(), older: older, feed: CursorCodec.encode(feed))
    }

    /// A feed cursor at `newest`, having seen every message of the overlap window before it.
    /// `known` are the newest messages already read; when they cover the window (or the whole
    /// room, `complete`), no further read is needed.
    private func feedCursor(roomId: String, newest: Message?, known: [Message], complete: Bool) async throws -> FeedCursor {
        guard let newest else { return FeedCursor(w: nil, seen: [:]) }
        let watermark = newest.createdAt.millisecondsSince1970
        let low = watermark - Self.overlap
        var window = known
        let covered = complete || (known.last.map { $0.createdAt.millisecondsSince1970 < low } ?? false)
        if !covered {
            window = try await read(roomId: roomId, from: low, until: nil).items
        }
        var seen: [String: Int64] = [:]
        for message in window where message.createdAt.millisecondsSince1970 >= low {
            seen[message.messageId] = message.createdAt.millisecondsSince1970
        }
        return FeedCursor(w: watermark, seen: seen)
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
        var position = try CursorCodec.decode(FeedCursor.self, from: cursor)
        let low = position.w.map { $0 - Self.overlap }
        let (found, more) = try await read(roomId: roomId, from: low, until: limit, skip: position.seen)
        // Oldest first; equal times in id order (ids sort by creation).
        let fresh = found.sorted { ($0.createdAt, $0.messageId) < ($1.createdAt, $1.messageId) }
        let delivered = Array(fresh.prefix(limit))
        for message in delivered {
            let time = message.createdAt.millisecondsSince1970
            position.seen[message.messageId] = time
            position.w = max(position.w ?? time, time)
        }
        if let watermark = position.w {
            position.seen = position.seen.filter { $0.value >= watermark - Self.overlap }
        }
        return MessagePage(messages: delivered, older: nil, feed: CursorCodec.encode(position),
                           hasMore: more || fresh.count > limit)
    }
}
