import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard input, read with errors a student can act on instead of a trap.
///
/// Foundation's read-to-end-of-file call traps on a closed descriptor (`<&-`) or a folder
/// (`< /`); this reads with `read(2)` and turns each failure into a `CLIError`.
enum StandardInput {
    /// True when the program started with descriptor 0 closed (`<&-`).
    nonisolated(unsafe) private(set) static var wasClosed = false

    /// Run first thing: a closed descriptor 0, 1 or 2 is remembered and filled with
    /// /dev/null, so that no file opened later (the database, the log) takes its number and
    /// gets read as input or written over as output.
    static func guardStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            if fd == STDIN_FILENO { wasClosed = true }
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// All of standard input, at most `limit` bytes. `what` names what was expected
    /// ("text", "message"), `instead` the other way to give it, for the messages.
    static func readAll(limit: Int, what: String, instead: String = "or name a file instead of `-`") throws -> Data {
        if wasClosed {
            throw CLIError(description: "Standard input is closed, so there is no \(what) to read. Pipe it in (e.g. `< notes.txt`) \(instead).")
        }
        if isatty(STDIN_FILENO) == 1 {
            Output.prompt("Reading \(what) from the terminal; end with Ctrl-D.\n")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n == 0 { return data }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    // A non-blocking descriptor (set so by the parent): wait until data comes.
                    var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                    _ = poll(&waiting, 1, -1)
                    continue
                }
                throw CLIError(description: message(forErrno: code, what: what, instead: instead))
            }
            data.append(contentsOf: buffer[0..<n])
            if data.count > limit {
                throw CLIError(description: "Standard input holds more than \(limit / 1_048_576) MB; \(what) may be at most that. Split it into smaller parts.")
            }
        }
    }

    /// All of standard input as UTF-8 text.
    static func readText(limit: Int, what: String, instead: String) throws -> String {
        let data = try readAll(limit: limit, what: what, instead: instead)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(description: "Standard input is not UTF-8 text, so it cannot be the \(what). Save it as UTF-8 (e.g. with `iconv -t utf-8`).")
        }
        return text
    }

    static func message(forErrno code: Int32, what: String, instead: String) -> String {
        switch code {
        case EBADF:
            return "Standard input is closed or not open for reading, so there is no \(what) to read. Pipe it in \(instead)."
        case EISDIR:
            return "Standard input is a folder, not a file, so there is no \(what) to read. Redirect a file (e.g. `< notes.txt`) \(instead)."
        default:
            return "Standard input could not be read (\(String(cString: strerror(code)))), so there is no \(what). Pipe it in \(instead)."
        }
    }
}
