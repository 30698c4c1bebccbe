@testable import StudyStoreMongo
import StudyModel

/// Reaches the message service's mapping without a server (the connection is never used).
enum MongoTestAccess {
    static func messageMapping() throws -> DocumentMapping<Message>? {
        let connection = try MongoConnection(uri: "mongodb://127.0.0.1:1/unused")
        return MongoMessageService(connection, MongoSchema()).table.mapping
    }
}
