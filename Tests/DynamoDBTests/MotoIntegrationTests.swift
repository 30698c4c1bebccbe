import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import Testing

/// A unique table-name prefix per test, so tests can share one moto server in parallel.
/// Tables are not deleted at the end (moto's memory goes with its process): deleting a table
/// while another test pages through ListTables breaks moto's index-based pagination.
func uniqueName(_ base: String) -> String { "t\(UInt32.random(in: 0...UInt32.max))-\(base)" }

/// Creates `table` (id string key) with an optional GSI and waits until it is active.
func makeTable(_ client: DynamoDBClient, _ name: String, gsi: GlobalSecondaryIndex? = nil) async throws {
    try await client.createTable(TableDefinition(name: name, partitionKey: KeyAttribute("id"), globalSecondaryIndexes: gsi.map { [$0] } ?? []))
    try await client.waitUntilActive(name)
}

@Suite("Integration: every operation against moto")
struct MotoIntegrationTests {
    @Test("CreateTable with GSIs, DescribeTable, waitUntilActive, ListTables pages, DeleteTable")
    func tables() async throws {
        let client = try await SharedMoto.shared.get().client()
        let prefix = uniqueName("tbl")
        let names = (1...3).map { "\(prefix)-\($0)" }
        for name in names {
            try await client.createTable(TableDefinition(
                name: name, partitionKey: KeyAttribute("id"),
                globalSecondaryIndexes: [GlobalSecondaryIndex(name: "OwnerIndex", partitionKey: KeyAttribute("owner"), sortKey: KeyAttribute("createdAt")),
                                         GlobalSecondaryIndex(name: "ScoreIndex", partitionKey: KeyAttribute("kind"), sortKey: KeyAttribute("score", .number))]))
        }
        let described = try await client.waitUntilActive(names[0])
        #expect(described.name == names[0])
        #expect(described.partitionKey == "id" && described.sortKey == nil)
        #expect(Set(described.globalSecondaryIndexes.map(\.name)) == ["OwnerIndex", "ScoreIndex"])
        #expect(described.globalSecondaryIndexes.first { $0.name == "OwnerIndex" }?.sortKey == "createdAt")
        #expect(described.attributeTypes["score"] == .number)
        #expect(described.billingMode == "PAY_PER_REQUEST")

        // Pages of 2 force ListTables to follow LastEvaluatedTableName.
        let firstPage = try await client.listTablesPage(limit: 2)
        #expect(firstPage.names.count <= 2)
        let listed = try await client.listTables(prefix: prefix, pageSize: 2)
        #expect(listed.sorted() == names)

        for name in names { try await client.deleteTable(name) }
        let error = await #expect(throws: DynamoDBError.self) { try await client.describeTable(names[0]) }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(try await client.listTables(prefix: prefix).isEmpty)
        let again = await #expect(throws: DynamoDBError.self) { try await client.deleteTable(names[0]) }
        #expect(again?.isResourceNotFound == true)
    }

    @Test("PutItem/GetItem/UpdateItem/DeleteItem with conditions and ReturnValues")
    func items() async throws {
        let client = try await SharedMoto.shared.get().client()
        let table = uniqueName("items")
        try await makeTable(client, table)

        var x = ExpressionBuilder()
        let onlyNew = x.attributeNotExists("id")
        try await client.putItem(PutItemRequest(table: table, item: ["id": "a", "name": "Ann", "count": 1], condition: onlyNew, expressions: x))
        let dup = await #expect(throws: DynamoDBError.self) {
            try await client.putItem(PutItemRequest(table: table, item: ["id": "a", "name": "Other"], condition: onlyNew, expressions: x))
        }
        #expect(dup?.isConditionalCheckFailed == true)
        #expect(dup?.plainWords.contains("not in the expected state") == true)
        #expect(try await client.getItem(table: table, key: ["id": "a"], consistentRead: true)?["name"] == .s("Ann"))
        #expect(try await client.getItem(table: table, key: ["id": "missing"]) == nil)
        #expect(try await client.getItem(table: table, key: ["id": "a"], projection: ["name"]) == ["name": .s("Ann")])

