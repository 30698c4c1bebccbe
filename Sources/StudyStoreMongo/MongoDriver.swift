internal import CMongoC
import Dispatch
import Foundation
import StudyModel
import StudyStore

/// An error reported by libmongoc or the server: `domain` and `code` are the driver's
/// (error API version 2: server errors carry the server's code, e.g. 11000 for a duplicate key).
public struct MongoError: Error, CustomStringConvertible, Sendable {
    public var domain: UInt32
    public var code: UInt32
    public var message: String
    /// The server's reply, when there was one (write errors, key patterns).
    public var reply: BSONDocument?

    public var description: String { message }

    static let duplicateKey: UInt32 = 11000
    /// libmongoc's error domains (mongoc_error_domain_t) and the codes we tell apart.
    static let clientDomain: UInt32 = 1, streamDomain: UInt32 = 2, serverSelectionDomain: UInt32 = 15, serverDomain: UInt32 = 17
    static let authenticateCode: UInt32 = 11
    static let streamSocketCode: UInt32 = 4

    var isDuplicateKey: Bool {
        if code == Self.duplicateKey { return true }
        for error in reply?["writeErrors"]?.arrayValue ?? [] where error.documentValue?["code"]?.intValue == 11000 { return true }
        return false
    }

    /// The index a duplicate key error names (e.g. `emailKey_1`), when the server says.
    var duplicateIndexName: String? {
        let texts = [message] + (reply?["writeErrors"]?.arrayValue ?? []).compactMap { $0.documentValue?["errmsg"]?.stringValue }
        for text in texts {
            if let range = text.range(of: "index: ") {
                return String(text[range.upperBound...].prefix { !$0.isWhitespace })
            }
        }
        return nil
    }

    var isAuthentication: Bool {
        (domain == Self.clientDomain && code == Self.authenticateCode) || (domain == Self.serverDomain && code == 18)
    }

    /// The connection broke while the driver waited for the answer (MONGOC_ERROR_STREAM_SOCKET):
    /// a write may have been applied. Failures before sending (name resolution, connect,
    /// server selection) are not this.
    var mayHaveBeenApplied: Bool {
        domain == Self.streamDomain && code == Self.streamSocketCode
    }

    var isConnection: Bool {
        domain == Self.streamDomain || domain == Self.serverSelectionDomain
    }
}

/// A MongoDB connection string with its password hidden, for messages and `doctor`.
public enum MongoURI {
    /// `mongodb://ada:****@host/db`: the password is never shown.
    public static func masked(_ uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[rest.startIndex..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return uri }
        let credentials = authority[authority.startIndex..<at]
        let user = credentials.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return String(uri[uri.startIndex..<scheme.upperBound]) + user + ":****" + String(rest[at...])
    }

    /// The URI with connection settings StudyCircle needs added when the user did not set them:
    /// a 5 s server selection and connect timeout (the driver's 30 s would freeze the app).
    static func withDefaults(_ uri: String) -> String {
        var out = uri
        let lowered = uri.lowercased()
        var extra: [String] = []
        if !lowered.contains("serverselectiontimeoutms=") { extra.append("serverSelectionTimeoutMS=5000") }
        if !lowered.contains("connecttimeoutms=") { extra.append("connectTimeoutMS=5000") }
        if !lowered.contains("appname=") { extra.append("appname=studycircle") }
        guard !extra.isEmpty else { return out }
        if let question = out.firstIndex(of: "?") {
            let hasOptions = out.index(after: question) < out.endIndex
            out += (hasOptions ? "&" : "") + extra.joined(separator: "&")
        } else {
            // mongodb://host:port needs a "/" before the options.
            if let scheme = out.range(of: "://"), !out[scheme.upperBound...].contains("/") { out += "/" }
            out += "?" + extra.joined(separator: "&")
        }
        return out
    }
}

/// One libmongoc client pool (connection pooling, authentication, TLS, server selection and
/// retryable writes are the driver's) and the database StudyCircle uses. Every blocking driver
/// call runs on a dispatch queue, never on the Swift concurrency pool.
public final class MongoConnection: @unchecked Sendable {
    // @unchecked: `pool` is thread-safe by libmongoc's contract (pop/push from any thread);
    // each popped client is used by one thread at a time.
    private let pool: OpaquePointer
    private let uriHandle: OpaquePointer
    public let database: String
    /// The URI with the password masked.
    public let maskedURI: String
    private let queue = DispatchQueue(label: "studycircle.mongo", attributes: .concurrent)

    /// Parses `uri` and creates the pool. Nothing is contacted yet.
    /// - Throws: `StoreError.unavailable` when libmongoc is missing, the URI is malformed or names no database.
    public init(uri: String) throws {
        maskedURI = MongoURI.masked(uri)
        guard sc_mongo_available() != 0 else {
            throw StoreError.unavailable(
                "DB_TYPE=mongodb needs the MongoDB C driver (libmongoc 1.x), which is not installed. "
                + "Install it (Debian/Ubuntu: apt-get install libmongoc-1.0-0) or run scripts/install-deps.sh.")
        }
        let error = sc_bson_error_new()
        defer { free(error) }
        guard let handle = sc_mongoc_uri_new_with_error(MongoURI.withDefaults(uri), error) else {
            let reason = error.map { String(cString: sc_bson_error_message($0)) } ?? "malformed"
            throw StoreError.unavailable(
                "The MongoDB URI \(maskedURI) is not valid: \(MongoConnection.scrub(reason, uri)). "
                + "Use the form mongodb://[user:password@]host[:port]/database.")
        }
        guard let name = sc_mongoc_uri_get_database(handle).map({ String(cString: $0) }), !name.isEmpty else {
            sc_mongoc_uri_destroy(handle)
            throw StoreError.unavailable(
                "The MongoDB URI \(maskedURI) names no database. Add one after the host, as the web app does: "
                + "mongodb://HOST:27017/ai-study-circle.")
        }
        guard let pool = sc_mongoc_client_pool_new(handle) else {
            sc_mongoc_uri_destroy(handle)
            throw StoreError.unavailable("The MongoDB client for \(maskedURI) could not be created; check the URI's options.")
        }
        _ = sc_mongoc_client_pool_set_error_api(pool, 2)
        self.pool = pool
        self.uriHandle = handle
        self.database = name
    }

