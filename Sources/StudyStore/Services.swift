import StudyModel

// One protocol per storage service. Every backend (SQLite, DynamoDB, later MongoDB)
// conforms to all of them and passes the same conformance suite.
//
// Conventions shared by every service:
// - `create` refuses an existing key with `StoreError.duplicate`; `update` and `delete`
//   of a missing key throw `StoreError.notFound`; `get` returns nil for a missing key.
// - Lists take a `PageRequest` and return a `Page` with an opaque cursor; nothing loads a
//   whole table. "Newest first" orders by `createdAt` descending, ties broken by id.
// - `batchGet` returns the records that exist, in the order of the ids asked for.

/// Users and their unique email and username. Usernames are unique by `Username.key`
/// (NFKC, case-folded) and `get(username:)` looks them up by that key.
public protocol UserService: Sendable {
    func create(_ user: User) async throws -> User
    func get(id: String) async throws -> User?
    func batchGet(ids: [String]) async throws -> [User]
    /// Case-insensitive on the address.
    func get(email: String) async throws -> User?
    func get(username: String) async throws -> User?
    func update(_ user: User) async throws -> User
    func delete(id: String) async throws
    func list(_ page: PageRequest) async throws -> Page<User>
}

/// The study library.
///
/// The store keeps the SHA-256 of each document's text (`ContentHash.of(sourceText)`) beside
/// it, not in the entity, and updates it with the text. One owner cannot hold the same text twice: `create` of a text the owner
/// already has throws `StoreError.duplicate(entity: "document", field: "contentHash", value:
/// <the existing document's id>)`. A `create` repeated with the same id after a lost answer
/// finds its own earlier write and returns it.
public protocol ContentService: Sendable {
    func create(_ content: Content) async throws -> Content
    /// The owner's document with this text hash, if any.
    func find(owner: String, contentHash: String) async throws -> Content?
    func get(id: String) async throws -> Content?
    func batchGet(ids: [String]) async throws -> [Content]
    func update(_ content: Content) async throws -> Content
    func delete(id: String) async throws
    /// One owner's documents, newest first (OwnerIndex).
    func list(owner: String, _ page: PageRequest) async throws -> Page<Content>
    /// All documents, optionally of one category, newest first where the backend can order them.
    func list(category: String?, _ page: PageRequest) async throws -> Page<Content>
    /// Documents whose title or text matches every word of `query`, best match first.
    func search(_ query: String, _ page: PageRequest) async throws -> Page<Content>
    /// Adds many documents at once, with `StudyStore.addDocument`'s rules for each (see
    /// `ContentBatch`); one result per document, in order. A default in `ContentBatch.swift`
    /// adds them one by one; SQLite writes them in one transaction.
    func add(batch documents: [Content]) async throws -> [Result<DocumentAddition, Error>]
}

/// Summaries of documents.
public protocol SummaryService: Sendable {
    func create(_ summary: Summary) async throws -> Summary
    func get(id: String) async throws -> Summary?
    func batchGet(ids: [String]) async throws -> [Summary]
    func update(_ summary: Summary) async throws -> Summary
    func delete(id: String) async throws
    /// Newest first (OwnerIndex).
    func list(owner: String, _ page: PageRequest) async throws -> Page<Summary>
    /// Newest first (ContentIndex).
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Summary>
}

/// Exams, and their attempts stored apart from the exam so it stays small.
public protocol ExamService: Sendable {
    func create(_ exam: Exam) async throws -> Exam
    func get(id: String) async throws -> Exam?
    func batchGet(ids: [String]) async throws -> [Exam]
    func update(_ exam: Exam) async throws -> Exam
    /// Deletes the exam and its attempts.
    func delete(id: String) async throws
    /// Newest first (OwnerIndex).
    func list(owner: String, _ page: PageRequest) async throws -> Page<Exam>
    /// Newest first (ContentIndex).
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Exam>
    /// Stores the attempt and folds it into the exam's aggregates atomically; returns the exam.
    /// Recording the same attempt id twice changes nothing the second time.
    func record(_ attempt: ExamAttempt) async throws -> Exam
    /// Attempts of one exam, newest first; `userId` narrows to one student.
    func attempts(examId: String, userId: String?, _ page: PageRequest) async throws -> Page<ExamAttempt>
}

/// Reusable summary/exam configurations.
public protocol TemplateService: Sendable {
    func create(_ template: Template) async throws -> Template
    func get(id: String) async throws -> Template?
    func batchGet(ids: [String]) async throws -> [Template]
    func update(_ template: Template) async throws -> Template
    func delete(id: String) async throws
    /// Newest first (CreatedByIndex).
    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Template>
    /// Newest first (TypeCategoryIndex).
    func list(type: Template.TemplateType, category: String, _ page: PageRequest) async throws -> Page<Template>
    /// Public templates, newest first (PublicTemplatesIndex).
    func listPublic(_ page: PageRequest) async throws -> Page<Template>
    /// Counts one use, atomically.
    func recordUse(id: String) async throws -> Template
    /// Sets `userId`'s 1-5 rating and updates the aggregate atomically: each user counts once,
    /// and rating again replaces that user's earlier score (rating the same score again changes nothing).
    func rate(id: String, userId: String, score: Int) async throws -> Template
}

