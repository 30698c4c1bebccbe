import StudyModel
import StudyStore

/// Builds the services of the MongoDB backend on the web app's collections.
public enum MongoStore {
    /// The web app's default: a local server and its database.
    public static let defaultURI = "mongodb://127.0.0.1:27017/ai-study-circle"

    /// Connects lazily (the driver contacts the server on the first operation) and returns the services.
    ///
    /// - Parameters:
    ///   - uri: `MONGODB_URI`; it must name a database.
    ///   - collections: renamed collections, e.g. `["chatrooms": "ChatRooms"]`.
    ///   - admin: for `setup`, `tables` and `doctor`, which must work before the indexes exist.
    ///     Otherwise the indexes are created if missing (idempotent), so uniqueness holds from
    ///     the first write, and an unreachable server or a refused login is reported at once.
    ///     (Keying rooms and documents other tools wrote is left to `setup`: it reads them all.)
    /// - Throws: `StoreError.unavailable` with the password masked.
    public static func open(uri: String, collections: [String: String] = [:], admin: Bool = false) async throws -> StudyStore {
        let connection = try MongoConnection(uri: uri)
        let schema = try MongoSchema(overrides: collections)
        let store = make(connection: connection, schema: schema)
        if !admin {
            _ = try await MongoAdmin(connection: connection, schema: schema).createIndexes(progress: { _ in })
        }
        return store
    }

    /// The services on an open connection (tests, benchmarks).
    public static func make(connection: MongoConnection, schema: MongoSchema = MongoSchema()) -> StudyStore {
        StudyStore(
            backendName: "mongodb:\(connection.maskedURI)",
            users: MongoUserService(connection, schema), content: MongoContentService(connection, schema),
            summaries: MongoSummaryService(connection, schema), exams: MongoExamService(connection, schema),
            templates: MongoTemplateService(connection, schema), rooms: MongoChatRoomService(connection, schema),
            messages: MongoMessageService(connection, schema), meetings: MongoMeetingService(connection, schema),
            projects: MongoProjectService(connection, schema), admin: MongoAdmin(connection: connection, schema: schema))
    }
}
