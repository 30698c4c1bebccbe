import Foundation
import Logging
import StudyConfig

/// Logs go to a file under $XDG_STATE_HOME, never to the terminal the UI draws on.
enum LoggingSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(_ settings: Settings) {
        guard !done else { return }
        done = true
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        let path = settings.paths.logFile
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, path: path)
            handler.logLevel = level
            return handler
        }
    }
}

/// A minimal swift-log handler appending lines to one file (created 0600).
struct FileLogHandler: LogHandler {
    let label: String
    let path: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(Date()) \(event.level) \(label): \(event.message)\n"
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.withCString { write(fd, $0, strlen($0)) }
    }
}
