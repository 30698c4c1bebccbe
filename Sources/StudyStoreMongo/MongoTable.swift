import Foundation
import StudyModel
import StudyStore

/// Turns driver errors into the store's errors, in words a student can act on. The URI in
/// every message has its password masked.
func storeError(_ error: Error, _ connection: MongoConnection, entity: String = "record", id: String = "") -> Error {
    guard let mongo = error as? MongoError else { return error }
    let place = connection.maskedURI
    if mongo.isDuplicateKey { return StoreError.duplicate(entity: entity, field: "id", value: id) }
    if mongo.isAuthentication {
        return StoreError.unavailable(
            "MongoDB at \(place) refused the login: \(mongo.message) Check the user name and password in MONGODB_URI "
            + "(and authSource if the user lives in another database).")
    }
    if mongo.isConnection {
        return StoreError.unavailable(
            "MongoDB at \(place) cannot be reached: \(mongo.message) Check that the server runs and MONGODB_URI "
            + "names the right host and port; nothing was changed by the failed operation unless it says so.")
    }
    if mongo.domain == MongoError.serverDomain && (mongo.code == 13 || mongo.code == 8000) {
        return StoreError.unavailable("MongoDB at \(place) refused the operation (not authorized): \(mongo.message) "
                                      + "The user needs the readWrite role on database '\(connection.database)'.")
    }
    return StoreError.unavailable("MongoDB at \(place) answered with an error: \(mongo.message)")
}

/// Runs `body`, reporting driver errors as store errors.
func mongo<T>(_ connection: MongoConnection, entity: String = "record", id: String = "",
              _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw storeError(error, connection, entity: entity, id: id)
    }
}

/// What is known after a write whose answer was lost, before anyone checked.
let mongoUnconfirmed = "MongoDB did not confirm the change (the connection broke after the request was sent), so it may or may not have been stored."

/// Runs a write, reporting driver errors as store errors; a write that broke after it was sent
/// is `StoreError.outcomeUnknown`, never "nothing changed".
func mongoWrite<T>(_ connection: MongoConnection, entity: String = "record", id: String = "",
                   _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as MongoError where error.mayHaveBeenApplied {
        throw StoreError.outcomeUnknown(mongoUnconfirmed)
    } catch {
        throw storeError(error, connection, entity: entity, id: id)
    }
}

/// True when two documents hold the same fields and values, in any top-level order (the
/// server moves `_id` first).
func sameFields(_ a: BSONDocument, _ b: BSONDocument) -> Bool {
    guard a.fields.count == b.fields.count else { return false }
    var values: [String: BSON] = [:]
    for field in a.fields { values[field.key] = field.value }
    return b.fields.allSatisfy { values[$0.key] == $0.value }
}

/// A position in a list ordered by (`sortKey`, `_id`): the last item's sort time and id.
struct ListPosition: Codable {
    /// Sort time in ms since 1970; nil for lists ordered by `_id` alone.
    var t: Int64?
    /// The last app id and whether its `_id` is an ObjectId.
    var id: String
    var oid: Bool
}

/// One entity type on one collection: the shared create/get/update/delete and ordered,
/// cursor-paginated lists that the services are made of (the counterpart of the DynamoDB
/// backend's ItemTable).
struct MongoTable<Entity: Codable & Sendable>: Sendable {
    let collection: MongoCollection
    var mapping: DocumentMapping<Entity>
    let key: @Sendable (Entity) -> String

    var connection: MongoConnection { collection.connection }
    var entityName: String { mapping.entity }

    func idQuery(_ id: String) -> BSONDocument { ["_id": DocumentMapping<Entity>.idFilter(id)] }

    func encode(_ entity: Entity) throws -> BSONDocument { try mapping.document(entity) }
    func decode(_ doc: BSONDocument) throws -> Entity { try mapping.entity(doc) }

    /// Inserts a new record; an existing key is `StoreError.duplicate`. A create whose answer
    /// was lost is settled by reading it back (the id is the client's).
    func create(_ entity: Entity) async throws -> Entity {
        try await insert(try encode(entity), id: key(entity))
        return entity
    }

    /// Inserts `doc`; duplicate keys come back as `MongoError` for the caller to name, a lost
    /// answer is settled by `settleCreate`, other errors are store errors.
    func insertRaw(_ doc: BSONDocument, id: String) async throws {
        do {
            try await collection.insertOne(doc)
        } catch let error as MongoError where error.isDuplicateKey {
            throw error
        } catch let error as MongoError where error.mayHaveBeenApplied {
            try await settleCreate(id: id, wrote: doc)
        } catch {
            throw storeError(error, connection, entity: entityName, id: id)
        }
    }

    func insert(_ doc: BSONDocument, id: String) async throws {
        do {
            try await insertRaw(doc, id: id)
        } catch let error as MongoError where error.isDuplicateKey {
            throw StoreError.duplicate(entity: entityName, field: "id", value: id)
        }
    }

    /// After a create whose answer was lost: reads the record back. Returns when our write is
    /// stored; otherwise throws what is now known.
    func settleCreate(id: String, wrote doc: BSONDocument) async throws {
        let stored: BSONDocument?
        do {
            stored = try await collection.find(idQuery(id), limit: 1).first
        } catch {
            throw StoreError.outcomeUnknown(mongoUnconfirmed + " Checking whether the \(entityName) \(id) was stored failed as well "
                                            + "(\(storeError(error, connection))); look before repeating.")
        }
        guard let stored else {
            throw StoreError.outcomeUnknown("MongoDB did not confirm the change, and a check found that the \(entityName) \(id) "
                                            + "is not stored: nothing changed, and repeating is safe.")
        }
        if sameFields(stored, doc) { return }
        throw StoreError.duplicate(entity: entityName, field: "id", value: id)
    }

