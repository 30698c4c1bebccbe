import DynamoDB
import DynamoTestSupport
import StudyHTTP
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The DynamoDB client benchmark: CPU cost per request of our client and of boto3 against the
/// same local moto server, and SigV4 signing rate of ours and of botocore.
///
/// Prints lines `name value unit`. CPU time is this process's only (CLOCK_PROCESS_CPUTIME_ID;
/// Python's time.process_time on the other side), so moto's own work is not counted.
/// The two clients take turns in short slices (ours then boto3, then boto3 then ours, ...), so
/// that whatever load the machine has while the bench runs falls on both alike; a round is a
/// run of slices, the ratio is taken over all rounds, and the lowest round's ratio is printed too.
/// moto is served over HTTP/1.1 keep-alive (scripts/moto_keepalive.py) so that, as against
/// DynamoDB, each client keeps one connection instead of opening one per request.
/// Needs python3 with moto, boto3 and botocore (scripts/install-deps.sh bench).
func runDynamoBench() async throws {
    let environment = ProcessInfo.processInfo.environment
    let perRound = Int(environment["DYNAMO_BENCH_REQUESTS"] ?? "") ?? 250
    let rounds = Int(environment["DYNAMO_BENCH_ROUNDS"] ?? "") ?? 8
    let signatures = Int(environment["DYNAMO_BENCH_SIGNATURES"] ?? "") ?? 200_000
    let scripts = DynamoBenchSupport.scriptsFolder()

    // `python3 -m moto.server` (werkzeug's server) answers `Connection: close`, so there every
    // request of either client opens a new TCP connection, and the kernel's connect, accept and
    // teardown outweigh the clients' own work. DynamoDB keeps connections alive, and both clients
    // reuse one when allowed, so the bench serves moto's same app over HTTP/1.1 keep-alive
    // (scripts/moto_keepalive.py). DYNAMO_BENCH_MOTO=close runs it on moto.server as before.
    let keepAlive = environment["DYNAMO_BENCH_MOTO"] != "close"
    let moto = try await BenchMoto.start(keepAlive: keepAlive, scripts: scripts)
    defer { moto.stop() }
    let client = DynamoDBClient(endpoint: moto.endpoint, region: "us-east-1",
                                credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing")))
    let table = "bench-\(getpid())"
    try await client.createTable(TableDefinition(name: table, partitionKey: KeyAttribute("id")))
    try await client.waitUntilActive(table)

    func item(_ i: Int) -> Item {
        ["id": .s("swift-\(i)"), "roomId": "room-1", "createdAt": "2025-01-01T00:00:00.000Z",
         "text": .s(String(repeating: "x", count: 100)), "n": .number(i)]
    }
    for i in 0..<50 {  // warm up: first connection, code paths, caches
        try await client.putItem(table: table, item: item(i))
        _ = try await client.getItem(table: table, key: ["id": .s("swift-\(i)")])
    }
    /// `count` PutItems then `count` GetItems of ours: CPU seconds spent on each kind.
    var kernelSeconds = 0.0, ourSeconds = 0.0
    func ourSlice(_ client: DynamoDBClient, _ count: Int) async throws -> (put: Double, get: Double) {
        let kernelStart = DynamoBenchSupport.systemSeconds()
        let putStart = DynamoBenchSupport.cpuSeconds()
        for i in 0..<count { try await client.putItem(table: table, item: item(i)) }
        let putEnd = DynamoBenchSupport.cpuSeconds()
        var found = 0
        for i in 0..<count where try await client.getItem(table: table, key: ["id": .s("swift-\(i)")]) != nil { found += 1 }
        let getEnd = DynamoBenchSupport.cpuSeconds()
        guard found == count else { throw BenchError("GetItem found \(found) of \(count) items") }
        kernelSeconds += DynamoBenchSupport.systemSeconds() - kernelStart
        ourSeconds += getEnd - putStart
        return (putEnd - putStart, getEnd - putEnd)
    }

    // The client's own share, without the network: the same requests answered in-process.
    if let count = Int(environment["DYNAMO_BENCH_TRANSPORT_ONLY"] ?? "") {  // for profiling the transport alone
        let perRequest = try await ClientOverhead.transportOnly(endpoint: moto.endpoint, table: table, requests: count)
        print("dynamo_getitem_transport_only_cpu_ours \(String(format: "%.2f", perRequest)) us")
        return
    }
    let offline = try await ClientOverhead.measure(requests: 20_000)
    // The transport alone: one signed GetItem sent again and again (moto checks no signature's
    // age), so the client's building, signing and decoding are left out.
    let transportOnly = try await ClientOverhead.transportOnly(endpoint: moto.endpoint, table: table, requests: perRound * 2)

    let boto3 = try LineHelper(["python3", scripts + "/bench_boto3.py", moto.endpoint, table])
    defer { boto3.close() }
    // DYNAMO_BENCH_QUEUED=1 also measures our client with every request handed to the
    // transport's queue (as before requests could run inline), for comparison.
    let queuedClient = environment["DYNAMO_BENCH_QUEUED"] == "1"
        ? DynamoDBClient(endpoint: moto.endpoint, region: "us-east-1", credentials: client.credentialProvider, transport: CurlTransport(inlineLimit: 0))
        : nil
    // Connection reuse, checked outside the timed rounds: how many TCP connections each client
    // opens to send 50 PutItems and 50 GetItems after its warm-up (0: it kept its connection).
    let beforeOurs = try await moto.connectionsUsed()
    _ = try await ourSlice(client, 50)
    let beforeBoto = try await moto.connectionsUsed()
    _ = try boto3.ask("50")
    let afterBoto = try await moto.connectionsUsed()
    let ourConnects = beforeBoto - beforeOurs, botoConnects = afterBoto - beforeBoto
    kernelSeconds = 0
    ourSeconds = 0

    // Each round interleaves the two clients in slices of `slice` PutItems + GetItems (ours then
    // boto3's, then boto3's then ours, ...), so that a burst of load elsewhere on the machine,
    // which lasts longer than a slice, falls on both; a round's figure sums its slices.
    let slice = max(1, min(perRound, Int(environment["DYNAMO_BENCH_SLICE"] ?? "") ?? 25))
    var queued: [(put: Double, get: Double)] = []
    var ours: [(put: Double, get: Double)] = []
    var theirs: [(put: Double, get: Double)] = []
    for round in 0..<rounds {
        var our = (put: 0.0, get: 0.0), their = (put: 0.0, get: 0.0)
        func botoSlice(_ count: Int) throws {
            let answer = try boto3.ask(String(count))
            guard let put = answer["put_us"], let get = answer["get_us"] else { throw BenchError("bench_boto3.py answered \(answer)") }
            their.put += put * Double(count) / 1e6
            their.get += get * Double(count) / 1e6
        }
        func oursSlice(_ count: Int) async throws {
            let spent = try await ourSlice(client, count)
            our.put += spent.put
            our.get += spent.get
        }
        var done = 0, index = 0
        while done < perRound {
            let count = min(slice, perRound - done)
            if (round + index) % 2 == 0 {
                try await oursSlice(count)
                try botoSlice(count)
            } else {
                try botoSlice(count)
                try await oursSlice(count)
            }
            done += count
            index += 1
        }
        let perRequest = 1e6 / Double(perRound)
        ours.append((our.put * perRequest, our.get * perRequest))
        theirs.append((their.put * perRequest, their.get * perRequest))
        if let queuedClient {
            let spent = try await ourSlice(queuedClient, perRound)
            queued.append((spent.put * perRequest, spent.get * perRequest))
        }
    }
    let afterRounds = try await moto.connectionsUsed()
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }
    let ourPut = mean(ours.map(\.put)), ourGet = mean(ours.map(\.get))
    let botoPut = mean(theirs.map(\.put)), botoGet = mean(theirs.map(\.get))
    let putRatios = zip(theirs, ours).map { $0.put / $1.put }
    let getRatios = zip(theirs, ours).map { $0.get / $1.get }

    // Signing: the same headers the client signs for a GetItem.
    let signer = SigV4Signer(credentials: AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                             region: "us-east-1", service: "dynamodb")
    let body = Array(#"{"TableName":"ai-study-circle-messages","Key":{"messageId":{"S":"01HZX3K4M5N6P7Q8R9S0T1V2W3"}}}"#.utf8)
    var checksum = 0
    let signStart = DynamoBenchSupport.cpuSeconds()
    for _ in 0..<signatures {
        let request = SigV4Signer.Request(method: "POST", path: "/", headers: [
            (name: "Host", value: "dynamodb.us-east-1.amazonaws.com"),
            (name: "Content-Type", value: "application/x-amz-json-1.0"),
            (name: "X-Amz-Target", value: "DynamoDB_20120810.GetItem"),
        ], body: body)
        checksum &+= signer.sign(request).signature.utf8.count
    }
    let signElapsed = DynamoBenchSupport.cpuSeconds() - signStart
    guard checksum == 64 * signatures else { throw BenchError("unexpected signature length") }
    let ourRate = Double(signatures) / signElapsed

    let botoSign = try DynamoBenchSupport.runJSON(["python3", scripts + "/bench_botocore_sign.py", String(max(signatures / 20, 2000))])
    let botoRate = botoSign["signatures_per_second"] ?? .nan

    func line(_ name: String, _ value: Double, _ unit: String) {
        print("\(name) \(String(format: value >= 1000 ? "%.0f" : "%.2f", value)) \(unit)")
    }
    line("dynamo_putitem_cpu_ours", ourPut, "us")
    line("dynamo_getitem_cpu_ours", ourGet, "us")
    line("dynamo_putitem_cpu_boto3", botoPut, "us")
    line("dynamo_getitem_cpu_boto3", botoGet, "us")
    line("dynamo_putitem_cpu_ratio_boto3_to_ours", botoPut / ourPut, "x")
    line("dynamo_getitem_cpu_ratio_boto3_to_ours", botoGet / ourGet, "x")
    if !queued.isEmpty {
        line("dynamo_putitem_cpu_ours_queued", mean(queued.map(\.put)), "us")
        line("dynamo_getitem_cpu_ours_queued", mean(queued.map(\.get)), "us")
        line("dynamo_putitem_cpu_ratio_boto3_to_ours_queued", botoPut / mean(queued.map(\.put)), "x")
        line("dynamo_getitem_cpu_ratio_boto3_to_ours_queued", botoGet / mean(queued.map(\.get)), "x")
    }
    line("dynamo_putitem_client_only_cpu_ours", offline.put, "us")
    line("dynamo_getitem_client_only_cpu_ours", offline.get, "us")
    // How much of our figure is the kernel's (send and receive on loopback; with the
    // `Connection: close` server also TCP connect and close on every request).
    line("dynamo_getitem_transport_only_cpu_ours", transportOnly, "us")
    line("dynamo_cpu_ours_kernel_share", kernelSeconds / ourSeconds * 100, "%")
    line("dynamo_putitem_cpu_ratio_lowest_round", putRatios.min() ?? .nan, "x")
    line("dynamo_getitem_cpu_ratio_lowest_round", getRatios.min() ?? .nan, "x")
    // Every round's ratio, so that one round hit by a burst of load elsewhere shows as such.
    print("# dynamo ratio per round (put/get): " + zip(putRatios, getRatios).map { String(format: "%.1f/%.1f", $0, $1) }.joined(separator: " "))
    if keepAlive {
        print("# dynamo: moto served over HTTP/1.1 keep-alive (scripts/moto_keepalive.py), as DynamoDB serves; new TCP connections for 100 requests: ours \(ourConnects), boto3 \(botoConnects); during the timed rounds (both clients): \(afterRounds - afterBoto)")
    } else {
        print("# dynamo: moto served by moto.server (Connection: close): every request opens a new TCP connection")
    }
    print("# dynamo: \(rounds) rounds of \(perRound) PutItem + \(perRound) GetItem per client, interleaved in slices of \(slice); load average \(DynamoBenchSupport.loadAverage())")
    line("sigv4_sign_rate_ours", ourRate, "signatures/s")
    line("sigv4_sign_rate_botocore", botoRate, "signatures/s")
    line("sigv4_sign_rate_ratio_ours_to_botocore", ourRate / botoRate, "x")
}


/// moto for the client benchmark, on a free loopback port: by default served over HTTP/1.1
/// keep-alive by scripts/moto_keepalive.py (see there why), else the tests' `MotoServer`.
/// Either way it listens on 127.0.0.1 only and ends with `stop` or when this process exits.
struct BenchMoto {
    let endpoint: String
    let stop: () -> Void
    private let connectionsURL: String?
    /// Kept apart from the clients measured, so that asking opens no connection of theirs.
    private let statsTransport = CurlTransport()

    static func start(keepAlive: Bool, scripts: String) async throws -> BenchMoto {
        guard keepAlive else {
            let moto = try await MotoServer.start()
            return BenchMoto(endpoint: moto.endpoint, stop: moto.stop, connectionsURL: nil)
        }
        let port = try LocalPorts.free()
        // The script exits when our end of its stdin closes (ChildProcess), so it never outlives us.
        let child = try ChildProcess(arguments: ["python3", scripts + "/moto_keepalive.py", String(port)])
        try await LocalPorts.waitUntilOpen(port, child: child, timeout: .seconds(90), what: "moto (keep-alive)")
        let endpoint = "http://127.0.0.1:\(port)"
        return BenchMoto(endpoint: endpoint, stop: child.stop, connectionsURL: endpoint + "/__connections")
    }

    /// How many TCP connections have carried requests to the keep-alive server so far; the one
    /// this asks on is not counted (0 for moto.server, which does not count them).
    func connectionsUsed() async throws -> Int {
        guard let connectionsURL else { return 0 }
        let response = try await statsTransport.send(HTTPRequest(method: "GET", url: connectionsURL))
        guard response.status == 200, let connections = try JSON.parse(response.body)["connections"]?.intValue else {
            throw BenchError("moto_keepalive.py answered \(response.status) to \(connectionsURL)")
        }
        return connections
    }
}

/// A helper process spoken to in lines: one request line in, one JSON line of numbers out.
final class LineHelper {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered: [UInt8] = []

    /// Starts the helper and waits for its `ready` line.
    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let first = try readLine()
        guard first == "ready" else { throw BenchError("\(arguments.joined(separator: " ")) did not start: \(first)") }
    }

    func ask(_ line: String) throws -> [String: Double] {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        let json = try JSON.parse(try readLine())
        var out: [String: Double] = [:]
        for (key, value) in json.objectValue ?? [:] { out[key] = value.doubleValue }
        return out
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffered.firstIndex(of: 0x0a) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchError("the helper \(process.arguments?.dropFirst().first ?? "") ended early") }
            buffered += chunk
        }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

