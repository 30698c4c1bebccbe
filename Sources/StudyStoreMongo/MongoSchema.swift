import StudyModel
import StudyStore

/// The collections of one deployment, named as the web app's Mongoose models name them, each
/// overridable (like the DynamoDB table mapping), and the indexes `setup` creates.
public struct MongoSchema: Sendable, Equatable {
    public var users = "users"
    public var contents = "contents"
    public var summaries = "summaries"
    public var exams = "exams"
    /// Ours: one document per attempt, so an exam stays small however often it is taken.
    public var examAttempts = "examattempts"
    public var templates = "templates"
    /// Ours: one document per (template, user) rating, so each user counts once.
    public var templateRatings = "templateratings"
    public var chatrooms = "chatrooms"
    public var messages = "messages"
    public var meetings = "meetings"
    public var projects = "projects"

    public init() {}

    /// The logical names that `mongodb.collections.<name>` / `MONGODB_COLLECTION_<NAME>` may remap.
    public static let logicalNames = ["users", "contents", "summaries", "exams", "examattempts", "templates", "templateratings",
                                      "chatrooms", "messages", "meetings", "projects"]

    /// The schema with some collections renamed (`["chatrooms": "ChatRooms"]`); unknown names are refused.
    public init(overrides: [String: String]) throws {
        self.init()
        for (logical, actual) in overrides {
            guard Self.valid(actual) else {
                throw StoreError.unavailable("'\(actual)' cannot be a MongoDB collection name (for \(logical)): use letters, digits, '_', '-' and '.'.")
            }
            switch logical.lowercased() {
            case "users": users = actual
            case "contents", "content": contents = actual
            case "summaries": summaries = actual
            case "exams": exams = actual
            case "examattempts", "exam-attempts", "attempts": examAttempts = actual
            case "templates": templates = actual
            case "templateratings", "template-ratings", "ratings": templateRatings = actual
            case "chatrooms", "rooms", "chat-rooms": chatrooms = actual
            case "messages": messages = actual
            case "meetings": meetings = actual
            case "projects": projects = actual
            default:
                throw StoreError.unavailable("'\(logical)' is not a StudyCircle collection; use one of \(Self.logicalNames.joined(separator: ", ")).")
            }
        }
    }

    static func valid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 120 && !name.hasPrefix("system.")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }

    /// One index: its name, keys in order (1, -1 or "text") and options.
    public struct Index: Sendable, Equatable {
        public var name: String
        public var keys: [(String, BSON)]
        public var unique = false
        public var sparse = false
        /// Only documents where this field exists are indexed (partialFilterExpression).
        public var partialOn: String?

        public static func == (a: Index, b: Index) -> Bool {
            a.name == b.name && a.unique == b.unique && a.sparse == b.sparse && a.partialOn == b.partialOn
        }

        var document: BSONDocument {
            var doc: BSONDocument = ["key": .document(BSONDocument(keys)), "name": .string(name)]
            if unique { doc["unique"] = .bool(true) }
            if sparse { doc["sparse"] = .bool(true) }
            if let partialOn { doc["partialFilterExpression"] = .document([partialOn: .document(["$exists": .bool(true)])]) }
            return doc
        }
    }

    /// Every collection with its indexes, equivalent to the seeds' GSIs plus the unique keys
    /// and the library's search indexes.
    public var collections: [(name: String, indexes: [Index])] {
        let up: BSON = .int32(1), down: BSON = .int32(-1)
        func ix(_ name: String, _ keys: [(String, BSON)], unique: Bool = false, sparse: Bool = false, partialOn: String? = nil) -> Index {
            Index(name: name, keys: keys, unique: unique, sparse: sparse, partialOn: partialOn)
        }
        return [
            (users, [ix("EmailIndex", [("email", up)]), ix("UsernameIndex", [("username", up)]),
                     // Case-insensitive uniqueness: the lowercased, NFC-normalised forms.
                     ix("EmailKeyUnique", [("emailKey", up)], unique: true, sparse: true),
                     ix("UsernameKeyUnique", [("usernameKey", up)], unique: true, sparse: true)]),
            (contents, [ix("OwnerIndex", [("owner", up), ("createdAt", down)]),
                        ix("CategoryIndex", [("category", up), ("createdAt", down)]),
                        ix("CreatedAtIndex", [("createdAt", down)]),
                        ix("SearchTermsIndex", [("searchTerms", up)]),
                        ix("TextIndex", [("title", .string("text")), ("sourceText", .string("text"))]),
                        // One owner, one copy of a text; documents stored without a hash (by other tools) are not indexed.
                        ix("OwnerHashUnique", [("owner", up), ("contentHash", up)], unique: true, partialOn: "contentHash")]),
            (summaries, [ix("OwnerIndex", [("owner", up), ("createdAt", down)]),
                         ix("ContentIndex", [("contentId", up), ("createdAt", down)])]),
            (exams, [ix("OwnerIndex", [("owner", up), ("createdAt", down)]),
                     ix("ContentIndex", [("contentId", up), ("createdAt", down)])]),
            (examAttempts, [ix("ExamIndex", [("examId", up), ("finishedAt", down)]),
                            ix("ExamUserIndex", [("examId", up), ("userId", up), ("finishedAt", down)])]),
            (templates, [ix("CreatedByIndex", [("createdBy", up), ("createdAt", down)]),
                         ix("TypeCategoryIndex", [("type", up), ("category", up), ("createdAt", down)]),
                         ix("PublicTemplatesIndex", [("isPublic", up), ("createdAt", down)])]),
            // `_id` is "<templateId>:<userId>", so one user has one rating per template.
            (templateRatings, [ix("TemplateIndex", [("templateId", up)])]),
            (chatrooms, [ix("NameIndex", [("name", up)]), ix("CreatedAtIndex", [("createdAt", down)]),
                         // Names unique by NameKey.key; rooms other tools wrote have no key (sparse).
                         ix("NameKeyUnique", [("nameKey", up)], unique: true, sparse: true)]),
            (messages, [ix("RoomIdIndex", [("roomId", up), ("createdAt", up)])]),
            (meetings, [ix("RoomIdIndex", [("roomId", up), ("scheduledTime", up)]),
                        ix("OrganizerIndex", [("organizer", up), ("scheduledTime", up)]),
                        ix("StatusIndex", [("status", up), ("createdAt", up)]),
                        ix("StatusScheduledTimeIndex", [("status", up), ("scheduledTime", up)]),
                        ix("ScheduledTimeIndex", [("scheduledTime", up)])]),
            (projects, [ix("RoomIdIndex", [("roomId", up), ("createdAt", down)]),
                        ix("CreatedByIndex", [("createdBy", up), ("createdAt", down)]),
                        ix("StatusIndex", [("status", up), ("createdAt", down)])]),
        ]
    }

    public var collectionNames: [String] { collections.map(\.name) }
}