        // "name" and "count" are reserved words: the builder's placeholders make them safe.
        var u = ExpressionBuilder()
        let update = ExpressionBuilder.update(set: [u.set("name", .s("Anna"))], add: [u.add("count", 2)])
        let condition = u.equals("name", .s("Ann"))
        let updated = try await client.updateItem(UpdateItemRequest(table: table, key: ["id": "a"], update: update, condition: condition,
                                                                    expressions: u, returnValues: .allNew))
        #expect(updated?["name"] == .s("Anna"))
        #expect(updated?["count"] == .n("3"))
        let stale = await #expect(throws: DynamoDBError.self) {
            try await client.updateItem(UpdateItemRequest(table: table, key: ["id": "a"], update: update, condition: condition, expressions: u))
        }
        #expect(stale?.isConditionalCheckFailed == true)
        #expect(try await client.getItem(table: table, key: ["id": "a"])?["count"] == .n("3"), "a failed condition changes nothing")

        var d = ExpressionBuilder()
        let mustExist = d.attributeExists("id")
        let old = try await client.deleteItem(DeleteItemRequest(table: table, key: ["id": "a"], condition: mustExist, expressions: d, returnValues: .allOld))
        #expect(old?["name"] == .s("Anna"))
        #expect(try await client.getItem(table: table, key: ["id": "a"]) == nil)
        let gone = await #expect(throws: DynamoDBError.self) {
            try await client.deleteItem(DeleteItemRequest(table: table, key: ["id": "a"], condition: mustExist, expressions: d))
        }
        #expect(gone?.isConditionalCheckFailed == true)
    }

    @Test("a Codable value survives a round trip through the server exactly")
    func codableThroughServer() async throws {
        let client = try await SharedMoto.shared.get().client()
        let table = uniqueName("codable")
        try await makeTable(client, table)
        try await client.putItem(table: table, item: try DynamoDBEncoder().encode(CodecTests.sample))
        let item = try #require(try await client.getItem(table: table, key: ["id": "u-1"], consistentRead: true))
        #expect(try DynamoDBDecoder().decode(Everything.self, from: item) == CodecTests.sample)
    }

    @Test("Query on a GSI with key conditions, filters, order and pagination; Scan with pagination")
    func queryAndScan() async throws {
        let client = try await SharedMoto.shared.get().client()
        let table = uniqueName("messages")
        try await makeTable(client, table, gsi: GlobalSecondaryIndex(name: "RoomIdIndex", partitionKey: KeyAttribute("roomId"), sortKey: KeyAttribute("createdAt")))
        var writes: [BatchWrite] = []
        for i in 0..<30 {
            let createdAt = String(format: "2025-01-01T00:00:%02d.000Z", i)
            writes.append(BatchWrite(table: table, .put(["id": .s("m\(i)"), "roomId": .s(i % 3 == 0 ? "other" : "room"), "createdAt": .s(createdAt),
                                                         "text": .s(i % 2 == 0 ? "even" : "odd"), "n": .number(i)])))
        }
        try await client.batchWriteItem(writes)

        func allPages(_ make: (Item?) -> QueryRequest) async throws -> ([Item], Int) {
            var items: [Item] = [], start: Item? = nil, pages = 0
            repeat {
                let page = try await client.query(make(start))
                items += page.items
                start = page.lastEvaluatedKey
                pages += 1
            } while start != nil
            return (items, pages)
        }
        let (ascending, pages) = try await allPages { start in
            var x = ExpressionBuilder()
            return QueryRequest(table: table, indexName: "RoomIdIndex", keyCondition: x.equals("roomId", "room"), expressions: x, limit: 7, exclusiveStartKey: start)
        }
        #expect(ascending.count == 20)
        #expect(pages >= 3)
        let times = ascending.compactMap { $0["createdAt"]?.stringValue }
        #expect(times == times.sorted())

        let (descending, _) = try await allPages { start in
            var x = ExpressionBuilder()
            return QueryRequest(table: table, indexName: "RoomIdIndex", keyCondition: x.equals("roomId", "room"), expressions: x,
                                scanIndexForward: false, limit: 6, exclusiveStartKey: start)
        }
        #expect(descending.compactMap { $0["createdAt"]?.stringValue } == times.reversed())

        var x = ExpressionBuilder()
        let key = ExpressionBuilder.and([x.equals("roomId", "room"), x.between("createdAt", "2025-01-01T00:00:10", "2025-01-01T00:00:20")]) ?? ""
        let filtered = try await client.query(QueryRequest(table: table, indexName: "RoomIdIndex", keyCondition: key,
                                                           filter: x.equals("text", "odd"), expressions: x))
        let expected = (10..<20).filter { $0 % 3 != 0 && $0 % 2 == 1 }.map { "m\($0)" }
        #expect(filtered.items.compactMap { $0["id"]?.stringValue }.sorted() == expected.sorted())

        var scanned: [Item] = [], start: Item? = nil
        repeat {
            let page = try await client.scan(ScanRequest(table: table, limit: 8, exclusiveStartKey: start))
            scanned += page.items
            start = page.lastEvaluatedKey
        } while start != nil
        #expect(Set(scanned.compactMap { $0["id"]?.stringValue }) == Set((0..<30).map { "m\($0)" }))
        var f = ExpressionBuilder()
        let evens = try await client.scan(ScanRequest(table: table, filter: f.compare("n", .greaterOrEqual, 25), expressions: f))
        #expect(evens.items.count == 5)
    }

    @Test("BatchWriteItem and BatchGetItem split 130 items into calls of 25 and 100")
    func batches() async throws {
        let moto = try await SharedMoto.shared.get()
        let counter = InterceptingTransport(inner: CurlTransport()) { _, _, _ in .forward }
        let client = moto.client(transport: counter)
        let table = uniqueName("batch")
        try await makeTable(client, table)
        let items: [Item] = (0..<130).map { ["id": .s("i\($0)"), "payload": .s(String(repeating: "x", count: $0))] }
        try await client.batchWriteItem(items.map { BatchWrite(table: table, .put($0)) })
        #expect(counter.count("BatchWriteItem") == 6)

        var keys = items.map { ["id": $0["id"] ?? .null] as Item }
        keys += [["id": "i0"], ["id": "i1"], ["id": "nope"]]  // duplicates are asked once; missing keys are absent
        let got = try await client.batchGetItem(table: table, keys: keys, consistentRead: true)
        #expect(counter.count("BatchGetItem") == 2)
        #expect(got.count == 130)
        #expect(Set(got) == Set(items))

        try await client.batchWriteItem(items.prefix(60).map { BatchWrite(table: table, .delete(key: ["id": $0["id"] ?? .null])) })
        let left = try await client.scan(ScanRequest(table: table))
        #expect(left.items.count == 70)
    }

    @Test("TransactWriteItems: all or nothing, with cancellation reasons")
    func transactions() async throws {
        let client = try await SharedMoto.shared.get().client()
        let users = uniqueName("users")
        try await makeTable(client, users)

        // A user and a guard item for its unique email, written together.
        func register(_ id: String, email: String) -> [TransactWriteItem] {
            var a = ExpressionBuilder(), b = ExpressionBuilder()
            return [
                .put(PutItemRequest(table: users, item: ["id": .s(id), "email": .s(email)], condition: a.attributeNotExists("id"), expressions: a)),
                .put(PutItemRequest(table: users, item: ["id": .s("email#" + email), "owner": .s(id)], condition: b.attributeNotExists("id"), expressions: b)),
            ]
        }
        try await client.transactWriteItems(register("u1", email: "a@x.org"))
        let clash = await #expect(throws: DynamoDBError.self) { try await client.transactWriteItems(register("u2", email: "a@x.org")) }
        #expect(clash?.isTransactionCanceled == true)
        #expect(clash?.cancellationReasons.map(\.code) == ["None", "ConditionalCheckFailed"])
        #expect(clash?.plainWords.contains("item 2: ConditionalCheckFailed") == true)
        #expect(try await client.getItem(table: users, key: ["id": "u2"]) == nil, "nothing of a cancelled transaction is written")

        var u = ExpressionBuilder(), d = ExpressionBuilder()
        let rename = ExpressionBuilder.update(set: [u.set("email", "b@x.org")])
        try await client.transactWriteItems([
            .update(UpdateItemRequest(table: users, key: ["id": "u1"], update: rename, expressions: u)),
            .delete(DeleteItemRequest(table: users, key: ["id": "email#a@x.org"], condition: d.equals("owner", "u1"), expressions: d)),
            .put(PutItemRequest(table: users, item: ["id": "email#b@x.org", "owner": "u1"])),
        ], clientRequestToken: "rename-u1-1")
        #expect(try await client.getItem(table: users, key: ["id": "u1"])?["email"] == .s("b@x.org"))
        #expect(try await client.getItem(table: users, key: ["id": "email#a@x.org"]) == nil)

        // A ConditionCheck that fails cancels the other writes.
        var k = ExpressionBuilder()
        let blocked = await #expect(throws: DynamoDBError.self) {
            try await client.transactWriteItems([
                .conditionCheck(table: users, key: ["id": "u1"], condition: k.equals("email", "someone-else@x.org"), expressions: k),
                .put(PutItemRequest(table: users, item: ["id": "u3"])),
            ])
        }
        #expect(blocked?.cancellationReasons.first?.code == "ConditionalCheckFailed")
        #expect(try await client.getItem(table: users, key: ["id": "u3"]) == nil)

        let tooMany = (0...100).map { TransactWriteItem.put(PutItemRequest(table: users, item: ["id": .s("x\($0)")])) }
        let refused = await #expect(throws: DynamoDBError.self) { try await client.transactWriteItems(tooMany) }
        #expect(refused?.code == "TooManyTransactionItems")
        #expect(try await client.getItem(table: users, key: ["id": "x0"]) == nil)
    }
}
