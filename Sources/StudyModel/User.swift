/// A person using StudyCircle. `password` holds only a salted slow hash, never the plain text.
public struct User: Codable, Sendable, Hashable, Identifiable {
    public enum Role: String, StoredEnum { case student, teacher, admin }
    public enum SubscriptionPlan: String, StoredEnum {
        case free, basic, premium
        /// Provider (LLM) calls allowed per calendar month.
        public var monthlyQuota: Int {
            switch self {
            case .free: return 50
            case .basic: return 500
            case .premium: return 5000
            }
        }
    }

    /// Per-user settings the apps share.
    public struct Preferences: Codable, Sendable, Hashable {
        public var theme: String?
        public var defaultSummaryType: String?
        public var language: String?
        public init(theme: String? = nil, defaultSummaryType: String? = nil, language: String? = nil) {
            self.theme = theme
            self.defaultSummaryType = defaultSummaryType
            self.language = language
        }
    }

    /// Provider calls counted per month (`yyyy-MM`), so the quota resets by itself.
    public struct APIUsage: Codable, Sendable, Hashable {
        public var month: String
        public var requests: Int
        public var totalRequests: Int
        public init(month: String = "", requests: Int = 0, totalRequests: Int = 0) {
            self.month = month
            self.requests = requests
            self.totalRequests = totalRequests
        }
    }

    public var id: String
    public var username: String
    public var email: String
    /// The password hash in `$pbkdf2-sha256$...` form; empty for a local passwordless user.
    public var password: String
    public var role: Role
    public var subscriptionPlan: SubscriptionPlan
    public var preferences: Preferences
    public var apiUsage: APIUsage
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String = StudyID.make(), username: String, email: String, password: String = "",
        role: Role = .student, subscriptionPlan: SubscriptionPlan = .free,
        preferences: Preferences = Preferences(), apiUsage: APIUsage = APIUsage(),
        createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.password = password
        self.role = role
        self.subscriptionPlan = subscriptionPlan
        self.preferences = preferences
        self.apiUsage = apiUsage
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Throws the first rule this user breaks.
    public func validate() throws {
        try Validate.username(username)
        try Validate.email(email)
    }
}
