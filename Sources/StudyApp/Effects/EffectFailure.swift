import StudyEngine
import StudyHTTP
import StudyModel
import StudyStore

/// Why an effect failed, as a value: the frontend turns it into words for the student (in
/// StudyTUI, `FailureText`), and the reducer decides from it what to reset or retry.
public enum AppError: Error, Equatable, Sendable {
    /// The storage backend refused or could not answer.
    case store(StoreError)
    /// The study engine refused the document or an option.
    case engine(EngineError)
    /// A network exchange produced no response.
    case transport(TransportError)
    /// The input was refused before anything was written.
    case validation(ValidationError)
    /// A file to add to the library was refused (not UTF-8, empty, too large, a folder…).
    case importer(ImportError)
    /// The room rules refused: a private room of which the user is not a member, a member
    /// change by someone other than the creator, a status change by someone other than the
    /// organizer, or a move the status rules do not allow. The text says why and what to do.
    case refused(String)
    /// Running a message's code on JDoodle failed (not configured, credentials, credits,
    /// language, timeout); the message says what to do.
    case codeRun(CodeRunError)
    /// `:join NAME` named no room.
    case noSuchRoom(name: String)
    /// The document was removed from the library meanwhile.
    case documentGone
    /// The document gave no questions; `note` is the engine's reason, when it gave one.
    case nothingToAsk(note: String?)
    /// A local file (outbox, saved exam) could not be read or written.
    case file(path: String, reason: String)
    /// Anything else, described by the error itself.
    case unexpected(String)

    /// Sorts any thrown error into one of the cases above.
    public init(_ error: any Error) {
        switch error {
        case let error as AppError: self = error
        case let error as StoreError: self = .store(error)
        case let error as EngineError: self = .engine(error)
        case let error as TransportError: self = .transport(error)
        case let error as ValidationError: self = .validation(error)
        case let error as ImportError: self = .importer(error)
        case let error as RoomAccessError: self = .refused(error.message)
        case let error as CodeRunError: self = .codeRun(error)
        default: self = .unexpected(String(describing: error))
        }
    }

    /// True when trying again cannot help: the backend refused the input itself.
    public var isPermanent: Bool {
        switch self {
        case .validation, .store(.invalid), .refused: return true
        default: return false
        }
    }
}

/// A failed effect: what was being done, and why it failed.
public struct EffectFailure: Equatable, Sendable {
    /// What was being done, one case per kind of effect that can fail.
    public enum Operation: Equatable, Sendable {
        case loadRooms, loadReadMarks, countUnread, loadOutbox
        case loadHistory(HistoryDirection)
        case sendMessage
        case saveOutbox(path: String)
        case joinRoom, createRoom, leaveRoom
        case inviteMember, removeMember
        case runCode
        case loadPlans, scheduleMeeting, createProject, moveMeeting, moveProject, loadReminders
        case loadLibrary, loadDocument
        case importFile(path: String)
        case deleteDocument(id: String, title: String)
        case loadSummaries, saveRating, loadExams, loadAttempts, loadTemplates
        case summarize, makeExam, recordTemplateUse, recordAttempt
        case loadExamProgress, saveExamProgress, loadReadingPositions
    }

    public var operation: Operation
    public var error: AppError

    public init(_ operation: Operation, _ error: AppError) {
        self.operation = operation
        self.error = error
    }
}
