internal import CMongoC
import Foundation

/// One collection of the connection's database, with the operations the services use. Each
/// call borrows a pooled client for its duration; the driver retries what it may retry.
public struct MongoCollection: Sendable {
    public let connection: MongoConnection
    public let name: String

    /// The outcome of an update or replace.
    public struct UpdateResult: Sendable {
        public var matched: Int
        public var modified: Int
        public var upserted: Bool
    }

    private func with<T: Sendable>(_ body: @escaping @Sendable (OpaquePointer) throws -> T) async throws -> T {
        let db = connection.database
        let name = self.name
        return try await connection.run { client in
            guard let handle = sc_mongoc_client_get_collection(client, db, name) else { throw MongoError.noHandle }
            defer { sc_mongoc_collection_destroy(handle) }
            return try body(handle)
        }
    }

    /// Inserts one document; an existing `_id` (or unique key) is a duplicate-key `MongoError`.
    public func insertOne(_ doc: BSONDocument) async throws {
        _ = try await with { c in
            try withBSON(doc) { d in try withReply { r, e in sc_mongoc_collection_insert_one(c, d, nil, r, e) } }
        }
    }

    /// Inserts many documents unordered; duplicates of existing `_id`s are skipped.
    /// Returns how many were inserted. Any other write error is thrown.
    public func insertMany(_ docs: [BSONDocument]) async throws -> Int {
        guard !docs.isEmpty else { return 0 }
        return try await with { c in
            let handles = try docs.map { doc -> OpaquePointer in
                let bytes = doc.encoded()
                guard let h = bytes.withUnsafeBufferPointer({ sc_bson_new_from_data($0.baseAddress, $0.count) }) else {
                    throw MongoError.noHandle
                }
                return h
            }
            defer { handles.forEach { sc_bson_destroy($0) } }
            var pointers: [OpaquePointer?] = handles
            do {
                let reply = try withBSON(["ordered": .bool(false)]) { opts in
                    try withReply { r, e in
                        pointers.withUnsafeMutableBufferPointer { sc_mongoc_collection_insert_many(c, $0.baseAddress, docs.count, opts, r, e) }
                    }
                }
                return Int(reply["insertedCount"]?.intValue ?? Int64(docs.count))
            } catch let error as MongoError {
                let writeErrors = error.reply?["writeErrors"]?.arrayValue ?? []
                let onlyDuplicates = !writeErrors.isEmpty
                    && writeErrors.allSatisfy { $0.documentValue?["code"]?.intValue == 11000 }
                    && error.reply?["writeConcernErrors"]?.arrayValue?.isEmpty ?? true
                guard onlyDuplicates, let inserted = error.reply?["insertedCount"]?.intValue else { throw error }
                return Int(inserted)
            }
        }
    }

    /// Replaces the first document matching `filter` (its `_id` stays).
    public func replaceOne(_ filter: BSONDocument, _ doc: BSONDocument) async throws -> UpdateResult {
        try await with { c in
            let reply = try withBSON(filter) { f in
                try withBSON(doc) { d in try withReply { r, e in sc_mongoc_collection_replace_one(c, f, d, nil, r, e) } }
            }
            return Self.result(reply)
        }
    }

    /// Applies update operators (`$set`, `$inc`, …) to the first document matching `filter`.
    public func updateOne(_ filter: BSONDocument, _ update: BSONDocument, upsert: Bool = false) async throws -> UpdateResult {
        try await with { c in
            let opts: BSONDocument? = upsert ? ["upsert": .bool(true)] : nil
            let reply = try withBSON(filter) { f in
                try withBSON(update) { u in
                    try withOptionalBSON(opts) { o in try withReply { r, e in sc_mongoc_collection_update_one(c, f, u, o, r, e) } }
                }
            }
            return Self.result(reply)
        }
    }

    private static func result(_ reply: BSONDocument) -> UpdateResult {
        UpdateResult(matched: Int(reply["matchedCount"]?.intValue ?? 0), modified: Int(reply["modifiedCount"]?.intValue ?? 0),
                     upserted: (reply["upsertedCount"]?.intValue ?? 0) > 0 || reply["upsertedId"] != nil)
    }

    /// Deletes one document; returns how many were deleted (0 or 1).
    public func deleteOne(_ filter: BSONDocument) async throws -> Int {
        try await with { c in
            let reply = try withBSON(filter) { f in try withReply { r, e in sc_mongoc_collection_delete_one(c, f, nil, r, e) } }
            return Int(reply["deletedCount"]?.intValue ?? 0)
        }
    }

