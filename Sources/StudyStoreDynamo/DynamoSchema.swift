import DynamoDB

/// The tables of one deployment, named `<prefix>-<name>` as in the seeds.
///
/// The nine seed tables keep the seeds' keys and GSIs. Three tables are ours, because the seeds
/// keep unbounded or unique data where DynamoDB cannot enforce or hold it:
/// - `-exam-attempts`: one item per attempt (an exam item stays small however often it is taken);
/// - `-unique`: guard items that make email and username unique (a GSI cannot);
/// - `-content-chunks`: the tail of documents too long for one 400 KB item.
///
/// Any logical table can be mapped to an existing table name (`tables`, from
/// `[dynamodb.tables]` / `DYNAMODB_TABLE_<NAME>`), e.g. `rooms` → `ChatRooms` as the seeds'
/// study-room backend names it. Mapped tables belong to that deployment: they are used,
/// checked and created when missing, but never deleted by `tables delete`.
public struct DynamoSchema: Sendable, Equatable {
    public let prefix: String
    /// Logical name (`rooms`, `messages`, … see `logicalNames`) → mapped table name.
    public let mapped: [String: String]

    public init(prefix: String, tables: [String: String] = [:]) {
        self.prefix = prefix
        mapped = tables
    }

    public func name(_ suffix: String) -> String { "\(prefix)-\(suffix)" }

    /// Each logical table and its default suffix, in `setup` order.
    public static let logicalNames: [(logical: String, suffix: String)] = [
        ("users", "users"), ("unique", "unique"), ("content", "content"), ("content_chunks", "content-chunks"),
        ("summaries", "summaries"), ("exams", "exams"), ("exam_attempts", "exam-attempts"), ("templates", "templates"),
        ("rooms", "chat-rooms"), ("messages", "messages"), ("meetings", "meetings"), ("projects", "projects"),
    ]

    /// The table name of a logical table: its mapping, else `<prefix>-<suffix>`.
    public func table(_ logical: String) -> String {
        if let name = mapped[logical] { return name }
        return name(Self.logicalNames.first { $0.logical == logical }?.suffix ?? logical)
    }

    /// The logical name of a table name of this schema, if it is one.
    public func logical(of tableName: String) -> String? {
        Self.logicalNames.first { table($0.logical) == tableName }?.logical
    }

    public var users: String { table("users") }
    public var content: String { table("content") }
    public var contentChunks: String { table("content_chunks") }
    public var summaries: String { table("summaries") }
    public var exams: String { table("exams") }
    public var examAttempts: String { table("exam_attempts") }
    public var templates: String { table("templates") }
    public var rooms: String { table("rooms") }
    public var messages: String { table("messages") }
    public var meetings: String { table("meetings") }
    public var projects: String { table("projects") }
    public var unique: String { table("unique") }

    /// The tables this schema may delete: those named by the prefix, never mapped ones.
    public var ownedTableNames: [String] { tableNames.filter { name in !mapped.values.contains(name) } }

    /// Every table with its keys and GSIs, in the order `setup` creates them.
    public var tables: [TableDefinition] {
        func s(_ n: String) -> KeyAttribute { KeyAttribute(n) }
        func gsi(_ n: String, _ hash: String, _ range: String? = nil) -> GlobalSecondaryIndex {
            GlobalSecondaryIndex(name: n, partitionKey: s(hash), sortKey: range.map(s))
        }
        return [
            TableDefinition(name: users, partitionKey: s("id"), globalSecondaryIndexes: [
                gsi("EmailIndex", "email"), gsi("UsernameIndex", "username")]),
            TableDefinition(name: unique, partitionKey: s("uniqueKey")),
            TableDefinition(name: content, partitionKey: s("id"), globalSecondaryIndexes: [
                gsi("OwnerIndex", "owner", "createdAt")]),
            TableDefinition(name: contentChunks, partitionKey: s("contentId"), sortKey: s("part")),
            TableDefinition(name: summaries, partitionKey: s("id"), globalSecondaryIndexes: [
                gsi("OwnerIndex", "owner", "createdAt"), gsi("ContentIndex", "contentId")]),
            TableDefinition(name: exams, partitionKey: s("id"), globalSecondaryIndexes: [
                gsi("OwnerIndex", "owner", "createdAt"), gsi("ContentIndex", "contentId")]),
            TableDefinition(name: examAttempts, partitionKey: s("examId"), sortKey: s("attemptKey"), globalSecondaryIndexes: [
                gsi("ExamUserIndex", "examUser", "attemptKey")]),
            TableDefinition(name: templates, partitionKey: s("id"), globalSecondaryIndexes: [
                gsi("CreatedByIndex", "createdBy", "createdAt"), gsi("TypeCategoryIndex", "type", "category"),
                gsi("PublicTemplatesIndex", "isPublic", "createdAt")]),
            TableDefinition(name: rooms, partitionKey: s("roomId"), globalSecondaryIndexes: [gsi("NameIndex", "name")]),
            TableDefinition(name: messages, partitionKey: s("messageId"), globalSecondaryIndexes: [
                gsi("RoomIdIndex", "roomId", "createdAt")]),
            TableDefinition(name: meetings, partitionKey: s("meetingId"), globalSecondaryIndexes: [
                gsi("RoomIdIndex", "roomId", "scheduledTime"), gsi("OrganizerIndex", "organizer", "scheduledTime"),
                gsi("StatusIndex", "status", "createdAt"), gsi("StatusScheduledTimeIndex", "status", "scheduledTime"),
                gsi("ScheduledTimeIndex", "scheduledTime")]),
            TableDefinition(name: projects, partitionKey: s("projectId"), globalSecondaryIndexes: [
                gsi("RoomIdIndex", "roomId", "createdAt"), gsi("CreatedByIndex", "createdBy", "createdAt"),
                gsi("StatusIndex", "status", "createdAt")]),
        ]
    }

    public var tableNames: [String] { tables.map(\.name) }
}
