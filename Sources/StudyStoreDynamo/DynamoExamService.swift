import DynamoDB
import StudyModel
import StudyStore

/// Exams on `<prefix>-exams` (OwnerIndex(owner, createdAt), ContentIndex(contentId)), and their
/// attempts on `<prefix>-exam-attempts`, one item per attempt, so an exam item stays small
/// however often it is taken.
///
/// Attempt items: partition `examId`, sort `attemptKey` = `<finishedAt>#<attempt id>` (newest
/// first by a backward Query), plus `examUser` = `<examId>#<userId>` for ExamUserIndex.
struct DynamoExamService: ExamService {
    let table: ItemTable<Exam>
    let attemptsTable: ItemTable<ExamAttempt>
    let db: Dynamo

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        table = ItemTable(db: db, name: schema.exams, entity: "exam", keyName: "id", key: { $0.id },
                          indexes: ["OwnerIndex": ["owner", "createdAt"], "ContentIndex": ["contentId"]])
        var attempts = ItemTable<ExamAttempt>(db: db, name: schema.examAttempts, entity: "attempt", keyName: "examId",
                                              key: { $0.examId }, indexes: ["ExamUserIndex": ["examUser", "attemptKey"]])
        attempts.prepare = { attempt, item in
            item["attemptKey"] = .s(Self.attemptKey(attempt))
            item["examUser"] = .s(Self.examUser(attempt.examId, attempt.userId))
        }
        attemptsTable = attempts
    }

    static func attemptKey(_ attempt: ExamAttempt) -> String { "\(attempt.finishedAt.iso8601)#\(attempt.id)" }
    static func examUser(_ examId: String, _ userId: String) -> String { "\(examId)#\(userId)" }
    static let attemptKeys = ["examId", "attemptKey"]

    func create(_ exam: Exam) async throws -> Exam { try await table.create(validated(exam) { try $0.validate() }) }
    func get(id: String) async throws -> Exam? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Exam] { try await table.batchGet(ids: ids) }
    func update(_ exam: Exam) async throws -> Exam { try await table.update(validated(exam) { try $0.validate() }) }

    /// Deletes the exam, then its attempts (a Query of the exam's partition, deleted 25 at a time).
    func delete(id: String) async throws {
        try await table.delete(id: id)
        var x = ExpressionBuilder()
        let condition = x.equals("examId", .s(id))
        let projection = x.projection(Self.attemptKeys)
        let keys = try await db.queryAll(QueryRequest(table: attemptsTable.name, keyCondition: condition, expressions: x,
                                                      consistentRead: true, projection: projection), cap: .max)
        try await db.batchWrite(keys.map { BatchWrite(table: attemptsTable.name, .delete(key: $0)) })
    }

    func list(owner: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await table.queryPage(index: "OwnerIndex", owner, page)
    }
    /// The seeds' ContentIndex has no sort key: the document's exams are sorted here.
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await table.sortedPage(index: "ContentIndex", contentId, page)
    }

    /// Stores the attempt and the exam's new aggregates in one transaction: the attempt only if
    /// it is new (attribute_not_exists), the exam only if unchanged since read (revision). A
    /// lost race reads again; an attempt already stored returns the exam as it is.
    func record(_ attempt: ExamAttempt) async throws -> Exam {
        let attemptKey: Item = ["examId": .s(attempt.examId), "attemptKey": .s(Self.attemptKey(attempt))]
        for round in 0..<optimisticAttempts {
            guard let old = try await table.getItem(id: attempt.examId) else {
                throw StoreError.notFound(entity: "exam", id: attempt.examId)
            }
            let exam = try table.decode(old)
            if try await db.get(attemptsTable.name, attemptKey) != nil { return exam }
            var updated = exam
            updated.record(attempt)
            var ax = ExpressionBuilder()
            let isNew = ax.attributeNotExists("examId")
            var ex = ExpressionBuilder()
            let unchanged = table.unchanged(old, &ex)
            do {
                try await db.transact([
                    .put(PutItemRequest(table: attemptsTable.name, item: try attemptsTable.encode(attempt), condition: isNew, expressions: ax)),
                    .put(PutItemRequest(table: table.name, item: try table.encode(updated), condition: unchanged, expressions: ex)),
                ])
                return updated
            } catch where isTransactionFailure(error) {
                await backoff(round)
            } catch StoreError.outcomeUnknown {
                // The next round reads whether the attempt landed (then returns) or writes it again.
                await backoff(round)
            }
        }
        throw StoreError.conflict(entity: "exam", id: attempt.examId)
    }

    func attempts(examId: String, userId: String?, _ page: PageRequest) async throws -> Page<ExamAttempt> {
        let (items, next): ([Item], PageCursor?)
        if let userId {
            (items, next) = try await attemptsTable.queryItems(
                index: "ExamUserIndex", partition: Self.examUser(examId, userId), descending: true, limit: page.limit,
                cursor: page.cursor, tableKeys: Self.attemptKeys)
        } else {
            (items, next) = try await attemptsTable.queryItems(
                index: nil, partition: examId, descending: true, limit: page.limit, cursor: page.cursor, tableKeys: Self.attemptKeys)
        }
        return Page(items: try items.map(attemptsTable.decode), next: next)
    }
}
