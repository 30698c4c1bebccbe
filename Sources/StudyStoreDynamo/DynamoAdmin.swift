import DynamoDB
import StudyModel
import StudyStore

/// `setup`, `tables` and `doctor` on DynamoDB. Only the tables of this prefix's schema are
/// ever listed or deleted: a table of another prefix (or another application) is never touched.
struct DynamoAdmin: StoreAdmin {
    let client: DynamoDBClient
    let schema: DynamoSchema

    /// Creates the missing tables (on-demand billing, every GSI), waits until all are ACTIVE,
    /// and reports each as created or already present. Running it again changes nothing.
    func setup(progress: @Sendable (String) -> Void) async throws -> [String] {
        var lines: [String] = []
        func say(_ line: String) { lines.append(line); progress(line) }
        do {
            for definition in schema.tables {
                if let existing = try await describe(definition.name) {
                    if !existing.isActive {
                        say("Table \(definition.name) exists (\(existing.status)); waiting until it is ACTIVE…")
                        try await client.waitUntilActive(definition.name)
                    }
                    say("Table \(definition.name) already exists; nothing to do.")
                    continue
                }
                do {
                    try await client.createTable(definition)
                    say("Creating table \(definition.name) (\(definition.globalSecondaryIndexes.count) indexes)…")
                } catch let error as DynamoDBError where error.code == "ResourceInUseException" {
                    // Someone else is creating it right now: wait for theirs.
                    say("Table \(definition.name) is being created elsewhere; waiting…")
                }
                try await client.waitUntilActive(definition.name)
                say("Created table \(definition.name); it is ACTIVE.")
            }
            let guarded = try await guardRoomNames()
            if guarded > 0 { say("Guarded the names of \(guarded) rooms stored before room names were unique.") }
            let hashed = try await guardDocumentTexts()
            if hashed > 0 { say("Recorded the text fingerprint of \(hashed) documents stored before re-adds were recognised.") }
        } catch let error as DynamoDBError {
            throw StoreError.unavailable(error.plainWords)
        }
        return lines
    }

