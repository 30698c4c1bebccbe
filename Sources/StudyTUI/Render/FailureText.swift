import StudyApp
import StudyStore

/// The one place where a failed effect is put into words for the student.
///
/// The core reports failures as values (`EffectFailure`: what was being done and a typed
/// `AppError`); the texts are written here, so they read alike everywhere and can change
/// without touching the core.
public enum FailureText {
    /// The status-line text of a notice: its own text, or the words for its failure.
    public static func text(of notice: Notice) -> String {
        notice.failure.map(message) ?? notice.text
    }

    /// "Could not load the library: …", or "Message not sent: …" for a message.
    public static func message(_ failure: EffectFailure) -> String {
        let reason = describe(failure.error)
        if case .sendMessage = failure.operation { return "Message not sent: \(reason)" }
        return "Could not \(doing(failure.operation)): \(reason)"
    }

    /// What was being done, after "Could not".
    static func doing(_ operation: EffectFailure.Operation) -> String {
        switch operation {
        case .loadRooms: return "load the rooms"
        case .loadReadMarks: return "read where rooms were last read"
        case .countUnread: return "count unread messages"
        case .loadHistory: return "load messages"
        case .loadOutbox: return "read the outbox"
        case .sendMessage: return "send the message"
        case let .saveOutbox(path): return "save the outbox to \(path)"
        case .joinRoom: return "join the room"
        case .createRoom: return "create the room"
        case .leaveRoom: return "leave the room"
        case .runCode: return "run the code"
        case .inviteMember: return "invite the member"
        case .removeMember: return "remove the member"
        case .loadPlans: return "load the room's meetings and projects"
        case .scheduleMeeting: return "schedule the meeting"
        case .createProject: return "create the project"
        case .moveMeeting: return "change the meeting's status"
        case .moveProject: return "change the project's status"
        case .loadReminders: return "check for upcoming meetings"
        case .loadLibrary: return "load the library"
        case .loadDocument: return "open the document"
        case let .importFile(path): return "add \(path)"
        case let .deleteDocument(_, title): return "delete “\(title)”"
        case .loadSummaries: return "load summaries"
        case .saveRating: return "save the rating"
        case .loadExams: return "load exams"
        case .loadAttempts: return "load past scores"
        case .loadTemplates: return "load templates"
        case .summarize: return "summarise the document"
        case .makeExam: return "generate the exam"
        case .recordTemplateUse: return "count the template's use"
        case .recordAttempt: return "record the attempt"
        case .loadExamProgress: return "read the saved exam"
        case .saveExamProgress: return "save the exam in progress"
        case .loadReadingPositions: return "read where documents were last read"
        }
    }

    /// Why it failed, in words a student can act on.
    public static func describe(_ error: AppError) -> String {
        switch error {
        case let .store(error): return error.description
        case let .engine(error): return error.description
        case let .transport(error): return error.description
        case let .validation(error): return error.description
        case let .importer(error): return error.description
        case let .noSuchRoom(name): return "There is no room named '\(name)'; create it with :room new \(name)"
        case .documentGone: return "the document is no longer in the library"
        case let .nothingToAsk(note): return note ?? "the document has too little text to ask questions about"
        case let .file(path, reason): return "\(path): \(reason)"
        case let .refused(reason): return reason
        case let .codeRun(error): return error.message
        case let .unexpected(description): return description
        }
    }
}
