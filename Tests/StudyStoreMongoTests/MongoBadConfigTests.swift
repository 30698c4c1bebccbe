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
        } catch {
            let text = try #require(unavailable(error), "\(error)")
            #expect(text.contains("MongoDB at mongodb://127.0.0.1:\(standIn.port)"), "\(text)")
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
