import Foundation
import GRDB
import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// A database from before room names were unique (and documents had hashes): the upgrade
/// keeps every room and document, merges nothing, and guards names from then on.
@Suite struct UniqueNamesUpgradeTests {
    func oldDatabase(_ dir: TempDir, rooms: [ChatRoom], documents: [Content]) async throws -> String {
        let path = dir.path("old.db")
        try SQLiteDatabase.migrate(path: path, upTo: "v2-search-and-attempts")
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for room in rooms {
                let json = String(decoding: try JSONEncoder().encode(room), as: UTF8.self)
                try db.execute(sql: "INSERT INTO chat_rooms (roomId, name, createdAt, data) VALUES (?,?,?,?)",
                               arguments: [room.roomId, room.name, room.createdAt.iso8601, json])
            }
            for doc in documents {
                var stripped = doc
                stripped.sourceText = ""
                let json = String(decoding: try JSONEncoder().encode(stripped), as: UTF8.self)
                try db.execute(sql: "INSERT INTO content (id, owner, category, createdAt, title, sourceText, data) VALUES (?,?,?,?,?,?,?)",
                               arguments: [doc.id, doc.owner, doc.category, doc.createdAt.iso8601, doc.title, doc.sourceText, json])
            }
        }
        try queue.close()
        return path
    }

    @Test func upgradeKeepsDuplicatesAndGuardsNewNames() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let base = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        let rooms = [
            ChatRoom(name: "physics", createdBy: "ada", createdAt: base),
            ChatRoom(name: "Physics ", createdBy: "bob", createdAt: base.adding(milliseconds: 1)),
            ChatRoom(name: "wel\u{200B}come", createdBy: "eve", createdAt: base.adding(milliseconds: 2)),
        ]
        let docs = [
            Content(title: "Notes", owner: "u1", sourceText: "Same text.", createdAt: base),
            Content(title: "Notes copy", owner: "u1", sourceText: "Same text.", createdAt: base.adding(milliseconds: 1)),
        ]
        let store = try SQLiteStore.open(path: try await oldDatabase(dir, rooms: rooms, documents: docs))
        // Nothing merged or lost.
        #expect(Set(try await store.rooms.list(.first).items.map(\.roomId)) == Set(rooms.map(\.roomId)))
        #expect(try await store.rooms.list(name: "PHYSICS").map(\.roomId) == [rooms[0].roomId, rooms[1].roomId])
        #expect(try await store.rooms.find(name: "physics")?.roomId == rooms[0].roomId)
        #expect(try await store.rooms.find(name: "welcome")?.roomId == rooms[2].roomId)
        #expect(try await store.content.list(owner: "u1", .first).items.count == 2)
        #expect(try await store.content.get(id: docs[1].id) == docs[1])
        // From now on the names and texts are guarded.
        await #expect(throws: StoreError.self) { try await store.rooms.create(ChatRoom(name: "PHYSICS", createdBy: "carl")) }
        await #expect(throws: StoreError.self) { try await store.rooms.create(ChatRoom(name: "welcome", createdBy: "carl")) }
        #expect(try await store.addDocument(Content(title: "Again", owner: "u1", sourceText: "Same text.")) == .alreadyPresent(docs[0]))
        // The older copy can still be edited; changing its text to another owner text is refused.
        var copy = docs[1]
        copy.title = "Renamed copy"
        #expect(try await store.content.update(copy) == copy)
        copy.sourceText = "A new text of its own."
        _ = try await store.content.update(copy)
        #expect(try await store.content.find(owner: "u1", contentHash: ContentHash.of(copy.sourceText))?.id == copy.id)
        copy.sourceText = "Same text."
        await #expect(throws: StoreError.duplicate(entity: "document", field: "contentHash", value: docs[0].id)) {
            try await store.content.update(copy)
        }
        copy.sourceText = "A new text of its own."
        // The room without a guard still works (join writes it again without taking a guard).
        #expect(try await store.rooms.join(roomId: rooms[1].roomId, username: "carl").members == ["carl"])

        // Migrating to a new database keeps both rooms; the later one under a marked name.
        let target = try SQLiteStore.open(path: dir.path("new.db"))
        let counts = try await DataTransfer.migrate(from: store, to: target) { _ in }
        #expect(counts.written["room"] == 3)
        let copied = try await target.rooms.list(.first).items
        #expect(Set(copied.map(\.roomId)) == Set(rooms.map(\.roomId)))
        let physics = copied.filter { $0.nameKey.hasPrefix("physics") }.map(\.name)
        #expect(physics.count == 2 && physics.filter { $0.hasSuffix(")") }.count == 1, "\(physics)")
        let again = try await DataTransfer.migrate(from: store, to: target) { _ in }
        #expect(again.written["room", default: 0] == 0)
    }
}
