import DynamoDB
import DynamoTestSupport
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// Existing deployments' tables under their own names (`[dynamodb.tables]`), on moto: `setup`
/// creates only what is missing, the services use the mapped tables, `doctor` names missing
/// indexes, and `tables delete` never deletes a mapped table.
@Suite struct DynamoTableMappingTests {
    @Test("setup leaves mapped tables alone and creates the rest; doctor says which index a mapped table lacks")
    func mappedTables() async throws {
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.freshPrefix("map")
        let tag = String(prefix.suffix(8))
        let mapping = ["rooms": "ChatRooms-\(tag)", "meetings": "Meetings-\(tag)"]
        // As the seeds' study-room backend made them: ChatRooms with its NameIndex; a Meetings
        // table that has only RoomIdIndex.
        try await client.createTable(TableDefinition(name: mapping["rooms"]!, partitionKey: KeyAttribute("roomId"),
                                                     globalSecondaryIndexes: [GlobalSecondaryIndex(name: "NameIndex", partitionKey: KeyAttribute("name"))]))
        try await client.createTable(TableDefinition(name: mapping["meetings"]!, partitionKey: KeyAttribute("meetingId"), globalSecondaryIndexes: [
            GlobalSecondaryIndex(name: "RoomIdIndex", partitionKey: KeyAttribute("roomId"), sortKey: KeyAttribute("scheduledTime"))]))
        let store = DynamoStore.make(client: client, prefix: prefix, tables: mapping)
        defer {
            Task {
                _ = try? await store.admin.deleteTables()
                for name in mapping.values { try? await client.deleteTable(name) }
            }
        }
        let schema = DynamoSchema(prefix: prefix, tables: mapping)
        #expect(schema.rooms == "ChatRooms-\(tag)" && schema.messages == "\(prefix)-messages")

        let lines = try await store.admin.setup(progress: { _ in })
        #expect(lines.contains("Table ChatRooms-\(tag) already exists; nothing to do."))
        #expect(lines.contains("Table Meetings-\(tag) already exists; nothing to do."))
        #expect(lines.contains { $0.contains("Created table \(prefix)-messages") })
        // The seeds' table keeps its indexes as they were.
        #expect(try await client.describeTable(mapping["meetings"]!).globalSecondaryIndexes.map(\.name) == ["RoomIdIndex"])

        // The services write where the mapping says.
        let room = try await store.rooms.create(ChatRoom(name: "mapped-\(tag)", members: ["ada"], createdBy: "ada"))
        #expect(try await client.getItem(table: mapping["rooms"]!, key: ["roomId": .s(room.roomId)], consistentRead: true) != nil)
        #expect(try await store.rooms.find(name: "mapped-\(tag)")?.roomId == room.roomId)

        let checks = await store.admin.healthChecks()
        let meetings = try #require(checks.first { $0.name == "table Meetings-\(tag)" })
        #expect(meetings.status == .problem)
        for index in ["OrganizerIndex(organizer, scheduledTime)", "StatusIndex(status, createdAt)",
                      "StatusScheduledTimeIndex(status, scheduledTime)", "ScheduledTimeIndex(scheduledTime)"] {
            #expect(meetings.detail.contains("index \(index) is missing"), "\(meetings.detail)")
        }
        #expect(!meetings.detail.contains("RoomIdIndex"))
        #expect(meetings.fix.contains("DYNAMODB_TABLE_MEETINGS"))
        #expect(checks.first { $0.name == "table ChatRooms-\(tag)" }?.status == .ok)
        #expect(checks.first { $0.name == "table \(prefix)-messages" }?.status == .ok)

        let listed = try await store.admin.listTables().map(\.name)
        #expect(listed.contains("ChatRooms-\(tag)") && listed.contains("\(prefix)-users"))
        let doomed = try await store.admin.tablesToDelete()
        #expect(!doomed.contains("ChatRooms-\(tag)") && !doomed.contains("Meetings-\(tag)") && doomed.contains("\(prefix)-users"))
    }
}
