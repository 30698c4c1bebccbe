import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// End-to-end: the real `studycircle` binary in tmux, typed at and read back like a person would.
/// `make test` builds the binary before running tests; the suite is skipped (with this reason)
/// only when the binary or tmux is absent, e.g. after `swift build --target` of one module.
@Suite(.enabled(if: BuiltProducts.path("studycircle") != nil && Tmux.path != nil,
                "needs .build/debug/studycircle and tmux: run `make test` (it builds everything first)"),
       .serialized)
struct TerminalAppE2ETests {
    static let paneTitles = ["Rooms", "Messages", "Library", "Summaries", "Exams"]

    struct Sandbox {
        let dir: TempDir
        let tmux: Tmux
        let binary: String
        var db: String { dir.path("shared.db") }

        init() throws {
            dir = try TempDir()
            binary = try #require(BuiltProducts.path("studycircle"))
            tmux = Tmux(environment: [
                "HOME": dir.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "TERM": "xterm-256color", "LANG": "C.UTF-8",
            ])
        }

        /// The shell command that starts the app as `user` on the shared database.
        func command(user: String, term: String = "tmux-256color", extra: String = "") -> String {
            let env = "HOME=\(dir.url.path) XDG_STATE_HOME=\(dir.path("state-\(user)")) XDG_DATA_HOME=\(dir.path("data")) "
                + "XDG_CONFIG_HOME=\(dir.path("config")) LANG=C.UTF-8 TERM=\(term) \(extra)"
            return "env \(env) \(binary) --db \(db) --user \(user)"
        }

        /// Starts the app and opens the demo room, joining it first when `user` is not a member
        /// (the demo seed makes only the first user a member).
        func startApp(_ session: String, user: String, width: Int = 80, height: Int = 24, term: String = "tmux-256color",
                      extra: String = "") throws {
            try tmux.start(session, width: width, height: height, command: command(user: user, term: term, extra: extra))
            let drawn = tmux.wait(session) { $0.contains("welcome") && $0.contains("online") }
            if drawn.screen.contains("+welcome") { try tmux.send(session, "Enter") }
            let started = tmux.wait(session) { $0.contains("Messages · welcome") && $0.contains("online") }
            #expect(started.ok, "the app did not draw its first frame:\n\(started.screen)")
        }

        func cleanup() {
            tmux.stop()
            dir.cleanup()
        }
    }

    @Test func fivePanesHelpResizeAndQuitRestoresTheTerminal() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("a", user: "alice")
        let first = s.tmux.capture("a")
        for title in Self.paneTitles { #expect(first.contains(title), "pane \(title) drawn at 80x24:\n\(first)") }
        #expect(s.tmux.display("a", "#{alternate_on}") == "1")

        // `?` shows every key; any key closes it.
        try s.tmux.send("a", "?")
        let help = s.tmux.wait("a") { $0.contains("Help") && $0.contains(":join NAME") == false || $0.contains("Tab / Shift-Tab") }
        #expect(help.ok && help.screen.contains("Tab / Shift-Tab"), "help overlay:\n\(help.screen)")
        try s.tmux.send("a", "Escape")
        #expect(s.tmux.wait("a") { !$0.contains("Tab / Shift-Tab") }.ok)

        // Shrink below the minimum and back.
        try s.tmux.resize("a", width: 20, height: 6)
        let small = s.tmux.wait("a") { $0.contains("too small") }
        #expect(small.ok, "20x6 shows the notice:\n\(small.screen)")
        try s.tmux.resize("a", width: 80, height: 24)
        let back = s.tmux.wait("a") { screen in Self.paneTitles.allSatisfy { screen.contains($0) } }
        #expect(back.ok, "80x24 again:\n\(back.screen)")

        // Quit: the shell's line shows, the alternate screen is off, the cursor is visible.
        try s.tmux.send("a", "Escape")
        try s.tmux.type("a", ":quit")
        try s.tmux.send("a", "Enter")
        let exited = s.tmux.wait("a") { $0.contains("EXIT=0") }
        #expect(exited.ok, "exit status:\n\(exited.screen)")
        #expect(!exited.screen.contains("┌"), "screen restored:\n\(exited.screen)")
        #expect(s.tmux.display("a", "#{alternate_on}") == "0")
        #expect(s.tmux.display("a", "#{cursor_flag}") == "1")
    }

    /// How fast it arrives is `make bench`'s figure (group rooms), not an assertion here.
    @Test func messageFromOneInstanceAppearsInAnother() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("a", user: "alice")
        try s.startApp("b", user: "bob")
        let text = "ping-\(UUID().uuidString.prefix(6))"
        try s.tmux.send("a", "2")
        try s.tmux.type("a", text)
        try s.tmux.send("a", "Enter")
        let seen = s.tmux.wait("b", timeout: 10) { $0.contains(text) }
        #expect(seen.ok, "bob's screen:\n\(seen.screen)")
        #expect(s.tmux.capture("a").contains(text))
    }

    @Test func escapeSequencesInStoredMessagesAreDrawnAsText() async throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        // Wide enough for the whole message on one line (longer ones wrap, indented).
        try s.startApp("a", user: "alice", width: 120)
        let store = try SQLiteStore.open(path: s.db)
        let room = try #require(try await store.rooms.list(name: "welcome").first)
        let hostile = "x\u{1B}[2Jy\u{1B}]0;pwned\u{07}z\u{1B}[31mred\u{9B}1m\u{202E}end"
        _ = try await store.messages.send(Message(roomId: room.roomId, sender: "mallory", text: hostile))
        let shown = s.tmux.wait("a", timeout: 5) { $0.contains("mallory") }
        #expect(shown.ok, "the message arrived:\n\(shown.screen)")
        #expect(shown.screen.contains("x␛[2Jy␛]0;pwned␇z␛[31mred"), "escapes shown as text:\n\(shown.screen)")
        for title in Self.paneTitles { #expect(shown.screen.contains(title), "screen intact: \(title)") }
        #expect(s.tmux.display("a", "#{pane_title}") != "pwned")
    }

    @Test func ctrlZSuspendsAndFgResumes() throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        // An interactive shell with job control, as a student's terminal has.
        try s.tmux.start("j", command: "env -i HOME=\(s.dir.url.path) PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8 bash --norc -i")
        #expect(s.tmux.wait("j") { $0.contains("$") || $0.contains("#") }.ok)
        try s.tmux.type("j", s.command(user: "zoe"))
        try s.tmux.send("j", "Enter")
        #expect(s.tmux.wait("j") { $0.contains("online") }.ok, "app started")
        try s.tmux.send("j", "C-z")
        let stopped = s.tmux.wait("j") { $0.contains("Stopped") }
        #expect(stopped.ok, "the shell reports the app stopped:\n\(stopped.screen)")
        #expect(s.tmux.display("j", "#{alternate_on}") == "0", "the terminal was given back")
        try s.tmux.type("j", "fg")
        try s.tmux.send("j", "Enter")
        let resumed = s.tmux.wait("j") { $0.contains("online") && $0.contains("Rooms") }
        #expect(resumed.ok, "the app is drawn again after fg:\n\(resumed.screen)")
        try s.tmux.type("j", ":quit")
        try s.tmux.send("j", "Enter")
        #expect(s.tmux.wait("j") { !$0.contains("online") }.ok)
        #expect(s.tmux.display("j", "#{alternate_on}") == "0")
    }
}
