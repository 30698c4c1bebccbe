import StoreConformance
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// The shared storage contract on the embedded backend, one fresh database per case.
@Suite struct SQLiteConformanceTests {
    @Test(arguments: StoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("conformance.db"))
        try await check.run(store)
    }

    @Test func casesShareOneDatabase() async throws {
        // Every case also passes when all run on one database at once, as on a shared backend.
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("shared.db"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for check in StoreConformance.cases { group.addTask { try await check.run(store) } }
            try await group.waitForAll()
        }
    }
}
