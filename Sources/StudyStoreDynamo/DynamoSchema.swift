import DynamoDB

/// The tables of one deployment, named `<prefix>-<name>` as in the seeds.
///
/// The nine seed tables keep the seeds' keys and GSIs. Three tables are ours, because the seeds
/// keep unbounded or unique data where DynamoDB cannot enforce or hold it:
/// - `-exam-attempts`: one item per attempt (an exam item stays small however often it is taken);
/// - `-unique`: guard items that make email and username unique (a GSI cannot);
/// - `-content-chunks`: the tail of documents too long for one 400 KB item.
public struct DynamoSchema: Sendable, Equatable {
    public let prefix: String

    public init(prefix: String) { self.prefix = prefix }

    public func name(_ suffix: String) -> String { "\(prefix)-\(suffix)" }

    public var users: String { name("users") }
    public var content: String { name("content") }
    public var contentChunks: String { name("content-chunks") }
    public var summaries: String { name("summaries") }
    public var exams: String { name("exams") }
    public var examAttempts: String { name("exam-attempts") }
    public var templates: String { name("templates") }
    public var rooms: String { name("chat-rooms") }
    public var messages: String { name("messages") }
    public var meetings: String { name("meetings") }
    public var projects: String { name("projects") }
    public var unique: String { name("unique") }

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
