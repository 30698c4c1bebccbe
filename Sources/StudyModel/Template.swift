/// A reusable summary and/or exam configuration, private or public.
public struct Template: Codable, Sendable, Hashable, Identifiable {
    public enum TemplateType: String, StoredEnum { case summary, exam, both }

    public struct SummaryConfig: Codable, Sendable, Hashable {
        public var summaryType: Summary.SummaryType
        public var style: Summary.Style
        public var sentences: Int?
        public init(summaryType: Summary.SummaryType = .brief, style: Summary.Style = .academic, sentences: Int? = nil) {
            self.summaryType = summaryType
            self.style = style
            self.sentences = sentences
        }
    }

    /// How often the template was applied.
    public struct Usage: Codable, Sendable, Hashable {
        public var count: Int
        public var lastUsedAt: Timestamp?
        public init(count: Int = 0, lastUsedAt: Timestamp? = nil) {
            self.count = count
            self.lastUsedAt = lastUsedAt
        }
    }

    /// Ratings as a bounded aggregate.
    public struct Ratings: Codable, Sendable, Hashable {
        public var count: Int
        public var average: Double
        public init(count: Int = 0, average: Double = 0) {
            self.count = count
            self.average = average
        }
        public mutating func add(_ score: Int) {
            average = (average * Double(count) + Double(score)) / Double(count + 1)
            count += 1
        }
        /// One user's rating replacing their earlier one (`old`), or added when they had none.
        public mutating func replace(_ old: Int?, with score: Int) {
            guard let old else { return add(score) }
            guard count > 0 else { return add(score) }
            average = (average * Double(count) - Double(old) + Double(score)) / Double(count)
        }
    }

    public var id: String
    public var name: String
    public var description: String
    public var type: TemplateType
    public var category: String
    public var summaryConfig: SummaryConfig?
    public var examConfig: Exam.Configuration?
    public var usage: Usage
    public var ratings: Ratings
    public var isPublic: Bool
    /// The creator's user id.
    public var createdBy: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String = StudyID.make(), name: String, description: String = "", type: TemplateType,
        category: String = "general", summaryConfig: SummaryConfig? = nil, examConfig: Exam.Configuration? = nil,
        usage: Usage = Usage(), ratings: Ratings = Ratings(), isPublic: Bool = false, createdBy: String,
        createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.type = type
        self.category = category
        self.summaryConfig = summaryConfig
        self.examConfig = examConfig
        self.usage = usage
        self.ratings = ratings
        self.isPublic = isPublic
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(name, field: "name", label: "Template name", max: 100)
        try Validate.text(description, field: "description", label: "Description", min: 0, max: 1000)
        try Validate.text(category, field: "category", label: "Category", max: 60)
        if type != .exam && summaryConfig == nil {
            throw ValidationError("summaryConfig", "A \(type.rawValue) template needs summary settings.")
        }
        if type != .summary && examConfig == nil {
            throw ValidationError("examConfig", "A \(type.rawValue) template needs exam settings.")
        }
    }
}
