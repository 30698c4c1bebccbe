import Foundation
import GRDB
import StudyModel
import StudyStore

/// Create/get/batchGet/update/delete shared by the services whose entity has its own `validate()`.
protocol SQLiteCRUD: Sendable {
    associatedtype Entity: Codable & Sendable
    var db: SQLiteDatabase { get }
    var table: DocumentTable<Entity> { get }
    func check(_ item: Entity) throws
}

extension SQLiteCRUD {
    func create(_ item: Entity) async throws -> Entity {
        try check(item)
        let table = self.table
        try await db.write { try table.insert($0, item) }
        return item
    }
    func get(id: String) async throws -> Entity? {
        let table = self.table
        return try await db.read { try table.fetch($0, id: id) }
    }
    func batchGet(ids: [String]) async throws -> [Entity] {
        let table = self.table
        return try await db.read { try table.fetchMany($0, ids: ids) }
    }
    func update(_ item: Entity) async throws -> Entity {
        try check(item)
        let table = self.table
        try await db.write { try table.update($0, item) }
        return item
    }
    func delete(id: String) async throws {
        let table = self.table
        try await db.write { try table.delete($0, id: id) }
    }
    func page(where condition: String = "1", _ args: [(any DatabaseValueConvertible)?] = [], sort: String = "createdAt",
              descending: Bool = true, _ request: PageRequest) async throws -> Page<Entity> {
        let table = self.table
        let sendableArgs = args.map { $0?.databaseValue ?? .null }
        return try await db.read { try table.page($0, where: condition, sendableArgs, sort: sort, descending: descending, request) }
    }
    func page(_ request: PageRequest) async throws -> Page<Entity> {
        try await page(where: "1", [], request)
    }
    /// Reads, changes and writes one record in a single write transaction.
    func modify(id: String, _ change: @escaping @Sendable (inout Entity) throws -> Void) async throws -> Entity {
        let table = self.table
        return try await db.write { database in
            guard var item = try table.fetch(database, id: id) else {
                throw StoreError.notFound(entity: table.entity, id: id)
            }
            try change(&item)
            try table.update(database, item)
            return item
        }
    }
}

struct SQLiteUserService: UserService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.users
    func check(_ item: User) throws { _ = try validated(item) { try $0.validate() } }

    public func get(email: String) async throws -> User? {
        let table = self.table
        return try await db.read { try table.fetchOne($0, where: "emailKey = ?", [email.lowercased()]) }
    }
    public func get(username: String) async throws -> User? {
        let table = self.table
        return try await db.read { try table.fetchOne($0, where: "usernameKey = ?", [Username.key(username)]) }
    }
    public func list(_ page: PageRequest) async throws -> Page<User> {
        try await self.page(sort: "createdAt", descending: false, page)
    }
}

