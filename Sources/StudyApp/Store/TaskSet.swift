import StudyModel

/// The effect tasks that are running, so the store can cancel them all when the app quits.
///
/// A task removes itself when it ends; `cancelAll` cancels what is still running.
final class TaskSet: Sendable {
    private struct State {
        var tasks: [Int: Task<Void, Never>] = [:]
        var nextId = 0
    }

    private let state = Mutex(State())

    /// Starts `work` in a task of its own (detached: effects inherit nothing from the caller).
    func spawn(_ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            state.nextId += 1
            let id = state.nextId
            // Registered under the lock, so the task's own removal cannot come first.
            state.tasks[id] = Task.detached { [self] in
                await work()
                self.state.withLock { _ = $0.tasks.removeValue(forKey: id) }
            }
        }
    }

    /// How many tasks are still running.
    var count: Int { state.withLock { $0.tasks.count } }

    func cancelAll() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            defer { state.tasks = [:] }
            return Array(state.tasks.values)
        }
        for task in tasks { task.cancel() }
    }
}
