import Foundation

/// One write in a BatchWriteItem.
public enum WriteRequest: Sendable, Equatable {
    case put(Item)
    case delete(key: Item)
}

/// A write and the table it goes to.
public struct BatchWrite: Sendable, Equatable {
    public var table: String
    public var request: WriteRequest
    public init(table: String, _ request: WriteRequest) {
        self.table = table
        self.request = request
    }
}

extension DynamoDBClient {
    /// DynamoDB's limits per call.
    public static let batchGetLimit = 100
    public static let batchWriteLimit = 25
    public static let batchWriteByteLimit = 16 * 1024 * 1024

    /// Reads many items by key from one or more tables: splits into calls of at most 100 keys and
    /// asks again for `UnprocessedKeys` with backoff. Duplicate keys are asked for once.
    /// Items that do not exist are simply absent from the result; order is not kept.
    ///
    /// - Throws: `DynamoDBError` `UnprocessedKeys` when keys stay unprocessed after
    ///   `retry.throttlingMaxAttempts` rounds without progress.
    public func batchGetItem(_ keysByTable: [String: [Item]], consistentRead: Bool = false) async throws -> [String: [Item]] {
        var pending: [(table: String, key: Item)] = []
        for (table, keys) in keysByTable.sorted(by: { $0.key < $1.key }) {
            var seen = Set<Item>()
            for key in keys where seen.insert(key).inserted { pending.append((table, key)) }
        }
        var results: [String: [Item]] = [:]
        var stalledRounds = 0
        var attempts = 0
        while !pending.isEmpty {
            let chunk = Array(pending.prefix(Self.batchGetLimit))
            pending.removeFirst(chunk.count)
            var byTable: [String: [Item]] = [:]
            for entry in chunk { byTable[entry.table, default: []].append(entry.key) }
            var requestItems: [String: JSON] = [:]
            for (table, keys) in byTable {
                var spec: [String: JSON] = ["Keys": .array(keys.map(AttributeValue.json(of:)))]
                if consistentRead { spec["ConsistentRead"] = .bool(true) }
                requestItems[table] = .object(spec)
            }
            var w = JSONObjectWriter(capacity: 4096)
            w.json("RequestItems", .object(requestItems))
            attempts += 1
            let answer = try await call("BatchGetItem", body: w.finish(), table: byTable.count == 1 ? byTable.keys.first : nil)
            for (table, items) in answer["Responses"]?.objectValue ?? [:] {
                results[table, default: []] += try (items.arrayValue ?? []).map(AttributeValue.item(from:))
            }
            var unprocessed: [(table: String, key: Item)] = []
            for (table, spec) in answer["UnprocessedKeys"]?.objectValue ?? [:] {
                for key in spec["Keys"]?.arrayValue ?? [] { unprocessed.append((table, try AttributeValue.item(from: key))) }
            }
            if unprocessed.isEmpty { stalledRounds = 0; continue }
            stalledRounds = unprocessed.count >= chunk.count ? stalledRounds + 1 : 0
            if stalledRounds >= retry.throttlingMaxAttempts {
                throw DynamoDBError(code: "UnprocessedKeys",
                                    message: "\(unprocessed.count + pending.count) keys were still unprocessed after \(attempts) calls.",
                                    isRetryable: true, operation: "BatchGetItem", endpoint: endpoint,
                                    attempts: attempts, retriesExhausted: true)
            }
            pending = unprocessed + pending
            try await retry.sleep(retry.delay(afterAttempt: max(1, stalledRounds), throttling: true))
        }
        return results
    }

    /// Reads many items of one table by key.
    public func batchGetItem(table: String, keys: [Item], consistentRead: Bool = false) async throws -> [Item] {
        try await batchGetItem([table: keys], consistentRead: consistentRead)[table] ?? []
    }

