import Foundation
import StudyModel
import StudyStore

/// Polls the joined rooms for new messages in the background and posts them as actions.
///
/// One loop, so there are never two polls at once. Each room costs one indexed `since` call per
/// round and nothing is posted when nothing changed, so an idle app does not wake the UI. After
/// `idleAfter` without typing or new messages the interval grows towards `maxPollInterval`.
/// Time (the idle measure and the pauses) comes from the store's clock. The `AppStore` owns it:
/// frontends only report activity through the store.
final class Poller: Sendable {
    private struct Shared {
        var rooms: [String] = []
        /// Starting positions for rooms the loop has not looked at yet.
        var seeds: [String: PageCursor] = [:]
        var lastActivity: Timestamp
        var task: Task<Void, Never>?
    }

    private let messages: any MessageService
    private let settings: AppSettings
    private let post: @Sendable (Action) -> Void
    private let clock: any StudyClock
    private let shared: Mutex<Shared>

    init(messages: any MessageService, settings: AppSettings, clock: any StudyClock,
         post: @escaping @Sendable (Action) -> Void) {
        self.messages = messages
        self.settings = settings
        self.clock = clock
        self.post = post
        self.shared = Mutex(Shared(lastActivity: clock.now()))
    }

    /// Sets the rooms to watch; rooms no longer watched forget their position.
    func watch(_ rooms: [String]) {
        shared.withLock { $0.rooms = rooms }
    }

    /// Polls `roomId` from this position (the feed of a history page just loaded). The loop's own
    /// position may be newer if it looked at the room after that load, which would skip what was
    /// written in between; going back to the seed can only repeat messages, which the window
    /// drops by id.
    func seed(roomId: String, cursor: PageCursor) {
        shared.withLock { $0.seeds[roomId] = cursor }
    }

    /// Called on every key press: polling returns to its quick pace.
    func noteActivity() {
        let now = clock.now()
        shared.withLock { $0.lastActivity = max($0.lastActivity, now) }
    }

    func start() {
        shared.withLock { state in
            guard state.task == nil else { return }
            state.task = Task.detached { [self] in await self.loop() }
        }
    }

    func stop() {
        let task = shared.withLock { state -> Task<Void, Never>? in
            defer { state.task = nil }
            return state.task
        }
        task?.cancel()
    }

    /// The current pause between rounds.
    func interval(now: Timestamp) -> Duration {
        let idleMilliseconds = now.millisecondsSince1970 - shared.withLock { $0.lastActivity }.millisecondsSince1970
        let idle = Duration.milliseconds(max(0, idleMilliseconds))
        guard idle > settings.idleAfter else { return settings.pollInterval }
        // Grows linearly with idle time: twice the base after another `idleAfter`, and so on.
        let factor = 1 + (idle - settings.idleAfter) / settings.idleAfter
        let grown = Duration.milliseconds(Int64(Double(settings.pollInterval.wholeMilliseconds) * factor))
        return min(settings.maxPollInterval, grown)
    }

    private func loop() async {
        var cursors: [String: PageCursor] = [:]
        var online: Bool?
        while !Task.isCancelled {
            let (rooms, seeds) = shared.withLock { state -> ([String], [String: PageCursor]) in
                defer { state.seeds = [:] }
                return (state.rooms, state.seeds)
            }
            cursors = cursors.filter { rooms.contains($0.key) }
            for (room, cursor) in seeds where rooms.contains(room) { cursors[room] = cursor }
            do {
                var arrived = false
                for room in rooms {
                    if Task.isCancelled { return }
                    arrived = try await poll(room: room, cursors: &cursors) || arrived
                }
                if arrived { noteActivity() }
                if online != true {
                    online = true
                    post(.messages(.connectionChanged(.online)))
                }
            } catch is CancellationError {
                return
            } catch {
                if online != false {
                    online = false
                    post(.messages(.connectionChanged(.offline(AppError(error)))))
                }
            }
            do {
                try await clock.sleep(for: interval(now: clock.now()))
            } catch {
                return  // cancelled: the store is quitting
            }
        }
    }

    /// Fetches what arrived in one room since the last round; true if anything did.
    private func poll(room: String, cursors: inout [String: PageCursor]) async throws -> Bool {
        guard let cursor = cursors[room] else {
            // First round for this room: start from its newest message; history covers the past.
            cursors[room] = try await messages.history(roomId: room, before: nil, limit: 1).feed
            return false
        }
        var position = cursor
        var any = false
        // Drain a burst in bounded pages so one busy room cannot starve the others for long.
        for _ in 0..<10 {
            let page = try await messages.since(roomId: room, cursor: position, limit: 200)
            position = page.feed
            if !page.messages.isEmpty {
                any = true
                post(.messages(.arrived(roomId: room, messages: page.messages)))
            }
            if !page.hasMore { break }
        }
        cursors[room] = position
        return any
    }
}
