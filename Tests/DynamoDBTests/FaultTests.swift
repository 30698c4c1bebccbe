import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import Testing

/// Records the backoff waits instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []
    var recorded: [Duration] { lock.withLock { waits } }
    func policy(random: @escaping @Sendable () -> Double = { 1.0 }) -> RetryPolicy {
        RetryPolicy(sleep: { [self] d in lock.withLock { waits.append(d) } }, random: random)
    }
}

@Suite("Faults through an injected transport (moto behind it)")
struct InjectedFaultTests {
    func setUp(rule: @escaping InterceptingTransport.Rule, retry: RetryPolicy = .instant) async throws -> (DynamoDBClient, InterceptingTransport, String) {
        let moto = try await SharedMoto.shared.get()
        let plain = moto.client()
        let table = uniqueName("faults")
        try await makeTable(plain, table)
        let interceptor = InterceptingTransport(inner: CurlTransport(), rule: rule)
        return (moto.client(transport: interceptor, retry: retry), interceptor, table)
    }

    @Test("throttling three times, then success; waits follow capped exponential backoff with full jitter")
    func throttlingThenSuccess() async throws {
        let sleeps = SleepRecorder()
        let (client, t, table) = try await setUp(rule: { op, _, n in
            op == "PutItem" && n <= 3 ? .respond(InterceptingTransport.errorResponse(400, "ProvisionedThroughputExceededException")) : .forward
        }, retry: sleeps.policy(random: { 0.5 }))
        try await client.putItem(table: table, item: ["id": "p", "v": 1])
        #expect(t.count("PutItem") == 4)
        #expect(try await client.getItem(table: table, key: ["id": "p"])?["v"] == .n("1"))
        // Throttling base 100 ms, doubling, times the injected random 0.5.
        #expect(sleeps.recorded == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
    }

