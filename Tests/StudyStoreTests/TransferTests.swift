import Foundation
import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

@Suite struct TransferTests {
    func exportLines(_ store: StudyStore) async throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var lines: [String] = []
        try await DataTransfer.export(store, pageSize: 7) { lines.append(String(decoding: try encoder.encode($0), as: UTF8.self)) }
        return lines.sorted()
    }

    @Test func migrationCopiesEverythingOnceAndRebuildsExamAggregates() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let source = try SQLiteStore.open(path: dir.path("a.db"))
        let user = try await Session.localUser(in: source, username: "ada")
        try await Session.seedDemoIfEmpty(source, owner: user)
        let doc = try #require(try await source.content.list(owner: user.id, .first).items.first)
        _ = try await source.summaries.create(Summary(owner: user.id, contentId: doc.id, summaryText: "Short."))
        let exam = try await source.exams.create(Exam(owner: user.id, contentId: doc.id, title: "Quiz", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "Leaves are green?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")]))
        for i in 0..<3 {
            _ = try await source.exams.record(ExamAttempt(examId: exam.id, userId: user.id,
                answers: [.init(questionId: "q1", selectedOptions: [0], correct: i != 1)], score: i == 1 ? 0 : 100, startedAt: .now()))
        }
        _ = try await source.templates.create(Template(name: "Brief", type: .summary, summaryConfig: .init(), createdBy: user.id))
        let room = try #require(try await source.rooms.list(.first).items.first)
        for i in 0..<30 { _ = try await source.messages.send(Message(roomId: room.roomId, sender: "ada", text: "m\(i)")) }
        _ = try await source.meetings.create(Meeting(roomId: room.roomId, title: "Revision", organizer: "ada", scheduledTime: .now()))
        _ = try await source.projects.create(Project(roomId: room.roomId, name: "Lab report", createdBy: "ada"))

        let target = try SQLiteStore.open(path: dir.path("b.db"))
        let counts = try await DataTransfer.migrate(from: source, to: target) { _ in }
        #expect(counts.written["message"] == 33)
        #expect(counts.written["attempt"] == 3)
        let (a, b) = (try await exportLines(source), try await exportLines(target))
        #expect(a == b, "\(Set(a).symmetricDifference(Set(b)))")
        #expect(try await target.exams.get(id: exam.id)?.attempts.count == 3)

        // Running it again writes nothing new.
        let again = try await DataTransfer.migrate(from: source, to: target) { _ in }
        #expect(again.total == 0)
        #expect(try await target.exams.get(id: exam.id)?.attempts.count == 3)
        #expect(try await exportLines(target) == exportLines(source))
    }

    @Test func recordsRoundTripThroughJSON() throws {
        let record = TransferRecord.message(Message(roomId: "r", sender: "s", text: "hi \u{1B}[2J"))
        let data = try JSONEncoder().encode(record)
        let back = try JSONDecoder().decode(TransferRecord.self, from: data)
        guard case .message(let m) = back else { Issue.record("wrong type"); return }
        #expect(m.text == "hi \u{1B}[2J")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TransferRecord.self, from: Data(#"{"type":"spaceship","data":{}}"#.utf8)) }
    }
}
