import Foundation
import GRDB
import StudyModel
import StudyStore

/// Messages have a column per attribute (no JSON) because rooms hold hundreds of thousands.
///
/// History is ordered by (createdAt, messageId). Polling follows `seq`, the order in which
/// writes committed: SQLite admits one writer at a time, so a reader never sees a gap in `seq`
/// that a slower writer fills later, and clocks that disagree cannot hide a message.
struct SQLiteMessageService: MessageService {
    let db: SQLiteDatabase

    struct HistoryCursor: Codable { var t: String; var id: String }
    struct FeedCursor: Codable { var seq: Int64 }

    static let columns = "messageId, roomId, sender, text, createdAt"

    static func decode(_ row: Row) throws -> Message {
        let created: String = row["createdAt"]
        guard let time = Timestamp(iso8601: created) else {
            throw StoreError.corrupt("A stored message has a damaged time '\(created)'.")
        }
        return Message(messageId: row["messageId"], roomId: row["roomId"], sender: row["sender"], text: row["text"], createdAt: time)
    }

    static func insert(_ db: Database, _ message: Message) throws -> Bool {
        // A cached statement: bulk imports insert hundreds of thousands of rows.
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO messages (\(columns)) VALUES (?, ?, ?, ?, ?)")
        try statement.execute(arguments: [message.messageId, message.roomId, message.sender, message.text, message.createdAt.iso8601])
        return db.changesCount > 0
    }

    public func send(_ message: Message) async throws -> Message {
        _ = try validated(message) { try $0.validate() }
        return try await db.write { database in
            if try Self.insert(database, message) { return message }
            // Already stored (a resend): return what is stored, never a second copy.
            guard let row = try Row.fetchOne(database, sql: "SELECT \(Self.columns) FROM messages WHERE messageId = ?",
                                             arguments: [message.messageId]) else {
                throw StoreError.conflict(entity: "message", id: message.messageId)
            }
            return try Self.decode(row)
        }
    }

    public func send(batch: [Message]) async throws -> Int {
        for message in batch { _ = try validated(message) { try $0.validate() } }
        return try await db.write { database in
            try batch.reduce(0) { count, message in count + (try Self.insert(database, message) ? 1 : 0) }
        }
    }

    public func get(id: String) async throws -> Message? {
        try await db.read { database in
            try Row.fetchOne(database, sql: "SELECT \(Self.columns) FROM messages WHERE messageId = ?", arguments: [id]).map(Self.decode)
        }
    }

    public func delete(id: String) async throws {
        try await db.write { database in
            try database.execute(sql: "DELETE FROM messages WHERE messageId = ?", arguments: [id])
            if database.changesCount == 0 { throw StoreError.notFound(entity: "message", id: id) }
        }
    }

    public func history(roomId: String, before: PageCursor?, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        let position = try before.map { try CursorCodec.decode(HistoryCursor.self, from: $0) }
        return try await db.read { database in
            var sql = "SELECT \(Self.columns) FROM messages WHERE roomId = ?"
            var args: StatementArguments = [roomId]
            if let position {
                sql += " AND (createdAt, messageId) < (?, ?)"
                args += [position.t, position.id]
            }
            sql += " ORDER BY createdAt DESC, messageId DESC LIMIT ?"
            args += [limit + 1]
            let rows = try Row.fetchAll(database, sql: sql, arguments: args)
            let messages = try rows.prefix(limit).map(Self.decode).reversed()
            let older = rows.count > limit ? messages.first.map {
                CursorCodec.encode(HistoryCursor(t: $0.createdAt.iso8601, id: $0.messageId))
            } : nil
            let top = try Int64.fetchOne(database, sql: "SELECT MAX(seq) FROM messages WHERE roomId = ?", arguments: [roomId]) ?? 0
            return MessagePage(messages: Array(messages), older: older, feed: CursorCodec.encode(FeedCursor(seq: top)))
        }
    }

    public func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        let position = try CursorCodec.decode(FeedCursor.self, from: cursor)
        return try await db.read { database in
            let rows = try Row.fetchAll(database, sql: """
                SELECT seq, \(Self.columns) FROM messages WHERE roomId = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [roomId, position.seq, limit + 1])
            let page = rows.prefix(limit)
            let messages = try page.map(Self.decode)
            let last: Int64 = page.last?["seq"] ?? position.seq
            return MessagePage(messages: messages, older: nil, feed: CursorCodec.encode(FeedCursor(seq: last)),
                               hasMore: rows.count > limit)
        }
    }
    /// All watched rooms in one query: each room's rows after its own `seq`, at most `limit + 1`
    /// per room (a window function), so an idle poll costs one indexed read however many rooms.
    public func since(rooms: RoomsCursor, limit: Int) async throws -> RoomsPage {
        let limit = max(1, min(limit, PageRequest.maxLimit))
        var positions: [String: Int64] = [:]
        for (room, cursor) in rooms.rooms { positions[room] = try CursorCodec.decode(FeedCursor.self, from: cursor).seq }
        var next = rooms
        next.fresh = []
        guard !positions.isEmpty else { return RoomsPage(messages: [:], hasMore: [], cursor: next) }
        let ordered = positions.sorted { $0.key < $1.key }
        let rows = try await db.read { database -> [(seq: Int64, n: Int, message: Message)] in
            // (roomId, seq) pairs as a VALUES table; the join uses messages_room_seq per room.
            let values = Array(repeating: "(?, ?)", count: ordered.count).joined(separator: ", ")
            var args: StatementArguments = []
            for (room, seq) in ordered { args += [room, seq] }
            args += [limit + 1]
            let rows = try Row.fetchAll(database, sql: """
                WITH wanted(room, after) AS (VALUES \(values))
                SELECT * FROM (
                    SELECT m.seq, m.messageId, m.roomId, m.sender, m.text, m.createdAt,
                           ROW_NUMBER() OVER (PARTITION BY m.roomId ORDER BY m.seq) AS n
                    FROM wanted w JOIN messages m ON m.roomId = w.room AND m.seq > w.after)
                WHERE n <= ? ORDER BY seq
                """, arguments: args)
            return try rows.map { (seq: $0["seq"], n: $0["n"], message: try Self.decode($0)) }
        }
        var messages: [String: [Message]] = [:]
        var more = Set<String>()
        for (seq, n, message) in rows {
            if n > limit { more.insert(message.roomId); continue }
            messages[message.roomId, default: []].append(message)
            next.rooms[message.roomId] = CursorCodec.encode(FeedCursor(seq: seq))
        }
        return RoomsPage(messages: messages, hasMore: more, cursor: next)
    }
}
