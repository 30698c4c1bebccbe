import Foundation
import GRDB
import StudyModel
import StudyStore

/// Keyset position in a list ordered by (sort column, key column).
struct KeysetCursor: Codable {
    var s: String
    var k: String
}

/// How one entity maps to one SQLite table: key, indexed columns and a JSON `data` column.
/// The generic CRUD and keyset pagination below serve every service.
struct DocumentTable<Entity: Codable & Sendable>: Sendable {
    let table: String
    /// The entity's name in messages ("user", "exam").
    let entity: String
    let keyColumn: String
    let columns: [String]
    let key: @Sendable (Entity) -> String
    let values: @Sendable (Entity) -> [(any DatabaseValueConvertible)?]
    /// Columns besides `data` that `decode` needs (e.g. content's `sourceText`).
    var extraSelect: [String] = []
    var encode: @Sendable (Entity) throws -> String = { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    var decode: @Sendable (Row) throws -> Entity = { row in
        let text: String = row["data"]
        return try JSONDecoder().decode(Entity.self, from: Data(text.utf8))
    }
    /// Names a unique column for duplicate errors: (column in the SQLite message, field, value).
    var uniqueFields: @Sendable (Entity) -> [(column: String, field: String, value: String)] = { _ in [] }

    private var selectList: String { (["data"] + extraSelect).joined(separator: ", ") }

    /// Inserts one row. `extra` sets columns outside `columns` in the same statement (e.g.
    /// content's `contentHash`): a later UPDATE would fire the full-text trigger again.
    func insert(_ db: Database, _ item: Entity, extra: [(column: String, value: (any DatabaseValueConvertible)?)] = []) throws {
        let cols = [keyColumn] + columns + extra.map(\.column) + ["data"]
        let placeholders = Array(repeating: "?", count: cols.count).joined(separator: ", ")
        var args: [(any DatabaseValueConvertible)?] = [key(item)]
        args += values(item)
        args += extra.map(\.value)
        args.append(try encode(item))
        do {
            try db.cachedStatement(sql: "INSERT INTO \(table) (\(cols.joined(separator: ", "))) VALUES (\(placeholders))")
                .execute(arguments: StatementArguments(args))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw duplicateError(error, item)
        }
    }

    /// Inserts several rows with one multi-row INSERT statement; each row's `extra` must name
    /// the same columns. All or nothing: a failing row (a clash) undoes the whole statement and
    /// the `DatabaseError` is thrown as it is, so the caller can retry row by row.
    ///
    /// Why one statement: an INSERT that may abort opens a statement savepoint, and FTS5
    /// writes its pending index entries out at every savepoint; row by row, the full-text
    /// trigger thus wrote one small index segment per document, which FTS5 then had to merge.
    func insertMany(_ db: Database, _ rows: [(item: Entity, extra: [(column: String, value: (any DatabaseValueConvertible)?)])]) throws {
        guard let first = rows.first else { return }
        let cols = [keyColumn] + columns + first.extra.map(\.column) + ["data"]
        let tuple = "(" + Array(repeating: "?", count: cols.count).joined(separator: ",") + ")"
        var args: [(any DatabaseValueConvertible)?] = []
        args.reserveCapacity(rows.count * cols.count)
        for row in rows {
            args.append(key(row.item))
            args += values(row.item)
            args += row.extra.map(\.value)
            args.append(try encode(row.item))
        }
        let sql = "INSERT INTO \(table) (\(cols.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows.count).joined(separator: ",")
        // Full chunks share one cached statement; a batch's last, shorter chunk is prepared once.
        let statement = rows.count == Self.rowsPerInsert ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(args))
    }

    /// Rows per `insertMany` statement for callers that chunk (well below SQLite's limit of
    /// 32,766 parameters, and enough that statement overhead is negligible).
    static var rowsPerInsert: Int { 200 }

    func duplicateError(_ error: DatabaseError, _ item: Entity) -> Error {
        let message = error.message ?? ""
        for unique in uniqueFields(item) where message.contains(".\(unique.column)") {
            return StoreError.duplicate(entity: entity, field: unique.field, value: unique.value)
        }
        return StoreError.duplicate(entity: entity, field: "id", value: key(item))
    }

    func fetch(_ db: Database, id: String) throws -> Entity? {
        let statement = try db.cachedStatement(sql: "SELECT \(selectList) FROM \(table) WHERE \(keyColumn) = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id])
        else { return nil }
        return try decode(row)
    }

    func fetchOne(_ db: Database, where condition: String, _ args: StatementArguments) throws -> Entity? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(selectList) FROM \(table) WHERE \(condition) LIMIT 1", arguments: args)
        else { return nil }
        return try decode(row)
    }

    func fetchAll(_ db: Database, where condition: String, _ args: StatementArguments) throws -> [Entity] {
        try Row.fetchAll(db, sql: "SELECT \(selectList) FROM \(table) WHERE \(condition)", arguments: args).map(decode)
    }

    /// The records that exist among `ids`, in the order asked for.
    func fetchMany(_ db: Database, ids: [String]) throws -> [Entity] {
        var found: [String: Entity] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: "SELECT \(keyColumn) AS k, \(selectList) FROM \(table) WHERE \(keyColumn) IN (\(marks))",
                                        arguments: StatementArguments(chunk))
            for row in rows { found[row["k"]] = try decode(row) }
        }
        return ids.compactMap { found[$0] }
    }

    func update(_ db: Database, _ item: Entity) throws {
        let sets = (columns + ["data"]).map { "\($0) = ?" }.joined(separator: ", ")
        var args = values(item)
        args.append(try encode(item))
        args.append(key(item))
        do {
            try db.cachedStatement(sql: "UPDATE \(table) SET \(sets) WHERE \(keyColumn) = ?").execute(arguments: StatementArguments(args))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw duplicateError(error, item)
        }
        if db.changesCount == 0 { throw StoreError.notFound(entity: entity, id: key(item)) }
    }

    func delete(_ db: Database, id: String) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE \(keyColumn) = ?", arguments: [id])
        if db.changesCount == 0 { throw StoreError.notFound(entity: entity, id: id) }
    }

    /// A page of rows matching `condition`, ordered by (`sort`, key), newest first when `descending`.
    func page(_ db: Database, where condition: String = "1", _ args: [(any DatabaseValueConvertible)?] = [],
              sort: String, descending: Bool = true, _ request: PageRequest) throws -> Page<Entity> {
        var sql = "SELECT \(sort) AS sortValue, \(keyColumn) AS keyValue, \(selectList) FROM \(table) WHERE (\(condition))"
        var arguments = args
        if let cursor = request.cursor {
            let position = try CursorCodec.decode(KeysetCursor.self, from: cursor)
            let op = descending ? "<" : ">"
            sql += " AND (\(sort), \(keyColumn)) \(op) (?, ?)"
            arguments += [position.s, position.k]
        }
        let dir = descending ? "DESC" : "ASC"
        sql += " ORDER BY \(sort) \(dir), \(keyColumn) \(dir) LIMIT ?"
        arguments.append(request.limit + 1)
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        let pageRows = rows.prefix(request.limit)
        let items = try pageRows.map(decode)
        var next: PageCursor?
        if rows.count > request.limit, let last = pageRows.last {
            next = CursorCodec.encode(KeysetCursor(s: last["sortValue"], k: last["keyValue"]))
        }
        return Page(items: items, next: next)
    }
}
