import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end checks of the terminal-level fixes of issue 9, in tmux with the real binary.
@Suite(.enabled(if: BuiltProducts.path("studycircle") != nil && Tmux.path != nil,
                "needs .build/debug/studycircle and tmux: run `make test` (it builds everything first)"),
       .serialized)
struct Issue9E2ETests {
    typealias Sandbox = TerminalAppE2ETests.Sandbox

    /// Item 15: under tmux with TERM=xterm-256color, Home and End arrive as ESC [1~ and ESC [4~.
    @Test func homeAndEndUnderTmuxWithAnXtermTerm() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("k", user: "alice", term: "xterm-256color")
        // In the help overlay End goes to the last line and Home back to the first.
        try s.tmux.send("k", "?")
        #expect(s.tmux.wait("k") { $0.contains("Help ·") }.ok)
        try s.tmux.send("k", "End")
        let end = s.tmux.wait("k") { screen in Self.helpRange(screen).map { $0.last == $0.total } ?? false }
        #expect(end.ok, "End shows the last help line, the overlay stays open:\n\(end.screen)")
        try s.tmux.send("k", "Home")
        let home = s.tmux.wait("k") { Self.helpRange($0)?.first == 1 }
        #expect(home.ok, "Home goes back to the top:\n\(home.screen)")
        try s.tmux.send("k", "Escape")
        // In the Library, End selects the last document and focus stays in the Library.
        try s.tmux.send("k", "3")
        #expect(s.tmux.wait("k") { $0.contains("Enter read · / search") }.ok)
        try s.tmux.send("k", "End")
        try s.tmux.send("k", "Enter")
        let reader = s.tmux.wait("k") { $0.contains("Library · Photosynthesis") }
        #expect(reader.ok, "End selected the last document (not the Summaries pane):\n\(reader.screen)")
    }

    /// "Help · … · 12-30 of 60" → (12, 30, 60).
    static func helpRange(_ screen: String) -> (first: Int, last: Int, total: Int)? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Help ·") }),
              let of = line.range(of: " of ") else { return nil }
        let before = line[..<of.lowerBound].split(separator: " ").last ?? ""
        let bounds = before.split(separator: "-").compactMap { Int($0) }
        let total = Int(line[of.upperBound...].prefix { $0.isNumber })
        guard bounds.count == 2, let total else { return nil }
        return (bounds[0], bounds[1], total)
    }

    /// Item 12: Ctrl-S is a key, not XOFF; the screen keeps updating after it.
    @Test func ctrlSDoesNotFreezeTheScreen() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("f", user: "alice")
        try s.tmux.send("f", "i")
        try s.tmux.type("f", "abc")
        #expect(s.tmux.wait("f") { $0.contains("› abc") }.ok)
        try s.tmux.send("f", "C-s")
        try s.tmux.type("f", "def")
        let after = s.tmux.wait("f") { $0.contains("› abcdef") }
        #expect(after.ok, "typing after Ctrl-S is drawn:\n\(after.screen)")
        try s.tmux.send("f", "C-q")
        try s.tmux.type("f", "g")
        #expect(s.tmux.wait("f") { $0.contains("› abcdefg") }.ok)
    }

    /// Item 20: a terminal that cannot move the cursor is refused with a clear message.
    @Test func termDumbIsRefusedWithAMessage() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.tmux.start("d", command: s.command(user: "alice", term: "dumb"))
        let done = s.tmux.wait("d") { $0.contains("EXIT=") }
        #expect(done.ok, "the app ended:\n\(done.screen)")
        #expect(!done.screen.contains("EXIT=0"), "non-zero exit:\n\(done.screen)")
        #expect(done.screen.contains("can move the cursor"), "says why:\n\(done.screen)")
        #expect(!done.screen.contains("Rooms"), "no screen drawn:\n\(done.screen)")
    }

    /// Item 20: SIGUSR1, SIGUSR2, SIGQUIT and a crash (SIGABRT) leave the terminal as SIGTERM does.
    @Test(arguments: [SIGUSR1, SIGUSR2, SIGQUIT, SIGABRT, SIGTERM])
    func signalsRestoreTheTerminal(signal: Int32) throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("s", user: "alice")
        #expect(s.tmux.display("s", "#{alternate_on} #{mouse_any_flag} #{keypad_flag}") == "1 1 1")
        let shell = try #require(Int32(s.tmux.display("s", "#{pane_pid}")))
        let app = try #require(Self.children(of: shell).first, "the app's pid")
        kill(app, signal)
        let done = s.tmux.wait("s") { $0.contains("EXIT=") }
        #expect(done.ok, "the app ended on signal \(signal):\n\(done.screen)")
        #expect(s.tmux.display("s", "#{alternate_on}") == "0", "alternate screen off")
        #expect(s.tmux.display("s", "#{mouse_any_flag}") == "0", "mouse reporting off")
        #expect(s.tmux.display("s", "#{keypad_flag} #{keypad_cursor_flag}") == "0 0", "keypad modes off")
        #expect(s.tmux.display("s", "#{cursor_flag}") == "1", "cursor shown")
    }

    static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Item 10: 300 messages, paged up to the start and back down: each shown exactly once
    /// each way.
    @Test func pagingShowsEveryMessageOnce() async throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("p", user: "alice")
        let store = try SQLiteStore.open(path: s.db)
        let room = try #require(try await store.rooms.list(name: "welcome").first)
        for n in 0..<300 {
            _ = try await store.messages.send(Message(roomId: room.roomId, sender: "bob", text: String(format: "m-%03d", n)))
        }
        #expect(s.tmux.wait("p", timeout: 20) { $0.contains("m-299") }.ok, "the messages arrived")
        try s.tmux.send("p", "2")
        var screen = Self.settled(s.tmux, "p") { $0.contains("· writing") }
        var up: [String: Int] = [:]
        Self.count(screen, into: &up)
        for _ in 0..<100 where !screen.contains("m-000") {
            try s.tmux.send("p", "PageUp")
            let previous = screen
            screen = Self.settled(s.tmux, "p") { $0 != previous && !$0.contains("loading") }
            Self.count(screen, into: &up)
        }
        let all = (0..<300).map { String(format: "m-%03d", $0) }
        #expect(all.filter { up[$0] == nil }.isEmpty, "never shown paging up: \(all.filter { up[$0] == nil })")
        #expect(up.filter { $0.value > 1 }.isEmpty, "shown twice paging up: \(up.filter { $0.value > 1 }.keys.sorted())")

        var down: [String: Int] = [:]
        Self.count(screen, into: &down)
        for _ in 0..<100 where screen.contains("more below") {
            try s.tmux.send("p", "PageDown")
            let previous = screen
            screen = Self.settled(s.tmux, "p") { $0 != previous && !$0.contains("loading") }
            Self.count(screen, into: &down)
        }
        #expect(all.filter { down[$0] == nil }.isEmpty, "never shown paging down: \(all.filter { down[$0] == nil })")
        #expect(down.filter { $0.value > 1 }.isEmpty, "shown twice paging down: \(down.filter { $0.value > 1 }.keys.sorted())")
    }

    /// Waits for `condition`, then until two captures in a row agree (curses may be half-way
    /// through drawing a frame when the pane is read).
    static func settled(_ tmux: Tmux, _ session: String, until condition: (String) -> Bool) -> String {
        var screen = tmux.wait(session, timeout: 15, until: condition).screen
        for _ in 0..<100 {
            usleep(60_000)
            let again = tmux.capture(session)
            if again == screen { break }
            screen = again
        }
        return screen
    }

    static func count(_ screen: String, into seen: inout [String: Int]) {
        var names = Set<String>()
        var rest = Substring(screen)
        while let range = rest.range(of: "bob: m-") {
            names.insert("m-" + rest[range.upperBound...].prefix(3))
            rest = rest[range.upperBound...]
        }
        for name in names { seen[name, default: 0] += 1 }
    }

    /// Item 16: after `:room new`, the pane keys still switch panes; `i` starts writing.
    @Test func focusStaysInTheRoomListAfterCreatingARoom() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("r", user: "alice")
        try s.tmux.type("r", ":room new physics")
        try s.tmux.send("r", "Enter")
        #expect(s.tmux.wait("r") { $0.contains("Messages · physics") && $0.contains("Joined physics") }.ok)
        try s.tmux.type("r", "3")
        try s.tmux.send("r", "Enter")
        let library = s.tmux.wait("r") { $0.contains("Library · ") }
        #expect(library.ok, "3 switched to the Library, Enter opened a document:\n\(library.screen)")
        #expect(!library.screen.contains("alice: 3"), "nothing typed into the room")
        try s.tmux.send("r", "Escape")
        try s.tmux.send("r", "1")
        try s.tmux.send("r", "i")
        #expect(s.tmux.wait("r") { $0.contains("Messages · physics · writing") }.ok, "i starts writing")
        try s.tmux.type("r", "hello")
        try s.tmux.send("r", "Enter")
        #expect(s.tmux.wait("r") { $0.contains("alice: hello") }.ok)
    }

    /// Item 13: the built-in themes work from a folder with no `themes/` in it, and `:theme`
    /// names the theme it switched to.
    @Test func builtInThemesWorkFromAnyFolder() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.tmux.start("t", command: "cd \(s.dir.url.path) && " + s.command(user: "alice"))
        #expect(s.tmux.wait("t") { $0.contains("online") }.ok)
        for name in ["light", "high-contrast", "monochrome", "dark"] {
            try s.tmux.type("t", ":theme \(name)")
            try s.tmux.send("t", "Enter")
            let shown = s.tmux.wait("t") { $0.contains("Theme \(name).") }
            #expect(shown.ok, ":theme \(name):\n\(shown.screen)")
        }
        try s.tmux.type("t", ":theme nosuch")
        try s.tmux.send("t", "Enter")
        let refused = s.tmux.wait("t") { $0.contains("no theme 'nosuch'") }
        #expect(refused.ok && refused.screen.contains("dark, high-contrast, light"), "lists the themes:\n\(refused.screen)")
    }

    /// Item 14: with NO_COLOR the selected row is drawn in reverse video.
    @Test func noColorKeepsTheSelectionVisible() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("n", user: "alice", extra: "NO_COLOR=1")
        let styled = try s.tmux.run(["capture-pane", "-p", "-e", "-t", "n"])
        let row = try #require(styled.split(separator: "\n").first { $0.contains("▸welcome") })
        #expect(row.contains("\u{1B}[7m▸welcome") || row.contains(";7m▸welcome"),
                "reverse video on the selected room: \(row.debugDescription)")
        #expect(!styled.contains("38;5;"), "no colours")
    }

    /// Item 11: Ctrl-C during an exam asks first; quitting saves the answers and `:resume`
    /// brings them back in the next run.
    @Test func ctrlCDuringAnExamAsksAndTheExamResumes() async throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        // The pane's shell must outlive Ctrl-C (a terminal's interactive shell does).
        let tmux = s.tmux
        try tmux.start("e", width: 100, height: 30, command: "trap : INT; " + s.command(user: "alice"))
        #expect(tmux.wait("e") { $0.contains("online") }.ok)
        try tmux.send("e", "3")
        #expect(tmux.wait("e") { $0.contains("Photosynthesis") }.ok)
        try tmux.send("e", "Enter")
        #expect(tmux.wait("e") { $0.contains("Library · ") }.ok)
        try tmux.send("e", "e")
        #expect(tmux.wait("e") { $0.contains("New exam") }.ok)
        try tmux.send("e", "Enter")
        try #require(tmux.wait("e", timeout: 20) { $0.contains("Exam ready") }.ok)
        try tmux.send("e", "Enter")
        try #require(tmux.wait("e") { $0.contains("Question 1 of") }.ok)
        // Move to question 2 (answering 1 if it is a choice), then Ctrl-C.
        let first = tmux.capture("e")
        if !first.contains("Your answer:") { try tmux.send("e", "a") }
        try tmux.send("e", "Right")
        #expect(tmux.wait("e") { $0.contains("Question 2 of") }.ok)
        try tmux.send("e", "C-c")
        let asked = tmux.wait("e") { $0.contains("Quit StudyCircle?") }
        #expect(asked.ok, "Ctrl-C asks:\n\(asked.screen)")
        try tmux.send("e", "n")
        #expect(tmux.wait("e") { !$0.contains("Quit StudyCircle?") && $0.contains("Question 2 of") }.ok, "n stays in the exam")
        try tmux.send("e", "C-c")
        #expect(tmux.wait("e") { $0.contains("Quit StudyCircle?") }.ok)
        try tmux.send("e", "y")
        #expect(tmux.wait("e") { $0.contains("EXIT=") }.ok)
        let saved = try FileManager.default.contentsOfDirectory(atPath: s.dir.path("state-alice") + "/studycircle")
            .filter { $0.hasPrefix("exam-") }
        #expect(saved.count == 1, "the exam in progress is saved: \(saved)")

        try tmux.start("e2", width: 100, height: 30, command: "trap : INT; " + s.command(user: "alice"))
        let offered = tmux.wait("e2") { $0.contains(":resume") }
        #expect(offered.ok, "the next run offers it:\n\(offered.screen)")
        try tmux.type("e2", ":resume")
        try tmux.send("e2", "Enter")
        let resumed = tmux.wait("e2") { $0.contains("Question 2 of") }
        #expect(resumed.ok, "resumed at question 2:\n\(resumed.screen)")
    }
}
