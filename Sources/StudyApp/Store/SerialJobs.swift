/// Runs jobs one after another, in the order they were given, on one task.
///
/// Writes to one file go through one of these, so they never overlap and the last one asked
/// for is the last one written, by construction (no sequence numbers to compare).
final class SerialJobs: Sendable {
    typealias Job = @Sendable () async -> Void
    private let continuation: AsyncStream<Job>.Continuation
    private let task: Task<Void, Never>

    init() {
        let (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
        self.continuation = continuation
        task = Task.detached {
            for await job in jobs { await job() }
        }
    }

    deinit {
        // Ends the task once the queued jobs are done, when the runner goes away unfinished.
        continuation.finish()
    }

    /// Queues `job` behind every job given before it.
    func enqueue(_ job: @escaping Job) {
        continuation.yield(job)
    }

    /// Takes no more jobs; those queued still run. Returns when the last one has finished.
    func finish() async {
        continuation.finish()
        await task.value
    }
}
