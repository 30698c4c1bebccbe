/// A summary of one document.
public struct Summary: Codable, Sendable, Hashable, Identifiable {
    public enum SummaryType: String, StoredEnum {
        case brief, detailed
        case bulletPoints = "bullet_points"
        case keyTerms = "key_terms"
    }
    public enum Style: String, StoredEnum { case academic, casual, concise, simple }

    /// How the summary was asked for.
    public struct Configuration: Codable, Sendable, Hashable {
        public var sentences: Int?
        public var templateId: String?
        public init(sentences: Int? = nil, templateId: String? = nil) {
            self.sentences = sentences
            self.templateId = templateId
        }
    }

    /// How the summary was made.
    public struct Metadata: Codable, Sendable, Hashable {
        /// `offline` or the provider's model name.
        public var engine: String
        public var wordCount: Int
        public var processingMilliseconds: Int
        /// Set when a provider failed and the offline engine stood in.
        public var fallbackReason: String?
        public init(engine: String = "offline", wordCount: Int = 0, processingMilliseconds: Int = 0, fallbackReason: String? = nil) {
            self.engine = engine
            self.wordCount = wordCount
            self.processingMilliseconds = processingMilliseconds
            self.fallbackReason = fallbackReason
        }
    }

    /// The student's rating, 1 to 5.
    public struct Rating: Codable, Sendable, Hashable {
        public var score: Int
        public var ratedAt: Timestamp
        public init(score: Int, ratedAt: Timestamp = .now()) {
            self.score = score
            self.ratedAt = ratedAt
        }
    }

    public var id: String
    public var owner: String
    public var contentId: String
    public var summaryText: String
    public var summaryType: SummaryType
    public var style: Style
    public var configuration: Configuration
    public var metadata: Metadata
    public var rating: Rating?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String = StudyID.make(), owner: String, contentId: String, summaryText: String,
        summaryType: SummaryType = .brief, style: Style = .academic,
        configuration: Configuration = Configuration(), metadata: Metadata = Metadata(),
        rating: Rating? = nil, createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.owner = owner
        self.contentId = contentId
        self.summaryText = summaryText
        self.summaryType = summaryType
        self.style = style
        self.configuration = configuration
        self.metadata = metadata
        self.rating = rating
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(summaryText, field: "summaryText", label: "Summary text", max: 200_000)
        if let rating { try Validate.range(rating.score, 1...5, field: "rating", label: "Rating") }
    }
}
