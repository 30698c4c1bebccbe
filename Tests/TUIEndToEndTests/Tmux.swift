import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server (its own socket) for one test; `stop` kills it.
struct Tmux {
    static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let socket = "sc-e2e-\(UUID().uuidString.prefix(8))"
    let environment: [String: String]

    /// python3, used to start the tmux server with no inherited descriptors.
    static let python = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `closeInherited`: the call that starts the server goes through a wrapper that closes every
    /// descriptor above 2 first. Otherwise the long-lived server keeps the test runner's pipes
    /// (and other tests' server pipes) open, and `swift test` waits for them forever.
    @discardableResult
    func run(_ arguments: [String], closeInherited: Bool = false) throws -> String {
        guard let tmux = Tmux.path else { throw E2EError("tmux is not installed (make test installs it)") }
        var path = tmux
        var prefix: [String] = []
        if closeInherited, let python = Tmux.python {
            path = python
            prefix = [python, "-c", "import os, sys; os.closerange(3, 65536); os.execv(sys.argv[1], sys.argv[1:])"]
        }
        // Output goes to a file, not a pipe: the tmux server forks from the first call and
        // would keep a pipe open for its whole life. posix_spawn + waitpid instead of Process,
        // whose exit monitoring did not notice the tmux client ending.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = prefix + [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, path, &actions, nil, cArgv, cEnv) }
        }
        guard spawned == 0 else { throw E2EError("cannot start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { throw E2EError("tmux \(arguments.first ?? ""): \(text)") }
        return text
    }

    /// Starts `command` in a new detached session of the given size. The shell stays after the
    /// program exits and prints its status, so the test can look at the restored screen.
    func start(_ session: String, width: Int = 80, height: Int = 24, command: String) throws {
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "sh -c '\(command); echo EXIT=$?; sleep 120'"], closeInherited: true)
        try run(["set-option", "-t", session, "status", "off"])
    }

    func capture(_ session: String) -> String {
        (try? run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    func send(_ session: String, _ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types text literally (no key-name lookup).
    func type(_ session: String, _ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    func display(_ session: String, _ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", session, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(_ session: String, width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds; returns the last capture either way.
    @discardableResult
    func wait(_ session: String, timeout: Double = 10, until condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture(session)
        while !condition(screen) {
            if Date() > deadline { return (false, screen) }
            usleep(50_000)
            screen = capture(session)
        }
        return (true, screen)
    }

    /// Ends the apps in every pane, then the server. `kill-server` alone was seen to leave the
    /// server running here, so the processes are also signalled by pid.
    func stop() {
        let serverPid = Int32(((try? run(["display-message", "-p", "#{pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let panePids = ((try? run(["list-panes", "-a", "-F", "#{pane_pid}"])) ?? "")
            .split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        for pid in panePids where pid > 1 {
            kill(-pid, SIGKILL)  // the pane's shell leads its own process group: the app goes too
            kill(pid, SIGKILL)
        }
        _ = try? run(["kill-server"])
        if let serverPid, serverPid > 1 { kill(serverPid, SIGKILL) }
    }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Passes Swift strings to C as a NULL-terminated `char *[]`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return body(pointers + [nil])
}
