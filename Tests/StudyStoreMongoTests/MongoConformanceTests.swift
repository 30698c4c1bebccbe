import StoreConformance
import StudyStore
import Testing

/// The shared storage contract, unchanged, on MongoDB through libmongoc: against the
/// wire-protocol stand-in (scripts/mongo_standin.py, answered by mongomock) always, and against
/// a real MongoDB too when STUDYCIRCLE_TEST_MONGODB_URI is set. All cases share one database,
/// as users of one deployment do.
@Suite struct MongoConformanceTests {
    @Test(arguments: MongoTarget.active, StoreConformance.cases)
    func conformance(_ target: MongoTarget, _ check: ConformanceCase) async throws {
        let store = try await MongoFixture.shared.store(target)
        try await check.run(store)
    }
}
