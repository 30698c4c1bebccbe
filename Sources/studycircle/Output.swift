import Foundation
import StudyModel
#if canImport(Glibc)
import Glibc
#endif

/// The one way the command line writes to the terminal.
///
/// Every line passes the shared `Sanitizer` (the same one the terminal UI draws with), so text
/// from documents, the database, a provider's answer, a file path or an echoed argument can
/// never reach the terminal as an escape sequence. JSON goes out exact (see `json(_:)`).
///
/// Inside this module `print(...)` is `Output`'s (see the function below), so a new command
/// cannot bypass it by accident; `CLITests.everyTerminalWriteGoesThroughOutput` fails when a
/// source file writes to standard output or error any other way.
enum Output {
    /// A line (or several) of text for standard output.
    static func line(_ text: String) {
        write(STDOUT_FILENO, terminalSafe(text) + "\n")
    }

    /// A line (or several) of text for standard error: errors, notes, warnings.
    static func error(_ text: String) {
        write(STDERR_FILENO, terminalSafe(text) + "\n")
    }

    /// Text for standard output without a line break added.
    static func partialLine(_ text: String) {
        write(STDOUT_FILENO, terminalSafe(text))
    }

    /// A prompt on standard error, without a line break (the answer is typed after it).
    static func prompt(_ text: String) {
        write(STDERR_FILENO, terminalSafe(text))
    }

    /// Text ArgumentParser made (help, `--version`, completion scripts): line breaks and tabs
    /// keep their layout, everything else is sanitised like any other line.
    static func generated(_ text: String, toStandardError: Bool) {
        let safe = text.split(separator: "\t", omittingEmptySubsequences: false)
            .map { terminalSafe(String($0)) }.joined(separator: "\t")
        write(toStandardError ? STDERR_FILENO : STDOUT_FILENO, safe.hasSuffix("\n") ? safe : safe + "\n")
    }

    /// A JSON document from `JSONEncoder`, written exactly: the decoded value is the same
    /// string for string. `JSONEncoder` already escapes C0 controls (ESC becomes `\u001b`);
    /// the characters JSON may carry raw but a terminal could act on (DEL, C1 controls,
    /// bidirectional overrides, line/paragraph separators) are escaped here too.
    static func json(_ text: String) {
        write(STDOUT_FILENO, JSONEscaping.terminalSafe(text) + "\n")
    }

    /// Bytes for a data stream (`export -`), already terminal-safe JSON Lines.
    static func data(_ data: Data, to fd: Int32 = STDOUT_FILENO) throws {
        guard writeAll(fd, data) else {
            throw CLIError(description: "Could not write the output (\(String(cString: strerror(errno)))).")
        }
    }

    /// The sanitised form of `text` as the terminal will show it (line breaks kept).
    static func terminalSafe(_ text: String) -> String {
        Sanitizer.clean(text, keepNewlines: true)
    }

    /// Whether standard error is a terminal (progress is rewritten in place there).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Progress on a terminal: one line rewritten in place. Our own control codes (carriage
    /// return, erase line) frame text that was sanitised first.
    static func progressLine(_ text: String) {
        let width = terminalWidth(STDERR_FILENO)
        var safe = Sanitizer.clean(text)
        if safe.count >= width { safe = String(safe.prefix(max(1, width - 1))) }
        write(STDERR_FILENO, "\r\u{1B}[K" + safe)
    }

    /// Clears the progress line, so that the next line starts clean.
    static func clearProgress() {
        write(STDERR_FILENO, "\r\u{1B}[K")
    }

    static func terminalWidth(_ fd: Int32) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return Int(size.ws_col) }
        return 80
    }

    private static func write(_ fd: Int32, _ text: String) {
        _ = writeAll(fd, Data(text.utf8))
    }

    /// Writes all bytes, retrying short writes and interruptions. A closed or failing stream
    /// loses the text but never stops the command (unlike `FileHandle.write`, which traps).
    @discardableResult
    private static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard var base = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                left -= n
                base += n
            }
            return true
        }
    }
}

/// This module's `print`: the same call as the standard library's, routed through `Output`,
/// so that every printed line is sanitised.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator)
    if terminator == "\n" {
        Output.line(text)
    } else {
        Output.partialLine(text + terminator)
    }
}

/// Escapes, inside JSON text, what a terminal could act on but JSON allows raw.
enum JSONEscaping {
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                // Such characters can only stand inside JSON strings, where \uXXXX means them.
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20: return false  // JSONEncoder escapes these itself; newlines of pretty printing stay
        case 0x7F, 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
