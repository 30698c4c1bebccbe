import DynamoDB
import StudyModel

/// Services that keep a value unique with guard items in `<prefix>-unique`
/// (`uniqueKey` → the id of the record that holds it), written in the record's transaction.
protocol DynamoGuardedService: Sendable {
    var db: Dynamo { get }
    var unique: String { get }
}

extension DynamoGuardedService {
    /// Put a guard only if nobody holds it.
    func claim(_ key: String, _ ownerId: String) -> TransactWriteItem {
        var x = ExpressionBuilder()
        let condition = x.attributeNotExists("uniqueKey")
        return .put(PutItemRequest(table: unique, item: ["uniqueKey": .s(key), "ownerId": .s(ownerId)],
                                   condition: condition, expressions: x))
    }

    /// Delete a guard unless it belongs to someone else.
    func release(_ key: String, _ ownerId: String) -> TransactWriteItem {
        var x = ExpressionBuilder()
        let condition = "\(x.attributeNotExists("uniqueKey")) OR \(x.equals("ownerId", .s(ownerId)))"
        return .delete(DeleteItemRequest(table: unique, key: ["uniqueKey": .s(key)], condition: condition, expressions: x))
    }

    /// The id holding a guard, if any.
    func guardHolder(_ key: String) async throws -> String? {
        try await db.get(unique, ["uniqueKey": .s(key)])?["ownerId"]?.stringValue
    }
}
