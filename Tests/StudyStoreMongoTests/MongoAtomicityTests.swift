import Foundation
import StudyModel
import StudyStore
import StudyStoreMongo
import Testing

/// Counters, ratings, memberships and exam aggregates change by update operators, so
/// concurrent changes are all kept (no read-modify-write that could lose one).
@Suite struct MongoAtomicityTests {
    @Test(arguments: MongoTarget.active)
    func concurrentUsesRatingsJoinsAndAttemptsAreAllCounted(_ target: MongoTarget) async throws {
        let store = try await MongoStore.open(uri: try await target.uri("atomic"))
        let template = try await store.templates.create(Template(name: "Busy", type: .summary, summaryConfig: .init(), createdBy: "ada"))
        let room = try await store.rooms.create(ChatRoom(name: "Crowded", createdBy: "ada"))
        let exam = try await store.exams.create(Exam(owner: "t", contentId: "c", title: "Quiz", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "Green?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")]))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask { _ = try await store.templates.recordUse(id: template.id) }
                group.addTask { _ = try await store.templates.rate(id: template.id, userId: "rater\(i)", score: i % 5 + 1) }
                group.addTask { _ = try await store.rooms.join(roomId: room.roomId, username: "student\(i)") }
                group.addTask {
                    _ = try await store.exams.record(ExamAttempt(examId: exam.id, userId: "s\(i)",
                        answers: [.init(questionId: "q1", correct: i % 2 == 0)], score: Double(i % 2 == 0 ? 100 : 0),
                        startedAt: Timestamp(millisecondsSince1970: 1_790_000_000_000), finishedAt: Timestamp(millisecondsSince1970: 1_790_000_001_000 + Int64(i))))
                }
            }
            try await group.waitForAll()
        }
        let after = try #require(try await store.templates.get(id: template.id))
        #expect(after.usage.count == 20)
        #expect(after.ratings.count == 20 && after.ratings.average == 3.0, "\(after.ratings)")
        #expect(try await store.rooms.get(id: room.roomId)?.members.count == 20)
        let quiz = try #require(try await store.exams.get(id: exam.id))
        #expect(quiz.attempts.count == 20 && quiz.analytics.answered["q1"] == 20 && quiz.analytics.correct["q1"] == 10)
        #expect(quiz.attempts.averageScore == 50 && quiz.attempts.bestScore == 100)
        #expect(quiz.attempts.lastAttemptAt == Timestamp(millisecondsSince1970: 1_790_000_001_019) && quiz.attempts.lastScore == 0)
        _ = try await store.admin.deleteTables()
    }
}
