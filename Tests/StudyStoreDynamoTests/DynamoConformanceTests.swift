import StoreConformance
import StudyStore
import Testing

/// The shared storage contract, unchanged, on DynamoDB (a local moto server), all cases on one
/// table prefix as on a shared deployment.
///
/// Serialized: moto applies a TransactWriteItems by snapshotting the tables and restoring the
/// snapshot when a condition fails, which under concurrent requests can undo other requests'
/// writes. DynamoDB itself has no such behaviour; the cases' own concurrency (eight racing
/// registrations) still runs.
@Suite(.serialized) struct DynamoConformanceTests {
    @Test(arguments: StoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        let store = try await DynamoFixture.shared.store()
        try await check.run(store)
    }
}
