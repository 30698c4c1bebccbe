import StudyModel

/// The app core's time: wall-clock timestamps and waiting.
///
/// Everything in StudyApp that reads the time or waits (exam timers, the outbox retry, the
/// poller's interval and idle backoff, timestamps the reducer writes) goes through the clock
/// the `AppStore` was given, so tests drive time with a `ManualClock` instead of waiting.
/// (pointfreeco/swift-clocks was the first choice; its 1.1.1 needs swift-tools 6.4 and
/// swift-issue-reporting, which this toolchain and mirror do not have.)
public protocol StudyClock: Sendable {
    /// The current wall-clock time.
    func now() -> Timestamp
    /// Returns after `duration`; throws `CancellationError` when the task is cancelled first.
    func sleep(for duration: Duration) async throws
}

/// The real clock: the system's time and `Task.sleep`.
public struct SystemClock: StudyClock {
    public init() {}
    public func now() -> Timestamp { .now() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
