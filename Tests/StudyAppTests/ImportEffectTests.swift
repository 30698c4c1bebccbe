import Foundation
import StudyApp
import StudyModel
import StudyStore
import Testing

/// `:add PATH` goes through the same importer as `studycircle library add`.
@Suite struct ImportEffectTests {
    final class Posted: @unchecked Sendable {
        private let lock = NSLock()
        private var actions: [Action] = []
        func add(_ action: Action) { lock.withLock { actions.append(action) } }
        /// Waits until `count` actions arrived (or 10 s passed) and returns them. Sleeps with
        /// Task.sleep, not usleep: a blocked pool thread could starve the runner's own tasks.
        func wait(for count: Int) async throws -> [Action] {
            for _ in 0..<1000 {
                if let done = lock.withLock({ actions.count >= count ? actions : nil }) { return done }
                try await Task.sleep(for: .milliseconds(10))
            }
            return lock.withLock { actions }
        }
    }

    @Test func goodFileIsStoredAndBadFilesGetTheImportersReasons() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore.open(path: dir.appendingPathComponent("t.db").path)
        try Data("# Cells\n\nCells are the unit of life.".utf8).write(to: dir.appendingPathComponent("cells.md"))
        try Data([0x61, 0xFF, 0x62]).write(to: dir.appendingPathComponent("bad.txt"))
        let posted = Posted()
        let runner = EffectRunner(store: store, settings: AppSettings(user: "alice", outboxPath: nil), post: posted.add)

        runner.run(.importFile(path: dir.appendingPathComponent("cells.md").path, owner: "alice"))
        runner.run(.importFile(path: dir.appendingPathComponent("bad.txt").path, owner: "alice"))
        let actions = try await posted.wait(for: 2)
        let imported = actions.compactMap { action -> Content? in
            if case let .documentImported(content) = action { return content } else { return nil }
        }
        #expect(imported.map(\.title) == ["Cells"])
        #expect(imported.first?.contentType == .markdown)
        let failures = actions.compactMap { action -> String? in
            if case let .failed(_, message) = action { return message } else { return nil }
        }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("not valid UTF-8") == true, "\(failures)")
    }
}
