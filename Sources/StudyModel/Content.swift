/// A study document in the library.
public struct Content: Codable, Sendable, Hashable, Identifiable {
    public enum ContentType: String, StoredEnum { case text, markdown, pdf, note }
    public enum Status: String, StoredEnum { case active, processing, archived }

    /// Facts about where the text came from.
    public struct SourceMetadata: Codable, Sendable, Hashable {
        public var fileName: String?
        public var fileSize: Int?
        public var wordCount: Int
        public var characterCount: Int
        public var language: String?
        public init(fileName: String? = nil, fileSize: Int? = nil, wordCount: Int = 0, characterCount: Int = 0, language: String? = nil) {
            self.fileName = fileName
            self.fileSize = fileSize
            self.wordCount = wordCount
            self.characterCount = characterCount
            self.language = language
        }
    }

    /// How often the document was used.
    public struct Usage: Codable, Sendable, Hashable {
        public var views: Int
        public var summariesGenerated: Int
        public var examsGenerated: Int
        public init(views: Int = 0, summariesGenerated: Int = 0, examsGenerated: Int = 0) {
            self.views = views
            self.summariesGenerated = summariesGenerated
            self.examsGenerated = examsGenerated
        }
    }

    /// The longest text a document may hold (about 4 MB of UTF-8 stays far below every limit
    /// once split; the DynamoDB backend stores long text in chunks).
    public static let maxSourceBytes = 8 * 1024 * 1024

    public var id: String
    public var title: String
    /// The owner's user id.
    public var owner: String
    public var contentType: ContentType
    public var sourceText: String
    public var filePath: String?
    public var category: String
    public var sourceMetadata: SourceMetadata
    public var usage: Usage
    public var status: Status
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String = StudyID.make(), title: String, owner: String, contentType: ContentType = .text,
        sourceText: String, filePath: String? = nil, category: String = "general",
        sourceMetadata: SourceMetadata? = nil, usage: Usage = Usage(), status: Status = .active,
        createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.contentType = contentType
        self.sourceText = sourceText
        self.filePath = filePath
        self.category = category
        self.sourceMetadata = sourceMetadata ?? SourceMetadata(
            wordCount: sourceText.split(whereSeparator: { $0.isWhitespace }).count,
            characterCount: sourceText.count)
        self.usage = usage
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(title, field: "title", label: "Title", max: 200)
        try Validate.text(category, field: "category", label: "Category", max: 60)
        try Validate.text(owner, field: "owner", label: "Owner", max: 64)
        if sourceText.utf8.count > Content.maxSourceBytes {
            throw ValidationError("sourceText", "The document is \(sourceText.utf8.count / 1_048_576) MB; documents may be at most \(Content.maxSourceBytes / 1_048_576) MB. Split it into parts.")
        }
    }
}
