import DynamoTestSupport
import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// Issue #9 items 7 and 2 in the terminal: deleting a document with `d` (asked first, owner
/// only), and the login the app needs on a shared backend.
@Suite(.enabled(if: BuiltProducts.path("studycircle") != nil && Tmux.path != nil,
                "needs .build/debug/studycircle and tmux: run `make test` (it builds everything first)"),
       .serialized)
struct LibraryAndLoginE2ETests {
    typealias Sandbox = TerminalAppE2ETests.Sandbox

    /// The title named in the delete question on screen (between “ and ”).
    static func questionTitle(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("“") && $0.contains("”") }),
              let open = line.firstIndex(of: "“"), let close = line[open...].firstIndex(of: "”") else { return nil }
        return String(line[line.index(after: open)..<close])
    }

    @Test func deleteKeyAsksNamesTheDocumentAndDeletesOnlyOnYes() async throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        try s.startApp("d", user: "alice")
        let store = try SQLiteStore.open(path: s.db)
        let before = try await store.content.list(category: nil, PageRequest(limit: 100)).items
        #expect(!before.isEmpty, "the demo library has documents")

        try s.tmux.send("d", "3")
        #expect(s.tmux.wait("d") { $0.contains("Library") && !$0.contains("loading") }.ok)
        try s.tmux.send("d", "d")
        let asked = s.tmux.wait("d") { $0.contains("Delete document?") }
        #expect(asked.ok, "d asks first:\n\(asked.screen)")
        #expect(asked.screen.contains("summaries and exams"), "says what goes with it:\n\(asked.screen)")
        let title = try #require(Self.questionTitle(asked.screen), "the question names the document:\n\(asked.screen)")
        let document = try #require(before.first { $0.title.hasPrefix(title) })

        // n keeps it.
        try s.tmux.send("d", "n")
        #expect(s.tmux.wait("d") { !$0.contains("Delete document?") && $0.contains("was not deleted") }.ok)
        #expect(try await store.content.get(id: document.id) != nil)

        // The Delete key asks again; y deletes it with its summaries and exams.
        try s.tmux.send("d", "DC")
        #expect(s.tmux.wait("d") { $0.contains("Delete document?") }.ok, "the Delete key asks too")
        try s.tmux.send("d", "y")
        let done = s.tmux.wait("d") { $0.contains("Deleted “") }
        #expect(done.ok, "a notice says it is deleted:\n\(done.screen)")
        #expect(try await store.content.get(id: document.id) == nil)
        #expect(try await store.summaries.list(contentId: document.id, PageRequest(limit: 10)).items.isEmpty)
        #expect(try await store.exams.list(contentId: document.id, PageRequest(limit: 10)).items.isEmpty)
        let after = try await store.content.list(category: nil, PageRequest(limit: 100)).items
        #expect(after.count == before.count - 1)
    }

    @Test func someoneElsesDocumentIsRefusedBeforeAnyQuestion() async throws {
        let s = try Sandbox()
        defer { s.cleanup() }
        // alice's first start seeds the demo library, owned by her.
        try s.startApp("a", user: "alice")
        s.tmux.stop()
        let tmux = s.tmux
        try tmux.start("b", command: s.command(user: "bob"))
        #expect(tmux.wait("b") { $0.contains("online") }.ok)
        try tmux.send("b", "3")
        #expect(tmux.wait("b") { $0.contains("Library") && !$0.contains("loading") }.ok)
        try tmux.send("b", "d")
        let refused = tmux.wait("b") { $0.contains("Only the owner of") }
        #expect(refused.ok, "bob is told at once:\n\(refused.screen)")
        #expect(!refused.screen.contains("Delete document?"))
        let store = try SQLiteStore.open(path: s.db)
        #expect(try await store.content.list(category: nil, PageRequest(limit: 100)).items.count > 0)
    }

    /// Item 2 on DynamoDB (moto): the app opens only after a login; a wrong password, a missing
    /// one on a non-terminal, or an unknown user is refused with a clear message.
    @Test(.enabled(if: Tmux.python != nil, "needs python3 with moto (make test installs it)"))
    func sharedBackendAsksForThePasswordBeforeOpening() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let s = try Sandbox()
        defer { s.cleanup() }
        let binary = try #require(BuiltProducts.path("studycircle"))
        let prefix = "sct-tui-\(StudyID.make().suffix(8).lowercased())"
        let shared = [
            "DB_TYPE": "dynamodb", "DYNAMODB_ENDPOINT": moto.endpoint, "DYNAMODB_TABLE_PREFIX": prefix,
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_CONFIG_FILE": s.dir.path("none"), "AWS_SHARED_CREDENTIALS_FILE": s.dir.path("none"),
        ]
        var env = shared
        env["HOME"] = s.dir.url.path
        env["XDG_CONFIG_HOME"] = s.dir.path("config")
        env["XDG_STATE_HOME"] = s.dir.path("state")
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let setup = try runProcess(binary, ["setup"], environment: env)
        #expect(setup.status == 0, "setup: \(setup.stderr)")
        var withPassword = env
        withPassword["STUDYCIRCLE_PASSWORD"] = "alice-secret-1"
        let added = try runProcess(binary, ["--user", "alice", "user", "add", "alice", "--email", "alice@example.org"],
                                   environment: withPassword)
        #expect(added.status == 0, "user add: \(added.stdout) \(added.stderr)")

        let sharedEnv = shared.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        func command(user: String, password: String?) -> String {
            s.command(user: user, extra: sharedEnv + (password.map { " STUDYCIRCLE_PASSWORD=\($0)" } ?? ""))
        }

        // A wrong password in the environment: refused, nothing opens.
        try s.tmux.start("w", command: command(user: "alice", password: "wrong-guess"))
        let wrong = s.tmux.wait("w", timeout: 20) { $0.contains("EXIT=") }
        #expect(wrong.ok && !wrong.screen.contains("EXIT=0"), "refused:\n\(wrong.screen)")
        #expect(wrong.screen.contains("password is wrong"), "a clear message:\n\(wrong.screen)")
        #expect(!wrong.screen.contains("Library"), "the app did not open")

        // No password: the app asks for it on the terminal; a wrong answer is refused.
        try s.tmux.start("p", command: command(user: "alice", password: nil))
        #expect(s.tmux.wait("p", timeout: 20) { $0.contains("Password for alice") }.ok, "asks for the password")
        try s.tmux.type("p", "not-it")
        try s.tmux.send("p", "Enter")
        let refused = s.tmux.wait("p", timeout: 20) { $0.contains("EXIT=") }
        #expect(refused.ok && !refused.screen.contains("EXIT=0"), "refused:\n\(refused.screen)")
        #expect(refused.screen.contains("password is wrong"), "a clear message:\n\(refused.screen)")
        #expect(!refused.screen.contains("not-it"), "the typed password is not echoed")

        // An unknown user is refused too.
        try s.tmux.start("g", command: command(user: "ghost", password: "whatever-1"))
        let ghost = s.tmux.wait("g", timeout: 20) { $0.contains("EXIT=") }
        #expect(ghost.ok && !ghost.screen.contains("EXIT=0"), "unknown user refused:\n\(ghost.screen)")
        #expect(ghost.screen.contains("password is wrong"), "the same message, naming no account:\n\(ghost.screen)")

        // The right password, typed at the prompt: the app opens as alice.
        try s.tmux.start("r", width: 100, height: 30, command: command(user: "alice", password: nil))
        #expect(s.tmux.wait("r", timeout: 20) { $0.contains("Password for alice") }.ok)
        try s.tmux.type("r", "alice-secret-1")
        try s.tmux.send("r", "Enter")
        let opened = s.tmux.wait("r", timeout: 30) { $0.contains("Library") && $0.contains("online") }
        #expect(opened.ok, "the right password opens the app:\n\(opened.screen)")
        try s.tmux.send("r", "q")
        #expect(s.tmux.wait("r", timeout: 10) { $0.contains("EXIT=0") }.ok)
    }
}
