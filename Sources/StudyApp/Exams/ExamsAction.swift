import StudyModel

/// What happens in the Exams pane (taking an exam is `ExamSessionAction`).
public enum ExamsAction: Equatable, Sendable {
    case loaded(contentId: String, exams: [Exam])
    /// Shows the selected exam's history (attempts, chart, analytics) in the main area.
    case showHistory(examId: String)
    case attemptsLoaded(examId: String, attempts: [ExamAttempt])
    /// The document was deleted: the pane forgets it (and shows the next selected document's
    /// exams when it is focused).
    case documentDeleted(contentId: String)
}
