import DynamoDB
import StudyModel

/// The client as the services use it: every failure that is not one the service handles itself
/// (a failed condition, a cancelled transaction) becomes a `StoreError` in plain words.
struct Dynamo: Sendable {
    let client: DynamoDBClient

    /// Runs `body`, passing condition failures through and turning other DynamoDB errors into
    /// `StoreError`: a missing table is `missingSchema` ("Run `studycircle setup`"), the rest
    /// `unavailable` with the client's explanation.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DynamoDBError {
            throw Self.mapped(error)
        }
    }

    static func mapped(_ error: DynamoDBError) -> Error {
        if error.isConditionalCheckFailed || error.isTransactionCanceled || error.code == "TransactionConflictException" {
            return error
        }
        if error.isResourceNotFound { return StoreError.missingSchema(error.plainWords) }
        if writeMayHaveLanded(error) { return StoreError.outcomeUnknown(unconfirmed) }
        return StoreError.unavailable(error.plainWords)
    }

    /// What is known after a write whose answer was lost, before anyone checked.
    static let unconfirmed = "DynamoDB did not confirm the change (the connection broke or the server failed after the request was sent), so it may or may not have been stored."

    static let writeOperations: Set<String> = ["PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"]

    /// A write that failed after it was sent (a reset or timeout after sending, a 5xx, a
    /// damaged answer) may have been applied: its outcome is unknown.
    static func writeMayHaveLanded(_ error: DynamoDBError) -> Bool {
        guard writeOperations.contains(error.operation) else { return false }
        if let transport = error.transportError { return transport.requestMayHaveBeenSent }
        if error.code == "ChecksumMismatch" || error.code == "InvalidResponse" { return true }
        return error.httpStatus >= 500
    }

    func put(_ request: PutItemRequest) async throws -> Item? { try await run { try await client.putItem(request) } }
    func get(_ table: String, _ key: Item) async throws -> Item? {
        try await run { try await client.getItem(table: table, key: key, consistentRead: true) }
    }
    func update(_ request: UpdateItemRequest) async throws -> Item? { try await run { try await client.updateItem(request) } }
    func delete(_ request: DeleteItemRequest) async throws -> Item? { try await run { try await client.deleteItem(request) } }
    func query(_ request: QueryRequest) async throws -> ItemPage { try await run { try await client.query(request) } }
    func scan(_ request: ScanRequest) async throws -> ItemPage { try await run { try await client.scan(request) } }
    func batchGet(_ table: String, _ keys: [Item]) async throws -> [Item] {
        guard !keys.isEmpty else { return [] }
        return try await run { try await client.batchGetItem(table: table, keys: keys, consistentRead: true) }
    }
    func batchWrite(_ writes: [BatchWrite]) async throws {
        guard !writes.isEmpty else { return }
        try await run { try await client.batchWriteItem(writes) }
    }
    func transact(_ items: [TransactWriteItem]) async throws { try await run { try await client.transactWriteItems(items) } }

    /// Every item of a query, following LastEvaluatedKey. Only for sets that are small by
    /// nature (one exam's attempts on delete, one document's chunks, one template category).
    func queryAll(_ request: QueryRequest, cap: Int = 10_000) async throws -> [Item] {
        var request = request
        var items: [Item] = []
        repeat {
            let page = try await query(request)
            items += page.items
            request.exclusiveStartKey = page.lastEvaluatedKey
        } while request.exclusiveStartKey != nil && items.count < cap
        return items
    }
}

/// True when a write was refused because its condition did not hold.
func isConditionFailure(_ error: Error) -> Bool {
    (error as? DynamoDBError)?.isConditionalCheckFailed ?? false
}

/// True when a transaction lost a race or a condition in it failed.
func isTransactionFailure(_ error: Error) -> Bool {
    guard let error = error as? DynamoDBError else { return false }
    return error.isTransactionCanceled || error.code == "TransactionConflictException"
}

/// Which items of a cancelled transaction failed their condition (by position).
func failedConditions(_ error: Error) -> Set<Int> {
    guard let error = error as? DynamoDBError else { return [] }
    return Set(error.cancellationReasons.enumerated().filter { $0.element.code == "ConditionalCheckFailed" }.map(\.offset))
}

/// A short pause with jitter before retrying an optimistic write that lost a race.
func backoff(_ attempt: Int) async {
    let ms = min(200, 5 << min(attempt, 5))
    try? await Task.sleep(for: .milliseconds(Int.random(in: ms / 2...ms)))
}

/// How many times an optimistic write is tried before the caller hears `StoreError.conflict`.
let optimisticAttempts = 25
