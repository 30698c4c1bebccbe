import CNCursesW
import Glibc

// Signal handlers can only reach globals. These are written once before the handlers are
// installed and only read afterwards (or, for `cursesActive`, only on the UI thread).
nonisolated(unsafe) private var signalWriteFD: Int32 = -1
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) private var restoreBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var restoreCount = 0
nonisolated(unsafe) var cursesActive = false
/// Set once curses has taken the terminal: only then is there anything to restore (a terminal
/// that was refused, like TERM=dumb, gets no escape sequences at exit).
nonisolated(unsafe) var terminalModesActive = false

/// Keeps the terminal usable whatever happens: signals become bytes on a pipe that wakes the
/// UI loop (async-signal-safe: the handler only calls write(2)), and a crash or an exit that
/// skips the normal path still leaves the terminal as it was found.
enum TerminalGuard {
    /// Modes we turn on that the terminal must not keep: bracketed paste, mouse reporting,
    /// application cursor keys and keypad, alternate screen; then attributes reset and the
    /// cursor shown.
    static let resetSequence = "\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1l\u{1B}>"
        + "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    /// Signals that ask the loop to do something. SIGUSR1 and SIGUSR2 would end the process
    /// without restoring the terminal; here they end it through the loop like SIGTERM.
    static let loopSignals: [Int32] = [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGUSR1, SIGUSR2]
    /// Signals that ask the loop to quit at once (after saving), with status 128+N.
    static let endSignals: Set<Int32> = [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2]
    /// Signals that mean the process is dying (SIGQUIT keeps its core dump, after the restore).
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT, SIGSYS, SIGXCPU, SIGXFSZ]

    /// Saves the terminal mode, installs the handlers, and returns the pipe's read end.
    static func install() throws -> Int32 {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        let bytes = Array(resetSequence.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes = buffer
        restoreCount = bytes.count

        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError("cannot create a pipe for signals") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalWriteFD = fds[1]
        for signal in loopSignals { handle(signal, with: onLoopSignal) }
        for signal in crashSignals { handle(signal, with: onCrash) }
        Glibc.signal(SIGPIPE, SIG_IGN)
        atexit { TerminalGuard.restoreAtExit() }
        return fds[0]
    }

    static func handle(_ signal: Int32, with handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    /// Puts back the default action (to stop on SIGTSTP, to die on a crash).
    static func setDefault(_ signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    }

    static func reinstallSuspendHandler() { handle(SIGTSTP, with: onLoopSignal) }

    /// Restores the terminal with raw writes only; safe inside a signal handler.
    static func restoreRaw() {
        guard terminalModesActive else { return }
        if let restoreBytes, restoreCount > 0 { _ = write(STDOUT_FILENO, restoreBytes, restoreCount) }
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
    }

    static func restoreAtExit() {
        if cursesActive {
            cursesActive = false
            endwin()
        }
        restoreRaw()
    }
}

private func onLoopSignal(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    let saved = errno
    _ = write(signalWriteFD, &byte, 1)
    errno = saved
}

private func onCrash(_ signal: Int32) {
    TerminalGuard.restoreRaw()
    TerminalGuard.setDefault(signal)
    raise(signal)
}

struct TerminalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// A terminal that cannot move the cursor (TERM=dumb, or unset).
    static func incapable(_ term: String) -> TerminalError {
        let name = term.isEmpty ? "TERM is not set" : "TERM=\(term)"
        return TerminalError("the interactive app needs a terminal that can move the cursor (\(name)). "
            + "Run it in a terminal emulator with e.g. TERM=xterm-256color, or use the subcommands, "
            + "which work anywhere (studycircle --help)")
    }
}
