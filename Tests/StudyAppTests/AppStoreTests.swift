import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyStoreSQLite
import Testing

/// The app store with a manual clock: timers and the poller's pace are driven by advancing the
/// clock, never by waiting in real time.
@Suite(.timeLimit(.minutes(1))) struct AppStoreTests {
    /// A SQLite store in a fresh folder, removed by `cleanup`.
    static func temporaryStore() throws -> (StudyStore, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("appstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore.open(path: dir.appendingPathComponent("t.db").path)
        return (store, { try? FileManager.default.removeItem(at: dir) })
    }

    /// Opens document d1 and shows `exam` in its Exams pane, through actions as the TUI would.
    static func showExam(_ exam: Exam, in app: AppStore) {
        app.send(.library(.documentLoaded(Content(id: "d1", title: "Plants", owner: "alice", sourceText: "Plants."))))
        app.send(.focus(.exams))
        app.send(.exams(.loaded(contentId: "d1", exams: [exam])))
    }

    @Test func examTimerTicksOnTheClockAndSubmitsAtTheLimit() async throws {
        let (store, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let harness = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))
        let clock = harness.clock
        Self.showExam(sampleExam(timeLimit: 3), in: harness.app)
        harness.app.send(.examSession(.take(examId: "x1")))
        let session = try #require(harness.state.examSession)
        #expect(session.startedAt == clock.now(), "the session starts at the store's clock, not the wall clock")
        #expect(session.secondsLeft == 3)
        harness.app.send(.examSession(.choose(1)))

        for left in [2, 1] {
            await clock.waitForSleepers(1)
            clock.advance(by: .seconds(1))
            await harness.run { $0.examSession?.secondsLeft == left }
            #expect(harness.state.examSession?.result == nil)
        }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await harness.run { $0.examSession?.result != nil }
        #expect(harness.state.examSession?.timedOut == true)
        #expect(harness.state.examSession?.result?.correctCount == 1, "the answer given before the limit counts")
        #expect(clock.requestedSleeps == [.seconds(1), .seconds(1), .seconds(1)], "one tick a second, none after the end")
        #expect(clock.pendingSleeps == 0)
    }

    @Test func pollerSlowsDownWhenIdleUpToTheMaximumAndSpeedsUpOnActivity() async throws {
        let (store, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let room = try await store.rooms.create(ChatRoom(name: "alpha", members: ["alice", "bob"], createdBy: "bob"))
        var settings = AppSettings(user: "alice", pollInterval: .seconds(1), maxPollInterval: .seconds(5),
                                   idleAfter: .seconds(60), outboxPath: nil)
        settings.reminderInterval = nil  // only the poller's timer on this clock
        let harness = StoreHarness(store: store, settings: settings)
        let clock = harness.clock
        harness.app.start()
        await harness.run { $0.openRoom?.roomId == room.roomId && $0.openRoom?.window.isLoaded == true }

        // Round after round with nobody typing and nothing arriving.
        while clock.requestedSleeps.last != .seconds(5) {
            await clock.waitForSleepers(1)
            try #require(clock.requestedSleeps.count < 400, "the interval never reached the maximum")
            clock.advance(by: clock.requestedSleeps.last ?? .zero)
        }
        let sleeps = clock.requestedSleeps
        // Quick pace for the first minute (idle time 0…60 s inclusive), then growing, then capped.
        #expect(sleeps.prefix(61).allSatisfy { $0 == .seconds(1) })
        #expect(sleeps[61] > .seconds(1))
        #expect(zip(sleeps, sleeps.dropFirst()).allSatisfy { $0 <= $1 }, "the interval only grows while idle")
        #expect(sleeps.allSatisfy { $0 <= .seconds(5) })

        // A message from someone else arrives: it is delivered once and the pace is quick again.
        let message = try await store.messages.send(Message(roomId: room.roomId, sender: "bob", text: "anyone here?"))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        await harness.run { $0.openRoom?.window.messages.contains { $0.messageId == message.messageId } == true }
        await clock.waitForSleepers(1)
        #expect(clock.requestedSleeps.last == .seconds(1))
        #expect(harness.state.openRoom?.window.messages.filter { $0.messageId == message.messageId }.count == 1)

        // Idle again for a while, then a key press: back to the quick pace at once.
        for _ in 0..<80 {
            await clock.waitForSleepers(1)
            clock.advance(by: clock.requestedSleeps.last ?? .zero)
        }
        await clock.waitForSleepers(1)
        #expect(clock.requestedSleeps.last ?? .zero > .seconds(1))
        harness.app.noteActivity()
        clock.advance(by: clock.requestedSleeps.last ?? .zero)
        await clock.waitForSleepers(1)
        #expect(clock.requestedSleeps.last == .seconds(1))
        harness.app.shutdown()
    }

    @Test func shutdownCancelsTimersAndRunningEffects() async throws {
        let (store, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let harness = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))
        Self.showExam(sampleExam(timeLimit: 60), in: harness.app)
        harness.app.send(.examSession(.take(examId: "x1")))
        let session = try #require(harness.state.examSession)
        await harness.clock.waitForSleepers(1)
        #expect(harness.app.runningEffects >= 1)
        harness.app.shutdown()
        #expect(harness.clock.pendingSleeps == 0, "the exam timer was cancelled")
        harness.clock.advance(by: .seconds(120))
        harness.app.processPending()  // the exams list may have come back meanwhile; no tick can
        #expect(harness.state.examSession?.now == session.startedAt, "a cancelled timer posts nothing")
        #expect(harness.state.examSession?.result == nil)
        #expect(harness.clock.requestedSleeps.count == 1)
    }

    @Test func aFailedLoadResetsOnlyItsOwnLoadingFlag() {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "test")
        state.library.loading = true
        state.summaries.loading = true
        state.exams.generating = true
        _ = AppReducer.reduce(&state, .failed(EffectFailure(.loadSummaries, .store(.unavailable("locked")))))
        #expect(!state.summaries.loading)
        #expect(state.library.loading && state.exams.generating, "other panes' work goes on")
        #expect(state.notice?.failure?.operation == .loadSummaries)
    }
}