    /// Gives documents stored before texts were fingerprinted their hash and guard, oldest
    /// first, so re-adding one is recognised. A later copy of a text its owner already has
    /// keeps neither (nothing is deleted). Returns how many were fingerprinted.
    func guardDocumentTexts() async throws -> Int {
        var x = ExpressionBuilder()
        let filter = x.attributeNotExists("contentHash")
        let projection = x.projection(["id", "createdAt"])
        var request = ScanRequest(table: schema.content, filter: filter, expressions: x, consistentRead: true, projection: projection)
        var documents: [(createdAt: String, id: String)] = []
        repeat {
            let page = try await client.scan(request)
            documents += page.items.compactMap { item in item["id"]?.stringValue.map { (item["createdAt"]?.stringValue ?? "", $0) } }
            request.exclusiveStartKey = page.lastEvaluatedKey
        } while request.exclusiveStartKey != nil
        guard !documents.isEmpty else { return 0 }
        let content = DynamoContentService(Dynamo(client: client), schema)
        var done = 0
        for entry in documents.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            guard let document = try await content.get(id: entry.id) else { continue }
            if try await content.fingerprint(document) { done += 1 }
        }
        return done
    }

    /// Gives rooms stored before room names were unique (or by other tools) the guard of their
    /// name, oldest first; a later room of a taken name keeps none (nothing is merged or
    /// renamed). Returns how many guards were written. Rooms are few: one Scan of their names.
    func guardRoomNames() async throws -> Int {
        var x = ExpressionBuilder()
        let projection = x.projection(["roomId", "name", "createdAt"])
        var request = ScanRequest(table: schema.rooms, expressions: x, consistentRead: true, projection: projection)
        var rooms: [(createdAt: String, roomId: String, name: String)] = []
        repeat {
            let page = try await client.scan(request)
            for item in page.items {
                guard let roomId = item["roomId"]?.stringValue, let name = item["name"]?.stringValue else { continue }
                rooms.append((item["createdAt"]?.stringValue ?? "", roomId, name))
            }
            request.exclusiveStartKey = page.lastEvaluatedKey
        } while request.exclusiveStartKey != nil
        var written = 0
        for room in rooms.sorted(by: { ($0.createdAt, $0.roomId) < ($1.createdAt, $1.roomId) }) {
            var y = ExpressionBuilder()
            let free = y.attributeNotExists("uniqueKey")
            do {
                _ = try await client.putItem(PutItemRequest(
                    table: schema.unique, item: ["uniqueKey": .s(DynamoChatRoomService.nameGuard(room.name)), "ownerId": .s(room.roomId)],
                    condition: free, expressions: y))
                written += 1
            } catch let error as DynamoDBError where error.isConditionalCheckFailed {
                continue
            }
        }
        return written
    }

    private func describe(_ name: String) async throws -> TableDescription? {
        do {
            return try await client.describeTable(name)
        } catch let error as DynamoDBError where error.isResourceNotFound {
            return nil
        }
    }

    func listTables() async throws -> [TableInfo] {
        do {
            // Mapped tables (any name) are looked up one by one; the prefix's by listing.
            let present = Set(try await client.listTables(prefix: schema.prefix + "-")).union(schema.mapped.values)
            var infos: [TableInfo] = []
            for name in schema.tableNames where present.contains(name) {
                if let description = try await describe(name) {
                    infos.append(TableInfo(name: name, status: description.status, itemCount: description.itemCount))
                }
            }
            return infos
        } catch let error as DynamoDBError {
            throw StoreError.unavailable(error.plainWords)
        }
    }

    /// Never a mapped table: those belong to an existing deployment.
    func tablesToDelete() async throws -> [String] {
        try await listTables().map(\.name).filter { schema.ownedTableNames.contains($0) }
    }

    func deleteTables() async throws -> [String] {
        let names = try await tablesToDelete()
        var deleted: [String] = []
        for name in names {
            do {
                try await client.deleteTable(name)
                deleted.append(name)
            } catch let error as DynamoDBError where error.isResourceNotFound {
                continue
            } catch let error as DynamoDBError {
                throw StoreError.unavailable(error.plainWords)
            }
        }
        return deleted
    }

    func healthChecks() async -> [HealthCheck] {
        var checks: [HealthCheck] = []
        do {
            let credentials = try await client.resolveCredentials()
            checks.append(HealthCheck(name: "credentials", status: .ok, detail: "found (\(credentials.source))"))
        } catch let error as DynamoDBError {
            checks.append(HealthCheck(name: "credentials", status: .problem, detail: "none found", fix: error.plainWords))
            return checks
        } catch {
            checks.append(HealthCheck(name: "credentials", status: .problem, detail: "\(error)",
                                      fix: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run `aws configure`."))
            return checks
        }
        checks.append(HealthCheck(name: "region", status: .ok, detail: client.region))
        do {
            _ = try await client.listTablesPage(limit: 1)
            checks.append(HealthCheck(name: "endpoint", status: .ok, detail: "\(client.endpoint) answers"))
        } catch let error as DynamoDBError {
            let reached = error.transportError == nil && error.httpStatus != 0
            checks.append(HealthCheck(name: "endpoint", status: .problem,
                                      detail: reached ? "\(client.endpoint) refused: \(error.code)" : "\(client.endpoint) unreachable",
                                      fix: error.plainWords))
            // Access denied on ListTables alone need not stop the per-table checks.
            if error.code != "AccessDeniedException" { return checks }
        } catch {
            checks.append(HealthCheck(name: "endpoint", status: .problem, detail: "\(error)", fix: "Check DYNAMODB_ENDPOINT and AWS_REGION."))
            return checks
        }
        for name in schema.tableNames {
            do {
                let description = try await client.describeTable(name)
                let missing = schema.tables.first { $0.name == name }.map { SchemaCheck.problems(needed: $0, found: description) } ?? []
                if !missing.isEmpty {
                    checks.append(HealthCheck(name: "table \(name)", status: .problem, detail: missing.joined(separator: "; "),
                                              fix: SchemaCheck.fix(table: name, logical: schema.logical(of: name), mapped: schema.mapped.values.contains(name))))
                } else if description.isActive {
                    checks.append(HealthCheck(name: "table \(name)", status: .ok, detail: "ACTIVE"))
                } else {
                    checks.append(HealthCheck(name: "table \(name)", status: .warning, detail: description.status,
                                              fix: "The table is not ready yet; wait a minute, or run `studycircle setup`, which waits until it is."))
                }
            } catch let error as DynamoDBError where error.isResourceNotFound {
                checks.append(HealthCheck(name: "table \(name)", status: .problem, detail: "missing",
                                          fix: "Run `studycircle setup` to create the tables (and check AWS_REGION and DYNAMODB_TABLE_PREFIX)."))
            } catch let error as DynamoDBError {
                checks.append(HealthCheck(name: "table \(name)", status: .problem, detail: error.code, fix: error.plainWords))
            } catch {
                checks.append(HealthCheck(name: "table \(name)", status: .problem, detail: "\(error)"))
            }
        }
        return checks
    }
}