    @Test("endless throttling gives up after 10 attempts with a plain explanation")
    func throttlingExhausted() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, _ in
            op == "GetItem" ? .respond(InterceptingTransport.errorResponse(400, "ThrottlingException", message: "Rate exceeded")) : .forward
        })
        let error = await #expect(throws: DynamoDBError.self) { try await client.getItem(table: table, key: ["id": "p"]) }
        #expect(t.count("GetItem") == 10)
        #expect(error?.attempts == 10 && error?.retriesExhausted == true)
        #expect(error?.plainWords.contains("throttling") == true)
        #expect(error?.plainWords.contains("Gave up after 10 attempts") == true)
    }

    @Test("a 500 after the put was applied: retried, the item is there once")
    func serverErrorOnPut() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, n in
            op == "PutItem" && n == 1 ? .forwardAndEdit { _ in InterceptingTransport.errorResponse(500, "InternalServerError") } : .forward
        })
        try await client.putItem(table: table, item: ["id": "p", "v": 2])
        #expect(t.count("PutItem") == 2)
        let all = try await client.scan(ScanRequest(table: table, consistentRead: true))
        #expect(all.items == [["id": "p", "v": 2]])
    }

    @Test("a counter increment whose answer is lost is NOT retried, so it is never applied twice")
    func lostAnswerOnIncrement() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, n in
            op == "UpdateItem" && n == 1 ? .failAfterSending(.connectionReset) : .forward
        })
        var x = ExpressionBuilder()
        let add = ExpressionBuilder.update(add: [x.add("count", 1)])
        let error = await #expect(throws: DynamoDBError.self) {
            try await client.updateItem(UpdateItemRequest(table: table, key: ["id": "c"], update: add, expressions: x))
        }
        #expect(t.count("UpdateItem") == 1)
        #expect(error?.code == "ConnectionReset" && error?.outcomeUnknown == true)
        #expect(error?.plainWords.contains("may or may not have been saved") == true)
        #expect(try await client.getItem(table: table, key: ["id": "c"])?["count"] == .n("1"))
    }

    @Test("the same increment failing before sending IS retried, and applied once")
    func failureBeforeSendingOnIncrement() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, n in
            op == "UpdateItem" && n <= 2 ? .failBeforeSending(.connectionRefused) : .forward
        })
        var x = ExpressionBuilder()
        let add = ExpressionBuilder.update(add: [x.add("count", 1)])
        try await client.updateItem(UpdateItemRequest(table: table, key: ["id": "c"], update: add, expressions: x))
        #expect(t.count("UpdateItem") == 3)
        #expect(try await client.getItem(table: table, key: ["id": "c"])?["count"] == .n("1"))
    }

    @Test("a damaged answer (x-amz-crc32 mismatch) is detected and the read retried")
    func checksumMismatch() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, n in
            op == "GetItem" && n == 1 ? .forwardAndEdit { r in
                var damaged = r
                if let i = damaged.body.firstIndex(of: UInt8(ascii: "v")) { damaged.body[i] = UInt8(ascii: "w") }
                return damaged
            } : .forward
        })
        try await client.putItem(table: table, item: ["id": "p", "v": 7])
        #expect(try await client.getItem(table: table, key: ["id": "p"])?["v"] == .n("7"))
        #expect(t.count("GetItem") == 2)
    }

    @Test("timeouts are retried for reads; a lost transaction answer is retried with the same ClientRequestToken")
    func timeoutsAndTransactionToken() async throws {
        let (client, t, table) = try await setUp(rule: { op, _, n in
            (op == "GetItem" || op == "TransactWriteItems") && n == 1 ? .failAfterSending(.timeout) : .forward
        })
        // Unconditional, because moto (unlike DynamoDB) ignores ClientRequestToken: against
        // DynamoDB the token alone makes the repeat a no-op, even for conditional writes.
        try await client.transactWriteItems([.put(PutItemRequest(table: table, item: ["id": "tx"]))])
        #expect(try await client.getItem(table: table, key: ["id": "tx"]) == ["id": "tx"])
        let bodies = t.bodies("TransactWriteItems").map { try? JSON.parse($0)["ClientRequestToken"]?.stringValue }
        #expect(bodies.count == 2)
        #expect(bodies[0] != nil && bodies[0] == bodies[1], "the retry carries the same token, so DynamoDB applies it once")
    }

    @Test("BatchWriteItem: UnprocessedItems are sent again until all are written, once each")
    func unprocessedItems() async throws {
        // The first call writes only its first 10 items and reports the rest as unprocessed,
        // as DynamoDB does under load.
        let (client, t, table) = try await setUp(rule: { op, request, n in
            guard op == "BatchWriteItem", n == 1,
                  let json = try? JSON.parse(request.body), let (name, list) = json["RequestItems"]?.objectValue?.first,
                  let writes = list.arrayValue else { return .forward }
            let kept = JSON.object(["RequestItems": .object([name: .array(Array(writes.prefix(10)))])]).serialized()
            let rest = JSON.object(["UnprocessedItems": .object([name: .array(Array(writes.dropFirst(10)))])]).serialized()
            return .rewrite(body: kept) { _ in HTTPResponse(status: 200, body: rest) }
        })
        let items: [Item] = (0..<40).map { ["id": .s("b\($0)")] }
        try await client.batchWriteItem(items.map { BatchWrite(table: table, .put($0)) })
        #expect(t.count("BatchWriteItem") == 3)  // 25 (10 written + 15 back) then 25, then the last 0..5
        let all = try await client.scan(ScanRequest(table: table, consistentRead: true))
        #expect(all.items.count == 40)
        #expect(Set(all.items) == Set(items))
    }

    @Test("BatchWriteItem: items that stay unprocessed end in a clear error")
    func unprocessedForever() async throws {
        let (client, _, table) = try await setUp(rule: { op, request, _ in
            guard op == "BatchWriteItem", let json = try? JSON.parse(request.body), let items = json["RequestItems"] else { return .forward }
            return .respond(HTTPResponse(status: 200, body: JSON.object(["UnprocessedItems": items]).serialized()))
        })
        let error = await #expect(throws: DynamoDBError.self) {
            try await client.batchWriteItem((0..<5).map { BatchWrite(table: table, .put(["id": .s("z\($0)")])) })
        }
        #expect(error?.code == "UnprocessedItems" && error?.retriesExhausted == true)
        #expect(error?.message.contains("5 of 5 writes were still unprocessed") == true)
    }
}

