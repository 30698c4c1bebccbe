import StudyModel

/// Taking an exam full screen, then its results.
public enum ExamSessionAction: Equatable, Sendable {
    case take(examId: String)
    /// Next (+1) or previous (-1) question; past the last one asks to submit.
    case navigate(Int)
    /// Picks option `index` (toggles it for multiple-answer questions).
    case choose(Int)
    /// Replaces the typed answer of the current fill-in question.
    case setText(String)
    case toggleFlag
    /// Asks to submit (naming unanswered questions).
    case submit
    /// Esc during the exam: asks before abandoning. On the results screen: closes them.
    case escape
    /// Answers the open confirmation.
    case confirm(Bool)
    /// A timer tick for session `sessionId`: advances the clock; at the limit, submits.
    case tick(sessionId: Int, now: Timestamp)
    /// Scrolls the results review.
    case scrollReview(Int)
    /// The exam in progress saved by an earlier run (nil: none).
    case progressLoaded(ExamProgress?)
    /// `:resume`: continues the saved exam.
    case resume
    /// The backend stored the attempt; the exam's aggregates come back updated.
    case attemptRecorded(Exam)
}