    /// Writes (puts and deletes) many items: splits into calls of at most 25 writes and 16 MB,
    /// and sends `UnprocessedItems` again with backoff.
    ///
    /// Not atomic: if it fails, earlier calls' writes stay written. Repeating a put or delete
    /// leaves the same result, so retries never duplicate anything. One call must not hold two
    /// writes for the same key (DynamoDB refuses that); keep keys unique within `writes`.
    ///
    /// - Throws: `DynamoDBError` `UnprocessedItems` when items stay unprocessed after
    ///   `retry.throttlingMaxAttempts` rounds without progress.
    public func batchWriteItem(_ writes: [BatchWrite]) async throws {
        // Each write is serialized once; chunks are assembled from the ready bytes.
        var pending: [(table: String, bytes: [UInt8])] = writes.map { ($0.table, Self.serialize($0.request)) }
        var stalledRounds = 0
        var attempts = 0
        while !pending.isEmpty {
            var chunk: [(table: String, bytes: [UInt8])] = []
            var size = 64
            while let next = pending.first, chunk.count < Self.batchWriteLimit,
                  chunk.isEmpty || size + next.bytes.count + next.table.utf8.count + 8 <= Self.batchWriteByteLimit {
                size += next.bytes.count + next.table.utf8.count + 8
                chunk.append(next)
                pending.removeFirst()
            }
            var tables: [String] = []
            var byTable: [String: [[UInt8]]] = [:]
            for entry in chunk {
                if byTable[entry.table] == nil { tables.append(entry.table) }
                byTable[entry.table, default: []].append(entry.bytes)
            }
            var body = [UInt8]()
            body.reserveCapacity(size + 32)
            body += Array("{\"RequestItems\":{".utf8)
            for (i, table) in tables.enumerated() {
                if i > 0 { body.append(UInt8(ascii: ",")) }
                JSONWriter.string(table, to: &body)
                body += Array(":[".utf8)
                for (j, fragment) in (byTable[table] ?? []).enumerated() {
                    if j > 0 { body.append(UInt8(ascii: ",")) }
                    body += fragment
                }
                body.append(UInt8(ascii: "]"))
            }
            body += Array("}}".utf8)
            attempts += 1
            let answer = try await call("BatchWriteItem", body: body, table: tables.count == 1 ? tables.first : nil)
            var unprocessed: [(table: String, bytes: [UInt8])] = []
            for (table, list) in answer["UnprocessedItems"]?.objectValue ?? [:] {
                for request in list.arrayValue ?? [] { unprocessed.append((table, request.serialized())) }
            }
            if unprocessed.isEmpty { stalledRounds = 0; continue }
            stalledRounds = unprocessed.count >= chunk.count ? stalledRounds + 1 : 0
            if stalledRounds >= retry.throttlingMaxAttempts {
                throw DynamoDBError(code: "UnprocessedItems",
                                    message: "\(unprocessed.count + pending.count) of \(writes.count) writes were still unprocessed after \(attempts) calls; the others were written.",
                                    isRetryable: true, operation: "BatchWriteItem", endpoint: endpoint,
                                    attempts: attempts, retriesExhausted: true)
            }
            pending = unprocessed + pending
            try await retry.sleep(retry.delay(afterAttempt: max(1, stalledRounds), throttling: true))
        }
    }

    static func serialize(_ request: WriteRequest) -> [UInt8] {
        var w = JSONObjectWriter()
        switch request {
        case let .put(item):
            var inner = JSONObjectWriter()
            inner.item("Item", item)
            w.raw("PutRequest", inner.finish())
        case let .delete(key):
            var inner = JSONObjectWriter()
            inner.item("Key", key)
            w.raw("DeleteRequest", inner.finish())
        }
        return w.finish()
    }
}

/// One action of a TransactWriteItems call.
public enum TransactWriteItem: Sendable {
    case put(PutItemRequest)
    case update(UpdateItemRequest)
    case delete(DeleteItemRequest)
    /// Fails the whole transaction unless `condition` holds for the item at `key`.
    case conditionCheck(table: String, key: Item, condition: String, expressions: ExpressionBuilder)
}

extension DynamoDBClient {
    public static let transactWriteLimit = 100

    /// Applies up to 100 writes atomically: all or none.
    ///
    /// `clientRequestToken` makes the call idempotent for 10 minutes: DynamoDB applies a repeat
    /// with the same token only once. One is generated if not given, and the same token is sent
    /// on every retry, so a retry after a lost answer never applies the transaction twice.
    ///
    /// - Throws: `DynamoDBError` `TransactionCanceledException` with `cancellationReasons`
    ///   (one per item) when a condition failed; `TooManyTransactionItems` for more than 100.
    public func transactWriteItems(_ items: [TransactWriteItem], clientRequestToken: String? = nil) async throws {
        guard items.count <= Self.transactWriteLimit else {
            throw DynamoDBError(code: "TooManyTransactionItems",
                                message: "A transaction can hold at most \(Self.transactWriteLimit) items; this one has \(items.count). It cannot be split without losing atomicity.",
                                operation: "TransactWriteItems", endpoint: endpoint)
        }
        guard !items.isEmpty else { return }
        var body = Array("{\"TransactItems\":[".utf8)
        var tables = Set<String>()
        for (i, item) in items.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            var inner = JSONObjectWriter()
            let kind: String
            switch item {
            case let .put(p):
                kind = "Put"
                tables.insert(p.table)
                inner.string("TableName", p.table)
                inner.item("Item", p.item)
                inner.string("ConditionExpression", p.condition)
                inner.expressions(p.expressions)
            case let .update(u):
                kind = "Update"
                tables.insert(u.table)
                inner.string("TableName", u.table)
                inner.item("Key", u.key)
                inner.string("UpdateExpression", u.update)
                inner.string("ConditionExpression", u.condition)
                inner.expressions(u.expressions)
            case let .delete(d):
                kind = "Delete"
                tables.insert(d.table)
                inner.string("TableName", d.table)
                inner.item("Key", d.key)
                inner.string("ConditionExpression", d.condition)
                inner.expressions(d.expressions)
            case let .conditionCheck(table, key, condition, expressions):
                kind = "ConditionCheck"
                tables.insert(table)
                inner.string("TableName", table)
                inner.item("Key", key)
                inner.string("ConditionExpression", condition)
                inner.expressions(expressions)
            }
            var wrapper = JSONObjectWriter()
            wrapper.raw(kind, inner.finish())
            body += wrapper.finish()
        }
        body += Array("],\"ClientRequestToken\":".utf8)
        JSONWriter.string(clientRequestToken ?? UUID().uuidString, to: &body)
        body.append(UInt8(ascii: "}"))
        _ = try await call("TransactWriteItems", body: body, table: tables.count == 1 ? tables.first : nil, idempotency: .idempotent)
    }
}