enum DynamoBenchSupport {
    /// The 1-minute load average, for context.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// CPU seconds this process spent in the kernel so far (all threads; microsecond steps).
    static func systemSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// CPU seconds used by this process so far (all threads).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// `scripts/` of the checkout this binary was built from, else of the working directory.
    static func scriptsFolder() -> String {
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts").path
        if FileManager.default.fileExists(atPath: fromSource + "/bench_boto3.py") { return fromSource }
        return FileManager.default.currentDirectoryPath + "/scripts"
    }

    /// Runs a command and reads the last line of its output as a JSON object of numbers.
    static func runJSON(_ arguments: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(arguments.joined(separator: " ")) failed") }
        let text = String(decoding: data, as: UTF8.self)
        let last = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let json = try JSON.parse(last)
        var out: [String: Double] = [:]
        for (key, value) in json.objectValue ?? [:] { out[key] = value.doubleValue }
        return out
    }
}


/// Our client's CPU per request without the network: request building, signing, the async
/// hand-offs, the answer's checksum and decoding, against a transport that answers in-process.
/// The rest of the figure above is libcurl and the kernel (TCP connect, send, receive, close).
enum ClientOverhead {
    struct CannedTransport: HTTPTransport {
        let putAnswer = HTTPResponse(status: 200, headers: ["x-amz-crc32": String(CRC32.checksum(Array("{}".utf8)))], body: Array("{}".utf8))
        let getAnswer: HTTPResponse = {
            let body = Array(#"{"Item": {"id": {"S": "swift-1"}, "roomId": {"S": "room-1"}, "createdAt": {"S": "2025-01-01T00:00:00.000Z"}, "text": {"S": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, "n": {"N": "1"}}}"#.utf8)
            return HTTPResponse(status: 200, headers: ["x-amz-crc32": String(CRC32.checksum(body))], body: body)
        }()
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            request.headers["X-Amz-Target"] == "DynamoDB_20120810.GetItem" ? getAnswer : putAnswer
        }
    }

