import StudyModel
import StudyStore

/// One named check of the storage contract.
public struct ConformanceCase: Sendable, CustomStringConvertible {
    public let name: String
    public let run: @Sendable (StudyStore) async throws -> Void
    public var description: String { name }
}

/// The storage contract, written once and run against every backend. Cases share a backend
/// only through records tagged with a unique string, so they may run in any order or at once.
public enum StoreConformance {
    public static let cases: [ConformanceCase] = [
        ConformanceCase(name: "users: create, lookups, uniqueness, update, delete", run: UserCases.lifecycle),
        ConformanceCase(name: "users: concurrent registration keeps email and username unique", run: UserCases.concurrentRegistration),
        ConformanceCase(name: "users: validation and batch get", run: UserCases.validationAndBatch),
        ConformanceCase(name: "content: owner and category lists newest first, paged", run: ContentCases.lists),
        ConformanceCase(name: "content: search, update, delete", run: ContentCases.searchUpdateDelete),
        ConformanceCase(name: "summaries: by owner and by content, rating", run: SummaryCases.lists),
        ConformanceCase(name: "exams: lists, attempts stored apart, aggregates, idempotent", run: ExamCases.attempts),
        ConformanceCase(name: "templates: creator, type+category, public newest first, use and rating", run: TemplateCases.all),
        ConformanceCase(name: "rooms: by name, list, join and leave", run: RoomCases.all),
        ConformanceCase(name: "messages: history pages, feed exactly once, resend is not a duplicate", run: MessageCases.historyAndFeed),
        ConformanceCase(name: "messages: skewed clocks and batch import", run: MessageCases.skewAndBatch),
        ConformanceCase(name: "messages: a writer far behind is never hidden for good", run: FeedSkewCases.farBehindWriter),
        ConformanceCase(name: "messages: many rooms polled at once, each message once, skew and bursts", run: RoomsFeedCases.manyRoomsExactlyOnce),
        ConformanceCase(name: "messages: many-room and per-room feed cursors interchange", run: RoomsFeedCases.cursorsInterchange),
        ConformanceCase(name: "rooms: private rooms refuse non-members; invite, remove, leave; public rooms joinable", run: AccessCases.privateRooms),
        ConformanceCase(name: "meetings: room, organizer, status, time ranges", run: MeetingCases.all),
        ConformanceCase(name: "projects: room, creator, status", run: ProjectCases.all),
        ConformanceCase(name: "cursors: damaged cursors are refused cleanly", run: CursorCases.badCursor),
        ConformanceCase(name: "templates: a rating counts once per user, re-rating replaces", run: TrustCases.ratingsOncePerUser),
        ConformanceCase(name: "users: Unicode names, NFKC and case-insensitive, never rewritten", run: TrustCases.unicodeUsernames),
        ConformanceCase(name: "rooms: names unique ignoring case, width, invisible characters, also racing", run: TrustCases.uniqueRoomNames),
        ConformanceCase(name: "content: same text recognised by hash; delete takes summaries and exams", run: TrustCases.documentsByHashAndDelete),
        ConformanceCase(name: "content: a batch adds each new text once and names what is there", run: ContentBatchCases.addBatch),
    ]
}