/// Study rooms.
///
/// Names are unique by `NameKey.key` (NFKC, invisible characters removed, trimmed, case-folded),
/// also under concurrent creation: `create` of a taken name throws
/// `StoreError.duplicate(entity: "room", field: "name", value: <the name>)`. Rooms are stored
/// with `NameKey.cleaned(name)`. Rooms made before names were unique may share a name; they
/// are kept as they are, and only new names are guarded.
public protocol ChatRoomService: Sendable {
    func create(_ room: ChatRoom) async throws -> ChatRoom
    /// The room of this name (compared by `NameKey.key`); of older rooms sharing it, the oldest.
    func find(name: String) async throws -> ChatRoom?
    func get(id: String) async throws -> ChatRoom?
    func batchGet(ids: [String]) async throws -> [ChatRoom]
    func update(_ room: ChatRoom) async throws -> ChatRoom
    func delete(id: String) async throws
    /// Rooms with this name compared by `NameKey.key`, oldest first: one, or several made
    /// before names were unique.
    func list(name: String) async throws -> [ChatRoom]
    /// All rooms, newest first where the backend can order them.
    func list(_ page: PageRequest) async throws -> Page<ChatRoom>
    /// Adds a member atomically; joining twice is harmless.
    func join(roomId: String, username: String) async throws -> ChatRoom
    /// Removes a member atomically; leaving twice is harmless.
    func leave(roomId: String, username: String) async throws -> ChatRoom
}

/// One page of a room's messages, oldest first, with positions for older history and for polling.
public struct MessagePage: Sendable, Equatable {
    public var messages: [Message]
    /// Where older history continues; nil at the beginning of the room.
    public var older: PageCursor?
    /// Where to poll for newer messages from. Always present.
    public var feed: PageCursor
    /// True when `since` stopped at its limit and more messages are waiting.
    public var hasMore: Bool
    public init(messages: [Message], older: PageCursor?, feed: PageCursor, hasMore: Bool = false) {
        self.messages = messages
        self.older = older
        self.feed = feed
        self.hasMore = hasMore
    }
}

/// Chat messages of rooms.
public protocol MessageService: Sendable {
    /// Stores a message. The client made its id, so sending the same message again
    /// (after a lost answer) returns the stored one and never creates a second copy.
    func send(_ message: Message) async throws -> Message
    /// Stores many messages at once (import, migration), skipping ids already stored.
    /// Returns how many were new.
    func send(batch: [Message]) async throws -> Int
    func get(id: String) async throws -> Message?
    func delete(id: String) async throws
    /// The `limit` messages before `before` (or the newest), oldest first (RoomIdIndex).
    func history(roomId: String, before: PageCursor?, limit: Int) async throws -> MessagePage
    /// Messages that arrived after `cursor`, oldest first. Across successive calls each
    /// message is returned exactly once, even when writers' clocks differ by a few seconds.
    func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage
    /// What arrived in many rooms since `rooms`, each room's messages oldest first and each
    /// message exactly once across successive calls (as `since(roomId:)`). A backend may answer
    /// an idle poll without reading every room; the default (RoomsFeed.swift) reads each room.
    func since(rooms: RoomsCursor, limit: Int) async throws -> RoomsPage
}

/// Meetings of rooms.
public protocol MeetingService: Sendable {
    func create(_ meeting: Meeting) async throws -> Meeting
    func get(id: String) async throws -> Meeting?
    func batchGet(ids: [String]) async throws -> [Meeting]
    func update(_ meeting: Meeting) async throws -> Meeting
    func delete(id: String) async throws
    /// Ordered by scheduled time (RoomIdIndex).
    func list(roomId: String, _ page: PageRequest) async throws -> Page<Meeting>
    /// Ordered by scheduled time (OrganizerIndex).
    func list(organizer: String, _ page: PageRequest) async throws -> Page<Meeting>
    /// Ordered by scheduled time (StatusIndex / StatusScheduledTimeIndex); `from`/`to` bound the time, inclusive.
    func list(status: Meeting.Status, from: Timestamp?, to: Timestamp?, _ page: PageRequest) async throws -> Page<Meeting>
    /// Meetings scheduled in [from, to], ordered by time (ScheduledTimeIndex).
    func list(scheduledFrom from: Timestamp, to: Timestamp, _ page: PageRequest) async throws -> Page<Meeting>
}

/// Group projects of rooms.
public protocol ProjectService: Sendable {
    func create(_ project: Project) async throws -> Project
    func get(id: String) async throws -> Project?
    func batchGet(ids: [String]) async throws -> [Project]
    func update(_ project: Project) async throws -> Project
    func delete(id: String) async throws
    /// Newest first (RoomIdIndex).
    func list(roomId: String, _ page: PageRequest) async throws -> Page<Project>
    /// Newest first (CreatedByIndex).
    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Project>
    /// Newest first (StatusIndex).
    func list(status: Project.Status, _ page: PageRequest) async throws -> Page<Project>
}
