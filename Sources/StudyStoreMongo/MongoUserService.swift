import Foundation
import StudyModel
import StudyStore

/// Users on `users`. Email and username are unique case-insensitively through two derived
/// fields, `emailKey` (lowercased, NFC-normalised) and `usernameKey` (`Username.key`: NFKC,
/// case-folded), each with a unique index:
/// of two concurrent registrations for one address, the server admits exactly one. Documents
/// written by the web app have no keys (sparse indexes skip them); they are found through the
/// seeds' `email` / `username` fields instead.
struct MongoUserService: UserService {
    let table: MongoTable<User>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<User>(keyName: "id", entity: "user")
        mapping.defaults = ["password": .string(""), "role": .string("student"), "subscriptionPlan": .string("free"),
                            "preferences": .document([:]),
                            "apiUsage": .document(["month": .string(""), "requests": .int32(0), "totalRequests": .int32(0)])]
        mapping.prepare = { user, doc in
            doc["emailKey"] = .string(Self.key(user.email))
            doc["usernameKey"] = .string(Username.key(user.username))
        }
        mapping.restore = { doc in
            doc["emailKey"] = nil
            doc["usernameKey"] = nil
            // The web app's users may lack the counters' parts.
            if case .document(var usage)? = doc["apiUsage"] {
                if usage["month"] == nil { usage["month"] = .string("") }
                if usage["requests"] == nil { usage["requests"] = .int32(0) }
                if usage["totalRequests"] == nil { usage["totalRequests"] = .int32(0) }
                doc["apiUsage"] = .document(usage)
            }
        }
        table = MongoTable(collection: connection.collection(schema.users), mapping: mapping, key: { $0.id })
    }

    /// The unique form of an email address.
    static func key(_ text: String) -> String { text.precomposedStringWithCanonicalMapping.lowercased() }

    /// The unique form of a field's value.
    static func key(_ field: String, _ text: String) -> String { field == "username" ? Username.key(text) : key(text) }

    private var connection: MongoConnection { table.connection }

    func create(_ user: User) async throws -> User {
        _ = try validated(user) { try $0.validate() }
        do {
            try await table.insertRaw(try table.encode(user), id: user.id)
            return user
        } catch let error as MongoError where error.isDuplicateKey {
            throw try await duplicate(error, user, checkId: true)
        }
    }

    /// Names the unique field a refused write collided with: from the index the server names,
    /// else by looking at what exists.
    private func duplicate(_ error: MongoError, _ user: User, checkId: Bool) async throws -> Error {
        switch error.duplicateIndexName {
        case "EmailKeyUnique"?: return StoreError.duplicate(entity: "user", field: "email", value: user.email)
        case "UsernameKeyUnique"?: return StoreError.duplicate(entity: "user", field: "username", value: user.username)
        case "_id_"?: return StoreError.duplicate(entity: "user", field: "id", value: user.id)
        default: break
        }
        if checkId, try await table.get(id: user.id) != nil { return StoreError.duplicate(entity: "user", field: "id", value: user.id) }
        if let other = try await holder("emailKey", Self.key(user.email)), other != user.id {
            return StoreError.duplicate(entity: "user", field: "email", value: user.email)
        }
        if let other = try await holder("usernameKey", Username.key(user.username)), other != user.id {
            return StoreError.duplicate(entity: "user", field: "username", value: user.username)
        }
        return StoreError.conflict(entity: "user", id: user.id)
    }

    private func holder(_ field: String, _ value: String) async throws -> String? {
        let docs = try await mongo(connection) {
            try await table.collection.find([field: .string(value)], limit: 1, projection: ["_id": .int32(1)])
        }
        return docs.first.map { DocumentMapping<User>.appAnyId($0["_id"]) }
    }

    func get(id: String) async throws -> User? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [User] { try await table.batchGet(ids: ids) }

    func get(email: String) async throws -> User? {
        try await lookup(keyField: "emailKey", plainField: "email", value: email)
    }

    func get(username: String) async throws -> User? {
        try await lookup(keyField: "usernameKey", plainField: "username", value: username)
    }

    /// By the unique key first; then, for documents other tools wrote without it, the seeds'
    /// field compared case-insensitively (an anchored regex on the field's index).
    private func lookup(keyField: String, plainField: String, value: String) async throws -> User? {
        let key = Self.key(plainField, value)
        let matches: (User) -> Bool = { Self.key(plainField, plainField == "email" ? $0.email : $0.username) == key }
        let byKey = try await mongo(connection) { try await table.collection.find([keyField: .string(key)], limit: 1) }
        if let user = try byKey.map(table.decode).first(where: matches) { return user }
        let typed = plainField == "username" ? Username.normalized(value) : value
        let pattern = "^" + NSRegularExpression.escapedPattern(for: typed) + "$"
        let query: BSONDocument = [keyField: .document(["$exists": .bool(false)]),
                                   plainField: .document(["$regex": .string(pattern), "$options": .string("i")])]
        let docs = try await mongo(connection) { try await table.collection.find(query, limit: 5) }
        return try docs.map(table.decode).first(where: matches)
    }

    /// Replaces the user; the unique indexes refuse an email or username someone else holds.
    func update(_ user: User) async throws -> User {
        _ = try validated(user) { try $0.validate() }
        do {
            let result = try await table.collection.replaceOne(table.idQuery(user.id), try table.encode(user))
            if result.matched == 0 { throw StoreError.notFound(entity: "user", id: user.id) }
            return user
        } catch let error as MongoError where error.isDuplicateKey {
            throw try await duplicate(error, user, checkId: false)
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error, connection, entity: "user", id: user.id)
        }
    }

    /// Deleting the document releases its email and username with it.
    func delete(id: String) async throws { try await table.delete(id: id) }

    /// All users, in `_id` order.
    func list(_ page: PageRequest) async throws -> Page<User> {
        try await table.page([:], sortKey: nil, descending: false, page)
    }
}