    deinit {
        sc_mongoc_client_pool_destroy(pool)
        sc_mongoc_uri_destroy(uriHandle)
    }

    /// Removes the password from a driver message that might quote the URI.
    static func scrub(_ message: String, _ uri: String) -> String {
        message.replacingOccurrences(of: uri, with: MongoURI.masked(uri))
    }

    /// Runs `body` with a pooled client on the driver queue.
    func run<T: Sendable>(_ body: @escaping @Sendable (OpaquePointer) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                let pool = self.pool
                guard let client = sc_mongoc_client_pool_pop(pool) else {
                    continuation.resume(throwing: MongoError(domain: 0, code: 0, message: "no client available", reply: nil))
                    return
                }
                defer { sc_mongoc_client_pool_push(pool, client) }
                continuation.resume(with: Result { try body(client) })
            }
        }
    }

    /// Runs one database command (ping, buildInfo, …) and returns its reply.
    public func command(_ command: BSONDocument, database: String? = nil) async throws -> BSONDocument {
        let db = database ?? self.database
        return try await run { client in
            try withBSON(command) { cmd in
                try withReply { reply, error in
                    sc_mongoc_client_command_simple(client, db, cmd, nil, reply, error)
                }
            }
        }
    }

    /// The names of the database's collections.
    public func collectionNames() async throws -> [String] {
        let db = database
        return try await run { client in
            guard let handle = sc_mongoc_client_get_database(client, db) else { return [] }
            defer { sc_mongoc_database_destroy(handle) }
            let error = sc_bson_error_new()
            defer { free(error) }
            guard let names = sc_mongoc_database_get_collection_names_with_opts(handle, nil, error) else {
                throw MongoError.from(error, reply: nil)
            }
            defer { sc_bson_strfreev(names) }
            var out: [String] = []
            var i = 0
            while let name = names[i] { out.append(String(cString: name)); i += 1 }
            return out
        }
    }

    /// Runs a write command (createIndexes) on the database.
    func writeCommand(_ command: BSONDocument) async throws -> BSONDocument {
        let db = database
        return try await run { client in
            guard let handle = sc_mongoc_client_get_database(client, db) else { throw MongoError.noHandle }
            defer { sc_mongoc_database_destroy(handle) }
            return try withBSON(command) { cmd in
                try withReply { reply, error in sc_mongoc_database_write_command_with_opts(handle, cmd, nil, reply, error) }
            }
        }
    }

    /// A collection of this connection's database.
    public func collection(_ name: String) -> MongoCollection { MongoCollection(connection: self, name: name) }
}

extension MongoError {
    static let noHandle = MongoError(domain: 0, code: 0, message: "the driver returned no handle", reply: nil)

    static func from(_ error: UnsafeMutablePointer<bson_error_t>?, reply: BSONDocument?) -> MongoError {
        guard let error else { return MongoError(domain: 0, code: 0, message: "unknown driver error", reply: reply) }
        return MongoError(domain: error.pointee.domain, code: error.pointee.code,
                          message: String(cString: sc_bson_error_message(error)), reply: reply)
    }
}

/// Calls `body` with a driver-owned copy of `doc`.
func withBSON<T>(_ doc: BSONDocument, _ body: (OpaquePointer) throws -> T) throws -> T {
    let bytes = doc.encoded()
    guard let handle = bytes.withUnsafeBufferPointer({ sc_bson_new_from_data($0.baseAddress, $0.count) }) else {
        throw MongoError(domain: 0, code: 0, message: "the driver refused a document", reply: nil)
    }
    defer { sc_bson_destroy(handle) }
    return try body(handle)
}

func withOptionalBSON<T>(_ doc: BSONDocument?, _ body: (OpaquePointer?) throws -> T) throws -> T {
    guard let doc else { return try body(nil) }
    return try withBSON(doc) { try body($0) }
}

/// Reads a driver-owned document.
func document(of handle: OpaquePointer) throws -> BSONDocument {
    // A reply the driver never initialised is still all zeros: nothing to read (and
    // bson_get_data would follow a null buffer pointer).
    guard sc_bson_len(handle) >= 5, let data = sc_bson_get_data(handle) else { return BSONDocument() }
    return try BSONDocument(bytes: UnsafeRawBufferPointer(start: data, count: Int(sc_bson_len(handle))))
}

/// Calls a driver function that fills a reply and an error; returns the reply or throws.
func withReply(_ call: (OpaquePointer, UnsafeMutablePointer<bson_error_t>) -> Bool) throws -> BSONDocument {
    guard let reply = sc_mongo_reply_new(), let error = sc_bson_error_new() else {
        throw MongoError(domain: 0, code: 0, message: "out of memory", reply: nil)
    }
    defer { sc_mongo_reply_free(reply); free(error) }
    let ok = call(reply, error)
    let parsed = try? document(of: reply)
    guard ok else { throw MongoError.from(error, reply: parsed) }
    return parsed ?? BSONDocument()
}
