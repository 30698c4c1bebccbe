import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyTUI

/// The terminal UI's figures, with 100,000 messages in the open room and 10,000 documents.
///
/// What is measured, honestly: the app core and the renderer exactly as the TUI runs them
/// (reducer, effect runner on a real SQLite file, poller off, key handling, layout, rendering
/// into the off-screen frame that the curses backend copies to the terminal). Not measured:
/// curses' own output to a terminal (doupdate), which depends on the terminal emulator.
func runTUIBench() async throws {
    let env = ProcessInfo.processInfo.environment
    if let db = env["STUDYBENCH_TUI_DB"], let roomId = env["STUDYBENCH_TUI_ROOM"] {
        let store = try SQLiteStore.open(path: db)
        print(String(format: "# tui: resident memory with the database open %.1f MB", residentMegabytes()))
        try await measureTUI(store: store, roomId: roomId)
        return
    }
    try await withTempDir { dir in
        let path = dir + "/tui.db"
        let roomId = try await TUIBenchData.fill(try SQLiteStore.open(path: path))
        // Measure in a fresh process on the filled file, as a student would open it: the
        // memory figure is then the app's, not that of generating 100,000 messages.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["tui"]
        child.environment = env.merging(["STUDYBENCH_TUI_DB": path, "STUDYBENCH_TUI_ROOM": roomId]) { $1 }
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw BenchError("the TUI measurement process failed") }
    }
}

/// The measurements themselves, on a store that already holds the data.
func measureTUI(store: StudyStore, roomId: String) async throws {
    do {
        let settings = AppSettings(user: "bench", outboxPath: nil)

        // Start to first complete frame: rooms, the open room's newest page and the library
        // loaded and drawn. Median of several cold starts of the app core on the same file.
        var starts: [Double] = []
        for _ in 0..<9 {
            let begin = now()
            let driver = HeadlessDriver(store: store, settings: settings)
            try driver.startAndWaitForFirstFrame(roomId: roomId)
            starts.append((now() - begin) * 1000)
        }
        report("tui_start_to_first_frame_median", median(starts), "ms")
        print(String(format: "# tui: resident memory before paging %.1f MB", residentMegabytes()))

        // Keystroke to redrawn frame while paging up through 10,000 messages.
        let driver = HeadlessDriver(store: store, settings: settings)
        try driver.startAndWaitForFirstFrame(roomId: roomId)
        driver.key(.char("2"))
        var pageUp: [Double] = []
        var paged = 0
        var guardCount = 0
        while paged < 10_000 && guardCount < 20_000 {
            guardCount += 1
            let before = driver.bottomIndexKey
            pageUp.append(driver.timedKey(.pageUp))
            driver.settle()  // results of page loads arrive and are drawn (not counted as keystrokes)
            paged = driver.messagesAbove(before) + paged
        }
        report("tui_key_page_up_history_p99", percentile(pageUp, 0.99), "ms")
        report("tui_key_page_up_history_median", median(pageUp), "ms")
        report("tui_rss_after_paging_10k_messages", residentMegabytes(), "MB")
        report("tui_rss_anon_after_paging_10k_messages", residentMegabytes("RssAnon"), "MB")
        report("tui_rss_file_after_paging_10k_messages", residentMegabytes("RssFile"), "MB")
        if paged < 10_000 { print("# warning: paged through \(paged) messages only") }

        // Keystroke to redrawn frame moving down the library.
        driver.key(.char("3"))
        var library: [Double] = []
        for _ in 0..<3000 {
            library.append(driver.timedKey(.char("j")))
            driver.settle()
        }
        report("tui_key_library_move_p99", percentile(library, 0.99), "ms")
        report("tui_key_library_move_median", median(library), "ms")
        print("# tui: headless frames at 80x24 (state to off-screen canvas); curses output to the terminal not included")
    }
}

