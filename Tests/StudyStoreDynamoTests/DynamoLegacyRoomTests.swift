import DynamoDB
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// Rooms written before room names were unique (or by other tools) have no guard item.
@Suite struct DynamoLegacyRoomTests {
    @Test func setupGuardsTheNamesOfOlderRoomsOldestFirstMergingNothing() async throws {
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.freshPrefix("legacy")
        let store = DynamoStore.make(client: client, prefix: prefix)
        _ = try await store.admin.setup { _ in }
        let base = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        let older = ChatRoom(name: "Legacy Hall", createdBy: "ada", createdAt: base)
        let newer = ChatRoom(name: "legacy hall", createdBy: "bob", createdAt: base.adding(milliseconds: 5))
        for room in [newer, older] {
            try await client.putItem(table: DynamoSchema(prefix: prefix).rooms, item: try DynamoDBEncoder().encode(room))
        }
        // The exact spelling of an unguarded room is refused already.
        await #expect(throws: StoreError.duplicate(entity: "room", field: "name", value: "Legacy Hall")) {
            try await store.rooms.create(ChatRoom(name: "Legacy Hall", createdBy: "eve"))
        }
        let lines = try await store.admin.setup { _ in }
        #expect(lines.contains { $0.contains("Guarded the names of 1 rooms") }, "\(lines)")
        #expect(try await store.rooms.find(name: "LEGACY HALL")?.roomId == older.roomId)
        await #expect(throws: StoreError.duplicate(entity: "room", field: "name", value: "LEGACY HALL")) {
            try await store.rooms.create(ChatRoom(name: "LEGACY HALL", createdBy: "eve"))
        }
        // Both older rooms stay.
        #expect(Set(try await store.rooms.list(.first).items.map(\.roomId)) == [older.roomId, newer.roomId])
        let again = try await store.admin.setup { _ in }
        #expect(!again.contains { $0.contains("Guarded") })
        _ = try await store.admin.deleteTables()
    }
}
