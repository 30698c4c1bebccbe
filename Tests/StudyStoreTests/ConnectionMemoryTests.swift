import GRDB
@testable import StudyStoreSQLite
import TestSupport
import Testing

/// Issue 13: the app's readers keep a small SQLite page cache; the writer keeps SQLite's default
/// so that large imports do not spill pages early.
@Suite struct ConnectionMemoryTests {
    @Test func readersUseASmallPageCacheAndTheWriterTheDefault() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = try SQLiteDatabase(path: dir.path("cache.db"))
        let reader = try await db.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        let writer = try await db.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        #expect(reader == -256)
        #expect(writer == -2000)
    }
}
