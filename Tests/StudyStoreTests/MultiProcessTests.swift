import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// Several terminals share one SQLite file: no write may be lost or corrupted.
@Suite struct MultiProcessTests {
    @Test func twoProcessesWritingAtOnceLoseNothing() async throws {
        let writer = try #require(BuiltProducts.path("store-writer"), "build first: swift build --build-tests")
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("shared.db")
        _ = try SQLiteStore.open(path: path)  // create the schema once, as `setup` would
        let count = 600
        let processes = try ["alpha", "beta"].map { name -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: writer)
            p.arguments = [path, name, String(count)]
            try p.run()
            return p
        }
        // A third writer in this process at the same time.
        let store = try SQLiteStore.open(path: path)
        for i in 0..<200 {
            _ = try await store.messages.send(Message(roomId: "shared-room", sender: "gamma", text: "gamma \(i)"))
        }
        for p in processes {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let all = try await store.messages.history(roomId: "shared-room", before: nil, limit: 500)
        var messages = all.messages
        var older = all.older
        while let cursor = older {
            let page = try await store.messages.history(roomId: "shared-room", before: cursor, limit: 500)
            messages = page.messages + messages
            older = page.older
        }
        #expect(messages.count == 2 * count + 200)
        for name in ["alpha", "beta"] {
            let texts = Set(messages.filter { $0.sender == name }.map(\.text))
            #expect(texts == Set((0..<count).map { "\(name) \($0)" }))
        }
        let docs = try await store.content.list(owner: "alpha", PageRequest(limit: 500))
        #expect(docs.items.count == count / 10)
        let search = try await store.content.search("beta doc", PageRequest(limit: 500))
        #expect(search.items.count == count / 10)
    }
}
