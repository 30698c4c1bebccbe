import Foundation
import StudyModel
import StudyStore

/// Runs an entity's own validation and reports it as a store error.
func validated<T>(_ item: T, _ check: (T) throws -> Void) throws -> T {
    do { try check(item) } catch let error as ValidationError { throw StoreError.invalid(error) }
    return item
}

/// The library on `contents` (OwnerIndex(owner, createdAt)).
///
/// Search: every document also holds `searchTerms`, the distinct lowercased words of its title
/// and text (up to `maxTermBytes` of them), with a multikey index. A query matches documents
/// holding every word, the last word as a prefix from three letters (search as you type), like
/// the SQLite backend; results come newest first. The collection also has a MongoDB text
/// index on title and text for the web app and `mongosh`, but MongoDB's `$text` stems words
/// and has no prefix matching, so it cannot answer StudyCircle's searches by itself.
struct MongoContentService: ContentService {
    let table: MongoTable<Content>

    /// Keeps a document with its terms far below MongoDB's 16 MB limit (text is at most 8 MB).
    static let maxTermBytes = 2_000_000

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Content>(keyName: "id", entity: "document")
        mapping.defaults = ["contentType": .string("text"), "category": .string("general"), "status": .string("active"),
                            "sourceText": .string(""),
                            "sourceMetadata": .document(["wordCount": .int32(0), "characterCount": .int32(0)]),
                            "usage": .document(["views": .int32(0), "summariesGenerated": .int32(0), "examsGenerated": .int32(0)])]
        mapping.prepare = { content, doc in doc["searchTerms"] = .array(Self.terms(content).map(BSON.string)) }
        mapping.restore = { doc in doc["searchTerms"] = nil }
        table = MongoTable(collection: connection.collection(schema.contents), mapping: mapping, key: { $0.id })
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    static func terms(_ content: Content) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        var bytes = 0
        for word in words(content.title) + words(content.sourceText) {
            let term = word.lowercased()
            guard term.utf8.count <= 64, seen.insert(term).inserted else { continue }
            bytes += term.utf8.count + 8
            if bytes > maxTermBytes { break }
            out.append(term)
        }
        return out
    }

    func create(_ content: Content) async throws -> Content { try await table.create(validated(content) { try $0.validate() }) }
    func get(id: String) async throws -> Content? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Content] { try await table.batchGet(ids: ids) }
    func update(_ content: Content) async throws -> Content { try await table.update(validated(content) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(owner: String, _ page: PageRequest) async throws -> Page<Content> {
        try await table.page(["owner": .string(owner)], sortKey: "createdAt", descending: true, page)
    }

    func list(category: String?, _ page: PageRequest) async throws -> Page<Content> {
        try await table.page(category.map { ["category": .string($0)] } ?? [:], sortKey: "createdAt", descending: true, page)
    }

    func search(_ query: String, _ page: PageRequest) async throws -> Page<Content> {
        let words = Self.words(query).prefix(16).map { $0.lowercased() }
        guard let last = words.last else { return Page(items: [], next: nil) }
        var clauses: [BSON] = words.dropLast().map { .document(["searchTerms": .string($0)]) }
        if last.count >= 3 {
            clauses.append(.document(["searchTerms": .document(["$regex": .string("^" + NSRegularExpression.escapedPattern(for: last))])]))
        } else {
            clauses.append(.document(["searchTerms": .string(last)]))
        }
        return try await table.page(["$and": .array(clauses)], sortKey: "createdAt", descending: true, page)
    }
}

/// Summaries on `summaries`: OwnerIndex(owner, createdAt), ContentIndex(contentId, createdAt).
struct MongoSummaryService: SummaryService {
    let table: MongoTable<Summary>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Summary>(keyName: "id", entity: "summary")
        mapping.defaults = ["summaryType": .string("brief"), "style": .string("academic"), "configuration": .document([:]),
                            "metadata": .document(["engine": .string("offline"), "wordCount": .int32(0), "processingMilliseconds": .int32(0)])]
        table = MongoTable(collection: connection.collection(schema.summaries), mapping: mapping, key: { $0.id })
    }

    func create(_ summary: Summary) async throws -> Summary { try await table.create(validated(summary) { try $0.validate() }) }
    func get(id: String) async throws -> Summary? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Summary] { try await table.batchGet(ids: ids) }
    func update(_ summary: Summary) async throws -> Summary { try await table.update(validated(summary) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }
    func list(owner: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await table.page(["owner": .string(owner)], sortKey: "createdAt", descending: true, page)
    }
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await table.page(["contentId": .string(contentId)], sortKey: "createdAt", descending: true, page)
    }
}

