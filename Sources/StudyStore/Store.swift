import StudyModel

/// What a backend reports about one of its tables (or SQLite tables).
public struct TableInfo: Sendable, Equatable {
    public var name: String
    /// e.g. `ACTIVE`, `CREATING`, or `ok` for SQLite.
    public var status: String
    public var itemCount: Int?
    public init(name: String, status: String, itemCount: Int? = nil) {
        self.name = name
        self.status = status
        self.itemCount = itemCount
    }
}

/// One finding of `doctor`: what was checked, whether it is fine, and what to do if not.
public struct HealthCheck: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, warning, problem }
    public var name: String
    public var status: Status
    public var detail: String
    /// What the user should do; empty when nothing.
    public var fix: String
    public init(name: String, status: Status, detail: String, fix: String = "") {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }
}

/// Schema management for a backend: used by `setup`, `tables` and `doctor`.
public protocol StoreAdmin: Sendable {
    /// Creates or upgrades the schema; idempotent. Returns one line per thing it did or found.
    func setup(progress: @Sendable (String) -> Void) async throws -> [String]
    /// The backend's tables.
    func listTables() async throws -> [TableInfo]
    /// Deletes this application's tables only; returns their names.
    func deleteTables() async throws -> [String]
    /// What would `deleteTables` delete.
    func tablesToDelete() async throws -> [String]
    /// Checks that the backend is reachable, its schema present and usable.
    func healthChecks() async -> [HealthCheck]
}

/// All services of one backend, as the app and the command line use them.
public struct StudyStore: Sendable {
    /// A short name for the status bar, e.g. `sqlite:/path/to.db`.
    public var backendName: String
    public var users: any UserService
    public var content: any ContentService
    public var summaries: any SummaryService
    public var exams: any ExamService
    public var templates: any TemplateService
    public var rooms: any ChatRoomService
    public var messages: any MessageService
    public var meetings: any MeetingService
    public var projects: any ProjectService
    public var admin: any StoreAdmin

    public init(backendName: String, users: any UserService, content: any ContentService, summaries: any SummaryService,
                exams: any ExamService, templates: any TemplateService, rooms: any ChatRoomService,
                messages: any MessageService, meetings: any MeetingService, projects: any ProjectService,
                admin: any StoreAdmin) {
        self.backendName = backendName
        self.users = users
        self.content = content
        self.summaries = summaries
        self.exams = exams
        self.templates = templates
        self.rooms = rooms
        self.messages = messages
        self.meetings = meetings
        self.projects = projects
        self.admin = admin
    }
}
