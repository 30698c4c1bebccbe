import ArgumentParser
import Foundation
import Logging
import StudyConfig
import StudyModel

/// Logs go to `$XDG_STATE_HOME/studycircle/studycircle.log` (mode 0600), never to the
/// terminal the UI draws on. `STUDYCIRCLE_LOG_LEVEL` picks the level (trace … critical).
enum LoggingSetup {
    nonisolated(unsafe) private static var done = false
    /// The settings `bootstrapFromEnvironment` loaded (no flags), kept so that a command without
    /// flags (the app's start) does not read `.env` and `config.toml` a second time.
    nonisolated(unsafe) private(set) static var settingsWithoutFlags: Settings?

    /// Called first thing in `main`, before the command runs: the level and place come from
    /// the environment, `.env` and `config.toml` (flags cannot change them). A configuration
    /// that does not load still gets a log at the default level; the command then reports
    /// the configuration problem itself.
    static func bootstrapFromEnvironment() {
        let environment = ProcessEnvironment.variables
        if let settings = try? SettingsLoader().load() {
            settingsWithoutFlags = settings
            bootstrap(level: settings.logLevel, path: settings.paths.logFile, secrets: secrets(in: settings.variables))
            // What the command will work with, never a secret (only whether a key is set).
            CommandLog.logger.debug("""
                settings: backend \(settings.dbType.rawValue), database \(settings.sqlitePath), \
                endpoint \(settings.endpoint ?? "default"), region \(settings.region ?? "default"), \
                table prefix \(settings.tablePrefix), user \(settings.username), \
                provider \(settings.provider.map { "\($0.url) (\($0.model), key \($0.apiKey.isEmpty ? "not set" : "set"))" } ?? "none"), \
                log \(settings.paths.logFile) at \(settings.logLevel)
                """)
        } else {
            bootstrap(level: "info", path: Paths(environment: environment).logFile, secrets: secrets(in: environment))
        }
    }

    /// Kept for callers that load settings themselves; the first bootstrap wins.
    static func bootstrap(_ settings: Settings) {
        bootstrap(level: settings.logLevel, path: settings.paths.logFile, secrets: secrets(in: settings.variables))
    }

    private static func bootstrap(level: String, path: String, secrets: [String]) {
        guard !done else { return }
        done = true
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, path: path, secrets: secrets)
            handler.logLevel = logLevel
            return handler
        }
    }

    /// Values that must never appear in the log: passwords, API keys, AWS secrets.
    static func secrets(in variables: [String: String]) -> [String] {
        let keys = ["STUDYCIRCLE_PASSWORD", "STUDYCIRCLE_LLM_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                    "AWS_ACCESS_KEY_ID", "OPENAI_API_KEY"]
        return keys.compactMap { variables[$0] }.filter { $0.count >= 3 }
    }
}

/// What every command logs: which command started, how it ended, and its error message.
enum CommandLog {
    static var logger: Logger { Logger(label: "studycircle") }

    nonisolated(unsafe) private static var startTime = Date()

    static func started(_ command: ParsableCommand.Type) {
        startTime = Date()
        logger.info("command \(name(of: command)) started (pid \(getpid()), version \(StudyCircleVersion.current))")
        logger.trace("arguments: \(CommandLine.arguments.count - 1)")
    }

    /// `studycircle.RoomCommand.Post` → `room post`. From `_typeName`, not `String(reflecting:)`:
    /// that one first asks the runtime whether the metatype conforms to three printing
    /// protocols, and each question scans every conformance record of the (static) binary,
    /// about 1.5 ms of the app's start (issue 13).
    static func name(of command: Any.Type) -> String {
        _typeName(command, qualified: true).split(separator: ".").dropFirst().map { part in
            let word = part.hasSuffix("Command") ? part.dropLast("Command".count) : part
            return word.lowercased()
        }.joined(separator: " ")
    }

    static func finished(status: Int32, message: String = "") {
        let ms = Int(Date().timeIntervalSince(startTime) * 1000)
        if status == 0 {
            logger.info("command finished in \(ms) ms")
        } else {
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? ""
            logger.error("command failed with exit code \(status) after \(ms) ms\(firstLine.isEmpty ? "" : ": " + firstLine)")
        }
    }
}

/// A minimal swift-log handler appending lines to one file (created 0600, folder 0700).
/// Lines are sanitised (no escape sequence reaches whoever reads the log in a terminal) and
/// any configured secret is replaced by `***`.
struct FileLogHandler: LogHandler {
    let label: String
    let path: String
    var secrets: [String] = []
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        let details = fields.isEmpty ? "" : " " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        var text = "\(event.message)\(details)"
        for secret in secrets { text = text.replacingOccurrences(of: secret, with: "***") }
        // Timestamp's own UTC form: no date formatter (and no time-zone database) on the start-up path.
        let stamp = Timestamp.now().iso8601
        let line = "\(stamp) \(event.level) \(label): \(Sanitizer.clean(text))\n"
        // The folder is made only when the file cannot be opened without it: FileManager on every
        // line cost the app's start ~0.3 ms (issue 13).
        var fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 && errno == ENOENT {
            let dir = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.withCString { write(fd, $0, strlen($0)) }
    }
}