struct SQLiteContentService: ContentService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.content
    func check(_ item: Content) throws { _ = try validated(item) { try $0.validate() } }

    /// Stores the document with its text hash; the owner's same text is a duplicate naming
    /// the document that has it (also when two terminals add it at once: unique index).
    public func create(_ content: Content) async throws -> Content {
        try check(content)
        let table = self.table
        let hash = ContentHash.of(content.sourceText)
        return try await db.write { database in
            if let existing = try Self.owner(database, content.owner, has: hash, except: content.id) {
                throw StoreError.duplicate(entity: "document", field: "contentHash", value: existing)
            }
            try table.insert(database, content, extra: [("contentHash", hash)])
            return content
        }
    }

    /// Many documents in one write transaction (see `ContentBatch`). Hashing and checks run
    /// before the transaction, so the write lock is held only for the lookups and inserts.
    public func add(batch documents: [Content]) async throws -> [Result<DocumentAddition, Error>] {
        var results = [Result<DocumentAddition, Error>?](repeating: nil, count: documents.count)
        var ready: [(index: Int, document: Content, hash: String)] = []
        ready.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            do {
                try check(document)
                ready.append((index, document, ContentHash.of(document.sourceText)))
            } catch let error as StoreError where error.concernsOneDocument {
                results[index] = .failure(error)
            }
        }
        let toWrite = ready
        let written = try await db.write { database in try ContentBatchWrite.write(database, toWrite) }
        for (index, result) in written { results[index] = result }
        return results.map { $0 ?? .failure(StoreError.conflict(entity: "document", id: "")) }
    }

    /// The id of the owner's document with this text hash, if any.
    static func owner(_ database: Database, _ owner: String, has hash: String, except id: String? = nil) throws -> String? {
        try String.fetchOne(database, sql: "SELECT id FROM content WHERE owner = ? AND contentHash = ? AND id != ?",
                            arguments: [owner, hash, id ?? ""])
    }

    /// A changed text takes its new hash (refused when the owner has that text elsewhere); an
    /// unchanged text keeps what it had, so a copy stored before hashes (which has none) can
    /// still be edited.
    public func update(_ content: Content) async throws -> Content {
        try check(content)
        let table = self.table
        return try await db.write { database in
            guard let old = try Row.fetchOne(database, sql: "SELECT sourceText, contentHash FROM content WHERE id = ?",
                                             arguments: [content.id]) else {
                throw StoreError.notFound(entity: "document", id: content.id)
            }
            let hash = ContentHash.of(content.sourceText)
            let oldHash: String? = old["contentHash"]
            let textChanged = (oldHash ?? ContentHash.of(old["sourceText"])) != hash
            try table.update(database, content)
            if textChanged { try Self.setHash(database, content, hash) }
            return content
        }
    }

    /// Records the hash of a stored document; the owner's same text elsewhere is a duplicate.
    static func setHash(_ database: Database, _ content: Content, _ hash: String) throws {
        if let existing = try owner(database, content.owner, has: hash, except: content.id) {
            throw StoreError.duplicate(entity: "document", field: "contentHash", value: existing)
        }
        try database.execute(sql: "UPDATE content SET contentHash = ? WHERE id = ?", arguments: [hash, content.id])
    }

    public func find(owner: String, contentHash: String) async throws -> Content? {
        let table = self.table
        return try await db.read { try table.fetchOne($0, where: "owner = ? AND contentHash = ?", [owner, contentHash]) }
    }

    public func list(owner: String, _ page: PageRequest) async throws -> Page<Content> {
        try await self.page(where: "owner = ?", [owner], page)
    }
    public func list(category: String?, _ page: PageRequest) async throws -> Page<Content> {
        if let category { return try await self.page(where: "category = ?", [category], page) }
        return try await self.page(page)
    }
    public func search(_ query: String, _ page: PageRequest) async throws -> Page<Content> {
        guard let terms = FullTextQuery.terms(query) else { return Page(items: [], next: nil) }
        let offset = try page.cursor.map { try CursorCodec.decode(Int.self, from: $0) } ?? 0
        let limit = page.limit
        // Rank first on the index alone (see `SearchRanking`), then load only the page's rows:
        // joining before the sort would read every matching document's text. Offset paging
        // is fine for ranked results.
        return try await db.read { database in
            let ranked = try SearchRanking.rowids(database, terms: terms, offset: offset, count: limit + 1)
            let pageIds = Array(ranked.prefix(limit))
            guard !pageIds.isEmpty else { return Page(items: [], next: nil) }
            let marks = Array(repeating: "?", count: pageIds.count).joined(separator: ",")
            let rows = try Row.fetchAll(database, sql: "SELECT rowid, data, sourceText FROM content WHERE rowid IN (\(marks))",
                                        arguments: StatementArguments(pageIds))
            var byRowid: [Int64: Content] = [:]
            for row in rows { byRowid[row["rowid"]] = try Tables.content.decode(row) }
            let next = ranked.count > limit ? CursorCodec.encode(offset + limit) : nil
            return Page(items: pageIds.compactMap { byRowid[$0] }, next: next)
        }
    }
}

/// Builds an FTS5 query that matches every word, with user input quoted so that punctuation
/// and FTS operators in it are plain text. Only the last word matches as a prefix (search as
/// you type), and only from three letters: a short prefix expands to thousands of terms.
enum FullTextQuery {
    static func match(_ query: String) -> String? {
        terms(query)?.joined(separator: " ")
    }