enum TUIBenchData {
    /// 100,000 messages in one room (varied lengths, some CJK and emoji) and 10,000 documents.
    /// `newestText`, when given, is the text of the newest message.
    static func fill(_ store: StudyStore, newestText: String? = nil) async throws -> String {
        let room = try await store.rooms.create(ChatRoom(name: "bench", members: ["bench"], createdBy: "bench"))
        var generator = TextGenerator(seed: 3)
        let senders = (0..<20).map { "student\($0)" } + ["bench"]
        let start = Timestamp.now().millisecondsSince1970 - 100_000 * 30_000
        var batch: [Message] = []
        for i in 0..<100_000 {
            let extra = i % 97 == 0 ? " 你好世界 👍🏽" : ""
            var text = generator.text(bytes: 20 + Int(generator.next() % 180)) + extra
            if i == 99_999, let newestText { text = newestText }
            batch.append(Message(messageId: String(format: "B%07d", i), roomId: room.roomId,
                                 sender: senders[i % senders.count], text: text,
                                 createdAt: Timestamp(millisecondsSince1970: start + Int64(i) * 30_000)))
            if batch.count == 500 {
                _ = try await store.messages.send(batch: batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        for i in 0..<10_000 {
            _ = try await store.content.create(Content(title: "Document \(i) \(generator.word())", owner: "bench",
                                                       sourceText: generator.text(bytes: 2000), category: "c\(i % 20)"))
        }
        return room.roomId
    }
}

/// Runs the app core and renderer without a terminal, through the same `AppStore` as the TUI:
/// effects post into the store, the store wakes this thread (a semaphore here, a pipe in the
/// TUI), and this thread handles what was posted and draws. The poller is not started (the
/// benchmark measures paging, not polling); every effect the reducer asks for still runs.
final class HeadlessDriver {
    private let semaphore: DispatchSemaphore
    private let app: AppStore
    var state: AppState { app.state }
    private var ui = UIState()
    private(set) var frame: Frame?
    let rows = 24, cols = 80

    init(store: StudyStore, settings: AppSettings) {
        let semaphore = DispatchSemaphore(value: 0)
        self.semaphore = semaphore
        app = AppStore(store: store, settings: settings, wake: { semaphore.signal() })
    }

    private func render() {
        frame = FrameRenderer.render(state: app.state, ui: &ui, rows: rows, cols: cols)
    }

    func startAndWaitForFirstFrame(roomId: String) throws {
        app.start(polling: false)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            _ = semaphore.wait(timeout: .now() + 0.05)
            app.processPending()
            if state.openRoom?.roomId == roomId, state.openRoom?.window.isLoaded == true, state.library.loaded {
                render()
                return
            }
        }
        throw BenchError("the first frame did not complete within 30 s")
    }

    /// Handles one key and redraws; returns the milliseconds from key to finished frame.
    func timedKey(_ key: Key) -> Double {
        let begin = now()
        self.key(key)
        return (now() - begin) * 1000
    }

    func key(_ key: Key) {
        for command in KeyHandler.handle(key, state: app.state, ui: &ui, rows: rows, cols: cols) {
            if case let .action(action) = command { app.send(action) }
        }
        render()
    }

    /// Waits for outstanding loads to answer and draws their results.
    func settle() {
        var rounds = 0
        while rounds < 200 {
            let open = state.openRoom
            let busy = open?.loadingOlder == true || open?.loadingNewer == true || open?.loadingReset == true || state.library.loading
            if !app.processPending() {
                if !busy { return }
                _ = semaphore.wait(timeout: .now() + 0.01)
                rounds += 1
                continue
            }
            render()
        }
    }

    var bottomIndexKey: MessageKey? {
        guard let open = state.openRoom, !open.window.messages.isEmpty else { return nil }
        return open.window.messages[open.bottomIndex].key
    }

    /// How many messages lie between the old bottom line and the current one.
    func messagesAbove(_ before: MessageKey?) -> Int {
        guard let before, let open = state.openRoom, let now = bottomIndexKey else { return 0 }
        let messages = open.window.messages
        let end = open.window.lowerBound(before)
        let start = open.window.lowerBound(now)
        return max(0, min(end, messages.count) - start)
    }
}

