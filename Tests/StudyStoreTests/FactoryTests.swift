import Foundation
import StudyBackend
import StudyConfig
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

@Suite struct FactoryTests {
    func settings(_ env: [String: String], dir: TempDir) throws -> Settings {
        var environment = env
        environment["HOME"] = dir.url.path
        return try SettingsLoader(environment: environment, workingDirectory: dir.url.path).load()
    }

    @Test func unknownBackendNamesKeyValueAndSource() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        do {
            _ = try settings(["DB_TYPE": "postgres"], dir: dir)
            Issue.record("unknown DB_TYPE must fail")
        } catch let error as ConfigError {
            #expect(error.key == "DB_TYPE")
            #expect(error.value == "postgres")
            #expect(error.source == "environment")
            #expect(error.description.contains("sqlite, dynamodb or mongodb"))
        }
    }

    @Test func sqliteIsTheDefaultAndMongoReportsAnUnreachableServer() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try await StoreFactory.open(try settings([:], dir: dir))
        #expect(store.backendName.hasPrefix("sqlite:"))
        #expect(store.backendName.hasSuffix(".local/share/studycircle/studycircle.db"))
        do {
            // Port 1 on loopback: nothing listens there.
            _ = try await StoreFactory.open(try settings(["DB_TYPE": "mongodb",
                                                          "MONGODB_URI": "mongodb://ada:secret@127.0.0.1:1/db?serverSelectionTimeoutMS=300"], dir: dir))
            Issue.record("an unreachable MongoDB must not open")
        } catch let error as StoreError {
            #expect(error.description.contains("cannot be reached"))
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func firstRunSeedsDemoOnceAndLocalUserNeedsNoPassword() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("demo.db"))
        // A name that cannot be a username is refused, never rewritten to another name.
        for bad in ["ada lovelace!", "ab", "a/b", "a b"] {
            await #expect(throws: LoginError.self) { try await Session.localUser(in: store, username: bad) }
        }
        #expect(try await store.users.list(.first).items.isEmpty)
        // The first user of a new database gets the demo library and the welcome room, whatever
        // command comes first (the same path for the app and the command line).
        let user = try await Session.localUser(in: store, username: "José")
        #expect(user.username == "José")
        #expect(user.password.isEmpty)
        #expect(try await !Session.seedDemoIfEmpty(store, owner: user))
        let second = try await Session.localUser(in: store, username: "日本語")
        #expect(second.username == "日本語" && second.id != user.id)
        #expect(try await store.rooms.find(name: "welcome")?.members == ["José", "日本語"])
        #expect(try await Session.localUser(in: store, username: "JOSÉ").id == user.id)
        let docs = try await store.content.list(category: nil, .first)
        #expect(docs.items.count >= 3)
        #expect(docs.items.allSatisfy { $0.sourceMetadata.wordCount > 200 })
        let rooms = try await store.rooms.list(.first)
        #expect(rooms.items.count == 1)
        let messages = try await store.messages.history(roomId: rooms.items[0].roomId, before: nil, limit: 10)
        #expect(messages.messages.count >= 3)
        #expect(try await Session.localUser(in: store, username: "José").id == user.id)
    }

    @Test func loginChecksThePassword() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("login.db"))
        var user = User(username: "grace", email: "grace@example.org")
        user.password = try PasswordHasher(iterations: 1000).hash("compilers-rule")
        _ = try await store.users.create(user)
        #expect(try await Session.login(in: store, identifier: "grace", password: "compilers-rule").id == user.id)
        #expect(try await Session.login(in: store, identifier: "GRACE@example.org", password: "compilers-rule").id == user.id)
        await #expect(throws: LoginError.self) { try await Session.login(in: store, identifier: "grace", password: "wrong") }
        await #expect(throws: LoginError.self) { try await Session.login(in: store, identifier: "nobody", password: "x") }
    }
}
