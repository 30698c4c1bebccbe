import Foundation
import GRDB
import StudyModel
@testable import StudyStore
@testable import StudyStoreSQLite
import TestSupport
import Testing

@Suite struct DatabaseFileTests {
    @Test func newDatabaseIsPrivate() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("nested/folder/new.db")
        _ = try SQLiteStore.open(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o777 == 0o600)
    }

    @Test func corruptFileIsLeftUntouchedWithAClearMessage() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("notes.db")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore.open(path: path)
            Issue.record("opening a corrupt file must fail")
        } catch let error as StoreError {
            guard case .corrupt(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("left untouched"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func damagedSQLiteFileIsReportedNotCrashed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("damaged.db")
        _ = try SQLiteStore.open(path: path)
        // Keep the valid header, scribble over the schema pages.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xAB, count: 8000))
        try handle.close()
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        #expect(throws: StoreError.self) { _ = try SQLiteStore.open(path: path) }
    }

    @Test func folderInsteadOfFileIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        #expect(throws: StoreError.self) { _ = try SQLiteStore.open(path: dir.url.path) }
    }

    @Test func olderSchemaIsUpgradedInPlaceKeepingEverything() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("old.db")
        let first = try #require(SQLiteDatabase.schemaVersions.first)
        try SQLiteDatabase.migrate(path: path, upTo: first)
        // Data written by a build that only knew the first schema version.
        let old = Content(title: "Mitochondria notes", owner: "u1", sourceText: "The powerhouse of the cell.")
        var stripped = old
        stripped.sourceText = ""
        let json = String(decoding: try JSONEncoder().encode(stripped), as: UTF8.self)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO content (id, owner, category, createdAt, title, sourceText, data) VALUES (?,?,?,?,?,?,?)",
                           arguments: [old.id, old.owner, old.category, old.createdAt.iso8601, old.title, old.sourceText, json])
        }
        try queue.close()

        let db = try SQLiteDatabase(path: path)
        #expect(try db.appliedVersions() == SQLiteDatabase.schemaVersions)
        let store = SQLiteStore.make(db)
        #expect(try await store.content.get(id: old.id) == old)
        // The search index added by the upgrade covers documents stored before it.
        #expect(try await store.content.search("powerhouse", .first).items.map(\.id) == [old.id])
        let report = try await store.admin.setup { _ in }
        #expect(report.first?.contains("up to date") == true)
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("future.db")
        _ = try SQLiteStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        do {
            _ = try SQLiteStore.open(path: path)
            Issue.record("a newer schema must be refused")
        } catch let error as StoreError {
            #expect(error.description.contains("newer StudyCircle"))
        }
    }
}
