import DynamoDB
import DynamoTestSupport
import StudyModel
import StudyStore
import StudyStoreDynamo

/// One moto server and one table prefix for the whole test run, set up once.
actor DynamoFixture {
    static let shared = DynamoFixture()

    /// A prefix no other run (or test) uses.
    static func freshPrefix(_ label: String) -> String {
        "sct-\(label)-\(StudyID.make().suffix(8).lowercased())"
    }

    /// The prefix of the conformance tables.
    static let prefix = freshPrefix("conf")

    private var ready: Task<StudyStore, any Error>?

    /// The conformance store, its tables created on first use.
    func store() async throws -> StudyStore {
        if let ready { return try await ready.value }
        let task = Task {
            let client = try await SharedMoto.shared.get().client()
            let store = DynamoStore.make(client: client, prefix: Self.prefix)
            _ = try await store.admin.setup(progress: { _ in })
            return store
        }
        ready = task
        return try await task.value
    }

    func client() async throws -> DynamoDBClient {
        try await SharedMoto.shared.get().client()
    }
}
