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

/// Whether the backend answers.
public enum ConnectionState: Equatable, Sendable {
    case connecting
    case online
    /// The last call failed; the text says why.
    case offline(String)
}

/// A one-line message for the status bar.
public struct Notice: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
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

/// One room in the Rooms pane.
public struct RoomEntry: Equatable, Sendable {
    public var room: ChatRoom
    public var joined: Bool
    /// Messages from others that arrived since the room was last read.
    public var unread = 0
    /// Of those, how many mention the user.
    public var mentions = 0
    /// The newest message seen when the room was last open.
    public var lastRead: MessageKey?

    public init(room: ChatRoom, joined: Bool) {
        self.room = room
        self.joined = joined
    }
}

/// The Rooms pane: joined rooms first, then the others.
public struct RoomsState: Equatable, Sendable {
    public var entries: [RoomEntry] = []
    public var selected = 0
    public var loaded = false
    /// Narrows the list by name (`/` in the Rooms pane).
    public var filter: String?

    /// The entries shown, after the filter.
    public var visible: [RoomEntry] {
        guard let filter, !filter.isEmpty else { return entries }
        return entries.filter { $0.room.name.localizedCaseInsensitiveContains(filter) }
    }

    public func index(of roomId: String) -> Int? { entries.firstIndex { $0.room.roomId == roomId } }
}

/// The room shown in the Messages pane, with the part of its history held in memory.
public struct OpenRoom: Equatable, Sendable {
    public var roomId: String
    public var name: String
    public var window: MessageWindow
    /// The message drawn on the last line; nil follows the newest message.
    public var bottom: MessageKey?
    /// The newest message read before this visit; the "new messages" line is drawn after it.
    public var readMarker: MessageKey?
    public var loadingOlder = false
    public var loadingNewer = false
    public var loadingReset = true

    public init(roomId: String, name: String, capacity: Int, readMarker: MessageKey?) {
        self.roomId = roomId
        self.name = name
        self.window = MessageWindow(capacity: capacity)
        self.readMarker = readMarker
    }

    /// Index in `window.messages` of the message on the last line.
    public var bottomIndex: Int {
        let count = window.messages.count
        guard let bottom else { return count - 1 }
        return min(window.lowerBound(bottom), count - 1)
    }
}

/// A message waiting for the backend.
public struct OutboxEntry: Equatable, Sendable {
    public var message: Message
    public var attempts = 0
    public var lastError: String?
    public var inFlight = false
    public init(message: Message) { self.message = message }
}

/// What the library list shows of a document (the text is loaded only when it is opened).
public struct DocumentSummary: Equatable, Sendable {
    public var id: String
    public var title: String
    public var category: String
    public var contentType: Content.ContentType
    public var wordCount: Int
    public var createdAt: Timestamp

    public init(_ content: Content) {
        id = content.id
        title = content.title
        category = content.category
        contentType = content.contentType
        wordCount = content.sourceMetadata.wordCount
        createdAt = content.createdAt
    }
}

/// The Library pane's list.
public struct LibraryState: Equatable, Sendable {
    public var items: [DocumentSummary] = []
    /// Where the next page starts; nil when all pages are loaded.
    public var next: PageCursor?
    public var selected = 0
    public var category: String?
    public var query: String?
    /// Categories seen so far, sorted; `c` cycles through them.
    public var categories: [String] = []
    public var loading = false
    public var loaded = false
    /// Identifies the current list; results of an older request are dropped.
    public var requestId = 0

    public var selectedItem: DocumentSummary? { items.indices.contains(selected) ? items[selected] : nil }
}

/// A document open for reading.
public struct ReaderState: Equatable, Sendable {
    public var documentId: String
    public var title: String
    public var contentType: Content.ContentType
    public var text: String
    /// First line shown (after wrapping to the pane's width).
    public var top: Int
    /// What `/` searched for in this document (highlighted; `n`/`N` go to the next and previous line).
    public var searchQuery: String?
    /// The line of the current match.
    public var matchLine: Int?

    public init(documentId: String, title: String, contentType: Content.ContentType, text: String, top: Int) {
        self.documentId = documentId
        self.title = title
        self.contentType = contentType
        self.text = text
        self.top = top
    }
}

/// The Summaries pane: summaries of the selected document.
public struct SummariesState: Equatable, Sendable {
    public var contentId: String?
    public var items: [Summary] = []
    public var selected = 0
    public var loading = false
    /// True while a summary is being generated (the pane shows "working…").
    public var generating = false
    /// The summary open for reading, by id.
    public var reading: String?
    public var top = 0
    public var filter: String?

    public var visible: [Summary] {
        guard let filter, !filter.isEmpty else { return items }
        return items.filter { $0.summaryText.localizedCaseInsensitiveContains(filter) }
    }
    public var selectedItem: Summary? { visible.indices.contains(selected) ? visible[selected] : nil }
}

/// The Exams pane: exams of the selected document and their scores.
public struct ExamsState: Equatable, Sendable {
    public var contentId: String?
    public var items: [Exam] = []
    public var selected = 0
    public var loading = false
    /// True while an exam is being generated.
    public var generating = false
    /// The exam whose attempts are shown, and those attempts (newest first).
    public var attemptsFor: String?
    public var attempts: [ExamAttempt] = []
    public var filter: String?

    public var visible: [Exam] {
        guard let filter, !filter.isEmpty else { return items }
        return items.filter { $0.title.localizedCaseInsensitiveContains(filter) }
    }
    public var selectedItem: Exam? { visible.indices.contains(selected) ? visible[selected] : nil }
}
