import DynamoDB
import StudyModel
import StudyStore

/// Users on `<prefix>-users` (key id; EmailIndex(email), UsernameIndex(username)).
///
/// A GSI cannot keep email and username unique, so every user has two guard items in
/// `<prefix>-unique`, keyed `email#<lowercased address>` and `username#<lowercased name>`,
/// holding the user's id. A registration writes the user and both guards in one
/// TransactWriteItems, each guard with attribute_not_exists: of two concurrent registrations
/// for one address, exactly one commits. The guards also answer the case-insensitive lookups
/// with a strongly consistent GetItem; the GSIs are the fallback for users written by other
/// tools (the web app) that have no guards.
struct DynamoUserService: UserService {
    let table: ItemTable<User>
    let db: Dynamo
    let unique: String

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        unique = schema.unique
        table = ItemTable(db: db, name: schema.users, entity: "user", keyName: "id", key: { $0.id },
                          indexes: ["EmailIndex": ["email"], "UsernameIndex": ["username"]])
    }

    static func emailGuard(_ email: String) -> String { "email#\(email.lowercased())" }
    static func usernameGuard(_ username: String) -> String { "username#\(Username.key(username))" }

    private func guardItem(_ key: String, _ userId: String) -> Item {
        ["uniqueKey": .s(key), "userId": .s(userId)]
    }

    /// Put a guard only if nobody holds it.
    private func claim(_ key: String, _ userId: String) -> TransactWriteItem {
        var x = ExpressionBuilder()
        let condition = x.attributeNotExists("uniqueKey")
        return .put(PutItemRequest(table: unique, item: guardItem(key, userId), condition: condition, expressions: x))
    }

    /// Delete a guard unless it belongs to someone else.
    private func release(_ key: String, _ userId: String) -> TransactWriteItem {
        var x = ExpressionBuilder()
        let condition = "\(x.attributeNotExists("uniqueKey")) OR \(x.equals("userId", .s(userId)))"
        return .delete(DeleteItemRequest(table: unique, key: ["uniqueKey": .s(key)], condition: condition, expressions: x))
    }

    func create(_ user: User) async throws -> User {
        _ = try validated(user) { try $0.validate() }
        var x = ExpressionBuilder()
        let isNew = x.attributeNotExists("id")
        let item = try table.encode(user)
        do {
            try await db.transact([
                .put(PutItemRequest(table: table.name, item: item, condition: isNew, expressions: x)),
                claim(Self.emailGuard(user.email), user.id),
                claim(Self.usernameGuard(user.username), user.id),
            ])
        } catch where isTransactionFailure(error) {
            // A transaction re-sent after it was applied fails its own conditions: ours, so done.
            if try await table.holds(id: user.id, revisionOf: item) == true { return user }
            throw try await duplicateError(error, user)
        } catch StoreError.outcomeUnknown {
            try await table.settleCreate(id: user.id, wrote: item)
        }
        return user
    }

    /// Names the unique field that a refused registration collided with.
    private func duplicateError(_ error: Error, _ user: User) async throws -> Error {
        var failed = failedConditions(error)
        if failed.isEmpty {
            // No reasons given (some servers): look at what exists.
            if try await table.getItem(id: user.id) != nil { failed.insert(0) }
            if try await db.get(unique, ["uniqueKey": .s(Self.emailGuard(user.email))]) != nil { failed.insert(1) }
            if try await db.get(unique, ["uniqueKey": .s(Self.usernameGuard(user.username))]) != nil { failed.insert(2) }
        }
        if failed.contains(0) { return StoreError.duplicate(entity: "user", field: "id", value: user.id) }
        if failed.contains(1) { return StoreError.duplicate(entity: "user", field: "email", value: user.email) }
        if failed.contains(2) { return StoreError.duplicate(entity: "user", field: "username", value: user.username) }
        return StoreError.conflict(entity: "user", id: user.id)
    }

    func get(id: String) async throws -> User? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [User] { try await table.batchGet(ids: ids) }

    func get(email: String) async throws -> User? {
        try await lookup(guardKey: Self.emailGuard(email), index: "EmailIndex", value: email) {
            $0.email.lowercased() == email.lowercased()
        }
    }

    func get(username: String) async throws -> User? {
        try await lookup(guardKey: Self.usernameGuard(username), index: "UsernameIndex", value: username) {
            Username.key($0.username) == Username.key(username)
        }
    }

    private func lookup(guardKey: String, index: String, value: String, matches: (User) -> Bool) async throws -> User? {
        if let owner = try await db.get(unique, ["uniqueKey": .s(guardKey)])?["userId"]?.stringValue,
           let user = try await get(id: owner), matches(user) {
            return user
        }
        // Users written without guards (by other tools): the seeds' index, exact spelling.
        let (items, _) = try await table.queryItems(index: index, partition: value, descending: false, limit: 1, cursor: nil)
        return try items.first.map(table.decode).flatMap { matches($0) ? $0 : nil }
    }

    /// Replaces the user; a changed email or username moves its guard in the same transaction.
    func update(_ user: User) async throws -> User {
        _ = try validated(user) { try $0.validate() }
        for round in 0..<optimisticAttempts {
            guard let oldItem = try await table.getItem(id: user.id) else { throw StoreError.notFound(entity: "user", id: user.id) }
            let old = try table.decode(oldItem)
            var x = ExpressionBuilder()
            let unchanged = table.unchanged(oldItem, &x)
            var writes: [TransactWriteItem] = [
                .put(PutItemRequest(table: table.name, item: try table.encode(user), condition: unchanged, expressions: x)),
            ]
            var fields: [Int: String] = [:]
            for (field, before, after) in [("email", Self.emailGuard(old.email), Self.emailGuard(user.email)),
                                           ("username", Self.usernameGuard(old.username), Self.usernameGuard(user.username))]
            where before != after {
                fields[writes.count] = field
                writes.append(claim(after, user.id))
                writes.append(release(before, user.id))
            }
            do {
                try await db.transact(writes)
                return user
            } catch where isTransactionFailure(error) {
                let failed = failedConditions(error)
                if let taken = failed.compactMap({ fields[$0] }).first {
                    let value = taken == "email" ? user.email : user.username
                    throw StoreError.duplicate(entity: "user", field: taken, value: value)
                }
                await backoff(round)
            }
        }
        throw StoreError.conflict(entity: "user", id: user.id)
    }

    /// Deletes the user and releases its email and username.
    func delete(id: String) async throws {
        for round in 0..<optimisticAttempts {
            guard let oldItem = try await table.getItem(id: id) else { throw StoreError.notFound(entity: "user", id: id) }
            let old = try table.decode(oldItem)
            var x = ExpressionBuilder()
            let unchanged = table.unchanged(oldItem, &x)
            do {
                try await db.transact([
                    .delete(DeleteItemRequest(table: table.name, key: table.keyItem(id), condition: unchanged, expressions: x)),
                    release(Self.emailGuard(old.email), id),
                    release(Self.usernameGuard(old.username), id),
                ])
                return
            } catch where isTransactionFailure(error) {
                await backoff(round)
            }
        }
        throw StoreError.conflict(entity: "user", id: id)
    }

    /// All users by a paginated Scan (no index covers "every user"); order is DynamoDB's.
    func list(_ page: PageRequest) async throws -> Page<User> { try await table.scanPage(page) }
}
