import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyStoreSQLite
import Testing

/// `:add PATH` goes through the same importer as `studycircle library add`.
@Suite(.timeLimit(.minutes(1))) struct ImportEffectTests {
    @Test func goodFileIsStoredAndBadFilesGetTheImportersReasons() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore.open(path: dir.appendingPathComponent("t.db").path)
        try Data("# Cells\n\nCells are the unit of life.".utf8).write(to: dir.appendingPathComponent("cells.md"))
        try Data([0x61, 0xFF, 0x62]).write(to: dir.appendingPathComponent("bad.txt"))
        let harness = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))

        harness.app.send(.library(.importFile(path: dir.appendingPathComponent("cells.md").path)))
        await harness.run { $0.library.items.contains { $0.title == "Cells" } }
        #expect(harness.state.library.items.first?.contentType == .markdown)

        let bad = dir.appendingPathComponent("bad.txt").path
        harness.app.send(.library(.importFile(path: bad)))
        await harness.run { $0.notice?.failure != nil }
        let failure = try #require(harness.state.notice?.failure)
        #expect(failure.operation == .importFile(path: bad))
        guard case let .importer(error) = failure.error else {
            Issue.record("expected the importer's error, got \(failure.error)")
            return
        }
        #expect(error.reason.contains("not valid UTF-8"), "\(error)")
        #expect(harness.state.library.items.map(\.title) == ["Cells"])
    }
}
