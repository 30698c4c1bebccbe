import DynamoDB
import StudyModel
import StudyStore

/// Summaries on `<prefix>-summaries`: OwnerIndex(owner, createdAt), ContentIndex(contentId).
struct DynamoSummaryService: SummaryService {
    let table: ItemTable<Summary>

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        table = ItemTable(db: db, name: schema.summaries, entity: "summary", keyName: "id", key: { $0.id },
                          indexes: ["OwnerIndex": ["owner", "createdAt"], "ContentIndex": ["contentId"]])
    }

    func create(_ summary: Summary) async throws -> Summary { try await table.create(validated(summary) { try $0.validate() }) }
    func get(id: String) async throws -> Summary? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Summary] { try await table.batchGet(ids: ids) }
    func update(_ summary: Summary) async throws -> Summary { try await table.update(validated(summary) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(owner: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await table.queryPage(index: "OwnerIndex", owner, page)
    }
    /// The seeds' ContentIndex has no sort key: the document's summaries are sorted here.
    func list(contentId: String, _ page: PageRequest) async throws -> Page<Summary> {
        try await table.sortedPage(index: "ContentIndex", contentId, page)
    }
}

/// Reusable configurations on `<prefix>-templates`.
///
/// `isPublic` is a key of PublicTemplatesIndex, and DynamoDB keys cannot be booleans, so it is
/// stored as the text "true"/"false" and read back as a Bool.
///
/// Each user's rating is an item `rating#<template id>#<user id>` (with `score`) in
/// `<prefix>-unique`, written in one transaction with the template's aggregate, so a user
/// counts once and re-rating replaces their score.
struct DynamoTemplateService: TemplateService {
    let table: ItemTable<Template>
    let db: Dynamo
    let unique: String

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        unique = schema.unique
        var table = ItemTable<Template>(
            db: db, name: schema.templates, entity: "template", keyName: "id", key: { $0.id },
            indexes: ["CreatedByIndex": ["createdBy", "createdAt"], "TypeCategoryIndex": ["type", "category"],
                      "PublicTemplatesIndex": ["isPublic", "createdAt"]])
        table.prepare = { template, item in item["isPublic"] = .s(template.isPublic ? "true" : "false") }
        table.restore = { item in
            if let text = item["isPublic"]?.stringValue { item["isPublic"] = .bool(text == "true") }
        }
        self.table = table
    }

    func create(_ template: Template) async throws -> Template { try await table.create(validated(template) { try $0.validate() }) }
    func get(id: String) async throws -> Template? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Template] { try await table.batchGet(ids: ids) }
    func update(_ template: Template) async throws -> Template { try await table.update(validated(template) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Template> {
        try await table.queryPage(index: "CreatedByIndex", createdBy, page)
    }
    /// TypeCategoryIndex sorts by category, not time: one type+category is read as keys and
    /// sorted newest first here (templates of one category are few).
    func list(type: Template.TemplateType, category: String, _ page: PageRequest) async throws -> Page<Template> {
        try await table.sortedPage(index: "TypeCategoryIndex", type.rawValue, range: .equals(category), page)
    }
    func listPublic(_ page: PageRequest) async throws -> Page<Template> {
        try await table.queryPage(index: "PublicTemplatesIndex", "true", page)
    }
    /// Atomic by optimistic read-modify-write (revision condition, retried on conflict).
    func recordUse(id: String) async throws -> Template {
        try await table.modify(id: id) { template in
            template.usage.count += 1
            template.usage.lastUsedAt = .now()
        }
    }
    /// Reads the template and the user's rating, then writes both in one transaction that
    /// holds only if neither changed. When the stored rating already has this score there is
    /// nothing to do, which also makes a repeat after a lost answer harmless.
    func rate(id: String, userId: String, score: Int) async throws -> Template {
        _ = try validated(score) { try Validate.range($0, 1...5, field: "rating", label: "Rating") }
        let ratingKey: Item = ["uniqueKey": .s("rating#\(id)#\(userId)")]
        var unknown = false
        for round in 0..<optimisticAttempts {
            let oldItem: Item?, ratingItem: Item?
            do {
                oldItem = try await table.getItem(id: id)
                ratingItem = try await db.get(unique, ratingKey)
            } catch where unknown {
                throw StoreError.outcomeUnknown(Dynamo.unconfirmed + " Checking the rating failed as well (\(error)); rating again is safe: it replaces your earlier score.")
            }
            guard let oldItem else { throw StoreError.notFound(entity: "template", id: id) }
            var template = try table.decode(oldItem)
            let old = ratingItem?["score"]?.intValue
            if old == score { return template }
            template.ratings.replace(old, with: score)
            var x = ExpressionBuilder()
            let unchanged = table.unchanged(oldItem, &x)
            var y = ExpressionBuilder()
            let sameRating = old.map { y.equals("score", .number($0)) } ?? y.attributeNotExists("uniqueKey")
            var rating = ratingKey
            rating["ownerId"] = .s(userId)
            rating["score"] = .number(score)
            do {
                try await db.transact([
                    .put(PutItemRequest(table: table.name, item: try table.encode(template), condition: unchanged, expressions: x)),
                    .put(PutItemRequest(table: unique, item: rating, condition: sameRating, expressions: y)),
                ])
                return template
            } catch where isTransactionFailure(error) {
                await backoff(round)
            } catch StoreError.outcomeUnknown {
                unknown = true
                await backoff(round)
            }
        }
        throw StoreError.conflict(entity: "template", id: id)
    }
}
