import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyEngine
import StudyHTTP
import Testing

/// Issue 11 in the app: private rooms through `RoomAccess`, `:room new` of a taken name, member
/// changes, the room side view (meetings, projects, status moves) and meeting reminders.
@Suite(.timeLimit(.minutes(1))) struct RoomPlansTests {
    static let t0 = Timestamp(millisecondsSince1970: 1_800_000_000_000)

    static func users(_ store: StudyStore, _ names: [String]) async throws {
        for name in names { _ = try await store.users.create(User(username: name, email: "\(name)@example.org")) }
    }

    // MARK: Store-backed (SQLite), as the TUI drives it

    @Test func nonMemberNeitherSeesNorOpensNorJoinsAPrivateRoom() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        try await Self.users(store, ["alice", "carol"])
        let secret = try await store.access(as: User(username: "alice", email: "a@x.org"))
            .createRoom(name: "secret", isPrivate: true)
        _ = try await store.rooms.create(ChatRoom(name: "open", members: ["alice"], createdBy: "alice"))

        let carol = StoreHarness(store: store, settings: AppSettings(user: "carol", outboxPath: nil))
        carol.app.send(.rooms(.join(name: "open")))  // something to wait for after the list
        carol.app.start(polling: false)
        await carol.run { $0.rooms.loaded && $0.openRoom != nil }
        #expect(!carol.state.rooms.entries.contains { $0.room.roomId == secret.roomId }, "a private room is not listed")

        carol.app.send(.rooms(.join(name: "secret")))
        await carol.run { $0.notice?.failure != nil }
        let failure = try #require(carol.state.notice?.failure)
        guard case let .refused(reason) = failure.error else {
            Issue.record("expected a refusal, got \(failure.error)")
            return
        }
        #expect(reason.contains("private"))
        #expect(carol.state.openRoom?.name == "open", "the private room was not opened")

        // Even when asked by id (a stale list), history and posting are refused.
        carol.app.send(.rooms(.joined(secret)))
        await carol.run { $0.openRoom?.roomId == secret.roomId && $0.openRoom?.loadingReset == false }
        #expect(carol.state.openRoom?.window.messages.isEmpty == true)
        if case .refused = carol.state.notice?.failure?.error {} else { Issue.record("history must be refused") }
    }

    @Test func roomNewOfATakenNameOffersToJoinIt() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        try await Self.users(store, ["alice", "bob"])
        let physics = try await store.rooms.create(ChatRoom(name: "physics", members: ["alice"], createdBy: "alice"))
        let bob = StoreHarness(store: store, settings: AppSettings(user: "bob", outboxPath: nil))
        bob.app.send(.rooms(.create(name: "Physics")))
        await bob.run { $0.rooms.joinOffer != nil }
        #expect(bob.state.rooms.joinOffer == "Physics")
        #expect(bob.state.notice?.isError != true, "a taken name is a question, not an error")
        bob.app.send(.rooms(.answerJoinOffer(true)))
        await bob.run { $0.openRoom != nil }
        #expect(bob.state.openRoom?.roomId == physics.roomId)
        #expect(try await store.rooms.get(id: physics.roomId)?.members.contains("bob") == true)
        #expect(try await store.rooms.list(name: "physics").count == 1, "no second room was made")
    }

    @Test func creatorInvitesAndRemovesMembersOthersAreRefused() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        try await Self.users(store, ["alice", "bob", "carol"])
        let alice = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))
        alice.app.send(.rooms(.create(name: "team", isPrivate: true)))
        await alice.run { $0.openRoom != nil }
        let roomId = try #require(alice.state.openRoom?.roomId)
        #expect(try await store.rooms.get(id: roomId)?.isPrivate == true)

        alice.app.send(.rooms(.invite(username: "bob")))
        await alice.run { $0.rooms.entries.first { $0.room.roomId == roomId }?.room.members.contains("bob") == true }

        let bob = StoreHarness(store: store, settings: AppSettings(user: "bob", outboxPath: nil))
        bob.app.send(.rooms(.joined(try #require(try await store.rooms.get(id: roomId)))))
        bob.app.send(.rooms(.invite(username: "carol")))
        await bob.run { $0.notice?.failure != nil }
        if case .refused = bob.state.notice?.failure?.error {} else { Issue.record("only the creator invites") }
        #expect(try await store.rooms.get(id: roomId)?.members.contains("carol") == false)

        alice.app.send(.rooms(.remove(username: "bob")))
        await alice.run { $0.rooms.entries.first { $0.room.roomId == roomId }?.room.members.contains("bob") == false }
        #expect(try await store.rooms.get(id: roomId)?.members == ["alice"])
    }

    @Test func meetingAndProjectScheduledShownAndMovedByTheirOwnerOnly() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        try await Self.users(store, ["alice", "bob"])
        let clock = ManualClock(now: Self.t0)
        let alice = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil), clock: clock)
        alice.app.send(.rooms(.create(name: "study", isPrivate: true)))
        await alice.run { $0.openRoom != nil }
        alice.app.send(.rooms(.invite(username: "bob")))
        await alice.run { $0.notice?.text.contains("bob") == true }

        let when = TimeInput.format(Self.t0.adding(milliseconds: 86_400_000))
        alice.app.send(.plans(.scheduleMeeting(title: "Exam prep", at: when, minutes: 45)))
        await alice.run { $0.plans.panel == .meetings && !$0.plans.meetings.isEmpty }
        #expect(alice.state.plans.meetings.map(\.title) == ["Exam prep"])
        #expect(alice.state.plans.meetings.first?.durationMinutes == 45)
        #expect(alice.state.plans.meetings.first.map { TimeInput.format($0.scheduledTime) } == when, "local time round-trips")

        alice.app.send(.plans(.createProject(name: "Lab report", due: "2026-12-15")))
        await alice.run { $0.plans.panel == .projects && !$0.plans.projects.isEmpty }
        alice.app.send(.plans(.moveProject(number: 1, status: "active")))
        await alice.run { $0.plans.projects.first?.status == .active }

        // A refused move changes nothing and says why.
        alice.app.send(.plans(.moveProject(number: 1, status: "planning")))
        #expect(alice.state.notice?.isError == true)
        #expect(alice.state.notice?.text.contains("cannot become planning") == true)

        // Bob, a member, sees both but may not move them.
        let bob = StoreHarness(store: store, settings: AppSettings(user: "bob", outboxPath: nil), clock: clock)
        bob.app.start(polling: false)
        await bob.run { $0.openRoom?.name == "study" }
        bob.app.send(.plans(.show(.meetings)))
        await bob.run { !$0.plans.loading }
        #expect(bob.state.plans.meetings.map(\.title) == ["Exam prep"])
        #expect(bob.state.plans.projects.map(\.name) == ["Lab report"])
        bob.app.send(.plans(.moveMeeting(number: 1, status: "cancelled")))
        #expect(bob.state.notice?.text.contains("Only the organizer") == true)
        #expect(try await store.meetings.list(roomId: bob.state.openRoom?.roomId ?? "", PageRequest(limit: 10)).items.first?.status == .scheduled)
    }

    @Test func reminderTenMinutesBeforeAndAtTheStartOnTheInjectedClock() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        try await Self.users(store, ["alice"])
        let room = try await store.rooms.create(ChatRoom(name: "study", members: ["alice"], createdBy: "alice"))
        let start = Self.t0.adding(milliseconds: 12 * 60_000)
        _ = try await store.meetings.create(Meeting(roomId: room.roomId, title: "Review", organizer: "alice",
                                                    scheduledTime: start, durationMinutes: 30))
        let clock = ManualClock(now: Self.t0)
        let alice = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil), clock: clock)
        alice.app.start(polling: false)
        await alice.run { $0.rooms.loaded }
        await clock.waitForSleepers(1)  // the first look (12 min ahead) found nothing due
        alice.app.processPending()
        #expect(alice.state.plans.reminded.isEmpty)
        #expect(clock.requestedSleeps == [.seconds(30)])

        clock.advance(by: .seconds(150))  // 9.5 minutes before
        await alice.run { $0.plans.reminded.contains { $0.hasSuffix("/10") } }
        #expect(alice.state.notice?.text.contains("starts in 10 min") == true)

        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(570))  // at the start
        await alice.run { $0.plans.reminded.contains { $0.hasSuffix("/0") } }
        #expect(alice.state.notice?.text.contains("started at") == true)
    }

    // MARK: Reducer only

    @Test func appStartedAfterTheStartStillGetsOneReminderUntilTheMeetingEnds() {
        var state = stateWithOpenRoom()
        let start = Self.t0
        let meeting = Meeting(meetingId: "m1", roomId: "r1", title: "Review", organizer: "bob", scheduledTime: start,
                              durationMinutes: 30)
        _ = AppReducer.reduce(&state, .plans(.remindersLoaded([meeting], now: start.adding(milliseconds: 5 * 60_000))))
        #expect(state.notice?.text.contains("started at") == true)
        #expect(state.plans.reminded == ["m1/0", "m1/10"], "the missed ten-minute reminder is not shown as well")
        state.notice = nil
        _ = AppReducer.reduce(&state, .plans(.remindersLoaded([meeting], now: start.adding(milliseconds: 6 * 60_000))))
        #expect(state.notice == nil, "each reminder once")

        var late = stateWithOpenRoom()
        _ = AppReducer.reduce(&late, .plans(.remindersLoaded([meeting], now: start.adding(milliseconds: 31 * 60_000))))
        #expect(late.notice == nil, "no reminder after the meeting ended")

        var other = stateWithOpenRoom()
        var elsewhere = meeting
        elsewhere.roomId = "r3"  // not joined
        _ = AppReducer.reduce(&other, .plans(.remindersLoaded([elsewhere], now: start)))
        #expect(other.notice == nil, "only rooms the user has joined")
    }

    @Test func meetingCommandInputIsCheckedBeforeAnythingIsWritten() {
        var state = stateWithOpenRoom()
        #expect(AppReducer.reduce(&state, .plans(.scheduleMeeting(title: "x", at: "tomorrow", minutes: 60)), now: Self.t0).isEmpty)
        #expect(state.notice?.isError == true)
        #expect(AppReducer.reduce(&state, .plans(.scheduleMeeting(title: "x", at: "2020-01-01 10:00", minutes: 60)), now: Self.t0).isEmpty)
        #expect(state.notice?.text.contains("past") == true)
        #expect(AppReducer.reduce(&state, .plans(.scheduleMeeting(title: "x", at: "2030-01-01 10:00", minutes: 0)), now: Self.t0).isEmpty)
        let effects = AppReducer.reduce(&state, .plans(.scheduleMeeting(title: "x", at: "2030-01-01 10:00", minutes: 30)), now: Self.t0)
        guard case let .scheduleMeeting(meeting)? = effects.first else {
            Issue.record("expected a schedule effect, got \(effects)")
            return
        }
        #expect(meeting.organizer == "alice" && meeting.roomId == "r1" && meeting.durationMinutes == 30)
        #expect(AppReducer.reduce(&state, .plans(.createProject(name: "p", due: "soon")), now: Self.t0).isEmpty)
        #expect(state.notice?.isError == true)
        #expect(AppReducer.reduce(&state, .plans(.moveMeeting(number: 3, status: "completed"))).isEmpty)
        #expect(state.notice?.text.contains("no meeting 3") == true)
    }

    @Test func takenNameAnsweredNoCreatesNothingAndWritingShowsTheConversation() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .rooms(.offerJoin(name: "beta")))
        #expect(AppReducer.reduce(&state, .rooms(.answerJoinOffer(false))).isEmpty)
        #expect(state.rooms.joinOffer == nil)
        _ = AppReducer.reduce(&state, .plans(.show(.members)))
        #expect(state.plans.panel == .members)
        _ = AppReducer.reduce(&state, .focus(.messages))
        #expect(state.plans.panel == .messages)
    }
}