@Suite("Faults through a real loopback proxy in front of moto")
struct ProxyFaultTests {
    func setUp(timeouts: HTTPTimeouts = HTTPTimeouts(connect: .seconds(2), total: .seconds(10))) async throws -> (DynamoDBClient, FaultProxy, String) {
        let moto = try await SharedMoto.shared.get()
        let table = uniqueName("proxy")
        try await makeTable(moto.client(), table)
        let proxy = try await FaultProxy.start(upstreamPort: moto.port)
        let client = DynamoDBClient(endpoint: proxy.endpoint, region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing")),
                                    transport: CurlTransport(timeouts: timeouts), retry: .instant)
        return (client, proxy, table)
    }

    @Test("throttling answers, then success: the put reaches the server once")
    func throttling() async throws {
        let (client, proxy, table) = try await setUp()
        defer { proxy.stop() }
        try await proxy.inject([["kind": "throttle"], ["kind": "throttle"]])
        try await client.putItem(table: table, item: ["id": "a", "v": 1])
        #expect(try await proxy.forwarded()["DynamoDB_20120810.PutItem"] == 1)
        #expect(try await client.getItem(table: table, key: ["id": "a"])?["v"] == .n("1"))
    }

    @Test("500s and a reset connection after the write: puts are retried, increments are not")
    func serverErrorsAndResets() async throws {
        let (client, proxy, table) = try await setUp()
        defer { proxy.stop() }
        try await proxy.inject([["kind": "error500", "forward": true], ["kind": "reset", "forward": true]])
        try await client.putItem(table: table, item: ["id": "a", "v": 1])
        let all = try await client.scan(ScanRequest(table: table, consistentRead: true))
        #expect(all.items == [["id": "a", "v": 1]])

        try await proxy.inject([["kind": "reset", "forward": true]])
        var x = ExpressionBuilder()
        let add = ExpressionBuilder.update(add: [x.add("count", 5)])
        let error = await #expect(throws: DynamoDBError.self) {
            try await client.updateItem(UpdateItemRequest(table: table, key: ["id": "a"], update: add, expressions: x))
        }
        #expect(error?.code == "ConnectionReset" && error?.outcomeUnknown == true)
        #expect(try await client.getItem(table: table, key: ["id": "a"])?["count"] == .n("5"), "applied once, not twice")
    }

    @Test("an answer slower than the timeout: the read times out and is retried")
    func slowAnswer() async throws {
        let (client, proxy, table) = try await setUp(timeouts: HTTPTimeouts(connect: .seconds(1), total: .milliseconds(700)))
        defer { proxy.stop() }
        try await client.putItem(table: table, item: ["id": "s"])
        try await proxy.inject([["kind": "slow", "seconds": 2]])
        #expect(try await client.getItem(table: table, key: ["id": "s"]) == ["id": "s"])
        // Two forwarded GetItems prove the client gave up on the slow answer and retried,
        // without a timing assertion that a loaded machine could break.
        #expect(try await proxy.forwarded()["DynamoDB_20120810.GetItem"] == 2)
    }

    @Test("wrong x-amz-crc32: retried; if it keeps happening, a ChecksumMismatch error")
    func badChecksum() async throws {
        let (client, proxy, table) = try await setUp()
        defer { proxy.stop() }
        try await client.putItem(table: table, item: ["id": "c"])
        try await proxy.inject([["kind": "badcrc"]])
        #expect(try await client.getItem(table: table, key: ["id": "c"]) == ["id": "c"])
        try await proxy.inject(Array(repeating: ["kind": "badcrc"], count: 4))
        let error = await #expect(throws: DynamoDBError.self) { try await client.getItem(table: table, key: ["id": "c"]) }
        #expect(error?.code == "ChecksumMismatch" && error?.attempts == 4)
        #expect(error?.plainWords.contains("damaged") == true)
    }
}

@Suite("Bad configuration gives plain words")
struct BadConfigurationTests {
    @Test("no credentials")
    func noCredentials() async throws {
        let moto = try await SharedMoto.shared.get()
        let chain = AWSCredentialChain(environment: ["AWS_EC2_METADATA_DISABLED": "true", "HOME": "/nonexistent"], transport: CurlTransport())
        let client = DynamoDBClient(endpoint: moto.endpoint, region: "us-east-1", credentials: chain, retry: .instant)
        let error = await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(error?.code == "MissingCredentials")
        #expect(error?.plainWords.hasPrefix("No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`") == true)
    }

