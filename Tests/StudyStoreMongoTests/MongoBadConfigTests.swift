import DynamoTestSupport
import Foundation
import StudyModel
import StudyStore
@testable import StudyStoreMongo
import Testing

/// Bad configuration and a failing server: a clear message, no password in it, nothing half-written.
@Suite struct MongoBadConfigTests {
    func unavailable(_ error: Error) -> String? {
        if case StoreError.unavailable(let message) = error { return message }
        return nil
    }

    @Test func unreachableHostIsReportedClearly() async throws {
        let port = try LocalPorts.free() // nothing listens there
        do {
            _ = try await MongoStore.open(uri: "mongodb://ada:topsecret@127.0.0.1:\(port)/app?serverSelectionTimeoutMS=300")
            Issue.record("an unreachable server must not open")
        } catch {
            let message = try #require(unavailable(error), "\(error)")
            #expect(message.contains("cannot be reached"))
            #expect(message.contains("ada:****@127.0.0.1:\(port)"))
            #expect(!message.contains("topsecret"))
        }
    }

    /// A stand-in with one user checks SCRAM-SHA-256 proofs as MongoDB does: the right password
    /// works, a wrong one and a missing login are refused, and no message shows the password.
    @Test func wrongCredentialsAreRefusedAndTheRightOnesWork() async throws {
        let standIn = try await MongoStandIn.start(user: "ada:correct-horse")
        defer { standIn.stop() }
        let base = "127.0.0.1:\(standIn.port)/app?authSource=admin&serverSelectionTimeoutMS=2000"
        let store = try await MongoStore.open(uri: "mongodb://ada:correct-horse@\(base)")
        _ = try await store.rooms.create(ChatRoom(name: "Signed in", createdBy: "ada"))
        do {
            _ = try await MongoStore.open(uri: "mongodb://ada:wrongpass@\(base)")
            Issue.record("a wrong password must not open")
        } catch {
            let message = try #require(unavailable(error), "\(error)")
            #expect(message.contains("refused the login") && message.contains("ada:****@"), "\(message)")
            #expect(!message.contains("wrongpass"))
        }
        do {
            _ = try await MongoStore.open(uri: "mongodb://\(base)")
            Issue.record("no login must not open a server that needs one")
        } catch {
            let message = try #require(unavailable(error), "\(error)")
            #expect(message.contains("not authorized") && message.contains("readWrite"), "\(message)")
        }
        #expect(try await store.rooms.list(.first).items.map(\.name) == ["Signed in"], "nothing written by the refused clients")
    }

    @Test func uriWithoutDatabaseOrMalformedIsRefusedBeforeConnecting() async throws {
        for uri in ["mongodb://127.0.0.1:27017", "mongodb://127.0.0.1:27017/", "mongodb://ada:pw@127.0.0.1/?authSource=admin"] {
            do {
                _ = try MongoConnection(uri: uri)
                Issue.record("\(uri) names no database")
            } catch {
                let message = try #require(unavailable(error))
                #expect(message.contains("names no database") && message.contains("/ai-study-circle"), "\(message)")
                #expect(!message.contains(":pw@"))
            }
        }
        do {
            _ = try MongoConnection(uri: "mongodb://ada:pw@/nohost")
            Issue.record("a URI without a host is malformed")
        } catch {
            let message = try #require(unavailable(error))
            #expect(message.contains("is not valid") && !message.contains(":pw@"), "\(message)")
        }
    }

