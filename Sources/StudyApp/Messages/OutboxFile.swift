import Foundation
import StudyModel

/// The outbox on disk, so a message typed while the backend was unreachable survives a restart.
///
/// Saves are numbered by the caller in the order the reducer asked for them; a save that lost
/// the race to a newer one is skipped, so the file always ends as the latest outbox.
public actor OutboxFile {
    public let path: String
    private var lastWritten = -1

    public init(path: String) { self.path = path }

    /// The saved messages; an absent file is an empty outbox.
    public func load() throws -> [Message] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if data.isEmpty { return [] }
        return try JSONDecoder().decode([Message].self, from: data)
    }

    /// Writes the outbox atomically (temporary file and rename); an empty outbox removes the file.
    public func save(_ messages: [Message], sequence: Int) throws {
        guard sequence > lastWritten else { return }
        lastWritten = sequence
        if messages.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        // 0600: unsent messages are the student's own words.
        try PrivateFile.write(try JSONEncoder().encode(messages), to: path)
    }
}
