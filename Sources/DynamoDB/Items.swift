import Foundation

/// What a write returns of the item.
public enum ReturnValues: String, Sendable {
    case none = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"
}

/// PutItem: write a whole item, optionally only if a condition holds.
public struct PutItemRequest: Sendable {
    public var table: String
    public var item: Item
    /// A condition built with `expressions`, e.g. `x.attributeNotExists("id")`.
    public var condition: String?
    public var expressions: ExpressionBuilder
    public var returnValues: ReturnValues

    public init(table: String, item: Item, condition: String? = nil, expressions: ExpressionBuilder = ExpressionBuilder(),
                returnValues: ReturnValues = .none) {
        self.table = table
        self.item = item
        self.condition = condition
        self.expressions = expressions
        self.returnValues = returnValues
    }
}

/// UpdateItem: change some attributes of one item.
public struct UpdateItemRequest: Sendable {
    public var table: String
    public var key: Item
    /// e.g. `ExpressionBuilder.update(set: [x.set("title", .s("New"))])`.
    public var update: String
    public var condition: String?
    public var expressions: ExpressionBuilder
    public var returnValues: ReturnValues
    /// Whether applying this update twice leaves the same result. Nil: decided from the
    /// expression — `ADD`, `+`, `-` or `list_append` make it unsafe to repeat.
    public var isIdempotent: Bool?

    public init(table: String, key: Item, update: String, condition: String? = nil, expressions: ExpressionBuilder,
                returnValues: ReturnValues = .none, isIdempotent: Bool? = nil) {
        self.table = table
        self.key = key
        self.update = update
        self.condition = condition
        self.expressions = expressions
        self.returnValues = returnValues
        self.isIdempotent = isIdempotent
    }

    /// True when repeating the update cannot change the result again. Names and values are
    /// placeholders (`#n0`, `:v0`), so the text holds only keywords, operators and functions.
    public var effectiveIdempotent: Bool {
        if let isIdempotent { return isIdempotent }
        let upper = update.uppercased()
        let words = upper.split(whereSeparator: { !$0.isLetter && $0 != "_" })
        if words.contains("ADD") || words.contains("LIST_APPEND") { return false }
        return !update.contains("+") && !update.contains("-")
    }
}

/// DeleteItem: remove one item, optionally only if a condition holds.
public struct DeleteItemRequest: Sendable {
    public var table: String
    public var key: Item
    public var condition: String?
    public var expressions: ExpressionBuilder
    public var returnValues: ReturnValues

    public init(table: String, key: Item, condition: String? = nil, expressions: ExpressionBuilder = ExpressionBuilder(),
                returnValues: ReturnValues = .none) {
        self.table = table
        self.key = key
        self.condition = condition
        self.expressions = expressions
        self.returnValues = returnValues
    }
}

/// Query: items with one partition key value (in the table or an index), in sort key order.
public struct QueryRequest: Sendable {
    public var table: String
    public var indexName: String?
    public var keyCondition: String
    public var filter: String?
    public var expressions: ExpressionBuilder
    /// False for descending sort key order.
    public var scanIndexForward: Bool
    public var limit: Int?
    /// Where to continue: the previous page's `lastEvaluatedKey`.
    public var exclusiveStartKey: Item?
    public var consistentRead: Bool
    public var projection: String?

    public init(table: String, indexName: String? = nil, keyCondition: String, filter: String? = nil,
                expressions: ExpressionBuilder, scanIndexForward: Bool = true, limit: Int? = nil,
                exclusiveStartKey: Item? = nil, consistentRead: Bool = false, projection: String? = nil) {
        self.table = table
        self.indexName = indexName
        self.keyCondition = keyCondition
        self.filter = filter
        self.expressions = expressions
        self.scanIndexForward = scanIndexForward
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
        self.projection = projection
    }
}

/// Scan: every item of a table or index, page by page.
public struct ScanRequest: Sendable {
    public var table: String
    public var indexName: String?
    public var filter: String?
    public var expressions: ExpressionBuilder
    public var limit: Int?
    public var exclusiveStartKey: Item?
    public var consistentRead: Bool
    public var projection: String?

    public init(table: String, indexName: String? = nil, filter: String? = nil, expressions: ExpressionBuilder = ExpressionBuilder(),
                limit: Int? = nil, exclusiveStartKey: Item? = nil, consistentRead: Bool = false, projection: String? = nil) {
        self.table = table
        self.indexName = indexName
        self.filter = filter
        self.expressions = expressions
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
        self.projection = projection
    }
}

/// One page of a Query or Scan.
public struct ItemPage: Sendable {
    public var items: [Item]
    /// Nil on the last page; otherwise pass it as `exclusiveStartKey` for the next one.
    /// A page may be empty (a filter removed everything) and still have a next page.
    public var lastEvaluatedKey: Item?
    public var count: Int
    public var scannedCount: Int
}

