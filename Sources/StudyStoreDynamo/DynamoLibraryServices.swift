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
struct DynamoTemplateService: TemplateService {
    let table: ItemTable<Template>

    init(_ db: Dynamo, _ schema: DynamoSchema) {
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
    func rate(id: String, score: Int) async throws -> Template {
        _ = try validated(score) { try Validate.range($0, 1...5, field: "rating", label: "Rating") }
        return try await table.modify(id: id) { $0.ratings.add(score) }
    }
}
