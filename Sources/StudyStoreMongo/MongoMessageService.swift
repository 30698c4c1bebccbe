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
/// with the next quick poll. The cursor and its window logic are `TimeFeed`'s, shared with DynamoDB.
struct MongoMessageService: MessageService {
    let table: MongoTable<Message>

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

    private func feedCursor(roomId: String, newest: Message?, known: [Message], complete: Bool) async throws -> TimeFeed.Cursor {
        try await TimeFeed.cursor(newest: newest, known: known, complete: complete) { low in
            try await find(["roomId": .string(roomId), "createdAt": .document(["$gte": .date(low)])], sort: sortAscending, limit: 0)
        }
    }

    func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        var position = try CursorCodec.decode(TimeFeed.Cursor.self, from: cursor)
        let poll = TimeFeed.poll(position)
        var filter: BSONDocument = ["roomId": .string(roomId)]
        if let low = poll.low { filter["createdAt"] = .document(["$gte": .date(low)]) }
        // Enough to find `limit` + 1 new ones even if every already-delivered id comes first.
        let found = try await find(filter, sort: sortAscending, limit: limit + position.seen.count + 1)
        let (delivered, waiting) = TimeFeed.deliver(found, poll: poll, limit: limit, position: &position)
        return MessagePage(messages: delivered, older: nil, feed: CursorCodec.encode(position), hasMore: waiting)
    }
}