    @Test("unknown region")
    func unknownRegion() {
        let error = #expect(throws: AWSConfigurationError.self) {
            try DynamoDBClient.fromEnvironment(["AWS_REGION": "us-east", "HOME": "/nonexistent"], transport: NeverTransport())
        }
        #expect(error?.description.contains("'us-east' is not an AWS region name") == true)
    }

    @Test("unreachable endpoint (a closed loopback port)")
    func unreachable() async throws {
        let port = try LocalPorts.free()
        let env = ["DYNAMODB_ENDPOINT": "http://127.0.0.1:\(port)", "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s", "HOME": "/nonexistent"]
        let client = try DynamoDBClient.fromEnvironment(env, retry: .instant)
        let error = await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(error?.code == "EndpointUnreachable")
        #expect(error?.transportError?.kind == .connectionRefused)
        #expect(error?.attempts == 4 && error?.retriesExhausted == true)
        #expect(error?.plainWords.contains("Cannot reach DynamoDB at http://127.0.0.1:\(port). Check AWS_REGION and DYNAMODB_ENDPOINT") == true)
    }

    @Test("unresolvable host name")
    func dnsFailure() async throws {
        let client = DynamoDBClient(endpoint: "http://no-such-host.invalid", region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "k", secretAccessKey: "s")), retry: .none)
        let error = await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(error?.code == "EndpointUnreachable")
        #expect(error?.transportError?.kind == .dnsFailure)
    }

    @Test("missing table")
    func missingTable() async throws {
        let client = try await SharedMoto.shared.get().client()
        let error = await #expect(throws: DynamoDBError.self) { try await client.getItem(table: "ai-study-circle-nothing", key: ["id": "x"]) }
        #expect(error?.code == "ResourceNotFoundException" && error?.attempts == 1)
        #expect(error?.plainWords.hasPrefix("Table 'ai-study-circle-nothing' does not exist") == true)
        #expect(error?.plainWords.contains("Run `studycircle setup`") == true)
    }

    @Test("service error codes from the seeds' common issues are explained", arguments: [
        ("UnrecognizedClientException", "does not recognise the access key"),
        ("InvalidSignatureException", "secret access key does not match"),
        ("AccessDeniedException", "dynamodb:PutItem"),
        ("ValidationException", "refused the request as invalid"),
        ("RequestLimitExceeded", "throttling"),
        ("ProvisionedThroughputExceededException", "PAY_PER_REQUEST"),
    ])
    func explanations(_ code: String, _ phrase: String) async throws {
        let stub = InterceptingTransport(inner: NeverTransport()) { _, _, _ in .respond(InterceptingTransport.errorResponse(400, code)) }
        let client = DynamoDBClient(endpoint: "http://x", region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "k", secretAccessKey: "s")),
                                    transport: stub, retry: .instant)
        let error = await #expect(throws: DynamoDBError.self) { try await client.putItem(table: "tbl", item: ["id": "1"]) }
        #expect(error?.code == code)
        #expect(error?.plainWords.contains(phrase) == true, "\(error?.plainWords ?? "")")
    }

    @Test("a transaction's cancellation reasons are parsed from the answer")
    func cancellationReasons() async throws {
        let body = Array(#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled","CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}]}"#.utf8)
        let stub = InterceptingTransport(inner: NeverTransport()) { _, _, _ in .respond(HTTPResponse(status: 400, body: body)) }
        let client = DynamoDBClient(endpoint: "http://x", region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "k", secretAccessKey: "s")),
                                    transport: stub, retry: .instant)
        let error = await #expect(throws: DynamoDBError.self) {
            try await client.transactWriteItems([.put(PutItemRequest(table: "t", item: ["id": "1"])), .put(PutItemRequest(table: "t", item: ["id": "2"]))])
        }
        #expect(error?.cancellationReasons.map(\.code) == ["None", "ConditionalCheckFailed"])
        #expect(error?.plainWords == "The transaction was cancelled and nothing in it was written: item 2: ConditionalCheckFailed (The conditional request failed).")
        #expect(stub.count("TransactWriteItems") == 1, "a cancelled transaction is not retried")
    }
}