    func get(id: String) async throws -> Entity? {
        let found = try await mongo(connection) { try await collection.find(idQuery(id), limit: 1) }
        return try found.first.map(decode)
    }

    func batchGet(ids: [String]) async throws -> [Entity] {
        guard !ids.isEmpty else { return [] }
        var byId: [String: Entity] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            var values: [BSON] = []
            for id in chunk {
                values.append(.string(id))
                if let oid = ObjectID(hex: id) { values.append(.objectId(oid)) }
            }
            let docs = try await mongo(connection) { try await collection.find(["_id": .document(["$in": .array(values)])]) }
            for doc in docs {
                let entity = try decode(doc)
                byId[key(entity)] = entity
            }
        }
        return ids.compactMap { byId[$0] }
    }

    /// Replaces the stored record; a missing key is `StoreError.notFound`.
    func update(_ entity: Entity) async throws -> Entity {
        let doc = try encode(entity)
        let id = key(entity)
        let result = try await mongoWrite(connection, entity: entityName, id: id) { try await collection.replaceOne(idQuery(id), doc) }
        if result.matched == 0 { throw StoreError.notFound(entity: entityName, id: id) }
        return entity
    }

    func delete(id: String) async throws {
        let n: Int
        do {
            n = try await mongoWrite(connection) { try await collection.deleteOne(idQuery(id)) }
        } catch StoreError.outcomeUnknown {
            // Gone now means deleted (by us or another): the wanted outcome either way.
            if let left = try? await collection.find(idQuery(id), limit: 1), left.isEmpty { return }
            throw StoreError.outcomeUnknown(mongoUnconfirmed)
        }
        if n == 0 { throw StoreError.notFound(entity: entityName, id: id) }
    }

    /// Applies an update operator document atomically and returns the record after it.
    func modify(id: String, _ update: BSONDocument, filter extra: BSONDocument = [:]) async throws -> Entity? {
        var query = idQuery(id)
        for field in extra.fields { query[field.key] = field.value }
        let after = try await mongoWrite(connection, entity: entityName, id: id) { try await collection.findAndModify(query, update: update) }
        return try after.map(decode)
    }

    /// One page of the records matching `filter`, ordered by `sortKey` (a date attribute) then
    /// `_id`, both descending or both ascending; `sortKey` nil orders by `_id` alone.
    func page(_ filter: BSONDocument, sortKey: String?, descending: Bool, _ request: PageRequest) async throws -> Page<Entity> {
        let position = try request.cursor.map { try CursorCodec.decode(ListPosition.self, from: $0) }
        if let position, sortKey != nil, position.t == nil { throw StoreError.badCursor }
        let direction: BSON = .int32(descending ? -1 : 1)
        var sort = BSONDocument()
        if let sortKey { sort[sortKey] = direction }
        sort["_id"] = direction
        var query = filter
        if let position {
            let after = Self.after(position, sortKey: sortKey, descending: descending)
            query = filter.isEmpty ? after : ["$and": .array([.document(filter), .document(after)])]
        }
        let finalQuery = query
        let docs = try await mongo(connection) { try await collection.find(finalQuery, sort: sort, limit: request.limit + 1) }
        let items = try docs.prefix(request.limit).map(decode)
        var next: PageCursor?
        if docs.count > request.limit, let last = docs.prefix(request.limit).last {
            var t: Int64?
            if let sortKey {
                switch last[sortKey] {
                case .date(let ms)?: t = ms
                case .string(let s)?: t = Timestamp(iso8601: s)?.millisecondsSince1970 ?? 0
                default: t = 0
                }
            }
            var isObjectId = false
            if case .objectId? = last["_id"] { isObjectId = true }
            next = CursorCodec.encode(ListPosition(t: t, id: DocumentMapping<Entity>.appAnyId(last["_id"]), oid: isObjectId))
        }
        return Page(items: items, next: next)
    }

    /// Records strictly after `position` in the list's order.
    static func after(_ position: ListPosition, sortKey: String?, descending: Bool) -> BSONDocument {
        let op = descending ? "$lt" : "$gt"
        let idValue: BSON = position.oid ? (ObjectID(hex: position.id).map(BSON.objectId) ?? .string(position.id)) : .string(position.id)
        var idAfter: BSONDocument = ["_id": .document([op: idValue])]
        // Strings sort before ObjectIds; a comparison only matches its own type, so a list that
        // mixes both (documents from other tools) continues into the other type explicitly.
        if !descending && !position.oid {
            idAfter = ["$or": .array([.document(idAfter), .document(["_id": .document(["$type": .string("objectId")])])])]
        } else if descending && position.oid {
            idAfter = ["$or": .array([.document(idAfter), .document(["_id": .document(["$type": .string("string")])])])]
        }
        guard let sortKey, let t = position.t else { return idAfter }
        var tie: BSONDocument = [sortKey: .date(t)]
        for field in idAfter.fields { tie[field.key] = field.value }
        return ["$or": .array([.document([sortKey: .document([op: .date(t)])]), .document(tie)])]
    }
}

extension DocumentMapping {
    static func appAnyId(_ value: BSON?) -> String { appId(value) ?? "" }
}
