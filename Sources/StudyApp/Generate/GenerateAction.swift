import StudyModel

/// The generate dialog of the Summaries and Exams panes, and what generation reports back.
public enum GenerateAction: Equatable, Sendable {
    /// Opens the dialog for a summary of the document.
    case summary(contentId: String)
    /// Opens the dialog for an exam on the document.
    case exam(contentId: String)
    /// Moves the dialog's highlighted row.
    case move(Int)
    /// Changes the highlighted row's value (←/→).
    case adjust(Int)
    /// Space: toggles a question type (or steps the value of other rows).
    case toggle
    /// Enter: generate with the dialog's settings.
    case submit
    case cancel
    case templatesLoaded([Template])
    /// A generated summary, stored; `fallbackReason` says why the offline engine stood in.
    case summaryGenerated(Summary, fallbackReason: String?)
    case examGenerated(Exam, fallbackReason: String?)
}