/// Templates on `templates`. Use counts and ratings change by update operators in one
/// findAndModify, so concurrent uses and ratings are all counted. Ratings keep a hidden sum
/// (`ratings.sum`) beside count and average; the average is read as sum / count.
struct MongoTemplateService: TemplateService {
    let table: MongoTable<Template>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Template>(keyName: "id", entity: "template")
        mapping.defaults = ["description": .string(""), "category": .string("general"), "isPublic": .bool(false),
                            "usage": .document(["count": .int32(0)]),
                            "ratings": .document(["count": .int32(0), "average": .double(0)])]
        mapping.prepare = { template, doc in
            doc["ratings"] = .document(["count": .int64(Int64(template.ratings.count)), "average": .double(template.ratings.average),
                                        "sum": .double(template.ratings.average * Double(template.ratings.count))])
        }
        mapping.restore = { doc in
            guard case .document(var ratings)? = doc["ratings"] else { return }
            // After a rating the stored average is stale and sum / count is the truth; untouched,
            // the stored average is kept exactly (sum / count may differ from it in the last bit).
            if let sum = ratings["sum"]?.doubleValue, let count = ratings["count"]?.intValue, count > 0 {
                let computed = sum / Double(count)
                if abs(computed - (ratings["average"]?.doubleValue ?? .nan)) > 1e-9 || ratings["average"] == nil {
                    ratings["average"] = .double(computed)
                }
            }
            ratings["sum"] = nil
            doc["ratings"] = .document(ratings)
        }
        table = MongoTable(collection: connection.collection(schema.templates), mapping: mapping, key: { $0.id })
    }

    func create(_ template: Template) async throws -> Template { try await table.create(validated(template) { try $0.validate() }) }
    func get(id: String) async throws -> Template? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Template] { try await table.batchGet(ids: ids) }
    func update(_ template: Template) async throws -> Template { try await table.update(validated(template) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Template> {
        try await table.page(["createdBy": .string(createdBy)], sortKey: "createdAt", descending: true, page)
    }
    func list(type: Template.TemplateType, category: String, _ page: PageRequest) async throws -> Page<Template> {
        try await table.page(["type": .string(type.rawValue), "category": .string(category)], sortKey: "createdAt", descending: true, page)
    }
    func listPublic(_ page: PageRequest) async throws -> Page<Template> {
        try await table.page(["isPublic": .bool(true)], sortKey: "createdAt", descending: true, page)
    }

    func recordUse(id: String) async throws -> Template {
        let update: BSONDocument = ["$inc": .document(["usage.count": .int32(1)]),
                                    "$set": .document(["usage.lastUsedAt": .date(Timestamp.now().millisecondsSince1970)])]
        guard let template = try await table.modify(id: id, update) else { throw StoreError.notFound(entity: "template", id: id) }
        return template
    }

    func rate(id: String, score: Int) async throws -> Template {
        _ = try validated(score) { try Validate.range($0, 1...5, field: "rating", label: "Rating") }
        // A template another tool wrote may have count and average but no sum: give it one first
        // (only if still missing, so a concurrent rating is not overwritten).
        if let stored = try await mongo(table.connection, { try await table.collection.find(table.idQuery(id), limit: 1) }).first,
           case .document(let ratings)? = stored["ratings"], ratings["sum"] == nil {
            let sum = (ratings["average"]?.doubleValue ?? 0) * Double(ratings["count"]?.intValue ?? 0)
            var filter = table.idQuery(id)
            filter["ratings.sum"] = .document(["$exists": .bool(false)])
            _ = try await mongo(table.connection) {
                try await table.collection.updateOne(filter, ["$set": .document(["ratings.sum": .double(sum)])])
            }
        }
        let update: BSONDocument = ["$inc": .document(["ratings.count": .int64(1), "ratings.sum": .double(Double(score))])]
        guard let template = try await table.modify(id: id, update) else { throw StoreError.notFound(entity: "template", id: id) }
        return template
    }
}
