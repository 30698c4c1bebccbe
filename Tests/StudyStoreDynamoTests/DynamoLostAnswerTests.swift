import DynamoDB
import DynamoTestSupport
import StudyHTTP
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// Writes whose answer is lost after DynamoDB applied them (a reset after sending, a 500):
/// the store settles what happened instead of reporting a failure for a stored write, and a
/// repeat never stores or counts anything twice. moto applies each request; the injected
/// transport then loses or replaces its answer.
@Suite(.serialized) struct DynamoLostAnswerTests {
    /// A store on the conformance tables whose requests go through `rule`.
    func store(retry: RetryPolicy = .instant, _ rule: @escaping InterceptingTransport.Rule) async throws -> (StudyStore, InterceptingTransport) {
        _ = try await DynamoFixture.shared.store()
        let moto = try await SharedMoto.shared.get()
        let interceptor = InterceptingTransport(inner: CurlTransport(), rule: rule)
        return (DynamoStore.make(client: moto.client(transport: interceptor, retry: retry), prefix: DynamoFixture.prefix), interceptor)
    }

    func plain() async throws -> StudyStore { try await DynamoFixture.shared.store() }

    static func lostAfterApplying(_ operation: String, times: Int = 1) -> InterceptingTransport.Rule {
        { op, _, n in op == operation && n <= times ? .failAfterSending(.connectionReset) : .forward }
    }

    static func serverErrorAfterApplying(_ operation: String) -> InterceptingTransport.Rule {
        { op, _, n in op == operation && n == 1 ? .forwardAndEdit { _ in InterceptingTransport.errorResponse(500, "InternalServerError") } : .forward }
    }

    @Test("a message whose answer was lost is reported sent and stored once, with or without the client's own retry")
    func messageLostAnswer() async throws {
        for retry in [RetryPolicy.instant, .none] {
            let (store, interceptor) = try await store(retry: retry, Self.lostAfterApplying("PutItem"))
            let room = "lost-\(StudyID.make())"
            let message = Message(roomId: room, sender: "ada", text: "hello once")
            let sent = try await store.messages.send(message)
            #expect(sent == message)
            #expect(interceptor.count("PutItem") >= 1)
            let history = try await plain().messages.history(roomId: room, before: nil, limit: 10)
            #expect(history.messages.map(\.messageId) == [message.messageId])
        }
    }

    @Test("a document added over a connection that broke after sending is stored once; adding it again says it is there")
    func documentLostAnswer() async throws {
        let (store, interceptor) = try await store(retry: .none, Self.lostAfterApplying("TransactWriteItems"))
        let owner = "lost-owner-\(StudyID.make())"
        let doc = Content(title: "Once", owner: owner, sourceText: "Stored exactly once \(owner).")
        #expect(try await store.addDocument(doc) == .added(doc))
        #expect(interceptor.count("TransactWriteItems") == 1)
        #expect(try await store.addDocument(Content(title: "Again", owner: owner, sourceText: doc.sourceText)) == .alreadyPresent(doc))
        #expect(try await plain().content.list(owner: owner, .first).items.map(\.id) == [doc.id])
    }

    @Test("a 500 after a template was used or rated counts it once")
    func countersAfterServerError() async throws {
        let base = try await plain()
        let template = try await base.templates.create(Template(name: "Counted", type: .summary, summaryConfig: .init(), createdBy: "t"))
        let (usage, _) = try await store(retry: .instant, Self.serverErrorAfterApplying("PutItem"))
        #expect(try await usage.templates.recordUse(id: template.id).usage.count == 1)
        #expect(try await base.templates.get(id: template.id)?.usage.count == 1)
        let (rating, interceptor) = try await store(retry: .none, Self.serverErrorAfterApplying("TransactWriteItems"))
        let rated = try await rating.templates.rate(id: template.id, userId: "ann", score: 4)
        #expect(rated.ratings.count == 1)
        #expect(interceptor.count("TransactWriteItems") == 1)
        #expect(try await base.templates.get(id: template.id)?.ratings == Template.Ratings(count: 1, average: 4))
        #expect(try await base.templates.rate(id: template.id, userId: "ann", score: 4).ratings.count == 1)
    }

    @Test("an exam attempt whose answer was lost is recorded once")
    func attemptLostAnswer() async throws {
        let base = try await plain()
        let exam = try await base.exams.create(Exam(owner: "lost", contentId: "c-lost", title: "Quiz", questions: [
            Question(id: "q1", kind: .trueFalse, prompt: "Leaves are green?", options: ["True", "False"], correctOptions: [0], sourceSentence: "s")]))
        let (store, interceptor) = try await store(retry: .none, Self.lostAfterApplying("TransactWriteItems"))
        let attempt = ExamAttempt(examId: exam.id, userId: "ann", answers: [.init(questionId: "q1", selectedOptions: [0], correct: true)],
                                  score: 100, startedAt: .now())
        #expect(try await store.exams.record(attempt).attempts.count == 1)
        #expect(interceptor.count("TransactWriteItems") == 1)
        #expect(try await base.exams.attempts(examId: exam.id, userId: nil, .first).items.map(\.id) == [attempt.id])
    }

    @Test("a room created over a broken connection exists once and keeps its name")
    func roomLostAnswer() async throws {
        let (store, _) = try await store(retry: .instant, Self.lostAfterApplying("TransactWriteItems"))
        let name = "Lost room \(StudyID.make())"
        let room = try await store.rooms.create(ChatRoom(name: name, createdBy: "ada"))
        #expect(try await plain().rooms.list(name: name).map(\.roomId) == [room.roomId])
        await #expect(throws: StoreError.duplicate(entity: "room", field: "name", value: name.uppercased())) {
            try await plain().rooms.create(ChatRoom(name: name.uppercased(), createdBy: "bob"))
        }
    }

    @Test("when the check after a lost answer fails too, the message says the outcome is unknown, not that it failed")
    func unknownWhenCheckingFails() async throws {
        let rule: InterceptingTransport.Rule = { op, _, _ in
            switch op {
            case "PutItem": return .failAfterSending(.connectionReset)
            case "GetItem": return .failBeforeSending(.connectionRefused)
            default: return .forward
            }
        }
        let (store, _) = try await store(retry: .none, rule)
        let message = Message(roomId: "unknown-\(StudyID.make())", sender: "ada", text: "maybe")
        do {
            _ = try await store.messages.send(message)
            Issue.record("expected an unknown outcome")
        } catch StoreError.outcomeUnknown(let text) {
            #expect(text.contains("may or may not have been stored"))
        }
        // It was in fact stored; nothing claims otherwise.
        #expect(try await plain().messages.get(id: message.messageId) == message)
    }

    @Test("a write refused before it was sent is a plain failure, not an unknown outcome")
    func refusedBeforeSending() async throws {
        let (store, _) = try await store(retry: .none) { op, _, _ in op == "PutItem" ? .failBeforeSending(.connectionRefused) : .forward }
        let message = Message(roomId: "refused-\(StudyID.make())", sender: "ada", text: "never sent")
        await #expect(throws: StoreError.self) { try await store.messages.send(message) }
        do { _ = try await store.messages.send(message) } catch StoreError.unavailable {} catch { Issue.record("unexpected \(error)") }
        #expect(try await plain().messages.get(id: message.messageId) == nil)
    }
}
