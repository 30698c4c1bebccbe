import Foundation
import StudyModel

/// What the application core needs to know about the person and the session.
/// The executable fills it from configuration (flags, environment, config file).
public struct AppSettings: Sendable, Equatable {
    /// The username messages are sent as and @mentions are matched against.
    public var user: String
    /// The user's id: owner of generated summaries and exams, and of exam attempts.
    /// Defaults to `user` when the frontend has no separate id (tests).
    public var userId: String
    /// Time between polls for new messages while someone is active.
    public var pollInterval: Duration
    /// The longest time between polls once nobody has typed or received anything for a while.
    public var maxPollInterval: Duration
    /// How long without activity before polling slows down.
    public var idleAfter: Duration
    /// The theme to draw with: a built-in theme or a user theme file's name without `.toml`.
    public var themeName: String
    /// Messages fetched per history page.
    public var historyPageSize: Int
    /// How many messages of the open room are kept in memory at most (a few pages).
    public var messageWindow: Int
    /// Library documents fetched per page.
    public var libraryPageSize: Int
    /// Where the outbox of unsent messages is kept; nil keeps it in memory only.
    public var outboxPath: String?
    /// A folder the TUI looks in first for theme files; nil uses only the standard folders
    /// (the built-in themes need none).
    public var themesDirectory: String?
    /// The user's role: an admin may read and manage every room (set by the executable from
    /// the logged-in account; a student unless told).
    public var role: User.Role = .student
    /// How often meeting reminders are looked for (one query on the meetings' time index);
    /// nil turns reminders off (tests that count the poller's timers).
    public var reminderInterval: Duration? = .seconds(30)

    public init(user: String, pollInterval: Duration = .seconds(1), maxPollInterval: Duration = .seconds(5),
                idleAfter: Duration = .seconds(60), themeName: String = "dark", historyPageSize: Int = 100,
                messageWindow: Int = 500, libraryPageSize: Int = 100, outboxPath: String? = AppSettings.defaultOutboxPath(),
                themesDirectory: String? = nil, userId: String? = nil) {
        self.user = user
        self.userId = userId ?? user
        self.pollInterval = pollInterval
        self.maxPollInterval = max(maxPollInterval, pollInterval)
        self.idleAfter = idleAfter
        self.themeName = themeName
        self.historyPageSize = max(1, min(historyPageSize, 500))
        // At least two pages so that loading one never evicts the one on screen.
        self.messageWindow = max(messageWindow, 2 * self.historyPageSize)
        self.libraryPageSize = max(1, min(libraryPageSize, 500))
        self.outboxPath = outboxPath
        self.themesDirectory = themesDirectory
    }

    /// One outbox file per backend and user under `stateDirectory`, so two accounts or two
    /// databases never resend each other's messages.
    public static func outboxPath(stateDirectory: String, backend: String, user: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in (backend + "\u{0}" + user).utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return stateDirectory + "/outbox-" + String(hash, radix: 16) + ".json"
    }

    /// `$XDG_STATE_HOME/studycircle/outbox.json`, falling back to `~/.local/state`.
    public static func defaultOutboxPath(environment: [String: String] = ProcessEnvironment.variables) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/studycircle/outbox.json"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/studycircle/outbox.json"
    }

    /// The logged-in user as the room rules (`RoomAccess`) see them: name, id and role.
    public var currentUser: User { User(id: userId, username: user, email: "", role: role) }
}
