import Foundation
import Glibc
import StudyEngine
import StudyModel

/// An exam being taken, as saved on disk so that quitting (or a crash, or a closed terminal)
/// does not lose the answers: the next start offers `:resume`, and taking the same exam again
/// continues it.
public struct ExamProgress: Codable, Equatable, Sendable {
    public var exam: Exam
    /// The question shown (0-based).
    public var index: Int
    public var responses: [String: QuestionResponse]
    /// Time already spent, so a timed exam keeps the time it had left.
    public var elapsedMilliseconds: Int64

    public init(exam: Exam, index: Int, responses: [String: QuestionResponse], elapsedMilliseconds: Int64) {
        self.exam = exam
        self.index = index
        self.responses = responses
        self.elapsedMilliseconds = max(0, elapsedMilliseconds)
    }

    /// The progress of a session still being answered; nil for no session or one already submitted.
    public init?(_ session: ExamSession?, now: Timestamp) {
        guard let session, session.result == nil else { return nil }
        let elapsed = max(now, session.now).millisecondsSince1970 - session.startedAt.millisecondsSince1970
        self.init(exam: session.exam, index: session.index, responses: session.responses, elapsedMilliseconds: elapsed)
    }

    /// True when the answers differ (the clock alone does not count as a change worth saving).
    func sameAnswers(as other: ExamProgress?) -> Bool {
        guard let other else { return false }
        return exam.id == other.exam.id && index == other.index && responses == other.responses
    }
}

/// The saved exam in progress: one file per backend and user, beside the outbox, 0600.
public enum ExamProgressFile {
    /// The saved progress; a missing or unreadable file means none.
    public static func load(path: String) -> ExamProgress? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(ExamProgress.self, from: data)
    }

    /// Saves the progress, or removes the file when there is none.
    public static func save(_ progress: ExamProgress?, path: String) throws {
        guard let progress else {
            if unlink(path) != 0 && errno != ENOENT {
                throw PrivateFileError(path: path, reason: String(cString: strerror(errno)))
            }
            return
        }
        try PrivateFile.write(try JSONEncoder().encode(progress), to: path)
    }
}

/// Where the student stopped reading each document (first line shown), kept across runs.
public enum ReadingPositionsFile {
    public static func load(path: String) -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: path),
              let positions = try? JSONDecoder().decode([String: Int].self, from: data) else { return [:] }
        return positions.filter { $0.value >= 0 }
    }

    public static func save(_ positions: [String: Int], path: String) throws {
        try PrivateFile.write(try JSONEncoder().encode(positions), to: path)
    }
}

extension AppSettings {
    /// The saved exam in progress, beside the outbox (`exam-<id>.json`).
    public var examProgressPath: String? { siblingOfOutbox("exam") }
    /// Reading positions in documents, beside the outbox (`reading-<id>.json`).
    public var readingPositionsPath: String? { siblingOfOutbox("reading") }
}
