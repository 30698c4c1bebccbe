import DynamoTestSupport
import Foundation
import StudyBackend
import StudyConfig
import StudyModel
import StudyStore
import TestSupport
import Testing

/// `DB_TYPE=dynamodb` with an endpoint opens the DynamoDB backend through the factory.
@Suite struct DynamoFactoryTests {
    @Test func factoryOpensDynamoDB() async throws {
        let moto = try await SharedMoto.shared.get()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let prefix = DynamoFixture.freshPrefix("factory")
        let settings = try SettingsLoader(environment: [
            "HOME": dir.url.path, "DB_TYPE": "dynamodb", "DYNAMODB_ENDPOINT": moto.endpoint,
            "DYNAMODB_TABLE_PREFIX": prefix, "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        ], workingDirectory: dir.url.path).load()

        // Admin mode opens without tables; setup creates them.
        let admin = try await StoreFactory.open(settings, admin: true)
        #expect(admin.backendName == "dynamodb:\(moto.endpoint)/\(prefix)")
        #expect(try await admin.admin.listTables().isEmpty)
        _ = try await admin.admin.setup(progress: { _ in })
        defer { Task { _ = try? await admin.admin.deleteTables() } }

        let store = try await StoreFactory.open(settings)
        let room = try await store.rooms.create(ChatRoom(name: "Factory room", createdBy: "ada"))
        _ = try await store.messages.send(Message(roomId: room.roomId, sender: "ada", text: "hello"))
        let page = try await store.messages.history(roomId: room.roomId, before: nil, limit: 10)
        #expect(page.messages.map(\.text) == ["hello"])
        let checks = await store.admin.healthChecks()
        #expect(checks.first { $0.name == "credentials" }?.detail.contains("found") == true)
    }

    @Test func missingRegionWithoutEndpointIsPlain() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let settings = try SettingsLoader(environment: [
            "HOME": dir.url.path, "DB_TYPE": "dynamodb", "AWS_CONFIG_FILE": dir.path("none"),
            "AWS_SHARED_CREDENTIALS_FILE": dir.path("none"),
        ], workingDirectory: dir.url.path).load()
        do {
            _ = try await StoreFactory.open(settings)
            Issue.record("no region must fail")
        } catch let error as StoreError {
            guard case let .unavailable(message) = error else { Issue.record("\(error)"); return }
            #expect(message.localizedCaseInsensitiveContains("region"), "\(message)")
        }
    }
}
