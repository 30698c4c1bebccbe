import StudyModel
import StudyStore

/// What happens in the Library pane: the document list, categories, the reader and imports.
public enum LibraryAction: Equatable, Sendable {
    case loaded(requestId: Int, items: [DocumentSummary], next: PageCursor?, append: Bool)
    case setCategory(String?)
    case cycleCategory
    case documentLoaded(Content)
    /// Sets the first line shown by the reader in the focused pane.
    case scrollText(toLine: Int)
    /// `/` in the reader: highlights `query` and shows the matching line (nil `line`: not found;
    /// nil `query` clears the search).
    case findInDocument(query: String?, line: Int?)
    /// Reading positions saved by earlier runs.
    case readingPositionsLoaded([String: Int])
    case importFile(path: String)
    case imported(Content)
    /// `:add` of a file whose text the user already has in the library: nothing was stored.
    case alreadyInLibrary(Content)
    /// `d` or Delete: asks to delete the selected (or open) document. Only its owner may; anyone
    /// else is told so before any question.
    case requestDelete
    /// The answer to the delete question.
    case answerDelete(Bool)
    /// The document is gone, with its summaries and exams.
    case deleted(DocumentDeletion)
}