extension DynamoDBClient {
    /// Writes a whole item. Returns the old item when `returnValues` is `.allOld`.
    /// Retried after a lost answer: a repeated put leaves the same item.
    @discardableResult
    public func putItem(_ request: PutItemRequest) async throws -> Item? {
        var w = JSONObjectWriter(capacity: 512)
        w.string("TableName", request.table)
        w.item("Item", request.item)
        w.string("ConditionExpression", request.condition)
        w.expressions(request.expressions)
        if request.returnValues != .none { w.string("ReturnValues", request.returnValues.rawValue) }
        return try await call("PutItem", body: w.finish(), table: request.table,
                              decode: { try ItemAnswer.decode($0, member: "Attributes") })
    }

    /// Shorthand for an unconditional put.
    public func putItem(table: String, item: Item) async throws {
        try await putItem(PutItemRequest(table: table, item: item))
    }

    /// Reads one item by its key; nil if there is none.
    public func getItem(table: String, key: Item, consistentRead: Bool = false, projection: [String]? = nil) async throws -> Item? {
        var w = JSONObjectWriter()
        w.string("TableName", table)
        w.item("Key", key)
        if consistentRead { w.bool("ConsistentRead", true) }
        if let projection {
            var x = ExpressionBuilder()
            w.string("ProjectionExpression", x.projection(projection))
            w.expressions(x)
        }
        return try await call("GetItem", body: w.finish(), table: table, decode: { try ItemAnswer.decode($0, member: "Item") })
    }

    /// Updates one item (creating it if missing, unless the condition forbids it).
    @discardableResult
    public func updateItem(_ request: UpdateItemRequest) async throws -> Item? {
        var w = JSONObjectWriter()
        w.string("TableName", request.table)
        w.item("Key", request.key)
        w.string("UpdateExpression", request.update)
        w.string("ConditionExpression", request.condition)
        w.expressions(request.expressions)
        if request.returnValues != .none { w.string("ReturnValues", request.returnValues.rawValue) }
        let answer = try await call("UpdateItem", body: w.finish(), table: request.table,
                                    idempotency: request.effectiveIdempotent ? .idempotent : .notIdempotent)
        return try answer["Attributes"].map(AttributeValue.item(from:))
    }

    /// Deletes one item (no error if it does not exist, unless a condition says otherwise).
    @discardableResult
    public func deleteItem(_ request: DeleteItemRequest) async throws -> Item? {
        var w = JSONObjectWriter()
        w.string("TableName", request.table)
        w.item("Key", request.key)
        w.string("ConditionExpression", request.condition)
        w.expressions(request.expressions)
        if request.returnValues != .none { w.string("ReturnValues", request.returnValues.rawValue) }
        let answer = try await call("DeleteItem", body: w.finish(), table: request.table)
        return try answer["Attributes"].map(AttributeValue.item(from:))
    }

    /// One page of a query.
    public func query(_ request: QueryRequest) async throws -> ItemPage {
        var w = JSONObjectWriter()
        w.string("TableName", request.table)
        w.string("IndexName", request.indexName)
        w.string("KeyConditionExpression", request.keyCondition)
        w.string("FilterExpression", request.filter)
        w.string("ProjectionExpression", request.projection)
        w.expressions(request.expressions)
        if !request.scanIndexForward { w.bool("ScanIndexForward", false) }
        w.int("Limit", request.limit)
        w.item("ExclusiveStartKey", request.exclusiveStartKey)
        if request.consistentRead { w.bool("ConsistentRead", true) }
        return try Self.page(try await call("Query", body: w.finish(), table: request.table))
    }

    /// One page of a scan.
    public func scan(_ request: ScanRequest) async throws -> ItemPage {
        var w = JSONObjectWriter()
        w.string("TableName", request.table)
        w.string("IndexName", request.indexName)
        w.string("FilterExpression", request.filter)
        w.string("ProjectionExpression", request.projection)
        w.expressions(request.expressions)
        w.int("Limit", request.limit)
        w.item("ExclusiveStartKey", request.exclusiveStartKey)
        if request.consistentRead { w.bool("ConsistentRead", true) }
        return try Self.page(try await call("Scan", body: w.finish(), table: request.table))
    }

    static func page(_ answer: JSON) throws -> ItemPage {
        let items = try (answer["Items"]?.arrayValue ?? []).map(AttributeValue.item(from:))
        return ItemPage(items: items, lastEvaluatedKey: try answer["LastEvaluatedKey"].map(AttributeValue.item(from:)),
                        count: answer["Count"]?.intValue ?? items.count, scannedCount: answer["ScannedCount"]?.intValue ?? items.count)
    }
}