    /// The query's terms, each a quoted FTS5 phrase (the last a prefix from three letters).
    static func terms(_ query: String) -> [String]? {
        let words = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(16)
        guard let last = words.last else { return nil }
        var terms = words.dropLast().map { "\"\($0)\"" }
        terms.append(last.count >= 3 ? "\"\(last)\"*" : "\"\(last)\"")
        return terms
    }
}

struct SQLiteSummaryService: SummaryService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.summaries
    func check(_ item: Summary) throws { _ = try validated(item) { try $0.validate() } }

    public func list(owner: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await self.page(where: "owner = ?", [owner], page)
    }
    public func list(contentId: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await self.page(where: "contentId = ?", [contentId], page)
    }
}

struct SQLiteExamService: ExamService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.exams
    func check(_ item: Exam) throws { _ = try validated(item) { try $0.validate() } }

    public func delete(id: String) async throws {
        try await db.write { database in
            try Tables.exams.delete(database, id: id)
            try database.execute(sql: "DELETE FROM exam_attempts WHERE examId = ?", arguments: [id])
        }
    }
    public func list(owner: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await self.page(where: "owner = ?", [owner], page)
    }
    public func list(contentId: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await self.page(where: "contentId = ?", [contentId], page)
    }
    public func record(_ attempt: ExamAttempt) async throws -> Exam {
        try await db.write { database in
            guard var exam = try Tables.exams.fetch(database, id: attempt.examId) else {
                throw StoreError.notFound(entity: "exam", id: attempt.examId)
            }
            if try Tables.attempts.fetch(database, id: attempt.id) != nil { return exam }
            try Tables.attempts.insert(database, attempt)
            exam.record(attempt)
            try Tables.exams.update(database, exam)
            return exam
        }
    }
    public func attempts(examId: String, userId: String?, _ page: PageRequest) async throws -> Page<ExamAttempt> {
        let condition = userId == nil ? "examId = ?" : "examId = ? AND userId = ?"
        let args: [DatabaseValue] = [examId.databaseValue] + (userId.map { [$0.databaseValue] } ?? [])
        return try await db.read { try Tables.attempts.page($0, where: condition, args, sort: "finishedAt", page) }
    }
}

struct SQLiteTemplateService: TemplateService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.templates
    func check(_ item: Template) throws { _ = try validated(item) { try $0.validate() } }

    public func list(createdBy: String, _ page: PageRequest) async throws -> Page<Template> {
        try await self.page(where: "createdBy = ?", [createdBy], page)
    }
    public func list(type: Template.TemplateType, category: String, _ page: PageRequest) async throws -> Page<Template> {
        try await self.page(where: "type = ? AND category = ?", [type.rawValue, category], page)
    }
    public func listPublic(_ page: PageRequest) async throws -> Page<Template> {
        try await self.page(where: "isPublic = 1", [], page)
    }
    public func recordUse(id: String) async throws -> Template {
        try await modify(id: id) { template in
            template.usage.count += 1
            template.usage.lastUsedAt = .now()
        }
    }
    /// The user's row in `ratings` and the template's aggregate change in one transaction.
    public func rate(id: String, userId: String, score: Int) async throws -> Template {
        _ = try validated(score) { try Validate.range($0, 1...5, field: "rating", label: "Rating") }
        return try await db.write { database in
            guard var template = try Tables.templates.fetch(database, id: id) else {
                throw StoreError.notFound(entity: "template", id: id)
            }
            let old = try Int.fetchOne(database, sql: "SELECT score FROM ratings WHERE targetId = ? AND userId = ?",
                                       arguments: [id, userId])
            if old == score { return template }
            try database.execute(sql: """
                INSERT INTO ratings (targetId, userId, score, ratedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (targetId, userId) DO UPDATE SET score = excluded.score, ratedAt = excluded.ratedAt
                """, arguments: [id, userId, score, Timestamp.now().iso8601])
            template.ratings.replace(old, with: score)
            try Tables.templates.update(database, template)
            return template
        }
    }
}