    /// CPU microseconds per `CurlTransport.send` of one signed GetItem to `endpoint`.
    static func transportOnly(endpoint: String, table: String, requests: Int) async throws -> Double {
        let transport = CurlTransport()
        let signer = SigV4Signer(credentials: AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing"), region: "us-east-1", service: "dynamodb")
        let body = Array(#"{"TableName":"\#(table)","Key":{"id":{"S":"swift-1"}}}"#.utf8)
        let host = String(endpoint.dropFirst("http://".count))
        let headers: [(name: String, value: String)] = [
            (name: "Host", value: host), (name: "Content-Type", value: "application/x-amz-json-1.0"),
            (name: "X-Amz-Target", value: "DynamoDB_20120810.GetItem"),
        ]
        let signature = signer.sign(SigV4Signer.Request(method: "POST", path: "/", headers: headers, body: body))
        var all = HTTPHeaders(headers.map { ($0.name, $0.value) })
        for header in signature.headersToAdd { all.add(header.name, header.value) }
        let request = HTTPRequest(method: "POST", url: endpoint + "/", headers: all, body: body)
        for _ in 0..<20 { _ = try await transport.send(request) }
        let start = DynamoBenchSupport.cpuSeconds()
        for _ in 0..<requests {
            let response = try await transport.send(request)
            guard response.status == 200 else { throw BenchError("transport-only GetItem answered \(response.status): \(response.bodyText)") }
        }
        return (DynamoBenchSupport.cpuSeconds() - start) / Double(requests) * 1e6
    }

    static func measure(requests: Int) async throws -> (put: Double, get: Double) {
        let client = DynamoDBClient(endpoint: "http://127.0.0.1:8000", region: "us-east-1",
                                    credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing")),
                                    transport: CannedTransport())
        func item(_ i: Int) -> Item {
            ["id": .s("swift-\(i)"), "roomId": "room-1", "createdAt": "2025-01-01T00:00:00.000Z",
             "text": .s(String(repeating: "x", count: 100)), "n": .number(i)]
        }
        for i in 0..<200 { try await client.putItem(table: "t", item: item(i)) }
        let start = DynamoBenchSupport.cpuSeconds()
        for i in 0..<requests { try await client.putItem(table: "t", item: item(i)) }
        let middle = DynamoBenchSupport.cpuSeconds()
        var found = 0
        for i in 0..<requests where try await client.getItem(table: "t", key: ["id": .s("swift-\(i)")]) != nil { found += 1 }
        let end = DynamoBenchSupport.cpuSeconds()
        guard found == requests else { throw BenchError("offline GetItem found \(found) of \(requests)") }
        return ((middle - start) / Double(requests) * 1e6, (end - middle) / Double(requests) * 1e6)
    }
}

