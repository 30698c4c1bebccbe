import Foundation
import StudyModel
import StudyStore

/// Polls the joined rooms for new messages in the background and posts them as actions.
///
/// One loop, so there are never two polls at once. Each round is one `since(rooms:)` call (one
/// storage request when idle) and nothing is posted when nothing changed, so an idle app does not wake the UI. After
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
        // Issue #11 (cheap polling): one `since(rooms:)` per round through RoomsFeed instead of one
        // `since` per room, so an idle round costs one storage request on DynamoDB and SQLite.
        var feed = RoomsFeed()
        var online: Bool?
        while !Task.isCancelled {
            let (rooms, seeds) = shared.withLock { state -> ([String], [String: PageCursor]) in
                defer { state.seeds = [:] }
                return (state.rooms, state.seeds)
            }
            do {
                let arrivals = try await feed.poll(rooms, seeds: seeds, messages: messages)
                if Task.isCancelled { return }
                for (room, batch) in arrivals { post(.messages(.arrived(roomId: room, messages: batch))) }
                if !arrivals.isEmpty { noteActivity() }
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
}
