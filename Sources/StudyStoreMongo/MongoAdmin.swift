import Foundation
import StudyModel
import StudyStore

/// `setup`, `tables` and `doctor` on MongoDB. Only StudyCircle's collections of the configured
/// database are ever listed or dropped; other collections in that database are never touched.
struct MongoAdmin: StoreAdmin {
    let connection: MongoConnection
    let schema: MongoSchema

    /// Creates the indexes, then gives rooms and documents that other tools wrote without a
    /// name key or text hash theirs, oldest first (a later room of a taken name, or a later
    /// copy of a text its owner already has, keeps none; nothing is merged or deleted).
    /// Safe to run again.
    func setup(progress: @Sendable (String) -> Void) async throws -> [String] {
        var lines = try await createIndexes(progress: progress)
        let keyed = try await MongoChatRoomService(connection, schema).keyAll()
        if keyed > 0 {
            let line = "Rooms: \(keyed) room\(keyed == 1 ? "" : "s") made by other tools now hold \(keyed == 1 ? "its" : "their") name (oldest first)."
            lines.append(line)
            progress(line)
        }
        let hashed = try await MongoContentService(connection, schema).fingerprintAll()
        if hashed > 0 {
            let line = "Library: \(hashed) document\(hashed == 1 ? "" : "s") made by other tools now recognised by text when added again."
            lines.append(line)
            progress(line)
        }
        return lines
    }

    /// Creates every collection's indexes. `createIndexes` with the same definitions changes
    /// nothing, so running it again is safe; a collection is created by its first index.
    func createIndexes(progress: @Sendable (String) -> Void) async throws -> [String] {
        var lines: [String] = []
        let existing = Set(try await mongo(connection) { try await connection.collectionNames() })
        for (name, indexes) in schema.collections {
            let before = existing.contains(name) ? try await mongo(connection) { try await connection.collection(name).indexes() } : []
            let missing = indexes.filter { !Self.covered($0, by: before) }
            if !missing.isEmpty {
                _ = try await mongo(connection) {
                    try await connection.writeCommand(["createIndexes": .string(name),
                                                       "indexes": .array(missing.map { .document($0.document) })])
                }
            }
            let line = missing.isEmpty
                ? "Collection \(name) and its \(indexes.count) indexes already exist; nothing to do."
                : "\(existing.contains(name) ? "Collection \(name): created" : "Created collection \(name) with") \(missing.count) index\(missing.count == 1 ? "" : "es") (\(missing.map(\.name).joined(separator: ", ")))."
            lines.append(line)
            progress(line)
        }
        return lines
    }

    /// True when an existing index already serves `index`: same name, or the same keys under
    /// another name (the web app's Mongoose indexes, e.g. a unique `email_1`, which MongoDB
    /// would refuse to duplicate), or any text index for ours (a collection has at most one;
    /// the server lists it as `_fts`).
    static func covered(_ index: MongoSchema.Index, by existing: [BSONDocument]) -> Bool {
        let isText = index.keys.contains { $0.1 == .string("text") }
        return existing.contains { found in
            if found["name"]?.stringValue == index.name { return true }
            guard let keys = found["key"]?.documentValue else { return false }
            if isText { return keys["_fts"] != nil || keys.fields.contains { $0.value == .string("text") } }
            guard keys.fields.count == index.keys.count else { return false }
            return zip(keys.fields, index.keys).allSatisfy { field, wanted in
                field.key == wanted.0 && field.value.intValue == wanted.1.intValue
            } && (!index.unique || found["unique"]?.boolValue == true)
        }
    }

    func listTables() async throws -> [TableInfo] {
        let present = Set(try await mongo(connection) { try await connection.collectionNames() })
        var infos: [TableInfo] = []
        for name in schema.collectionNames where present.contains(name) {
            let count = try await mongo(connection) { try await connection.collection(name).count() }
            infos.append(TableInfo(name: name, status: "ok", itemCount: count))
        }
        return infos
    }

    func tablesToDelete() async throws -> [String] { try await listTables().map(\.name) }

    func deleteTables() async throws -> [String] {
        var dropped: [String] = []
        for name in try await tablesToDelete() where try await mongo(connection, { try await connection.collection(name).drop() }) {
            dropped.append(name)
        }
        return dropped
    }

    func healthChecks() async -> [HealthCheck] {
        var checks: [HealthCheck] = [HealthCheck(name: "connection string", status: .ok,
                                                 detail: "\(connection.maskedURI) (database \(connection.database))")]
        do {
            _ = try await connection.command(["ping": .int32(1)])
            checks.append(HealthCheck(name: "server", status: .ok, detail: "reachable; login accepted"))
        } catch let error as MongoError where error.isAuthentication {
            checks.append(HealthCheck(name: "authentication", status: .problem, detail: "the server refused the login",
                                      fix: "Check the user name and password in MONGODB_URI (and authSource=admin if the user was created there)."))
            return checks
        } catch let error as MongoError where error.isConnection {
            checks.append(HealthCheck(name: "server", status: .problem, detail: "unreachable: \(MongoConnection.scrub(error.message, connection.maskedURI))",
                                      fix: "Start MongoDB or fix the host and port in MONGODB_URI (default mongodb://127.0.0.1:27017/ai-study-circle)."))
            return checks
        } catch {
            checks.append(HealthCheck(name: "server", status: .problem, detail: "\(storeError(error, connection))",
                                      fix: "Check MONGODB_URI."))
            return checks
        }
        if let info = try? await connection.command(["buildInfo": .int32(1)], database: "admin"), let version = info["version"]?.stringValue {
            let major = Int(version.split(separator: ".").first ?? "") ?? 0
            checks.append(HealthCheck(name: "server version", status: major >= 4 || major == 0 ? .ok : .warning,
                                      detail: "MongoDB \(version)",
                                      fix: major >= 4 || major == 0 ? "" : "MongoDB 4.0 or newer is needed; upgrade the server."))
        }
        let present: Set<String>
        do {
            present = Set(try await connection.collectionNames())
        } catch {
            checks.append(HealthCheck(name: "collections", status: .problem, detail: "\(storeError(error, connection))",
                                      fix: "The user needs the readWrite role on database '\(connection.database)'."))
            return checks
        }
        for (name, indexes) in schema.collections {
            guard present.contains(name) else {
                checks.append(HealthCheck(name: "collection \(name)", status: .problem, detail: "missing",
                                          fix: "Run `studycircle setup` to create the collections' indexes."))
                continue
            }
            let present = (try? await connection.collection(name).indexes()) ?? []
            let missing = indexes.filter { !Self.covered($0, by: present) }.map(\.name)
            if missing.isEmpty {
                checks.append(HealthCheck(name: "collection \(name)", status: .ok, detail: "\(indexes.count) indexes present"))
            } else {
                let uniqueMissing = indexes.contains { $0.unique && missing.contains($0.name) }
                checks.append(HealthCheck(name: "collection \(name)", status: uniqueMissing ? .problem : .warning,
                                          detail: "missing index\(missing.count == 1 ? "" : "es"): \(missing.joined(separator: ", "))",
                                          fix: "Run `studycircle setup` (safe to re-run) to create them."
                                            + (uniqueMissing ? " Without them emails, usernames, room names and document texts are not kept unique." : "")))
            }
        }
        return checks
    }
}