    @Test func serverClosingMidCommandLosesNothingAndChangesNothing() async throws {
        let standIn = try await SharedMongoStandIn.shared.get()
        let connection = try MongoConnection(uri: standIn.uri(database: "sct-close-\(StudyID.make().suffix(8).lowercased())"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        let message = Message(roomId: "r-close", sender: "ada", text: "sent while the server hangs up")
        _ = try await connection.command(["standinFault": .int32(1), "command": .string("insert"), "action": .string("close")])
        do {
            _ = try await store.messages.send(message)
            Issue.record("the send must fail when the server closes the connection")
        } catch StoreError.outcomeUnknown(let text) {
            // The answer was lost after sending; the read-back found nothing stored.
            #expect(text.contains("not stored") && text.contains("repeating is safe"), "\(text)")
        }
        #expect(try await store.messages.history(roomId: "r-close", before: nil, limit: 10).messages.isEmpty, "nothing half-written")
        // The same message, sent again (the outbox does this), is stored exactly once.
        _ = try await store.messages.send(message)
        _ = try await store.messages.send(message)
        #expect(try await store.messages.history(roomId: "r-close", before: nil, limit: 10).messages == [message])

        // A user registration cut off the same way leaves neither the user nor its email taken.
        let user = User(username: "closing", email: "closing@example.org")
        _ = try await connection.command(["standinFault": .int32(1), "command": .string("insert"), "action": .string("close")])
        await #expect(throws: StoreError.self) { try await store.users.create(user) }
        #expect(try await store.users.get(email: "closing@example.org") == nil)
        _ = try await store.users.create(user)
        #expect(try await store.users.get(email: "closing@example.org")?.id == user.id)
        _ = try await store.admin.deleteTables()
    }

    /// Writes whose answer is lost after the server applied them (the connection resets before
    /// the reply): creates find their own write and succeed, a rating counts once, a repeat
    /// creates no copy.
    @Test func answerLostAfterTheWriteIsSettledByReadingBack() async throws {
        let standIn = try await SharedMongoStandIn.shared.get()
        let connection = try MongoConnection(uri: standIn.uri(database: "sct-lost-\(StudyID.make().suffix(8).lowercased())"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        func loseNext(_ command: String) async throws {
            _ = try await connection.command(["standinFault": .int32(1), "command": .string(command), "action": .string("apply-close")])
        }
        let message = Message(roomId: "r-lost", sender: "ada", text: "stored, answer lost")
        try await loseNext("insert")
        #expect(try await store.messages.send(message) == message, "the send finds its own write")
        _ = try await store.messages.send(message)
        #expect(try await store.messages.history(roomId: "r-lost", before: nil, limit: 10).messages == [message], "one copy")

        let document = Content(title: "Cells", owner: "ada", sourceText: "Mitochondria make ATP.")
        try await loseNext("insert")
        #expect(try await store.addDocument(document) == .added(document), "the add reports what happened: stored")
        #expect(try await store.addDocument(Content(title: "Again", owner: "ada", sourceText: document.sourceText)) == .alreadyPresent(document))
        #expect(try await store.content.list(owner: "ada", .first).items.map(\.id) == [document.id])

        let room = ChatRoom(name: "Lost answers", createdBy: "ada")
        try await loseNext("insert")
        _ = try await store.rooms.create(room)
        #expect(try await store.rooms.list(name: "lost answers").map(\.roomId) == [room.roomId])

        let user = User(username: "lostanswer", email: "lost@example.org")
        try await loseNext("insert")
        _ = try await store.users.create(user)
        #expect(try await store.users.get(username: "LostAnswer")?.id == user.id)

        let template = try await store.templates.create(Template(name: "Rated", type: .summary, summaryConfig: .init(), createdBy: "ada"))
        try await loseNext("findAndModify")
        let rated: Template
        do {
            rated = try await store.templates.rate(id: template.id, userId: "ada", score: 4)
        } catch StoreError.outcomeUnknown {
            // The fold's answer was lost: the stored state tells, and rating again is harmless.
            rated = try await store.templates.rate(id: template.id, userId: "ada", score: 4)
        }
        #expect(rated.ratings.count == 1 && rated.ratings.average == 4, "\(rated.ratings)")
        #expect(try await store.templates.rate(id: template.id, userId: "ada", score: 4).ratings.count == 1)
        try await loseNext("update")
        do {
            _ = try await store.templates.rate(id: template.id, userId: "ada", score: 2)
        } catch StoreError.outcomeUnknown {}
        let after = try await store.templates.rate(id: template.id, userId: "ada", score: 2)
        #expect(after.ratings.count == 1 && after.ratings.average == 2, "re-rating after a lost answer replaces once: \(after.ratings)")
        _ = try await store.admin.deleteTables()
    }

    /// An attempt whose recording is cut off between folding it into the exam and storing the
    /// attempt document is, when retried, stored once and counted once, even after an edit.
    @Test func attemptCutOffBetweenItsTwoWritesIsCountedOnce() async throws {
        let standIn = try await SharedMongoStandIn.shared.get()
        let connection = try MongoConnection(uri: standIn.uri(database: "sct-attempt-\(StudyID.make().suffix(8).lowercased())"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        let exam = try await store.exams.create(Exam(owner: "t", contentId: "c", title: "Quiz", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "Green?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")]))
        let attempt = ExamAttempt(examId: exam.id, userId: "s", answers: [.init(questionId: "q1", correct: true)], score: 100,
                                  startedAt: Timestamp(millisecondsSince1970: 1_790_000_000_000))
        _ = try await connection.command(["standinFault": .int32(1), "command": .string("insert"), "action": .string("close")])
        await #expect(throws: StoreError.self) { try await store.exams.record(attempt) }
        #expect(try await store.exams.get(id: exam.id)?.attempts.count == 1, "folded before the cut")
        #expect(try await store.exams.attempts(examId: exam.id, userId: nil, .first).items.isEmpty, "attempt not stored yet")
        var edited = try #require(try await store.exams.get(id: exam.id))
        edited.title = "Quiz (edited)"
        _ = try await store.exams.update(edited)
        let retried = try await store.exams.record(attempt)
        #expect(retried.attempts.count == 1 && retried.analytics.answered["q1"] == 1, "the retry counts nothing twice")
        #expect(try await store.exams.attempts(examId: exam.id, userId: nil, .first).items.map(\.id) == [attempt.id])
        #expect(try await store.exams.record(attempt).attempts.count == 1)
        _ = try await store.admin.deleteTables()
    }
}
