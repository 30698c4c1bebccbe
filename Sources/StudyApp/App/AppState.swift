import StudyModel
import StudyStore

/// The five panes of the app, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case rooms, messages, library, summaries, exams

    public var title: String {
        switch self {
        case .rooms: return "Rooms"
        case .messages: return "Messages"
        case .library: return "Library"
        case .summaries: return "Summaries"
        case .exams: return "Exams"
        }
    }
}

/// Where the app is in its start: the first screen is loaded before anything else, and the
/// rest only after it has been drawn (issue 13: the first frame needs one read).
public enum StartupPhase: Equatable, Sendable {
    /// `start` has not been sent.
    case notStarted
    /// Waiting for the rooms and the open room's newest page.
    case loadingFirstScreen
    /// The first screen's data is in the state (or failed to load): ready to draw, and the
    /// deferred work may begin once it is drawn.
    case firstScreenReady
    /// `startDeferred` has run.
    case complete
}

/// Whether the backend answers.
public enum ConnectionState: Equatable, Sendable {
    case connecting
    case online
    /// The last call failed; the error says why.
    case offline(AppError)
}

/// A one-line message for the status bar.
///
/// Failures of effects are kept as values (`failure`) and put into words by the frontend, in
/// one place; other notices carry their text.
public struct Notice: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// The failed effect this notice reports; `text` is then empty.
    public var failure: EffectFailure?

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// An error notice for a failed effect.
    public init(failure: EffectFailure) {
        self.text = ""
        self.isError = true
        self.failure = failure
    }
}

/// Everything the app shows, and nothing about how it is drawn.
public struct AppState: Equatable, Sendable {
    public var settings: AppSettings
    /// A short backend name for the status bar.
    public var backendName: String
    public var focus: Pane = .rooms
    public var connection: ConnectionState = .connecting
    public var notice: Notice?
    public var rooms = RoomsState()
    /// The room shown in the Messages pane.
    public var openRoom: OpenRoom?
    /// The room side view (meetings, projects, members) and meeting reminders.
    public var plans = RoomPlansState()
    /// Messages not yet confirmed by the backend, oldest first.
    public var outbox: [OutboxEntry] = []
    /// True while a retry of the outbox is scheduled, so only one timer runs.
    public var outboxRetryScheduled = false
    public var library = LibraryState()
    /// The document open in the reader (Library pane), if any.
    public var reader: ReaderState?
    /// Scroll position per document id, so reopening a document returns to where one was.
    public var readerPositions: [String: Int] = [:]
    public var summaries = SummariesState()
    public var exams = ExamsState()
    /// The generate dialog of the Summaries or Exams pane, when open.
    public var dialog: GenerateDialog?
    /// Templates the user may apply (own and public, newest first), loaded with the first dialog.
    public var templates = TemplatesState()
    /// The exam being taken full screen, or its results.
    public var examSession: ExamSession?
    /// Numbers exam sessions, so a timer tick of an earlier session is ignored.
    public var examSessionCounter = 0
    /// Where each room was last read in earlier runs, from the read-marks file.
    public var readMarks: [String: MessageKey] = [:]
    public var readMarksLoaded = false
    /// Set by `quit`; the frontend leaves its loop when it sees it.
    public var quitRequested = false
    /// How far the start has come (first screen, then the deferred work).
    public var startup = StartupPhase.notStarted
    /// Shown when quitting would drop unsaved work: what would be left behind.
    public var quitConfirm: QuitConfirm?
    /// An exam in progress saved by an earlier run, offered by `:resume`.
    public var savedExam: ExamProgress?

    public init(settings: AppSettings, backendName: String) {
        self.settings = settings
        self.backendName = backendName
    }

    /// The document the Summaries and Exams panes are about: the open one, else the selected one.
    public var selectedDocumentId: String? {
        if let reader { return reader.documentId }
        return library.selectedItem?.id
    }
}

/// The question asked before quitting with work in progress.
public struct QuitConfirm: Equatable, Sendable {
    /// One line per kind of unsaved work.
    public var reasons: [String]
    public init(reasons: [String]) { self.reasons = reasons }
}
