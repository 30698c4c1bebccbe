import Foundation
import StudyModel

/// The outbox on disk, so a message typed while the backend was unreachable survives a restart.
///
/// The runner writes it through one `SerialJobs`, so saves never overlap and the file always
/// ends as the latest outbox asked for.
public struct OutboxFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The saved messages; an absent file is an empty outbox.
    public func load() throws -> [Message] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if data.isEmpty { return [] }
        return try JSONDecoder().decode([Message].self, from: data)
    }

    /// Writes the outbox atomically (temporary file and rename); an empty outbox removes the file.
    public func save(_ messages: [Message]) throws {
        if messages.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        // 0600: unsent messages are the student's own words.
        try PrivateFile.write(try JSONEncoder().encode(messages), to: path)
    }
}
