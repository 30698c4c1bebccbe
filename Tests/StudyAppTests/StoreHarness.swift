import StudyApp
import StudyModel
import StudyStore

/// Drives an `AppStore` the way a frontend does, for tests: the store's wake-ups arrive on an
/// AsyncStream, so waiting for effects needs no sleeps and no polling, and time is a
/// `ManualClock` that moves only when the test says so.
final class StoreHarness {
    let app: AppStore
    let clock: ManualClock
    private var wakeups: AsyncStream<Void>.Iterator

    init(store: StudyStore, settings: AppSettings, clock: ManualClock = ManualClock()) {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        self.clock = clock
        self.wakeups = stream.makeAsyncIterator()
        app = AppStore(store: store, settings: settings, clock: clock, wake: { continuation.yield() })
    }

    var state: AppState { app.state }

    /// Handles what effects post until `condition` holds (the test's time limit ends a hang).
    func run(until condition: (AppState) -> Bool) async {
        while !condition(app.state) {
            if app.processPending() { continue }
            guard await wakeups.next() != nil else { return }
        }
    }

    /// Handles what effects post until none is running any more (a waiting timer counts as
    /// running, so only for tests without timers; the test's time limit ends a hang).
    func drainEffects() async {
        while app.runningEffects > 0 || app.hasPending {
            if app.processPending() { continue }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}
