/// When and how long to wait before trying a failed request again.
///
/// Capped exponential backoff with "full jitter" (a random wait between zero and the capped
/// exponential value), which spreads retries from many clients so they do not hit the service
/// in lock step. The sleeper and the random source are injectable so tests run instantly and
/// deterministically.
public struct RetryPolicy: Sendable {
    /// Attempts in all (first try included) for throttling errors. The AWS SDKs use 10 for DynamoDB.
    public var throttlingMaxAttempts: Int
    /// Attempts in all for other retryable failures: 5xx, network errors, damaged answers.
    public var maxAttempts: Int
    /// The first backoff ceiling; doubles with each attempt.
    public var baseDelay: Duration
    /// The first backoff ceiling for throttling, which needs longer pauses to help.
    public var throttlingBaseDelay: Duration
    /// No single wait is longer than this.
    public var maxDelay: Duration
    /// Waits; `Task.sleep` unless a test injects something else.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform random number in [0, 1).
    public var random: @Sendable () -> Double

    public init(throttlingMaxAttempts: Int = 10, maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(25),
                throttlingBaseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.throttlingMaxAttempts = max(1, throttlingMaxAttempts)
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.throttlingBaseDelay = throttlingBaseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
        self.random = random
    }

    /// No retries at all.
    public static var none: RetryPolicy { RetryPolicy(throttlingMaxAttempts: 1, maxAttempts: 1) }

    /// The wait before attempt `attempt + 1`, after `attempt` failed attempts (1-based).
    public func delay(afterAttempt attempt: Int, throttling: Bool) -> Duration {
        let base = throttling ? throttlingBaseDelay : baseDelay
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(base * (1 << exponent), maxDelay)
        let fraction = min(max(random(), 0), 1)
        return ceiling * fraction
    }

    /// The attempt limit for an error of this kind.
    public func limit(throttling: Bool) -> Int { throttling ? throttlingMaxAttempts : maxAttempts }
}