/// A JDoodle stand-in: answers every request with `status` and `body`, and keeps the requests.
final class StubJDoodle: HTTPTransport, @unchecked Sendable {
    let status: Int
    let body: String
    private let lock = NSLock()
    private var seen: [HTTPRequest] = []
    init(status: Int, body: String) {
        self.status = status
        self.body = body
    }
    var requests: [HTTPRequest] { lock.withLock { seen } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { seen.append(request) }
        return HTTPResponse(status: status, body: Array(body.utf8))
    }
}

@Suite(.timeLimit(.minutes(1))) struct RunCodeTests {
    static let code = "Try this:\n```python\nprint(6 * 7)\n```"

    static func roomWithCode(_ store: StudyStore) async throws -> ChatRoom {
        _ = try await store.users.create(User(username: "alice", email: "a@x.org"))
        let room = try await store.rooms.create(ChatRoom(name: "code", members: ["alice"], createdBy: "alice"))
        _ = try await store.messages.send(Message(roomId: room.roomId, sender: "alice", text: Self.code))
        return room
    }

    @Test func runPostsTheOutputAsAReplyEveryoneSees() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        let room = try await Self.roomWithCode(store)
        let stub = StubJDoodle(status: 200, body: #"{"output":"42\n","statusCode":200,"memory":"7340","cpuTime":"0.01","isCompiled":true,"isExecutionSuccess":true}"#)
        let client = JDoodleClient(clientId: "id", clientSecret: "secret", endpoint: "http://127.0.0.1:9/run", transport: stub)
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        var wakeups = stream.makeAsyncIterator()
        let app = AppStore(store: store, settings: AppSettings(user: "alice", outboxPath: nil), clock: ManualClock(),
                           codeRunner: client, wake: { continuation.yield() })
        app.send(.rooms(.joined(room)))
        while app.state.openRoom?.window.messages.isEmpty != false { if !app.processPending() { _ = await wakeups.next() } }
        app.send(.messages(.runCode))
        while app.state.openRoom?.window.messages.count != 2 { if !app.processPending() { _ = await wakeups.next() } }
        let reply = try #require(app.state.openRoom?.window.messages.last)
        #expect(reply.text.contains("42") && reply.text.contains("finished successfully") && reply.text.contains("CPU 0.01 s"))
        #expect(stub.requests.count == 1)
        #expect(String(decoding: stub.requests[0].body, as: UTF8.self).contains("print(6 * 7)"))
        let stored = try await store.messages.history(roomId: room.roomId, before: nil, limit: 10).messages
        #expect(stored.count == 2, "the reply is in the room for everyone")
    }

    @Test func withoutCredentialsTheKeySaysHowToEnableIt() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        let room = try await Self.roomWithCode(store)
        let harness = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))
        harness.app.send(.rooms(.joined(room)))
        await harness.run { $0.openRoom?.window.messages.isEmpty == false }
        harness.app.send(.messages(.runCode))
        await harness.run { $0.notice?.failure != nil }
        guard case let .codeRun(error)? = harness.state.notice?.failure?.error else {
            Issue.record("expected a code-run failure, got \(String(describing: harness.state.notice))")
            return
        }
        #expect(error.kind == .notConfigured && error.message.contains("JDOODLE_CLIENT_ID"))
        #expect(try await store.messages.history(roomId: room.roomId, before: nil, limit: 10).messages.count == 1)
    }

    @Test func noCodeInViewSaysSoAndSendsNothing() {
        var state = stateWithOpenRoom(messages: [message(1, text: "no code here")])
        #expect(AppReducer.reduce(&state, .messages(.runCode)).isEmpty)
        #expect(state.notice?.isError == true)
    }
}
