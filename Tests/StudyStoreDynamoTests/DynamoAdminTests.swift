import DynamoDB
import DynamoTestSupport
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// `setup`, `tables list/delete` and `doctor` on moto, each test on its own prefix.
@Suite struct DynamoAdminTests {
    @Test func setupCreatesEveryTableAndIsIdempotent() async throws {
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.freshPrefix("setup")
        let store = DynamoStore.make(client: client, prefix: prefix)
        defer { Task { _ = try? await store.admin.deleteTables() } }
        let schema = DynamoSchema(prefix: prefix)

        let first = try await store.admin.setup(progress: { _ in })
        for name in schema.tableNames {
            #expect(first.contains { $0.contains("Created table \(name)") }, "created \(name)")
        }
        let second = try await store.admin.setup(progress: { _ in })
        #expect(second.count == schema.tableNames.count)
        #expect(second.allSatisfy { $0.contains("already exists") })

        let tables = try await store.admin.listTables()
        #expect(tables.map(\.name) == schema.tableNames)
        #expect(tables.allSatisfy { $0.status == "ACTIVE" })
        // The seeds' keys and indexes.
        let users = try await client.describeTable(schema.users)
        #expect(users.partitionKey == "id")
        #expect(Set(users.globalSecondaryIndexes.map(\.name)) == ["EmailIndex", "UsernameIndex"])
        let templates = try await client.describeTable(schema.templates)
        #expect(templates.attributeTypes["isPublic"] == .string)
        let meetings = try await client.describeTable(schema.meetings)
        #expect(Set(meetings.globalSecondaryIndexes.map(\.name)) ==
                ["RoomIdIndex", "OrganizerIndex", "StatusIndex", "StatusScheduledTimeIndex", "ScheduledTimeIndex"])
        let checks = await store.admin.healthChecks()
        #expect(checks.allSatisfy { $0.status == .ok }, "\(checks.filter { $0.status != .ok })")
    }

    @Test func deleteTouchesOnlyThisPrefix() async throws {
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.freshPrefix("del")
        let store = DynamoStore.make(client: client, prefix: prefix)
        // Another deployment whose prefix starts like ours, and one with an unrelated prefix.
        let lookalike = "\(prefix)-other-users"
        let stranger = DynamoFixture.freshPrefix("keep") + "-users"
        for name in [lookalike, stranger] {
            try await client.createTable(TableDefinition(name: name, partitionKey: KeyAttribute("id")))
        }
        defer { Task { for name in [lookalike, stranger] { try? await client.deleteTable(name) } } }
        _ = try await store.admin.setup(progress: { _ in })

        let planned = try await store.admin.tablesToDelete()
        #expect(Set(planned) == Set(DynamoSchema(prefix: prefix).tableNames))
        let deleted = try await store.admin.deleteTables()
        #expect(Set(deleted) == Set(planned))
        let remaining = Set(try await client.listTables())
        #expect(remaining.contains(lookalike))
        #expect(remaining.contains(stranger))
        #expect(remaining.isDisjoint(with: planned))
        #expect(try await store.admin.listTables().isEmpty)
    }

    @Test func missingTablesSayRunSetup() async throws {
        let client = try await DynamoFixture.shared.client()
        let store = DynamoStore.make(client: client, prefix: DynamoFixture.freshPrefix("missing"))
        do {
            _ = try await store.users.get(id: "x")
            Issue.record("a read on missing tables must fail")
        } catch let error as StoreError {
            guard case let .missingSchema(message) = error else {
                Issue.record("expected missingSchema, got \(error)")
                return
            }
            #expect(message.contains("studycircle setup"))
        }
        await #expect(throws: StoreError.self) {
            _ = try await store.messages.send(Message(roomId: "r", sender: "s", text: "hello"))
        }
        let checks = await store.admin.healthChecks()
        #expect(checks.first { $0.name == "credentials" }?.status == .ok)
        #expect(checks.first { $0.name == "endpoint" }?.status == .ok)
        let tables = checks.filter { $0.name.hasPrefix("table ") }
        #expect(tables.count == 12)
        #expect(tables.allSatisfy { $0.status == .problem && $0.detail == "missing" && $0.fix.contains("Run `studycircle setup`") })
    }

    @Test func unreachableEndpointIsExplained() async throws {
        let port = try LocalPorts.free()
        let client = DynamoDBClient(endpoint: "http://127.0.0.1:\(port)", region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "a", secretAccessKey: "b")),
                                    retry: .instant)
        let store = DynamoStore.make(client: client, prefix: "nowhere")
        let checks = await store.admin.healthChecks()
        let endpoint = checks.first { $0.name == "endpoint" }
        #expect(endpoint?.status == .problem)
        #expect(endpoint?.fix.contains("Cannot reach DynamoDB") == true, "\(String(describing: endpoint))")
        do {
            _ = try await store.rooms.get(id: "r")
            Issue.record("must fail")
        } catch let error as StoreError {
            #expect(error.description.contains("Cannot reach DynamoDB"), "\(error)")
        }
    }
}
