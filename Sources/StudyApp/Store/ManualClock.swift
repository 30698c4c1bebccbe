import StudyModel

/// A clock that moves only when told to, for tests: `sleep` waits until `advance` has moved the
/// time past its deadline, so timers and the poller's backoff are tested without real waiting.
public final class ManualClock: StudyClock, Sendable {
    private struct Sleeper {
        var id: Int
        var deadline: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var sleepers: [Sleeper] = []
        var nextId = 0
        /// Ids of sleeps cancelled before they were registered.
        var cancelled: Set<Int> = []
        /// Every duration asked for, in order.
        var requested: [Duration] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    /// Starts at `now` (a fixed moment by default, so results do not depend on the day).
    public init(now: Timestamp = Timestamp(millisecondsSince1970: 1_800_000_000_000)) {
        state = Mutex(State(now: now))
    }

    public func now() -> Timestamp { state.withLock { $0.now } }

    /// Every duration passed to `sleep` so far, in the order asked.
    public var requestedSleeps: [Duration] { state.withLock { $0.requested } }

    /// How many sleeps are waiting for the time to move.
    public var pendingSleeps: Int { state.withLock { $0.sleepers.count } }

    public func sleep(for duration: Duration) async throws {
        let id = state.withLock { state -> Int in
            state.nextId += 1
            state.requested.append(duration)
            return state.nextId
        }
        try Task.checkCancellation()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                    if state.cancelled.remove(id) != nil {
                        continuation.resume(throwing: CancellationError())
                        return []
                    }
                    let deadline = state.now.millisecondsSince1970 + duration.wholeMilliseconds
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    let count = state.sleepers.count
                    let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
                    state.waiters.removeAll { $0.count <= count }
                    return ready
                }
                for waiter in ready { waiter.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the time forward and wakes every sleep whose deadline has come, earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.adding(milliseconds: duration.wholeMilliseconds)
            let now = state.now.millisecondsSince1970
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once at least `count` sleeps are waiting (a timer armed, the poller between rounds).
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}

extension Duration {
    /// Whole milliseconds (rounded down), for timestamp arithmetic.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