    /// Deletes every document matching `filter`; returns how many.
    public func deleteMany(_ filter: BSONDocument) async throws -> Int {
        try await with { c in
            let reply = try withBSON(filter) { f in try withReply { r, e in sc_mongoc_collection_delete_many(c, f, nil, r, e) } }
            return Int(reply["deletedCount"]?.intValue ?? 0)
        }
    }

    /// The documents matching `filter`, in `sort` order, at most `limit` (0: no limit).
    public func find(_ filter: BSONDocument, sort: BSONDocument? = nil, limit: Int = 0,
                     projection: BSONDocument? = nil) async throws -> [BSONDocument] {
        var opts = BSONDocument()
        if let sort { opts["sort"] = .document(sort) }
        if limit > 0 { opts["limit"] = .int64(Int64(limit)) }
        if let projection { opts["projection"] = .document(projection) }
        let options = opts
        return try await with { c in
            try withBSON(filter) { f in
                try withBSON(options) { o in
                    guard let cursor = sc_mongoc_collection_find_with_opts(c, f, o, nil) else { throw MongoError.noHandle }
                    return try drain(cursor)
                }
            }
        }
    }

    /// Applies `update` to the first document matching `query` and returns it as it is after
    /// the update (`returnNew`) or before; nil when nothing matched.
    public func findAndModify(_ query: BSONDocument, update: BSONDocument, returnNew: Bool = true,
                              upsert: Bool = false) async throws -> BSONDocument? {
        try await with { c in
            guard let opts = sc_mongoc_find_and_modify_opts_new() else { throw MongoError.noHandle }
            defer { sc_mongoc_find_and_modify_opts_destroy(opts) }
            var flags = MONGOC_FIND_AND_MODIFY_NONE.rawValue
            if returnNew { flags |= MONGOC_FIND_AND_MODIFY_RETURN_NEW.rawValue }
            if upsert { flags |= MONGOC_FIND_AND_MODIFY_UPSERT.rawValue }
            _ = sc_mongoc_find_and_modify_opts_set_flags(opts, mongoc_find_and_modify_flags_t(rawValue: flags))
            let reply = try withBSON(update) { u in
                _ = sc_mongoc_find_and_modify_opts_set_update(opts, u)
                return try withBSON(query) { q in
                    try withReply { r, e in sc_mongoc_collection_find_and_modify_with_opts(c, q, opts, r, e) }
                }
            }
            return reply["value"]?.documentValue
        }
    }

    /// How many documents match `filter` (counted by the server).
    public func count(_ filter: BSONDocument = [:]) async throws -> Int {
        try await with { c in
            try withBSON(filter) { f in
                guard let reply = sc_mongo_reply_new(), let error = sc_bson_error_new() else { throw MongoError.noHandle }
                defer { sc_mongo_reply_free(reply); free(error) }
                let n = sc_mongoc_collection_count_documents(c, f, nil, nil, reply, error)
                guard n >= 0 else { throw MongoError.from(error, reply: try? document(of: reply)) }
                return Int(n)
            }
        }
    }

    /// The collection's indexes as the server describes them.
    public func indexes() async throws -> [BSONDocument] {
        try await with { c in
            guard let cursor = sc_mongoc_collection_find_indexes_with_opts(c, nil) else { throw MongoError.noHandle }
            return try drain(cursor)
        }
    }

    /// Drops the collection; false when it did not exist.
    public func drop() async throws -> Bool {
        try await with { c in
            let error = sc_bson_error_new()
            defer { free(error) }
            if sc_mongoc_collection_drop_with_opts(c, nil, error) { return true }
            let failure = MongoError.from(error, reply: nil)
            if failure.code == 26 || failure.message.contains("ns not found") { return false }
            throw failure
        }
    }
}

/// Reads every document of a driver cursor (getMore is the driver's), then destroys it.
func drain(_ cursor: OpaquePointer) throws -> [BSONDocument] {
    defer { sc_mongoc_cursor_destroy(cursor) }
    var out: [BSONDocument] = []
    var doc: OpaquePointer?
    while sc_mongoc_cursor_next(cursor, &doc) {
        if let doc { out.append(try document(of: doc)) }
    }
    guard let error = sc_bson_error_new() else { throw MongoError.noHandle }
    defer { free(error) }
    var reply: OpaquePointer?
    if sc_mongoc_cursor_error_document(cursor, error, &reply) {
        throw MongoError.from(error, reply: reply.flatMap { try? document(of: $0) })
    }
    return out
}
