import Foundation
import StudyModel
import StudyStore

/// Messages on `messages` (`_id` is the client-made messageId; RoomIdIndex(roomId, createdAt)).
///
/// A resend after a lost answer hits the unique `_id` and returns the stored message, never a
/// second copy. History pages go backward through RoomIdIndex.
///
/// Polling (`since`) cannot follow commit order as SQLite does: writers stamp `createdAt` with
/// their own clocks, and a message stamped earlier can commit later. As on DynamoDB, the feed
/// cursor holds a watermark (the newest `createdAt` delivered) and the ids delivered within
/// `overlap` before it; each poll reads from `watermark - overlap` forward, drops ids already
/// delivered, advances the watermark and forgets ids older than the window. A single MongoDB
/// server's index is immediately consistent, so a message is delivered exactly once when the
/// writers' clocks differ by less than the 10 s overlap (the contract asks for ±5 s).
///
/// A writer whose clock is further behind must still not be hidden for good: every
/// `deepEvery`-th poll reads back `deepWindow` (2 min) instead, and the ids delivered within
/// that span are remembered so nothing repeats. A message found older than the watermark
/// widens the cursor's own overlap to its lateness, so that writer's later messages arrive
/// with the next quick poll. (The same cursor rules as DynamoMessageService.)
struct MongoMessageService: MessageService {
    let table: MongoTable<Message>

