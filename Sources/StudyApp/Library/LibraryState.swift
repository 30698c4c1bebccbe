import StudyModel
import StudyStore

/// What the library list shows of a document (the text is loaded only when it is opened).
public struct DocumentSummary: Equatable, Sendable {
    public var id: String
    public var title: String
    public var category: String
    /// The owner's user id: only the owner may delete the document.
    public var owner: String
    public var contentType: Content.ContentType
    public var wordCount: Int
    public var createdAt: Timestamp

    public init(_ content: Content) {
        id = content.id
        title = content.title
        category = content.category
        owner = content.owner
        contentType = content.contentType
        wordCount = content.sourceMetadata.wordCount
        createdAt = content.createdAt
    }
}

/// The Library pane's list.
public struct LibraryState: Equatable, Sendable {
    public var items: [DocumentSummary] = []
    /// Where the next page starts; nil when all pages are loaded.
    public var next: PageCursor?
    public var selected = 0
    public var category: String?
    public var query: String?
    /// Categories seen so far, sorted; `c` cycles through them.
    public var categories: [String] = []
    public var loading = false
    public var loaded = false
    /// Identifies the current list; results of an older request are dropped.
    public var requestId = 0
    /// The document the student asked to delete, while "Delete …? y/n" is shown.
    public var pendingDeletion: PendingDeletion?

    public var selectedItem: DocumentSummary? { items.indices.contains(selected) ? items[selected] : nil }
}

/// A delete waiting for the student's yes or no.
public struct PendingDeletion: Equatable, Sendable {
    public var documentId: String
    public var title: String

    public init(documentId: String, title: String) {
        self.documentId = documentId
        self.title = title
    }
}

/// A document open for reading.
public struct ReaderState: Equatable, Sendable {
    public var documentId: String
    public var title: String
    public var contentType: Content.ContentType
    public var text: String
    /// First line shown (after wrapping to the pane's width).
    public var top: Int
    /// What `/` searched for in this document (highlighted; `n`/`N` go to the next and previous line).
    public var searchQuery: String?
    /// The line of the current match.
    public var matchLine: Int?
    /// The owner's user id, when known: only the owner may delete the document.
    public var owner: String?

    public init(documentId: String, title: String, contentType: Content.ContentType, text: String, top: Int) {
        self.documentId = documentId
        self.title = title
        self.contentType = contentType
        self.text = text
        self.top = top
    }
}
