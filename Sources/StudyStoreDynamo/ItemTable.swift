import DynamoDB
import StudyModel
import StudyStore

/// How one entity maps to one DynamoDB table: key, indexes, and the generic create / get /
/// update / delete / list operations every service shares.
///
/// Items are the entity's Codable form (the seeds' attribute names, nested structs as maps)
/// plus a `revision` token that changes on every write, for optimistic read-modify-write.
struct ItemTable<Entity: Codable & Sendable>: Sendable {
    let db: Dynamo
    let name: String
    /// The entity's name in messages ("user", "exam").
    let entity: String
    let keyName: String
    let key: @Sendable (Entity) -> String
    /// Index name → its key attributes (partition key first).
    var indexes: [String: [String]] = [:]
    /// Adds stored-only attributes (search text) or rewrites some (isPublic as text).
    var prepare: @Sendable (Entity, inout Item) throws -> Void = { _, _ in }
    /// Undoes `prepare` before decoding.
    var restore: @Sendable (inout Item) -> Void = { _ in }

    static var revision: String { "revision" }

    /// GSI key attributes: left out when empty, because DynamoDB refuses an empty string as a
    /// key value; the item then simply stays out of that index.
    private var indexKeys: Set<String> { Set(indexes.values.flatMap { $0 }) }

    func keyItem(_ id: String) -> Item { [keyName: .s(id)] }

    // MARK: Coding

    func encode(_ value: Entity) throws -> Item {
        var item: Item
        do {
            item = try DynamoDBEncoder().encode(value)
        } catch {
            throw StoreError.invalid(ValidationError(entity, "This \(entity) cannot be stored: \(error)."))
        }
        try prepare(value, &item)
        for attribute in indexKeys where item[attribute] == .s("") { item[attribute] = nil }
        item[Self.revision] = .s(StudyID.make())
        return item
    }

    func decode(_ item: Item) throws -> Entity {
        var item = item
        restore(&item)
        for attribute in indexKeys where item[attribute] == nil { item[attribute] = .s("") }
        do {
            return try DynamoDBDecoder().decode(Entity.self, from: item)
        } catch {
            let id = item[keyName]?.stringValue ?? "?"
            throw StoreError.corrupt("The stored \(entity) '\(id)' in \(name) cannot be read (\(error)); it was left untouched.")
        }
    }

    // MARK: Single items

    /// Writes a new item; an existing key is `StoreError.duplicate`. A create repeated after a
    /// lost answer (by the client's retry or by the caller) finds its own earlier write, by the
    /// item's revision, and succeeds.
    func insert(_ item: Item, id: String) async throws {
        var x = ExpressionBuilder()
        let condition = x.attributeNotExists(keyName)
        do {
            _ = try await db.put(PutItemRequest(table: name, item: item, condition: condition, expressions: x))
        } catch where isConditionFailure(error) {
            if try await holds(id: id, revisionOf: item) == true { return }
            throw StoreError.duplicate(entity: entity, field: "id", value: id)
        } catch StoreError.outcomeUnknown {
            try await settleCreate(id: id, wrote: item)
        }
    }

    /// Whether the stored item `id` carries `item`'s revision, i.e. is our own write; nil when
    /// the item is missing.
    func holds(id: String, revisionOf item: Item) async throws -> Bool? {
        guard let stored = try await getItem(id: id) else { return nil }
        return stored[Self.revision] != nil && stored[Self.revision] == item[Self.revision]
    }

    /// After a create whose answer was lost: reads the item back. Returns when our write is
    /// stored; otherwise throws what is now known.
    func settleCreate(id: String, wrote item: Item) async throws {
        let ours: Bool?
        do {
            ours = try await holds(id: id, revisionOf: item)
        } catch {
            throw StoreError.outcomeUnknown(Dynamo.unconfirmed + " Checking whether the \(entity) \(id) was stored failed as well (\(error)); look before repeating.")
        }
        switch ours {
        case true?: return
        case false?: throw StoreError.duplicate(entity: entity, field: "id", value: id)
        case nil:
            throw StoreError.outcomeUnknown("DynamoDB did not confirm the change, and a check found that the \(entity) \(id) is not stored: nothing changed, and repeating is safe.")
        }
    }

    /// Replaces an existing item; a missing key is `StoreError.notFound`. Returns the old item.
    @discardableResult
    func replace(_ item: Item, id: String) async throws -> Item? {
        var x = ExpressionBuilder()
        let condition = x.attributeExists(keyName)
        do {
            return try await db.put(PutItemRequest(table: name, item: item, condition: condition, expressions: x, returnValues: .allOld))
        } catch where isConditionFailure(error) {
            throw StoreError.notFound(entity: entity, id: id)
        }
    }

