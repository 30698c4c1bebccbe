import Foundation
import StudyModel
import StudyStore

/// Exams on `exams` (OwnerIndex, ContentIndex) and their attempts on `examattempts`, one
/// document per attempt, so an exam document stays small however often it is taken.
///
/// Recording an attempt needs no transaction (a standalone server has none): the exam's
/// aggregates change in one findAndModify of update operators ($inc, $max, $push with
/// $slice) that only matches while the attempt's id is not among the exam's last 50 folded
/// ids (`attempts.recent`); then the attempt document is inserted under its own id. A retry
/// after a lost answer or a crash between the two steps therefore folds nothing twice and
/// still stores the attempt. An attempt already stored returns the exam unchanged.
struct MongoExamService: ExamService {
    let table: MongoTable<Exam>
    let attemptsTable: MongoTable<ExamAttempt>

    static let recentLimit = 50

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Exam>(keyName: "id", entity: "exam")
        mapping.defaults = ["title": .string("Exam"), "configuration": .document([:]), "attempts": .document(["count": .int32(0)]),
                            "analytics": .document(["answered": .document([:]), "correct": .document([:])]),
                            "feedback": .document(["ratings": .int32(0)])]
        mapping.restore = { doc in
            guard case .document(var attempts)? = doc["attempts"] else { return }
            attempts["recent"] = nil
            // The average is the exact sum over the count, whatever order attempts were folded in.
            if let count = attempts["count"]?.intValue, count > 0, let total = attempts["totalScoreHundredths"]?.intValue {
                attempts["averageScore"] = .double(Double(total) / 100 / Double(count))
            }
            doc["attempts"] = .document(attempts)
        }
        table = MongoTable(collection: connection.collection(schema.exams), mapping: mapping, key: { $0.id })
        var attemptMapping = DocumentMapping<ExamAttempt>(keyName: "id", entity: "attempt")
        attemptMapping.defaults = ["answers": .array([]), "score": .double(0)]
        attemptsTable = MongoTable(collection: connection.collection(schema.examAttempts), mapping: attemptMapping, key: { $0.id })
    }

    func create(_ exam: Exam) async throws -> Exam { try await table.create(validated(exam) { try $0.validate() }) }
    func get(id: String) async throws -> Exam? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Exam] { try await table.batchGet(ids: ids) }
    /// Replaces the exam but keeps its hidden `attempts.recent` (which makes `record` safe to
    /// retry); the replace only applies if no attempt was folded since it was read.
    func update(_ exam: Exam) async throws -> Exam {
        _ = try validated(exam) { try $0.validate() }
        let connection = table.connection
        for _ in 0..<5 {
            guard let stored = try await mongo(connection, { try await table.collection.find(table.idQuery(exam.id), limit: 1) }).first else {
                throw StoreError.notFound(entity: "exam", id: exam.id)
            }
            var doc = try table.encode(exam)
            var filter = table.idQuery(exam.id)
            let recent = stored.value(at: "attempts.recent")
            if let recent, case .document(var attempts)? = doc["attempts"] {
                attempts["recent"] = recent
                doc["attempts"] = .document(attempts)
            }
            filter["attempts.recent"] = recent ?? .document(["$exists": .bool(false)])
            let result = try await mongo(connection, entity: "exam", id: exam.id) { try await table.collection.replaceOne(filter, doc) }
            if result.matched > 0 { return exam }
        }
        throw StoreError.conflict(entity: "exam", id: exam.id)
    }

    /// Deletes the exam, then its attempts.
    func delete(id: String) async throws {
        try await table.delete(id: id)
        _ = try await mongo(table.connection) { try await attemptsTable.collection.deleteMany(["examId": .string(id)]) }
    }

    func list(owner: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await table.page(["owner": .string(owner)], sortKey: "createdAt", descending: true, page)
    }
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Exam> {
        try await table.page(["contentId": .string(contentId)], sortKey: "createdAt", descending: true, page)
    }

    /// A key for a question id inside an update path: ids holding '.' or starting with '$'
    /// cannot be field names in a path, so they are refused before anything is written.
    private static func pathSafe(_ id: String) -> Bool { !id.isEmpty && !id.contains(".") && !id.hasPrefix("$") && !id.contains("\0") }

    func record(_ attempt: ExamAttempt) async throws -> Exam {
        if try await attemptsTable.get(id: attempt.id) != nil {
            guard let exam = try await get(id: attempt.examId) else { throw StoreError.notFound(entity: "exam", id: attempt.examId) }
            return exam
        }
        for answer in attempt.answers where !Self.pathSafe(answer.questionId) {
            throw StoreError.invalid(ValidationError("answers", "The question id '\(answer.questionId)' cannot be stored on MongoDB."))
        }
        var increments = BSONDocument()
        increments["attempts.count"] = .int32(1)
        increments["attempts.totalScoreHundredths"] = .int64(Int64((attempt.score * 100).rounded()))
        for answer in attempt.answers {
            let answered = "analytics.answered.\(answer.questionId)"
            increments[answered] = .int32(Int32((increments[answered]?.intValue ?? 0) + 1))
            if answer.correct {
                let correct = "analytics.correct.\(answer.questionId)"
                increments[correct] = .int32(Int32((increments[correct]?.intValue ?? 0) + 1))
            }
        }
        let finished = BSON.date(attempt.finishedAt.millisecondsSince1970)
        let fold: BSONDocument = [
            "$inc": .document(increments),
            "$max": .document(["attempts.bestScore": .double(attempt.score), "updatedAt": finished]),
            "$push": .document(["attempts.recent": .document(["$each": .array([.string(attempt.id)]), "$slice": .int32(Int32(-Self.recentLimit))])]),
        ]
        let notFolded: BSONDocument = ["attempts.recent": .document(["$ne": .string(attempt.id)])]
        let folded = try await table.modify(id: attempt.examId, fold, filter: notFolded)
        if folded == nil, try await get(id: attempt.examId) == nil {
            throw StoreError.notFound(entity: "exam", id: attempt.examId)
        }
        // The latest attempt's score, only if no later attempt was folded meanwhile; of attempts
        // finished in the same millisecond the higher score stays (as Exam.record decides), so
        // the result does not depend on the order attempts are folded in.
        var latest = table.idQuery(attempt.examId)
        latest["$or"] = .array([.document(["attempts.lastAttemptAt": .document(["$lt": finished])]),
                                .document(["attempts.lastAttemptAt": finished,
                                           "attempts.lastScore": .document(["$lte": .double(attempt.score)])]),
                                .document(["attempts.lastAttemptAt": finished, "attempts.lastScore": .null]),
                                .document(["attempts.lastAttemptAt": .null])])
        _ = try await mongo(table.connection) {
            try await table.collection.updateOne(latest, ["$set": .document([
                "attempts.lastScore": .double(attempt.score), "attempts.lastAttemptAt": finished])])
        }
        do {
            _ = try await attemptsTable.create(attempt)
        } catch StoreError.duplicate {
            // Stored by a concurrent retry of the same attempt: nothing more to do.
        }
        guard let exam = try await get(id: attempt.examId) else { throw StoreError.notFound(entity: "exam", id: attempt.examId) }
        return exam
    }

    func attempts(examId: String, userId: String?, _ page: PageRequest) async throws -> Page<ExamAttempt> {
        var filter: BSONDocument = ["examId": .string(examId)]
        if let userId { filter["userId"] = .string(userId) }
        return try await attemptsTable.page(filter, sortKey: "finishedAt", descending: true, page)
    }
}
