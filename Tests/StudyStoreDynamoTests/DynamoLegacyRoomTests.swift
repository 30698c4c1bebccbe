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

    @Test func setupFingerprintsOlderDocumentsSoReAddsAreRecognised() async throws {
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.freshPrefix("legacydoc")
        let store = DynamoStore.make(client: client, prefix: prefix)
        _ = try await store.admin.setup { _ in }
        let base = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        let docs = [
            Content(title: "Notes", owner: "u1", sourceText: "Same text.", createdAt: base),
            Content(title: "Notes copy", owner: "u1", sourceText: "Same text.", createdAt: base.adding(milliseconds: 1)),
        ]
        for doc in docs {
            var item = try DynamoDBEncoder().encode(doc)
            item["revision"] = .s(StudyID.make())
            try await client.putItem(table: DynamoSchema(prefix: prefix).content, item: item)
        }
        #expect(try await store.content.find(owner: "u1", contentHash: ContentHash.of("Same text.")) == nil)
        let lines = try await store.admin.setup { _ in }
        #expect(lines.contains { $0.contains("fingerprint of 1 documents") }, "\(lines)")
        #expect(try await store.addDocument(Content(title: "Again", owner: "u1", sourceText: "Same text.")) == .alreadyPresent(docs[0]))
        #expect(try await store.content.list(owner: "u1", .first).items.count == 2)
        // The copy keeps working: it can still be changed and deleted.
        var copy = docs[1]
        copy.title = "Renamed copy"
        _ = try await store.content.update(copy)
        _ = try await store.deleteDocument(id: copy.id, requestedBy: "u1")
        #expect(try await store.content.get(id: docs[0].id) == docs[0])
        _ = try await store.admin.deleteTables()
    }
}
