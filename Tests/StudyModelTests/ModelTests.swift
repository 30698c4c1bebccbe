import Foundation
import StudyModel
import Testing

@Suite struct TimestampTests {
    @Test func formatsWithMillisecondsInUTC() {
        #expect(Timestamp(millisecondsSince1970: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(millisecondsSince1970: 1_795_289_504_123).iso8601 == "2026-11-21T19:31:44.123Z")
        #expect(Timestamp(millisecondsSince1970: 951_782_400_000).iso8601 == "2000-02-29T00:00:00.000Z")
        #expect(Timestamp(millisecondsSince1970: -1).iso8601 == "1969-12-31T23:59:59.999Z")
    }

    @Test func parsesWhatItWritesAndCommonVariants() {
        for ms: Int64 in [0, 1, 999, 1_795_289_504_123, 4_102_444_800_000, -86_400_001] {
            let t = Timestamp(millisecondsSince1970: ms)
            #expect(Timestamp(iso8601: t.iso8601) == t)
        }
        #expect(Timestamp(iso8601: "2026-11-21T19:31:44Z")?.millisecondsSince1970 == 1_795_289_504_000)
        #expect(Timestamp(iso8601: "2026-11-21T20:31:44.5+01:00")?.millisecondsSince1970 == 1_795_289_504_500)
        #expect(Timestamp(iso8601: "2026-11-21T19:31:44.123456Z")?.millisecondsSince1970 == 1_795_289_504_123)
        for bad in ["", "2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T19:31:44.Z", "2026-11-21T19:31:44Zjunk", "yesterday"] {
            #expect(Timestamp(iso8601: bad) == nil, "\(bad)")
        }
    }

    @Test func textSortsLikeTime() {
        let times = (0..<200).map { _ in Timestamp(millisecondsSince1970: Int64.random(in: 0..<4_000_000_000_000)) }
        #expect(times.sorted().map(\.iso8601) == times.map(\.iso8601).sorted())
    }

    @Test func codableAsString() throws {
        let t = Timestamp(millisecondsSince1970: 1_795_289_504_123)
        let json = String(decoding: try JSONEncoder().encode([t]), as: UTF8.self)
        #expect(json == "[\"2026-11-21T19:31:44.123Z\"]")
        #expect(try JSONDecoder().decode([Timestamp].self, from: Data(json.utf8)) == [t])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data("[\"soon\"]".utf8)) }
    }
}

@Suite struct StudyIDTests {
    @Test func uniqueAndOrderedWithinOneMillisecond() {
        let t = Timestamp(millisecondsSince1970: 1_795_289_504_123)
        let ids = (0..<10_000).map { _ in StudyID.make(at: t) }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.count == 26 })
    }

    @Test func sortsByCreationTimeAndEncodesIt() {
        let early = StudyID.make(at: Timestamp(millisecondsSince1970: 1_000_000_000_000))
        let late = StudyID.make(at: Timestamp(millisecondsSince1970: 2_000_000_000_000))
        #expect(early < late)
        #expect(StudyID.timestamp(of: late)?.millisecondsSince1970 == 2_000_000_000_000)
        #expect(StudyID.timestamp(of: "not-an-id") == nil)
    }
}

@Suite struct ValidationTests {
    func field(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as ValidationError { return e.field } catch { return "?" }
    }

    @Test func usersNeedAUsableUsernameAndEmail() {
        #expect(field { try User(username: "ada", email: "ada@example.org").validate() } == nil)
        #expect(field { try User(username: "ad", email: "ada@example.org").validate() } == "username")
        #expect(field { try User(username: "-ada", email: "ada@example.org").validate() } == "username")
        #expect(field { try User(username: "ada lovelace", email: "ada@example.org").validate() } == "username")
        #expect(field { try User(username: "ada", email: "ada@example").validate() } == "email")
        #expect(field { try User(username: "ada", email: "ada@@example.org").validate() } == "email")
        #expect(field { try User(username: "ada", email: "a da@example.org").validate() } == "email")
    }

    @Test func messagesAreNamedForStudents() throws {
        do {
            try Content(title: String(repeating: "x", count: 201), owner: "o", sourceText: "t").validate()
            Issue.record("long title must fail")
        } catch let e as ValidationError {
            #expect(e.message == "Title must be at most 200 characters (it has 201).")
        }
        do {
            _ = try Summary.SummaryType.parse("outline", field: "summaryType")
            Issue.record("unknown type must fail")
        } catch let e as ValidationError {
            #expect(e.message.contains("brief, detailed, bullet_points, key_terms"))
        }
        #expect(try Summary.SummaryType.parse("bullet-points", field: "summaryType") == .bulletPoints)
        #expect(field { try Message(roomId: "r", sender: "s", text: String(repeating: "a", count: 4001)).validate() } == "text")
        #expect(field { try Meeting(roomId: "r", title: "T", organizer: "o", scheduledTime: .now(), durationMinutes: 0).validate() } == "durationMinutes")
        #expect(field { try Template(name: "T", type: .exam, createdBy: "u").validate() } == "examConfig")
    }

    @Test func examAggregatesStayBounded() {
        var exam = Exam(owner: "o", contentId: "c", title: "E", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")])
        for i in 0..<10_000 {
            exam.record(ExamAttempt(examId: exam.id, userId: "u", answers: [.init(questionId: "q1", correct: i % 4 == 0)],
                                    score: i % 4 == 0 ? 100 : 0, startedAt: .now()))
        }
        #expect(exam.attempts.count == 10_000)
        #expect(abs((exam.attempts.averageScore ?? 0) - 25) < 1e-9)
        #expect(exam.analytics.correctRate(of: "q1") == 0.25)
        let size = (try? JSONEncoder().encode(exam).count) ?? .max
        #expect(size < 2_000)
    }
}
