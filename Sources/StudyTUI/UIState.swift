import StudyApp

/// What only the terminal frontend keeps: input modes, line editors, caches of laid-out text.
public struct UIState: Sendable {
    public enum Mode: Equatable, Sendable {
        case normal
        /// Typing a `:` command.
        case command
        /// Typing a `/` search for the focused pane.
        case search
        /// `r` was pressed in Summaries: the next digit is the rating.
        case rate
    }

    public var mode: Mode = .normal
    public var helpVisible = false
    public var helpTop = 0
    /// The Messages pane's input line.
    public var message = LineEditor()
    public var command = LineEditor()
    public var search = LineEditor()
    /// Laid-out reader text for (document, width); rebuilt only when either changes.
    var readerCache: TextCache?
    var summaryCache: TextCache?
    /// The side panes of the last frame, copied when unchanged.
    var panes = PaneSnapshots()
    /// The message history of the last frame, which PgUp measures instead of laying it out again.
    var drawnHistory: DrawnHistory?

    public init() {}
}

/// Wrapped lines of one text at one width.
struct TextCache: Sendable {
    var id: String
    var width: Int
    var lines: [StyledLine]
}
