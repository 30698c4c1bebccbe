import DynamoTestSupport
import Foundation
import StudyModel
import StudyStore
@testable import StudyStoreMongo
import Testing

/// What lands in MongoDB, and reading documents that other tools (the web app) wrote.
@Suite struct MongoDocumentTests {
    @Test(arguments: MongoTarget.active)
    func storedDocumentsLookLikeTheWebApps(_ target: MongoTarget) async throws {
        let connection = try MongoConnection(uri: try await target.uri("shape"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        let id = ObjectID.make().hex
        _ = try await store.users.create(User(id: id, username: "shape\(id.suffix(6))", email: "s\(id.suffix(6))@example.org"))
        let raw = try #require(try await connection.collection("users").find([:]).first)
        #expect(raw["_id"] == .objectId(ObjectID(hex: id)!))
        if case .date? = raw["createdAt"] {} else { Issue.record("createdAt is not a BSON date: \(String(describing: raw["createdAt"]))") }
        #expect(raw["preferences"]?.documentValue != nil)
        #expect(raw["apiUsage"]?.documentValue?["totalRequests"]?.intValue == 0)

        let room = try await store.rooms.create(ChatRoom(name: "Shapes", createdBy: "ada"))
        let stored = try #require(try await connection.collection("chatrooms").find([:]).first)
        #expect(stored["_id"] == .string(room.roomId), "a ULID made by a client stays a string _id")
        #expect(stored["roomId"] == nil)
        _ = try await store.admin.deleteTables()
    }

    @Test(arguments: MongoTarget.active)
    func documentsWrittenByOtherToolsAreReadTolerantly(_ target: MongoTarget) async throws {
        let connection = try MongoConnection(uri: try await target.uri("tolerant"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        // A Mongoose-made user: ObjectId _id, lowercased email, no role, no apiUsage, a __v.
        let userId = ObjectID.make()
        try await connection.collection("users").insertOne([
            "_id": .objectId(userId), "username": .string("Grace"), "email": .string("grace@example.org"),
            "password": .string("$2b$10$abc"), "createdAt": .date(1_700_000_000_000), "__v": .int32(0)])
        let user = try #require(try await store.users.get(id: userId.hex))
        #expect(user.role == .student && user.subscriptionPlan == .free && user.apiUsage.requests == 0)
        #expect(user.updatedAt == user.createdAt)
        #expect(try await store.users.get(email: "GRACE@example.org")?.id == userId.hex, "found without StudyCircle's key fields")
        #expect(try await store.users.get(username: "grace")?.id == userId.hex)

        // Content whose owner is an ObjectId reference, with a string-hex _id and no createdAt.
        let contentId = ObjectID.make()
        try await connection.collection("contents").insertOne([
            "_id": .string(contentId.hex), "title": .string("Cells"), "owner": .objectId(userId),
            "sourceText": .string("Cells are small."), "contentType": .string("text")])
        let content = try #require(try await store.content.get(id: contentId.hex))
        #expect(content.owner == userId.hex)
        #expect(content.category == "general" && content.usage.views == 0)

        // A damaged document is reported, not trapped on, and left alone.
        try await connection.collection("exams").insertOne(["_id": .string("broken"), "owner": .string("x"), "questions": .string("oops")])
        await #expect(throws: StoreError.self) { try await store.exams.get(id: "broken") }
        #expect(try await connection.collection("exams").count(["_id": .string("broken")]) == 1)
        _ = try await store.admin.deleteTables()
    }

    /// Rooms and documents the web app wrote have no name key or text hash: they are found and
    /// guarded all the same, and `setup` gives them theirs, oldest first (nothing merged).
    @Test(arguments: MongoTarget.active)
    func otherToolsRoomsAndDocumentsAreGuardedAndKeyedOldestFirst(_ target: MongoTarget) async throws {
        let connection = try MongoConnection(uri: try await target.uri("keyless"))
        let store = MongoStore.make(connection: connection)
        _ = try await store.admin.setup { _ in }
        let older = ObjectID.make(), newer = ObjectID.make()
        try await connection.collection("chatrooms").insertOne([
            "_id": .objectId(older), "name": .string("Physics"), "createdAt": .date(1_700_000_000_000), "members": .array([])])
        try await connection.collection("chatrooms").insertOne([
            "_id": .objectId(newer), "name": .string("physics"), "createdAt": .date(1_700_000_100_000), "members": .array([])])
        #expect(try await store.rooms.find(name: "PHYSICS")?.roomId == older.hex, "the oldest keeps the name")
        #expect(try await store.rooms.list(name: "physics ").map(\.roomId) == [older.hex, newer.hex])
        await #expect(throws: StoreError.duplicate(entity: "room", field: "name", value: "Physics")) {
            try await store.rooms.create(ChatRoom(name: "Physics", createdBy: "ada"))
        }
        let owner = "ada"
        let text = "Osmosis moves water."
        for (n, id) in [ObjectID.make(), ObjectID.make()].enumerated() {
            try await connection.collection("contents").insertOne([
                "_id": .objectId(id), "title": .string("Osmosis \(n)"), "owner": .string(owner), "sourceText": .string(text),
                "createdAt": .date(1_700_000_000_000 + Int64(n) * 1000)])
        }
        #expect(try await store.content.find(owner: owner, contentHash: ContentHash.of(text)) == nil, "no hash yet")

        let lines = try await store.admin.setup { _ in }
        #expect(lines.contains { $0.contains("1 room") } && lines.contains { $0.contains("1 document") }, "\(lines)")
        #expect(try await connection.collection("chatrooms").count(["nameKey": .string("physics")]) == 1)
        #expect(try await connection.collection("chatrooms").count(["_id": .objectId(older), "nameKey": .string("physics")]) == 1)
        #expect(try await store.rooms.find(name: "physics")?.roomId == older.hex)
        // The later room keeps its name and can still be changed.
        var later = try #require(try await store.rooms.get(id: newer.hex))
        later.description = "the second physics room"
        _ = try await store.rooms.update(later)
        #expect(try await store.rooms.list(name: "Physics").count == 2)

        let first = try #require(try await store.content.find(owner: owner, contentHash: ContentHash.of(text)))
        #expect(first.title == "Osmosis 0", "the oldest copy holds the hash")
        #expect(try await store.addDocument(Content(title: "Again", owner: owner, sourceText: text)) == .alreadyPresent(first))
        #expect(try await store.admin.setup { _ in }.allSatisfy { !$0.contains("made by other tools") }, "nothing more to key")
        _ = try await store.admin.deleteTables()
    }
}
