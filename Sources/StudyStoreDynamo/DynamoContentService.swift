import DynamoDB
import StudyModel
import StudyStore

/// The library on `<prefix>-content` (key id; OwnerIndex(owner, createdAt)).
///
/// Long documents: DynamoDB items are limited to 400 KB and documents may be 8 MB. The item
/// keeps the first `inlineBytes` of `sourceText`; the rest goes to `<prefix>-content-chunks` in
/// parts of `chunkBytes`, keyed (contentId, `<generation>#<n>`). The item records the generation
/// (`sourceGeneration`) and count (`sourceChunks`), so an update writes the new parts under a
/// new generation before switching the item to it, and a reader never mixes two versions.
///
/// Search: the item also holds `searchText`, the lowercased title and inline text; `search` is
/// a paginated Scan with one `contains` filter per word. That reads the whole table for every
/// search (cost grows with the library) and matches only the first `inlineBytes` of long
/// documents; it is what DynamoDB offers without a search service.
///
/// One owner's same text is refused by a guard `content#<owner>#<sha256>` in `<prefix>-unique`,
/// written in the document's transaction (documents stored before the guards have none).
struct DynamoContentService: ContentService, DynamoGuardedService {
    let table: ItemTable<Content>
    let db: Dynamo
    let chunks: String
    let unique: String

