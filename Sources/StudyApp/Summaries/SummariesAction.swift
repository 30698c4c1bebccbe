import StudyModel

/// What happens in the Summaries pane (generating one is `GenerateAction`).
public enum SummariesAction: Equatable, Sendable {
    case loaded(contentId: String, summaries: [Summary])
    /// `r` then 1-5, or `:rate N`: rates the selected summary.
    case rate(score: Int)
    case updated(Summary)
    /// The document was deleted: the pane forgets it (and shows the next selected document's
    /// summaries when it is focused).
    case documentDeleted(contentId: String)
}
