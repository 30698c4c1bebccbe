import Foundation
import StudyEngine
import StudyModel
import StudyStore

/// The app core as one object: the state, the reducer, the effect runner, the queue of actions
/// that effects post, and the message poller.
///
/// A frontend needs three things from it: `send` an action (a key was pressed), be woken when
/// effects have posted results (`wake`, given to `init`, is called from any thread; the frontend
/// then calls `processPending` on its own thread), and read `state` to draw. The TUI, the
/// benchmark's headless driver and the tests all drive the app through this type.
///
/// The store is not `Sendable`: it lives on the frontend's thread, and only `wake` crosses
/// threads. Time comes from the injected `StudyClock`, so tests run timers with a `ManualClock`.
public final class AppStore {
    /// Everything the frontend draws.
    public private(set) var state: AppState
    private let runner: EffectRunner
    private let queue: ActionQueue
    private let clock: any StudyClock
    /// Set by `start`: the deferred start waits for `firstFrameDrawn` instead of following the
    /// first screen's data at once.
    private var waitsForFirstFrame = false
    /// Set by `start`: the poller begins with the deferred start.
    private var pollsAfterStart = false

    /// - Parameters:
    ///   - assistant: makes summaries and exams (offline unless the caller configures a provider).
    ///   - codeRunner: runs messages' code blocks (`:run`); nil says how to enable it.
    ///   - clock: the time for timers, the poller and timestamps; the system's unless testing.
    ///   - wake: called from any thread when an effect has posted an action; it must make the
    ///     frontend's thread call `processPending` soon (write to a pipe, signal a semaphore).
    public init(store: StudyStore, settings: AppSettings, assistant: StudyAssistant = StudyAssistant(),
                clock: any StudyClock = SystemClock(), codeRunner: JDoodleClient? = nil,
                wake: @escaping @Sendable () -> Void) {
        let queue = ActionQueue(wake: wake)
        self.queue = queue
        self.clock = clock
        self.state = AppState(settings: settings, backendName: store.backendName)
        self.runner = EffectRunner(store: store, settings: settings, assistant: assistant, clock: clock,
                                   codeRunner: codeRunner, post: queue.post)
    }

    deinit {
        runner.cancelAll()
        runner.poller.stop()
    }

    /// Starts the app in two steps (issue 13). First one read: the rooms and the newest page of
    /// the room that opens. Then, once that screen is drawn, the rest: library, outbox, read
    /// marks, saved exam, reading positions, reminders and (unless `polling` is false, as in
    /// the benchmark) the poller watching joined rooms.
    ///
    /// - Parameter waitForFirstFrame: true for a frontend that calls `firstFrameDrawn` after
    ///   drawing; false starts the rest as soon as the first screen's data is in the state.
    public func start(polling: Bool = true, waitForFirstFrame: Bool = false) {
        pollsAfterStart = polling
        waitsForFirstFrame = waitForFirstFrame
        send(.start)
    }

    /// The frontend has drawn a frame. The first one drawn with the first screen's data (see
    /// `AppState.startup`) starts the deferred work; later calls do nothing.
    public func firstFrameDrawn() {
        if state.startup == .firstScreenReady { startDeferred() }
    }

    private func startDeferred() {
        if pollsAfterStart { runner.poller.start() }
        send(.startDeferred)
    }

    /// Handles one action now, on the caller's thread, and starts the effects it asks for.
    public func send(_ action: Action) {
        runner.run(AppReducer.reduce(&state, action, now: clock.now()))
        if !waitsForFirstFrame && state.startup == .firstScreenReady { startDeferred() }
    }

    /// Handles every action effects have posted since the last call, in order. Returns false
    /// when there was none (nothing to redraw).
    @discardableResult
    public func processPending() -> Bool {
        let actions = queue.drain()
        for action in actions { send(action) }
        return !actions.isEmpty
    }

    /// True when effects have posted actions not yet handled.
    public var hasPending: Bool { !queue.isEmpty }

    /// Effects (loads, sends, timers) still running.
    public var runningEffects: Int { runner.runningCount }

    /// The student is typing or reading: the poller returns to its quick pace.
    public func noteActivity() {
        runner.poller.noteActivity()
    }

    /// Ends the app: saves where rooms and documents were read and the exam in progress
    /// (synchronously, because the process ends right after), cancels running effects, timers
    /// and the poller, and lets queued file writes finish for up to `flushTimeout`.
    public func shutdown(flushTimeout: Duration = .seconds(2)) {
        saveOnExit()
        runner.cancelAll()
        runner.poller.stop()
        let done = DispatchSemaphore(value: 0)
        let runner = self.runner
        Task.detached {
            await runner.finishWrites()
            done.signal()
        }
        _ = done.wait(timeout: .now() + .milliseconds(Int(flushTimeout.wholeMilliseconds)))
    }

    /// The files a later run starts from: read marks, reading positions, the exam in progress.
    /// An exam still being answered is saved with the time spent, so `:resume` can continue it;
    /// a finished or abandoned one leaves nothing behind.
    private func saveOnExit() {
        let settings = state.settings
        // Marks not loaded yet (quitting before the deferred start ran) would overwrite the saved
        // ones with only the open room's.
        if let path = settings.readMarksPath, state.readMarksLoaded {
            try? ReadMarksFile.save(AppReducer.currentReadMarks(state), path: path)
        }
        if let path = settings.examProgressPath, let progress = ExamProgress(state.examSession, now: clock.now()) {
            try? ExamProgressFile.save(progress, path: path)
        }
        if let path = settings.readingPositionsPath, !state.readerPositions.isEmpty {
            try? ReadingPositionsFile.save(state.readerPositions, path: path)
        }
    }
}