    static let inlineBytes = 100_000
    static let chunkBytes = 300_000

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        chunks = schema.contentChunks
        unique = schema.unique
        var table = ItemTable<Content>(db: db, name: schema.content, entity: "document", keyName: "id", key: { $0.id },
                                       indexes: ["OwnerIndex": ["owner", "createdAt"]])
        table.prepare = { content, item in
            let inline = TextChunks.prefix(content.sourceText, maxBytes: Self.inlineBytes)
            item["sourceText"] = .s(inline)
            let search = (content.title + "\n" + inline).lowercased()
            item["searchText"] = .s(TextChunks.prefix(search, maxBytes: Self.inlineBytes + 1_000))
            item["contentHash"] = .s(ContentHash.of(content.sourceText))
        }
        self.table = table
    }

    // MARK: Writing

    /// The item and the parts of the text beyond the inline prefix, under a new generation.
    private func encode(_ content: Content) throws -> (item: Item, parts: [Item]) {
        var item = try table.encode(content)
        let rest = TextChunks.rest(content.sourceText, after: Self.inlineBytes)
        guard !rest.isEmpty else { return (item, []) }
        let generation = StudyID.make()
        let parts = TextChunks.split(rest, maxBytes: Self.chunkBytes).enumerated().map { n, text -> Item in
            ["contentId": .s(content.id), "part": .s(Self.partKey(generation, n)), "text": .s(text)]
        }
        item["sourceGeneration"] = .s(generation)
        item["sourceChunks"] = .number(parts.count)
        return (item, parts)
    }

    static func partKey(_ generation: String, _ n: Int) -> String {
        "\(generation)#" + String(repeating: "0", count: max(0, 5 - String(n).count)) + String(n)
    }

    private func writeParts(_ parts: [Item]) async throws {
        try await db.batchWrite(parts.map { BatchWrite(table: chunks, .put($0)) })
    }

    /// Deletes the parts of one generation (or, with nil, of every generation) of a document.
    private func deleteParts(_ contentId: String, generation: String?) async throws {
        var x = ExpressionBuilder()
        var condition = x.equals("contentId", .s(contentId))
        if let generation { condition += " AND " + x.beginsWith("part", "\(generation)#") }
        let projection = x.projection(["contentId", "part"])
        let keys = try await db.queryAll(QueryRequest(table: chunks, keyCondition: condition, expressions: x,
                                                      consistentRead: true, projection: projection), cap: .max)
        try await db.batchWrite(keys.map { BatchWrite(table: chunks, .delete(key: $0)) })
    }

    /// The guard of an item: its owner and the hash it was stored with (none on items
    /// written before hashes, or by other tools).
    static func hashGuard(_ item: Item) -> String? {
        guard let owner = item["owner"]?.stringValue, let hash = item["contentHash"]?.stringValue else { return nil }
        return "content#\(owner)#\(hash)"
    }

    func create(_ content: Content) async throws -> Content {
        let content = try validated(content) { try $0.validate() }
        let (item, parts) = try encode(content)
        // Parts first: an item never points at parts that are not there yet.
        try await writeParts(parts)
        do {
            try await insert(item, content)
        } catch {
            if let generation = item["sourceGeneration"]?.stringValue { try? await deleteParts(content.id, generation: generation) }
            throw error
        }
        return content
    }

    /// The item and its hash guard in one transaction. A guard whose document is gone (left by
    /// an interrupted tool) is removed and the write tried once more.
    private func insert(_ item: Item, _ content: Content) async throws {
        guard let hashKey = Self.hashGuard(item) else { return try await table.insert(item, id: content.id) }
        for round in 0..<2 {
            var x = ExpressionBuilder()
            let isNew = x.attributeNotExists("id")
            do {
                try await db.transact([
                    .put(PutItemRequest(table: table.name, item: item, condition: isNew, expressions: x)),
                    claim(hashKey, content.id),
                ])
                return
            } catch where isTransactionFailure(error) {
                if try await table.holds(id: content.id, revisionOf: item) == true { return }
                if let holder = try await guardHolder(hashKey), holder != content.id {
                    if try await table.getItem(id: holder) != nil || round > 0 {
                        throw StoreError.duplicate(entity: "document", field: "contentHash", value: holder)
                    }
                    var y = ExpressionBuilder()
                    let stale = y.equals("ownerId", .s(holder))
                    _ = try? await db.delete(DeleteItemRequest(table: unique, key: ["uniqueKey": .s(hashKey)], condition: stale, expressions: y))
                    continue
                }
                if try await table.getItem(id: content.id) != nil {
                    throw StoreError.duplicate(entity: "document", field: "id", value: content.id)
                }
                throw StoreError.conflict(entity: "document", id: content.id)
            } catch StoreError.outcomeUnknown {
                return try await table.settleCreate(id: content.id, wrote: item)
            }
        }
    }

    /// Records the hash of a document stored without one and claims its guard, in one
    /// transaction; false when the owner's same text already holds the guard (or the
    /// document changed meanwhile), which leaves the document as it was.
    func fingerprint(_ document: Content) async throws -> Bool {
        let hash = ContentHash.of(document.sourceText)
        var x = ExpressionBuilder()
        let update = ExpressionBuilder.update(set: [x.set("contentHash", .s(hash))])
        let condition = "\(x.attributeExists("id")) AND \(x.attributeNotExists("contentHash"))"
        do {
            try await db.transact([
                .update(UpdateItemRequest(table: table.name, key: table.keyItem(document.id), update: update,
                                          condition: condition, expressions: x, isIdempotent: true)),
                claim("content#\(document.owner)#\(hash)", document.id),
            ])
            return true
        } catch where isTransactionFailure(error) {
            return false
        }
    }

    func find(owner: String, contentHash: String) async throws -> Content? {
        guard let holder = try await guardHolder("content#\(owner)#\(contentHash)") else { return nil }
        guard let found = try await get(id: holder), found.owner == owner else { return nil }
        return found
    }

    func update(_ content: Content) async throws -> Content {
        let content = try validated(content) { try $0.validate() }
        guard let oldItem = try await table.getItem(id: content.id) else { throw StoreError.notFound(entity: "document", id: content.id) }
        var (item, parts) = try encode(content)
        if oldItem["contentHash"] == nil, let owner = oldItem["owner"]?.stringValue, owner == content.owner,
           let stored = try? await read(oldItem), stored.sourceText == content.sourceText {
            // A document stored before hashes, text unchanged: it stays without one (its text
            // may be a copy whose guard another document holds).
            item["contentHash"] = nil
        }
        try await writeParts(parts)
        var x = ExpressionBuilder()
        let exists = x.attributeExists("id")
        var writes: [TransactWriteItem] = [.put(PutItemRequest(table: table.name, item: item, condition: exists, expressions: x))]
        let before = Self.hashGuard(oldItem), after = Self.hashGuard(item)
        if before != after, let after {
            writes.append(claim(after, content.id))
            if let before { writes.append(release(before, content.id)) }
        }
        do {
            try await db.transact(writes)
        } catch {
            if let generation = item["sourceGeneration"]?.stringValue { try? await deleteParts(content.id, generation: generation) }
            if isTransactionFailure(error) {
                let failed = failedConditions(error)
                if failed.contains(1), let after, let holder = try await guardHolder(after), holder != content.id {
                    throw StoreError.duplicate(entity: "document", field: "contentHash", value: holder)
                }
                if failed.contains(0) { throw StoreError.notFound(entity: "document", id: content.id) }
                throw StoreError.conflict(entity: "document", id: content.id)
            }
            throw error
        }
        // The previous version's parts are no longer referenced.
        if let previous = oldItem["sourceGeneration"]?.stringValue { try await deleteParts(content.id, generation: previous) }
        return content
    }

    func delete(id: String) async throws {
        guard let oldItem = try await table.getItem(id: id) else { throw StoreError.notFound(entity: "document", id: id) }
        var x = ExpressionBuilder()
        let exists = x.attributeExists("id")
        var writes: [TransactWriteItem] = [.delete(DeleteItemRequest(table: table.name, key: table.keyItem(id), condition: exists, expressions: x))]
        if let key = Self.hashGuard(oldItem) { writes.append(release(key, id)) }
        do {
            try await db.transact(writes)
        } catch where isTransactionFailure(error) {
            guard try await table.getItem(id: id) == nil else { throw StoreError.conflict(entity: "document", id: id) }
        } catch StoreError.outcomeUnknown {
            guard (try? await table.getItem(id: id)) == .some(nil) else { throw StoreError.outcomeUnknown(Dynamo.unconfirmed) }
        }
        if oldItem["sourceGeneration"] != nil { try await deleteParts(id, generation: nil) }
    }

    // MARK: Reading

    /// Decodes an item, fetching the rest of a long text from its parts.
    private func read(_ item: Item) async throws -> Content {
        var content = try table.decode(item)
        guard let generation = item["sourceGeneration"]?.stringValue, let count = item["sourceChunks"]?.intValue, count > 0 else {
            return content
        }
        var x = ExpressionBuilder()
        let condition = "\(x.equals("contentId", .s(content.id))) AND \(x.beginsWith("part", "\(generation)#"))"
        let parts = try await db.queryAll(QueryRequest(table: chunks, keyCondition: condition, expressions: x, consistentRead: true))
        guard parts.count == count else {
            throw StoreError.conflict(entity: "document", id: content.id)
        }
        content.sourceText += parts.compactMap { $0["text"]?.stringValue }.joined()
        return content
    }

    private func read(_ items: [Item]) async throws -> [Content] {
        var result: [Content] = []
        for item in items { result.append(try await read(item)) }
        return result
    }

    func get(id: String) async throws -> Content? {
        // A concurrent update may have replaced the parts between reading the item and its
        // parts: read again once.
        for _ in 0..<3 {
            guard let item = try await table.getItem(id: id) else { return nil }
            do { return try await read(item) } catch StoreError.conflict {}
        }
        throw StoreError.conflict(entity: "document", id: id)
    }

    func batchGet(ids: [String]) async throws -> [Content] {
        try await read(try await table.batchGetItems(ids: ids))
    }

    func list(owner: String, _ page: PageRequest) async throws -> Page<Content> {
        let (items, next) = try await table.queryItems(index: "OwnerIndex", partition: owner, descending: true,
                                                       limit: page.limit, cursor: page.cursor)
        return Page(items: try await read(items), next: next)
    }

    /// A paginated Scan, filtered by category when given; order is DynamoDB's.
    func list(category: String?, _ page: PageRequest) async throws -> Page<Content> {
        try await scanPage(page) { x in category.map { x.equals("category", .s($0)) } }
    }

    func search(_ query: String, _ page: PageRequest) async throws -> Page<Content> {
        let words = query.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(16).map(String.init)
        guard !words.isEmpty else { return Page(items: [], next: nil) }
        let found = try await scanPage(page) { x in
            ExpressionBuilder.and(words.map { x.contains("searchText", .s($0)) })
        }
        // Title matches first within the page (DynamoDB cannot rank across pages).
        let ranked = found.items.enumerated().sorted { a, b in
            let ta = words.allSatisfy(a.element.title.lowercased().contains), tb = words.allSatisfy(b.element.title.lowercased().contains)
            return ta != tb ? ta : a.offset < b.offset
        }.map(\.element)
        return Page(items: ranked, next: found.next)
    }

    private func scanPage(_ page: PageRequest, filter: (inout ExpressionBuilder) -> String?) async throws -> Page<Content> {
        // The items are scanned with their inline text; long ones are completed from their parts.
        let raw = try await table.scanPage(page, filter: filter)
        var items: [Content] = []
        for content in raw.items {
            items.append(content.sourceText.utf8.count >= Self.inlineBytes ? (try await get(id: content.id) ?? content) : content)
        }
        return Page(items: items, next: raw.next)
    }
}

/// Splitting text at character boundaries by UTF-8 size.
enum TextChunks {
    /// Where the longest prefix of whole characters with at most `maxBytes` UTF-8 bytes ends
    /// (at least one character, so a split always advances).
    static func end(of text: Substring, maxBytes: Int) -> Substring.Index {
        var bytes = 0
        var end = text.startIndex
        for character in text {
            let size = character.utf8.count
            if bytes + size > maxBytes && end != text.startIndex { break }
            bytes += size
            end = text.index(after: end)
            if bytes >= maxBytes { break }
        }
        return end
    }

    /// The longest prefix of whole characters with at most `maxBytes` UTF-8 bytes.
    static func prefix(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let whole = Substring(text)
        return String(whole[..<end(of: whole, maxBytes: maxBytes)])
    }

    /// The text after `prefix(text, maxBytes:)`.
    static func rest(_ text: String, after maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return "" }
        let whole = Substring(text)
        return String(whole[end(of: whole, maxBytes: maxBytes)...])
    }

    /// Consecutive pieces of at most `maxBytes` each (a single larger character stays whole).
    static func split(_ text: String, maxBytes: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = end(of: rest, maxBytes: maxBytes)
            parts.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return parts
    }
}
