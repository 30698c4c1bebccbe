import StudyModel

/// Actions posted by effects and the poller from any thread, waiting for the frontend's thread.
///
/// Posting calls `wake` (the TUI writes a byte to a pipe that its poll(2) watches; the benchmark
/// signals a semaphore), so results are handled without waiting for a key.
final class ActionQueue: Sendable {
    private let pending = Mutex<[Action]>([])
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ action: Action) {
        pending.withLock { $0.append(action) }
        wake()
    }

    /// Takes every waiting action, in the order posted.
    func drain() -> [Action] {
        pending.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }

    var isEmpty: Bool { pending.withLock { $0.isEmpty } }
}
