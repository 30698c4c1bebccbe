import DynamoTestSupport
import Foundation
import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyStoreDynamo
import StudyStoreMongo
import TestSupport
import Testing

/// Migration through MongoDB in both directions: sqlite → mongodb → dynamodb → mongodb → sqlite,
/// every entity type, identical exports at every step.
@Suite struct MongoTransferTests {
    func exportLines(_ store: StudyStore) async throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var lines: [String] = []
        try await DataTransfer.export(store, pageSize: 7) { lines.append(String(decoding: try encoder.encode($0), as: UTF8.self)) }
        return lines.sorted()
    }

    /// A SQLite library with every entity type (demo content and room included).
    func sourceStore(_ dir: TempDir) async throws -> (StudyStore, Exam) {
        let source = try SQLiteStore.open(path: dir.path("source.db"))
        let user = try await Session.localUser(in: source, username: "ada")
        try await Session.seedDemoIfEmpty(source, owner: user)
        let doc = try #require(try await source.content.list(owner: user.id, .first).items.first)
        _ = try await source.summaries.create(Summary(owner: user.id, contentId: doc.id, summaryText: "Short.",
                                                      rating: .init(score: 4, ratedAt: Timestamp(millisecondsSince1970: 1_790_000_000_001))))
        let exam = try await source.exams.create(Exam(owner: user.id, contentId: doc.id, title: "Quiz", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "Leaves are green?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")]))
        for i in 0..<3 {
            _ = try await source.exams.record(ExamAttempt(examId: exam.id, userId: user.id,
                answers: [.init(questionId: "q1", selectedOptions: [0], correct: i != 1)], score: i == 1 ? 0 : 100,
                startedAt: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(i) * 1000),
                // Two attempts finish in the same millisecond: the higher score is "last" however
                // the attempts are folded in (Exam.record's tie-break), so exports stay identical.
                finishedAt: Timestamp(millisecondsSince1970: 1_790_000_000_500 + Int64(min(i, 1)) * 1000)))
        }
        let template = try await source.templates.create(Template(name: "Brief", type: .summary, summaryConfig: .init(), isPublic: true,
                                                                  createdBy: user.id))
        _ = try await source.templates.rate(id: template.id, userId: user.id, score: 5)
        _ = try await source.templates.rate(id: template.id, userId: "grace", score: 2)
        _ = try await source.templates.recordUse(id: template.id)
        let room = try #require(try await source.rooms.list(.first).items.first)
        _ = try await source.rooms.join(roomId: room.roomId, username: "grace")
        for i in 0..<30 { _ = try await source.messages.send(Message(roomId: room.roomId, sender: "ada", text: "m\(i) \u{1F600}")) }
        _ = try await source.meetings.create(Meeting(roomId: room.roomId, title: "Revision", organizer: "ada", scheduledTime: .now(),
                                                     participants: ["ada", "grace"], meetingLink: "https://meet.example/x"))
        _ = try await source.projects.create(Project(roomId: room.roomId, name: "Lab report", createdBy: "ada", members: ["ada"],
                                                     dueDate: Timestamp(millisecondsSince1970: 1_800_000_000_000)))
        return (source, exam)
    }

    @Test func roundTripThroughMongoAndDynamoKeepsEverything() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (source, exam) = try await sourceStore(dir)
        let expected = try await exportLines(source)
        #expect(expected.contains { $0.contains(#""type":"attempt""#) } && expected.contains { $0.contains(#""type":"project""#) })

        let mongo = try await MongoStore.open(uri: try await MongoTarget.standIn.uri("migrate-a"))
        let toMongo = try await DataTransfer.migrate(from: source, to: mongo) { _ in }
        #expect(toMongo.written["message"] == 33 && toMongo.written["attempt"] == 3)
        let got = try await exportLines(mongo)
        #expect(got == expected, "sqlite → mongodb: \(Set(got).symmetricDifference(Set(expected)))")
        #expect(try await mongo.exams.get(id: exam.id)?.attempts.count == 3)
        #expect(try await DataTransfer.migrate(from: source, to: mongo) { _ in }.total == 0, "running it again writes nothing")

        let dynamo = DynamoStore.make(client: try await SharedMoto.shared.get().client(),
                                      prefix: "sct-mig-\(StudyID.make().suffix(8).lowercased())")
        _ = try await dynamo.admin.setup { _ in }
        _ = try await DataTransfer.migrate(from: mongo, to: dynamo) { _ in }
        #expect(try await exportLines(dynamo) == expected, "mongodb → dynamodb")

        let mongoAgain = try await MongoStore.open(uri: try await MongoTarget.standIn.uri("migrate-b"))
        _ = try await DataTransfer.migrate(from: dynamo, to: mongoAgain) { _ in }
        #expect(try await exportLines(mongoAgain) == expected, "dynamodb → mongodb")

        let back = try SQLiteStore.open(path: dir.path("back.db"))
        _ = try await DataTransfer.migrate(from: mongoAgain, to: back) { _ in }
        #expect(try await exportLines(back) == expected, "mongodb → sqlite")

        _ = try await mongo.admin.deleteTables()
        _ = try await mongoAgain.admin.deleteTables()
        _ = try await dynamo.admin.deleteTables()
    }
}
