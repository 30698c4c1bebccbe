import Foundation
import StudyBackend
import StudyStore
import StudyStoreSQLite

/// The black-box terminal benchmark (issue 13): the release `studycircle` binary and weechat,
/// each under a pseudo-terminal, driven by scripts/bench_pty.py in the same run.
///
/// This side prepares what the binary opens: a SQLite database with the local user `bench`, a
/// room of 100,000 messages whose newest one is `PtyBench.marker` (the driver waits for it on
/// screen), and 10,000 documents; the driver runs both programs with a temporary HOME and XDG
/// folders and prints the figures (`name value unit`) and the ratios.
func runPtyBench() async throws {
    let app = PtyBench.studycircleBinary()
    guard FileManager.default.isExecutableFile(atPath: app) else {
        throw BenchError("\(app) is missing; build it first: swift build -c release --product studycircle")
    }
    // PTY_BENCH_DIR keeps the prepared folder (and reuses its database) for profiling runs.
    if let kept = ProcessInfo.processInfo.environment["PTY_BENCH_DIR"], !kept.isEmpty {
        try FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: true)
        try await runPtyBench(app: app, dir: kept)
    } else {
        try await withTempDir { try await runPtyBench(app: app, dir: $0) }
    }
}

private func runPtyBench(app: String, dir: String) async throws {
    do {
        let db = dir + "/studycircle.db"
        if !FileManager.default.fileExists(atPath: db) {
            let prepared = try await time {
                let store = try SQLiteStore.open(path: db)
                _ = try await Session.localUser(in: store, username: PtyBench.user)
                _ = try await TUIBenchData.fill(store, newestText: PtyBench.marker)
            }
            print(String(format: "# pty: database with 100,000 messages and 10,000 documents prepared in %.1f s", prepared))
        }
        let driver = DynamoBenchSupport.scriptsFolder() + "/bench_pty.py"
        var arguments = ["python3", driver, "--app", app, "--db", db, "--user", PtyBench.user,
                         "--workdir", dir, "--marker", PtyBench.marker]
        if ProcessInfo.processInfo.environment["PTY_BENCH_NO_WEECHAT"] == "1" { arguments.append("--no-weechat") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        fflush(nil)  // our lines first, then the driver's, which writes to the same stdout
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("bench_pty.py failed (status \(process.terminationStatus))") }
    }
}

enum PtyBench {
    static let user = "bench"
    /// The newest message's text: letters that no placeholder shares, none repeated, so curses
    /// writes it whole on the frame that first shows it.
    static let marker = "QZ7XK9JV"

    /// The `studycircle` built next to this StudyBench binary.
    static func studycircleBinary() -> String {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("studycircle").path
    }
}
