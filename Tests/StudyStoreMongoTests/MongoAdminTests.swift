import DynamoTestSupport
import Foundation
import StudyBackend
import StudyConfig
import StudyModel
import StudyStore
@testable import StudyStoreMongo
import Testing

@Suite struct MongoAdminTests {
    @Test(arguments: MongoTarget.active)
    func setupIsIdempotentAndDeleteTouchesOnlyOurCollections(_ target: MongoTarget) async throws {
        let connection = try MongoConnection(uri: try await target.uri("admin"))
        let store = MongoStore.make(connection: connection)
        let first = try await store.admin.setup { _ in }
        #expect(first.count == MongoSchema().collections.count)
        #expect(first.allSatisfy { !$0.contains("already exist") })
        let second = try await store.admin.setup { _ in }
        #expect(second.allSatisfy { $0.contains("already exist") }, "\(second)")
        for (name, indexes) in MongoSchema().collections {
            let present = Set(try await connection.collection(name).indexes().compactMap { $0["name"]?.stringValue })
            #expect(Set(indexes.map(\.name)).isSubset(of: present), "\(name): \(present)")
        }
        _ = try await store.messages.send(Message(roomId: "r", sender: "ada", text: "hello"))
        try await connection.collection("notours").insertOne(["_id": .string("keep")])
        let tables = try await store.admin.listTables()
        #expect(tables.map(\.name) == MongoSchema().collectionNames)
        #expect(tables.first { $0.name == "messages" }?.itemCount == 1)
        #expect(!tables.contains { $0.name == "notours" })
        #expect(try await store.admin.tablesToDelete() == MongoSchema().collectionNames)
        let dropped = try await store.admin.deleteTables()
        #expect(dropped == MongoSchema().collectionNames)
        #expect(try await connection.collectionNames() == ["notours"], "a foreign collection is never dropped")
        _ = try await connection.collection("notours").drop()
    }

    @Test func doctorFindsMissingIndexesAndMasksThePassword() async throws {
        let connection = try MongoConnection(uri: try await MongoTarget.standIn.uri("doctor"))
        let store = MongoStore.make(connection: connection)
        var checks = await store.admin.healthChecks()
        #expect(checks.contains { $0.name == "collection users" && $0.status == .problem && $0.fix.contains("setup") })
        _ = try await store.admin.setup { _ in }
        checks = await store.admin.healthChecks()
        #expect(checks.allSatisfy { $0.status == .ok }, "\(checks.filter { $0.status != .ok })")
        #expect(checks.contains { $0.name == "server version" && $0.detail.contains("MongoDB") })
        _ = try await store.admin.deleteTables()

        // The whole doctor run, configured with a password, never prints it.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sc-doctor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loader = SettingsLoader(environment: ["HOME": dir, "DB_TYPE": "mongodb",
                                                  "MONGODB_URI": "mongodb://ada:hunter2@127.0.0.1:1/app?serverSelectionTimeoutMS=300"],
                                    workingDirectory: dir)
        let report = await Doctor.run(Overrides(), loader: loader)
        #expect(report.contains { $0.status == .problem })
        for check in report {
            #expect(!check.detail.contains("hunter2") && !check.fix.contains("hunter2"), "\(check)")
        }
        #expect(report.contains { $0.detail.contains("ada:****@127.0.0.1:1") })
    }

    @Test func factoryOpensMongoFromSettingsWithRenamedCollections() async throws {
        let standIn = try await SharedMongoStandIn.shared.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sc-factory-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let database = "sct-factory-\(StudyID.make().suffix(8).lowercased())"
        let settings = try SettingsLoader(environment: ["HOME": dir, "DB_TYPE": "mongodb", "MONGODB_URI": standIn.uri(database: database),
                                                        "MONGODB_COLLECTION_CHATROOMS": "ChatRooms"], workingDirectory: dir).load()
        let store = try await StoreFactory.open(settings)
        _ = try await store.rooms.create(ChatRoom(name: "Renamed", createdBy: "ada"))
        let names = try await MongoConnection(uri: standIn.uri(database: database)).collectionNames()
        #expect(names.contains("ChatRooms") && !names.contains("chatrooms"))
        _ = try await store.admin.deleteTables()

        #expect(throws: ConfigError.self) {
            try SettingsLoader(environment: ["HOME": dir, "MONGODB_URI": "postgres://ada:pw@h/db"], workingDirectory: dir).load()
        }
        #expect(try SettingsLoader(environment: ["HOME": dir], workingDirectory: dir).load().mongoURI
                == "mongodb://127.0.0.1:27017/ai-study-circle")
    }
}

@Suite struct MongoExistingIndexTests {
    /// A database the web app already uses has Mongoose's own indexes (e.g. a unique `email_1`,
    /// a text index under another name): setup uses them instead of failing on duplicates.
    @Test func setupAdoptsTheWebAppsEquivalentIndexes() async throws {
        let connection = try MongoConnection(uri: try await MongoTarget.standIn.uri("webapp"))
        _ = try await connection.writeCommand(["createIndexes": .string("users"), "indexes": .array([
            .document(["key": .document(["email": .int32(1)]), "name": .string("email_1"), "unique": .bool(true)])])])
        _ = try await connection.writeCommand(["createIndexes": .string("contents"), "indexes": .array([
            .document(["key": .document(["title": .string("text")]), "name": .string("title_text")])])])
        let store = MongoStore.make(connection: connection)
        let lines = try await store.admin.setup { _ in }
        #expect(lines.first { $0.contains("users") }?.contains("EmailIndex") == false, "\(lines)")
        #expect(lines.first { $0.contains("contents") }?.contains("TextIndex") == false, "\(lines)")
        let checks = await store.admin.healthChecks()
        #expect(checks.allSatisfy { $0.status == .ok }, "\(checks.filter { $0.status != .ok })")
        _ = try await store.admin.deleteTables()
    }
}