    func create(_ value: Entity) async throws -> Entity {
        try await insert(try encode(value), id: key(value))
        return value
    }

    func getItem(id: String) async throws -> Item? {
        try await db.get(name, keyItem(id))
    }

    func get(id: String) async throws -> Entity? {
        try await getItem(id: id).map(decode)
    }

    /// The items that exist among `ids`, in the order asked for.
    func batchGetItems(ids: [String]) async throws -> [Item] {
        var unique: [String] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted { unique.append(id) }
        let items = try await db.batchGet(name, unique.map(keyItem))
        var byId: [String: Item] = [:]
        for item in items { if let id = item[keyName]?.stringValue { byId[id] = item } }
        return ids.compactMap { byId[$0] }
    }

    func batchGet(ids: [String]) async throws -> [Entity] {
        try await batchGetItems(ids: ids).map(decode)
    }

    func update(_ value: Entity) async throws -> Entity {
        try await replace(try encode(value), id: key(value))
        return value
    }

    /// Deletes an item; a missing key is `StoreError.notFound`. Returns the old item.
    @discardableResult
    func delete(id: String) async throws -> Item {
        var x = ExpressionBuilder()
        let condition = x.attributeExists(keyName)
        do {
            let old = try await db.delete(DeleteItemRequest(table: name, key: keyItem(id), condition: condition, expressions: x,
                                                            returnValues: .allOld))
            return old ?? keyItem(id)
        } catch where isConditionFailure(error) {
            throw StoreError.notFound(entity: entity, id: id)
        }
    }

    /// The condition "the item is still as read": its revision is unchanged (items written by
    /// other tools may have none yet).
    func unchanged(_ old: Item, _ x: inout ExpressionBuilder) -> String {
        if let revision = old[Self.revision] { return x.equals(Self.revision, revision) }
        return "\(x.attributeExists(keyName)) AND \(x.attributeNotExists(Self.revision))"
    }

    /// Reads, changes and writes one item atomically: the write only lands if nobody wrote the
    /// item in between (revision condition); otherwise it reads again and retries.
    ///
    /// A write whose answer was lost (or that the client re-sent after applying it, which then
    /// fails its own condition) is recognised on the next read by the revision it wrote, so a
    /// counter never counts twice.
    func modify(id: String, _ change: (inout Entity) throws -> Void) async throws -> Entity {
        var written: (revision: AttributeValue, value: Entity)?
        var unknown = false
        for attempt in 0..<optimisticAttempts {
            let fetched: Item?
            do {
                fetched = try await getItem(id: id)
            } catch where unknown {
                throw StoreError.outcomeUnknown(Dynamo.unconfirmed + " Checking the \(entity) \(id) failed as well (\(error)); look before repeating.")
            }
            guard let old = fetched else { throw StoreError.notFound(entity: entity, id: id) }
            if let written, old[Self.revision] == written.revision { return written.value }
            var value = try decode(old)
            try change(&value)
            var x = ExpressionBuilder()
            let condition = unchanged(old, &x)
            let item = try encode(value)
            if let revision = item[Self.revision] { written = (revision, value) }
            do {
                _ = try await db.put(PutItemRequest(table: name, item: item, condition: condition, expressions: x))
                return value
            } catch where isConditionFailure(error) {
                await backoff(attempt)
            } catch StoreError.outcomeUnknown {
                // The next read tells: our revision (done) or the old one (not applied: write again).
                unknown = true
                await backoff(attempt)
            }
        }
        throw StoreError.conflict(entity: entity, id: id)
    }

    // MARK: Lists

    /// The attributes of a cursor in `index` (or the table): the table key plus the index keys.
    func cursorAttributes(_ index: String?, tableKeys: [String]? = nil) -> [String] {
        var attributes = tableKeys ?? [keyName]
        for attribute in index.flatMap({ indexes[$0] }) ?? [] where !attributes.contains(attribute) { attributes.append(attribute) }
        return attributes
    }