    /// How far behind the newest delivered message a late message is caught at once.
    static let overlap: Int64 = 10_000
    /// How far behind the watermark the periodic deep read looks, and how long delivered ids
    /// are remembered (at most `maxSeen` of them).
    static let deepWindow: Int64 = 120_000
    static let deepEvery = 10
    static let maxSeen = 2000

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Message>(keyName: "messageId", entity: "message")
        // Rooms hold hundreds of thousands of messages: no JSON round trip for them.
        mapping.directWrite = { message in
            ["_id": DocumentMapping<Message>.idValue(message.messageId), "createdAt": .date(message.createdAt.millisecondsSince1970),
             "roomId": .string(message.roomId), "sender": .string(message.sender), "text": .string(message.text)]
        }
        mapping.directRead = { doc in
            guard let id = DocumentMapping<Message>.appId(doc["_id"]), case .string(let roomId)? = doc["roomId"],
                  case .string(let sender)? = doc["sender"], case .string(let text)? = doc["text"],
                  case .date(let ms)? = doc["createdAt"] else { return nil }
            return Message(messageId: id, roomId: roomId, sender: sender, text: text, createdAt: Timestamp(millisecondsSince1970: ms))
        }
        table = MongoTable(collection: connection.collection(schema.messages), mapping: mapping, key: { $0.messageId })
    }

    struct HistoryCursor: Codable { var t: Int64; var id: String }
    /// The feed position: watermark (ms since 1970; nil before the first message) and the ids
    /// delivered within the remembered window, with their times.
    struct FeedCursor: Codable {
        var w: Int64?
        var seen: [String: Int64]
        /// This cursor's overlap (ms); grows past `overlap` when late messages turn up.
        var o: Int64?
        /// From this time (ms) on, every delivered id is in `seen`; reads never go below it.
        var c: Int64?
        /// Polls since the last deep read.
        var n: Int?
    }

    func send(_ message: Message) async throws -> Message {
        _ = try validated(message) { try $0.validate() }
        do {
            return try await table.create(message)
        } catch StoreError.duplicate {
            guard let stored = try await table.get(id: message.messageId) else {
                throw StoreError.conflict(entity: "message", id: message.messageId)
            }
            return stored
        }
    }

    /// One unordered insertMany per 1000; ids already stored are skipped by the unique `_id`.
    func send(batch: [Message]) async throws -> Int {
        for message in batch { _ = try validated(message) { try $0.validate() } }
        var seen = Set<String>()
        let unique = batch.filter { seen.insert($0.messageId).inserted }
        var written = 0
        for start in stride(from: 0, to: unique.count, by: 1000) {
            let docs = try unique[start..<min(start + 1000, unique.count)].map(table.encode)
            written += try await mongo(table.connection) { try await table.collection.insertMany(docs) }
        }
        return written
    }

    func get(id: String) async throws -> Message? { try await table.get(id: id) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    private var sortAscending: BSONDocument { ["createdAt": .int32(1), "_id": .int32(1)] }
    private var sortDescending: BSONDocument { ["createdAt": .int32(-1), "_id": .int32(-1)] }

    private func find(_ filter: BSONDocument, sort: BSONDocument, limit: Int) async throws -> [Message] {
        let docs = try await mongo(table.connection) { try await table.collection.find(filter, sort: sort, limit: limit) }
        return try docs.map(table.decode)
    }

    func history(roomId: String, before: PageCursor?, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        let position = try before.map { try CursorCodec.decode(HistoryCursor.self, from: $0) }
        var filter: BSONDocument = ["roomId": .string(roomId)]
        if let position {
            let t = BSON.date(position.t)
            filter["$or"] = .array([.document(["createdAt": .document(["$lt": t])]),
                                    .document(["createdAt": t, "_id": .document(["$lt": DocumentMapping<Message>.idValue(position.id)])])])
        }
        let found = try await find(filter, sort: sortDescending, limit: limit + 1)
        let page = Array(found.prefix(limit))
        let older = found.count > limit ? page.last.map {
            CursorCodec.encode(HistoryCursor(t: $0.createdAt.millisecondsSince1970, id: $0.messageId))
        } : nil
        // The feed starts at the room's newest message, whichever page this is.
        let newest: [Message] = position == nil ? page : try await find(["roomId": .string(roomId)], sort: sortDescending, limit: 1)
        let feed = try await feedCursor(roomId: roomId, newest: newest.first, known: position == nil ? page : [],
                                        complete: position == nil && older == nil)
        return MessagePage(messages: page.reversed(), older: older, feed: CursorCodec.encode(feed))
    }

    /// A feed cursor at `newest`, having seen every message of the deep window before it.
    /// `known` are the newest messages already read; when they cover the window (or the whole
    /// room, `complete`), no further read is needed.
    private func feedCursor(roomId: String, newest: Message?, known: [Message], complete: Bool) async throws -> FeedCursor {
        guard let newest else { return FeedCursor(w: nil, seen: [:]) }
        let watermark = newest.createdAt.millisecondsSince1970
        // Everything of the deep window is remembered, so a late message written after this
        // point is told apart from one already shown, however far behind its writer is.
        let low = watermark - Self.deepWindow
        var window = known
        let covered = complete || (known.last.map { $0.createdAt.millisecondsSince1970 < low } ?? false)
        if !covered {
            window = try await find(["roomId": .string(roomId), "createdAt": .document(["$gte": .date(low)])],
                                    sort: sortAscending, limit: 0)
        }
        var seen: [String: Int64] = [:]
        for message in window where message.createdAt.millisecondsSince1970 >= low {
            seen[message.messageId] = message.createdAt.millisecondsSince1970
        }
        return FeedCursor(w: watermark, seen: seen, o: nil, c: low, n: nil)
    }

    func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        var position = try CursorCodec.decode(FeedCursor.self, from: cursor)
        let overlap = position.o ?? Self.overlap
        let polls = (position.n ?? 0) + 1
        let deep = polls >= Self.deepEvery
        var filter: BSONDocument = ["roomId": .string(roomId)]
        if let w = position.w {
            let low = max(position.c ?? (w - Self.overlap), w - (deep ? max(overlap, Self.deepWindow) : overlap))
            filter["createdAt"] = .document(["$gte": .date(low)])
        }
        // Enough to find `limit` + 1 new ones even if every already-delivered id comes first.
        let found = try await find(filter, sort: sortAscending, limit: limit + position.seen.count + 1)
        let fresh = found.filter { position.seen[$0.messageId] == nil }
        let delivered = Array(fresh.prefix(limit))
        let before = position.w
        for message in delivered {
            let time = message.createdAt.millisecondsSince1970
            position.seen[message.messageId] = time
            position.w = max(position.w ?? time, time)
            // Late (its writer's clock is behind): look back that far from now on.
            if let before, before - time > overlap / 2 {
                position.o = min(Self.deepWindow, max(position.o ?? Self.overlap, before - time + Self.overlap))
            }
        }
        position.n = deep ? 0 : polls
        if let watermark = position.w {
            prune(&position, below: watermark - max(position.o ?? Self.overlap, Self.deepWindow))
        }
        return MessagePage(messages: delivered, older: nil, feed: CursorCodec.encode(position), hasMore: fresh.count > limit)
    }

    /// Forgets delivered ids older than `cutoff` (and the oldest beyond `maxSeen`), moving the
    /// cursor's coverage start so that no read goes below what is still remembered.
    private func prune(_ position: inout FeedCursor, below cutoff: Int64) {
        var start = max(position.c ?? cutoff, cutoff)
        if position.seen.count > Self.maxSeen {
            let times = position.seen.values.sorted(by: >)
            start = max(start, times[Self.maxSeen - 1] + 1)
        }
        position.seen = position.seen.filter { $0.value >= start }
        position.c = start
    }
}
