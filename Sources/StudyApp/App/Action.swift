import StudyModel

/// Everything that can happen: what the user asks for, and what effects report back.
///
/// App-wide actions (lifecycle, focus and navigation between panes, notices, failures) are
/// cases of their own; everything else is scoped to the feature it belongs to, and each feature
/// reducer switches over its own action exhaustively, so a new case cannot be forgotten.
public enum Action: Equatable, Sendable {
    // Lifecycle.
    /// Loads what the first screen shows: the rooms and the newest page of the room that opens
    /// (one effect, `Effect.loadFirstScreen`). Everything else waits for `startDeferred`.
    case start
    /// The first screen is on the terminal: loads the rest (library, outbox, read marks, the
    /// saved exam, reading positions, reminders). `AppStore` sends it once, after the
    /// frontend's first frame (or at once for frontends that do not wait for one).
    case startDeferred
    /// Quits at once (the frontend decides when; the user's keys use `requestQuit`).
    case quit
    /// `q`, `:quit` or Ctrl-C: quits, or first asks when work would be lost (an exam being
    /// taken, or `draft`: a half-typed message). Asked again while asking, it quits.
    case requestQuit(draft: Bool)
    /// The answer to the quit question.
    case answerQuit(Bool)

    // Navigation between and within panes.
    case focus(Pane)
    case focusNext
    case focusPrevious
    /// Moves the selection (or scrolls the text) of the focused pane by `n` rows.
    case move(Int)
    case moveToTop
    case moveToBottom
    /// Enter: open what is selected.
    case activate
    /// Esc: close what is open, or return to the newest messages.
    case back
    /// `/` in the focused pane; nil or empty clears the search.
    case search(String?)
    case dismissNotice
    case showNotice(Notice)
    /// An effect failed: what was being done and why. Resets only that effect's loading flag.
    case failed(EffectFailure)

    // Features.
    case rooms(RoomsAction)
    case messages(MessagesAction)
    case plans(PlansAction)
    case library(LibraryAction)
    case summaries(SummariesAction)
    case exams(ExamsAction)
    case examSession(ExamSessionAction)
    case generate(GenerateAction)
}