    /// Up to `limit` items of one partition of `index` in sort key order, and the cursor after
    /// the last one (nil when nothing follows). Reads one item more than asked to know that.
    func queryItems(index: String?, partition: String, range: KeyRange? = nil, descending: Bool, limit: Int,
                    cursor: PageCursor?, tableKeys: [String]? = nil, partitionName: String? = nil) async throws -> ([Item], PageCursor?) {
        let attributes = cursorAttributes(index, tableKeys: tableKeys)
        let keys = index.flatMap { indexes[$0] } ?? tableKeys ?? [keyName]
        var x = ExpressionBuilder()
        var condition = x.equals(partitionName ?? keys[0], .s(partition))
        if let range, keys.count > 1 { condition += " AND " + range.expression(keys[1], &x) }
        var request = QueryRequest(table: name, indexName: index, keyCondition: condition, expressions: x,
                                   scanIndexForward: !descending, limit: limit + 1,
                                   exclusiveStartKey: try cursor.map { try KeyCursor.decode($0, attributes) })
        var items: [Item] = []
        while true {
            let page = try await db.query(request)
            items += page.items
            guard items.count <= limit, let last = page.lastEvaluatedKey else { break }
            request.exclusiveStartKey = last
            request.limit = limit + 1 - items.count
        }
        guard items.count > limit else { return (items, nil) }
        let kept = Array(items.prefix(limit))
        return (kept, kept.last.flatMap { KeyCursor.encode($0, attributes) })
    }

    /// One page of an index partition, in sort key order (newest first when `descending`).
    func queryPage(index: String, _ partition: String, range: KeyRange? = nil, descending: Bool = true,
                   _ request: PageRequest) async throws -> Page<Entity> {
        let (items, next) = try await queryItems(index: index, partition: partition, range: range, descending: descending,
                                                 limit: request.limit, cursor: request.cursor)
        return Page(items: try items.map(decode), next: next)
    }

    /// One page of a Scan with an optional filter, in DynamoDB's (unspecified) order.
    ///
    /// DynamoDB applies `Limit` before the filter, so one call may return few matches: this
    /// keeps scanning until the page is full or the table ends. A filtered scan reads the whole
    /// table over all pages, so it serves only lists the seeds have no index for.
    func scanPage(_ request: PageRequest, filter: (inout ExpressionBuilder) -> String? = { _ in nil }) async throws -> Page<Entity> {
        let attributes = [keyName]
        var x = ExpressionBuilder()
        let condition = filter(&x)
        var scan = ScanRequest(table: name, filter: condition, expressions: x, limit: max(100, request.limit + 1),
                               exclusiveStartKey: try request.cursor.map { try KeyCursor.decode($0, attributes) })
        var items: [Item] = []
        while true {
            let page = try await db.scan(scan)
            items += page.items
            guard items.count <= request.limit, let last = page.lastEvaluatedKey else { break }
            scan.exclusiveStartKey = last
        }
        guard items.count > request.limit else { return Page(items: try items.map(decode), next: nil) }
        let kept = Array(items.prefix(request.limit))
        return Page(items: try kept.map(decode), next: kept.last.flatMap { KeyCursor.encode($0, attributes) })
    }

    /// One page of an index whose sort key is not the order the list needs (the seeds'
    /// hash-only `ContentIndex`, and `TypeCategoryIndex` sorted by category): reads the keys
    /// and times of the partition (a small projection), sorts them, and fetches only the
    /// page's items. Meant for partitions that stay small: a document's summaries or exams,
    /// the templates of one type and category.
    func sortedPage(index: String, _ partition: String, range: KeyRange? = nil, sortBy sortAttribute: String = "createdAt",
                    descending: Bool = true, _ request: PageRequest) async throws -> Page<Entity> {
        let position = try request.cursor.map { try CursorCodec.decode(SortCursor.self, from: $0) }
        let keys = indexes[index] ?? [keyName]
        var x = ExpressionBuilder()
        var condition = x.equals(keys[0], .s(partition))
        if let range, keys.count > 1 { condition += " AND " + range.expression(keys[1], &x) }
        let projection = x.projection([keyName, sortAttribute])
        let rows = try await db.queryAll(QueryRequest(table: name, indexName: index, keyCondition: condition, expressions: x,
                                                      projection: projection))
        var positions: [(s: String, k: String)] = rows.compactMap { row in
            guard let k = row[keyName]?.stringValue else { return nil }
            return (row[sortAttribute]?.stringValue ?? "", k)
        }
        positions.sort { descending ? ($0.s, $0.k) > ($1.s, $1.k) : ($0.s, $0.k) < ($1.s, $1.k) }
        if let p = position {
            positions = positions.filter { descending ? ($0.s, $0.k) < (p.s, p.k) : ($0.s, $0.k) > (p.s, p.k) }
        }
        let pageRows = Array(positions.prefix(request.limit))
        let items = try await batchGet(ids: pageRows.map(\.k))
        let next = positions.count > request.limit ? pageRows.last.map { CursorCodec.encode(SortCursor(s: $0.s, k: $0.k)) } : nil
        return Page(items: items, next: next)
    }
}
