import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a password without echoing it: from `STUDYCIRCLE_PASSWORD` when set (scripts),
/// else from the terminal with echo off, else one line of standard input.
enum PasswordPrompt {
    static func read(prompt: String, environment: [String: String]) throws -> String {
        if let fromEnv = environment["STUDYCIRCLE_PASSWORD"], !fromEnv.isEmpty { return fromEnv }
        if StandardInput.wasClosed {
            throw CLIError(description: "No password was given and standard input is closed. Set STUDYCIRCLE_PASSWORD for scripts, or run the command in a terminal.")
        }
        let interactive = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if interactive {
            // Echo goes off before the prompt shows, so nothing typed as soon as it appears is
            // echoed; TCSANOW keeps what was already typed instead of discarding it.
            tcgetattr(STDIN_FILENO, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
            Output.prompt(prompt)
        }
        defer {
            if interactive {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                Output.prompt("\n")
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CLIError(description: "No password was given. Type it when asked, or set STUDYCIRCLE_PASSWORD for scripts.")
        }
        return line
    }

    /// Asks twice for a new password and checks both match.
    /// `variable` names the environment variable scripts set it in.
    static func readNew(environment: [String: String], variable: String = "STUDYCIRCLE_PASSWORD") throws -> String {
        if let fromEnv = environment[variable], !fromEnv.isEmpty { return fromEnv }
        let first = try read(prompt: "New password: ", environment: [:])
        if isatty(STDIN_FILENO) == 1 {
            let second = try read(prompt: "Repeat the password: ", environment: [:])
            guard first == second else { throw CLIError(description: "The two passwords differ; nothing was changed.") }
        }
        return first
    }
}

/// Asks a yes/no question on the terminal (standard input is read here and in
/// `PasswordPrompt` only, so the lint in `CLIOutputTests` can keep every other read honest).
enum ConfirmPrompt {
    /// True only when the student typed `yes`.
    static func yes(_ question: String) -> Bool {
        Output.prompt(question)
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }
}
