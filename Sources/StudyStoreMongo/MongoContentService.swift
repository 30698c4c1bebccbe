import Foundation
import StudyModel
import StudyStore

/// The library on `contents` (OwnerIndex(owner, createdAt)).
///
/// Search: every document also holds `searchTerms`, the distinct lowercased words of its title
/// and text (up to `maxTermBytes` of them), with a multikey index. A query matches documents
/// holding every word, the last word as a prefix from three letters (search as you type), like
/// the SQLite backend; results come newest first. The collection also has a MongoDB text
/// index on title and text for the web app and `mongosh`, but MongoDB's `$text` stems words
/// and has no prefix matching, so it cannot answer StudyCircle's searches by itself.
///
/// One owner cannot hold one text twice: each document holds `contentHash` (SHA-256 of its
/// text, refreshed with the text) and the unique index OwnerHashUnique(owner, contentHash)
/// admits one of two concurrent adds. Documents other tools wrote have no hash (the index
/// skips them); `setup` gives them one, oldest first.
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
        mapping.prepare = { content, doc in
            doc["searchTerms"] = .array(Self.terms(content).map(BSON.string))
            doc["contentHash"] = .string(ContentHash.of(content.sourceText))
        }
        mapping.restore = { doc in
            doc["searchTerms"] = nil
            doc["contentHash"] = nil
        }
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

    private var connection: MongoConnection { table.connection }

    /// Refuses the owner's same text (`duplicate`, field `contentHash`, value: the existing
    /// document's id); a create repeated after a lost answer finds its own write.
    func create(_ content: Content) async throws -> Content {
        let content = try validated(content) { try $0.validate() }
        do {
            try await table.insertRaw(try table.encode(content), id: content.id)
        } catch let error as MongoError where error.isDuplicateKey {
            throw try await duplicate(content)
        }
        return content
    }

    /// Which unique key a refused write of `content` collided with.
    private func duplicate(_ content: Content) async throws -> Error {
        if let holder = try await holder(owner: content.owner, hash: ContentHash.of(content.sourceText)), holder != content.id {
            return StoreError.duplicate(entity: "document", field: "contentHash", value: holder)
        }
        if try await table.get(id: content.id) != nil { return StoreError.duplicate(entity: "document", field: "id", value: content.id) }
        return StoreError.conflict(entity: "document", id: content.id)
    }

    /// The owner's documents with this hash: the owner as we store it (a string) or as the web
    /// app does (an ObjectId reference).
    private func byHash(owner: String, hash: String) -> BSONDocument {
        var owners: [BSON] = [.string(owner)]
        if let oid = ObjectID(hex: owner) { owners.append(.objectId(oid)) }
        return ["owner": .document(["$in": .array(owners)]), "contentHash": .string(hash)]
    }

    /// The id of the owner's document with this hash.
    private func holder(owner: String, hash: String) async throws -> String? {
        let docs = try await mongo(connection) {
            try await table.collection.find(byHash(owner: owner, hash: hash), limit: 1, projection: ["_id": .int32(1)])
        }
        return docs.first.map { DocumentMapping<Content>.appAnyId($0["_id"]) }
    }

    func find(owner: String, contentHash: String) async throws -> Content? {
        let docs = try await mongo(connection) { try await table.collection.find(byHash(owner: owner, hash: contentHash), limit: 1) }
        return try docs.first.map(table.decode)
    }

    func get(id: String) async throws -> Content? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Content] { try await table.batchGet(ids: ids) }

    /// Replaces the document and its hash in one write; the unique index refuses a text the
    /// owner has in another document.
    func update(_ content: Content) async throws -> Content {
        let content = try validated(content) { try $0.validate() }
        guard let old = try await mongo(connection, { try await table.collection.find(table.idQuery(content.id), limit: 1) }).first else {
            throw StoreError.notFound(entity: "document", id: content.id)
        }
        var doc = try table.encode(content)
        if old["contentHash"] == nil, DocumentMapping<Content>.appAnyId(old["owner"]) == content.owner,
           old["sourceText"]?.stringValue == content.sourceText {
            // Stored without a hash (by another tool), text unchanged: it stays without one (its
            // text may be a copy of one whose hash another document holds).
            doc["contentHash"] = nil
        }
        let result: MongoCollection.UpdateResult
        do {
            result = try await table.collection.replaceOne(table.idQuery(content.id), doc)
        } catch let error as MongoError where error.isDuplicateKey {
            throw try await duplicate(content)
        } catch {
            throw storeError(error, connection, entity: "document", id: content.id)
        }
        if result.matched == 0 { throw StoreError.notFound(entity: "document", id: content.id) }
        return content
    }

    func delete(id: String) async throws { try await table.delete(id: id) }

    /// Gives documents stored without a hash (by other tools) theirs, oldest first; a later copy
    /// of a text its owner already has keeps none (nothing is deleted). Returns how many.
    func fingerprintAll() async throws -> Int {
        let missing: BSONDocument = ["contentHash": .document(["$exists": .bool(false)])]
        let docs = try await mongo(connection) {
            try await table.collection.find(missing, sort: ["createdAt": .int32(1), "_id": .int32(1)],
                                            projection: ["_id": .int32(1), "sourceText": .int32(1), "owner": .int32(1)])
        }
        var done = 0
        for doc in docs {
            guard let id = doc["_id"], doc["owner"] != nil else { continue }
            let hash = ContentHash.of(doc["sourceText"]?.stringValue ?? "")
            do {
                let result = try await table.collection.updateOne(["_id": id, "contentHash": .document(["$exists": .bool(false)])],
                                                                  ["$set": .document(["contentHash": .string(hash)])])
                done += result.modified
            } catch let error as MongoError where error.isDuplicateKey {
                continue
            } catch {
                throw storeError(error, connection)
            }
        }
        return done
    }

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

