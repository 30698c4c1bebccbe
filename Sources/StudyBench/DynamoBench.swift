import DynamoDB
import DynamoTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The DynamoDB client benchmark: CPU cost per request of our client and of boto3 against the
/// same local moto server, and SigV4 signing rate of ours and of botocore.
///
/// Prints lines `name value unit`. CPU time is this process's only (CLOCK_PROCESS_CPUTIME_ID;
/// Python's time.process_time on the other side), so moto's own work is not counted.
/// Needs python3 with moto, boto3 and botocore (scripts/install-deps.sh bench).
func runDynamoBench() async throws {
    let requests = Int(ProcessInfo.processInfo.environment["DYNAMO_BENCH_REQUESTS"] ?? "") ?? 2000
    let signatures = Int(ProcessInfo.processInfo.environment["DYNAMO_BENCH_SIGNATURES"] ?? "") ?? 200_000
    let scripts = DynamoBenchSupport.scriptsFolder()

    // moto answers `Connection: close`, so every request of either client opens a new TCP
    // connection; against DynamoDB (keep-alive) both would spend less.
    let moto = try await MotoServer.start()
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

    let putStart = DynamoBenchSupport.cpuSeconds()
    for i in 0..<requests { try await client.putItem(table: table, item: item(i)) }
    let putEnd = DynamoBenchSupport.cpuSeconds()
    var found = 0
    for i in 0..<requests where try await client.getItem(table: table, key: ["id": .s("swift-\(i)")]) != nil { found += 1 }
    let getEnd = DynamoBenchSupport.cpuSeconds()
    guard found == requests else { throw BenchError("GetItem found \(found) of \(requests) items") }
    let ourPut = (putEnd - putStart) / Double(requests) * 1e6
    let ourGet = (getEnd - putEnd) / Double(requests) * 1e6

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

    let boto = try DynamoBenchSupport.runJSON(["python3", scripts + "/bench_boto3.py", moto.endpoint, table, String(requests)])
    let botoSign = try DynamoBenchSupport.runJSON(["python3", scripts + "/bench_botocore_sign.py", String(max(signatures / 20, 2000))])
    let botoPut = boto["put_us"] ?? .nan
    let botoGet = boto["get_us"] ?? .nan
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
    line("sigv4_sign_rate_ours", ourRate, "signatures/s")
    line("sigv4_sign_rate_botocore", botoRate, "signatures/s")
    line("sigv4_sign_rate_ratio_ours_to_botocore", ourRate / botoRate, "x")
}


enum DynamoBenchSupport {
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