struct SQLiteChatRoomService: ChatRoomService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.rooms
    func check(_ item: ChatRoom) throws { _ = try validated(item) { try $0.validate() } }

    /// Stores the room under its cleaned name and takes the name's guard in the same
    /// transaction: of two terminals creating one name, the second gets `duplicate`.
    public func create(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        try check(room)
        let stored = room
        let table = self.table
        return try await db.write { database in
            try table.insert(database, stored)
            try Self.takeGuard(database, stored)
            return stored
        }
    }

    /// A renamed room takes its new name's guard; an unchanged name keeps what it had (rooms
    /// from before names were unique may have no guard, and keep none).
    public func update(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        try check(room)
        let stored = room
        let table = self.table
        return try await db.write { database in
            let before = try String.fetchOne(database, sql: "SELECT nameKey FROM chat_rooms WHERE roomId = ?", arguments: [stored.roomId])
            try table.update(database, stored)
            if before != stored.nameKey {
                try database.execute(sql: "UPDATE chat_rooms SET nameGuard = NULL WHERE roomId = ?", arguments: [stored.roomId])
                try Self.takeGuard(database, stored)
            }
            return stored
        }
    }

    static func takeGuard(_ database: Database, _ room: ChatRoom) throws {
        do {
            try database.execute(sql: "UPDATE chat_rooms SET nameGuard = ? WHERE roomId = ?", arguments: [room.nameKey, room.roomId])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        }
    }

    public func find(name: String) async throws -> ChatRoom? {
        let table = self.table
        let key = NameKey.key(name)
        return try await db.read {
            try table.fetchOne($0, where: "nameKey = ? ORDER BY nameGuard IS NULL, createdAt, roomId", [key])
        }
    }

    public func list(name: String) async throws -> [ChatRoom] {
        let table = self.table
        let key = NameKey.key(name)
        return try await db.read { try table.fetchAll($0, where: "nameKey = ? ORDER BY createdAt, roomId LIMIT 100", [key]) }
    }
    public func list(_ page: PageRequest) async throws -> Page<ChatRoom> {
        try await self.page(page)
    }
    public func join(roomId: String, username: String) async throws -> ChatRoom {
        try await modify(id: roomId) { room in
            try room.admit(username)
        }
    }
    public func leave(roomId: String, username: String) async throws -> ChatRoom {
        try await modify(id: roomId) { room in
            room.members.removeAll { $0 == username }
            room.updatedAt = .now()
        }
    }
}

struct SQLiteMeetingService: MeetingService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.meetings
    func check(_ item: Meeting) throws { _ = try validated(item) { try $0.validate() } }

    public func list(roomId: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await self.page(where: "roomId = ?", [roomId], sort: "scheduledTime", descending: false, page)
    }
    public func list(organizer: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await self.page(where: "organizer = ?", [organizer], sort: "scheduledTime", descending: false, page)
    }
    public func list(status: Meeting.Status, from: Timestamp?, to: Timestamp?, _ page: PageRequest) async throws -> Page<Meeting> {
        var condition = "status = ?"
        var args: [(any DatabaseValueConvertible)?] = [status.rawValue]
        if let from { condition += " AND scheduledTime >= ?"; args.append(from.iso8601) }
        if let to { condition += " AND scheduledTime <= ?"; args.append(to.iso8601) }
        return try await self.page(where: condition, args, sort: "scheduledTime", descending: false, page)
    }
    public func list(scheduledFrom from: Timestamp, to: Timestamp, _ page: PageRequest) async throws -> Page<Meeting> {
        try await self.page(where: "scheduledTime >= ? AND scheduledTime <= ?", [from.iso8601, to.iso8601],
                            sort: "scheduledTime", descending: false, page)
    }
}

struct SQLiteProjectService: ProjectService, SQLiteCRUD {
    let db: SQLiteDatabase
    let table = Tables.projects
    func check(_ item: Project) throws { _ = try validated(item) { try $0.validate() } }

    public func list(roomId: String, _ page: PageRequest) async throws -> Page<Project> {
        try await self.page(where: "roomId = ?", [roomId], page)
    }
    public func list(createdBy: String, _ page: PageRequest) async throws -> Page<Project> {
        try await self.page(where: "createdBy = ?", [createdBy], page)
    }
    public func list(status: Project.Status, _ page: PageRequest) async throws -> Page<Project> {
        try await self.page(where: "status = ?", [status.rawValue], page)
    }
}