/// Templates on `templates`. Use counts change by update operators in one findAndModify, so
/// concurrent uses are all counted. Ratings keep a hidden sum (`ratings.sum`) beside count and
/// average; the average is read as sum / count.
///
/// Each user's rating is one document in `templateratings` (`_id` "<templateId>:<userId>"),
/// so a user counts once. Without transactions, a rating moves in two atomic steps: the
/// user's document changes from the score read to the new one (a conditional write that
/// records the change as `pending`, so of two concurrent changes one wins and the other reads
/// again), then the change is folded into the template by `$inc` of the count and sum deltas,
/// guarded by its operation id (`ratings.ops`, the last 50) so a repeat folds nothing. A
/// rating interrupted between the steps is finished by the next rating of that user.
struct MongoTemplateService: TemplateService {
    let table: MongoTable<Template>
    let ratingsCollection: MongoCollection

    static let recentOps = 50

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
            ratings["ops"] = nil
            doc["ratings"] = .document(ratings)
        }
        table = MongoTable(collection: connection.collection(schema.templates), mapping: mapping, key: { $0.id })
        ratingsCollection = connection.collection(schema.templateRatings)
    }

    func create(_ template: Template) async throws -> Template { try await table.create(validated(template) { try $0.validate() }) }
    func get(id: String) async throws -> Template? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Template] { try await table.batchGet(ids: ids) }
    func update(_ template: Template) async throws -> Template { try await table.update(validated(template) { try $0.validate() }) }
    /// Deletes the template, then its users' ratings.
    func delete(id: String) async throws {
        try await table.delete(id: id)
        _ = try await mongoWrite(connection) { try await ratingsCollection.deleteMany(["templateId": .string(id)]) }
    }

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

    func rate(id: String, userId: String, score: Int) async throws -> Template {
        _ = try validated(score) { try Validate.range($0, 1...5, field: "rating", label: "Rating") }
        try await giveSum(id)
        let ratingId: BSON = .string("\(id):\(userId)")
        var unknown = false
        for round in 0..<12 {
            let stored: BSONDocument?
            do {
                stored = try await mongo(connection) { try await ratingsCollection.find(["_id": ratingId], limit: 1) }.first
            } catch where unknown {
                throw StoreError.outcomeUnknown(mongoUnconfirmed + " Checking the rating failed as well (\(error)); rating again is safe: it replaces your earlier score.")
            }
            if let stored, let pending = stored["pending"]?.documentValue {
                // An earlier change of this user's rating is not folded in yet: finish it first.
                try await fold(pending, templateId: id, ratingId: ratingId)
                continue
            }
            let old = stored?["score"]?.intValue.map(Int.init)
            if old == score {
                guard let template = try await get(id: id) else { throw StoreError.notFound(entity: "template", id: id) }
                return template
            }
            let pending: BSONDocument = ["op": .string(StudyID.make()), "count": .int64(old == nil ? 1 : 0),
                                         "sum": .double(Double(score - (old ?? 0)))]
            let now = BSON.date(Timestamp.now().millisecondsSince1970)
            do {
                if let old {
                    let filter: BSONDocument = ["_id": ratingId, "score": .int64(Int64(old)), "pending": .document(["$exists": .bool(false)])]
                    let result = try await ratingsCollection.updateOne(filter, ["$set": .document(["score": .int64(Int64(score)), "ratedAt": now,
                                                                                                   "pending": .document(pending)])])
                    if result.matched == 0 { await pause(round); continue }
                } else {
                    try await ratingsCollection.insertOne(["_id": ratingId, "templateId": .string(id), "userId": .string(userId),
                                                           "score": .int64(Int64(score)), "ratedAt": now, "pending": .document(pending)])
                }
            } catch let error as MongoError where error.isDuplicateKey {
                await pause(round)
                continue
            } catch let error as MongoError where error.mayHaveBeenApplied {
                // The next read tells: our change pending (fold it) or not applied (try again).
                unknown = true
                continue
            } catch let error as MongoError {
                throw storeError(error, connection, entity: "rating", id: id)
            }
            return try await fold(pending, templateId: id, ratingId: ratingId)
        }
        throw StoreError.conflict(entity: "template", id: id)
    }

    private var connection: MongoConnection { table.connection }

    /// Adds a pending rating change to the template's aggregate once (a repeat finds its
    /// operation id among `ratings.ops`), then marks the user's rating done.
    @discardableResult
    private func fold(_ pending: BSONDocument, templateId: String, ratingId: BSON) async throws -> Template {
        guard let op = pending["op"] else { throw StoreError.corrupt("The rating \(ratingId) in \(ratingsCollection.name) has a damaged pending change.") }
        let update: BSONDocument = [
            "$inc": .document(["ratings.count": .int64(pending["count"]?.intValue ?? 0), "ratings.sum": .double(pending["sum"]?.doubleValue ?? 0)]),
            "$push": .document(["ratings.ops": .document(["$each": .array([op]), "$slice": .int32(Int32(-Self.recentOps))])]),
        ]
        let notFolded: BSONDocument = ["ratings.ops": .document(["$ne": op])]
        var template: Template?
        do {
            template = try await table.modify(id: templateId, update, filter: notFolded)
        } catch StoreError.outcomeUnknown {
            // Folding again is harmless: a fold that landed has left its id among `ratings.ops`.
            template = try await table.modify(id: templateId, update, filter: notFolded)
        }
        // Marking the rating done is idempotent: after a lost answer, mark it again once.
        let done: @Sendable () async throws -> Void = {
            _ = try await mongoWrite(connection, entity: "rating", id: templateId) {
                try await ratingsCollection.updateOne(["_id": ratingId, "pending.op": op], ["$unset": .document(["pending": .string("")])])
            }
        }
        do { try await done() } catch StoreError.outcomeUnknown { try await done() }
        if template == nil { template = try await get(id: templateId) }
        guard let template else { throw StoreError.notFound(entity: "template", id: templateId) }
        return template
    }

    private func pause(_ round: Int) async {
        try? await Task.sleep(nanoseconds: UInt64(1 + round) * 2_000_000)
    }

    /// A template another tool wrote may have count and average but no sum: give it one first
    /// (only if still missing, so a concurrent rating is not overwritten).
    private func giveSum(_ id: String) async throws {
        guard let stored = try await mongo(connection, { try await table.collection.find(table.idQuery(id), limit: 1) }).first else {
            throw StoreError.notFound(entity: "template", id: id)
        }
        guard case .document(let ratings)? = stored["ratings"], ratings["sum"] == nil else { return }
        let sum = (ratings["average"]?.doubleValue ?? 0) * Double(ratings["count"]?.intValue ?? 0)
        var filter = table.idQuery(id)
        filter["ratings.sum"] = .document(["$exists": .bool(false)])
        _ = try await mongoWrite(connection) {
            try await table.collection.updateOne(filter, ["$set": .document(["ratings.sum": .double(sum)])])
        }
    }
}
