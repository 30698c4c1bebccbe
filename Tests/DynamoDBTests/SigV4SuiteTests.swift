@testable import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import Testing

/// One folder of the AWS SigV4 test suite in shared/testdata/sigv4 (aws-c-auth's format:
/// context.json, request.txt, header-*.txt for the Authorization-header form and query-*.txt for
/// the presigned-URL form).
struct SigV4Case: CustomTestStringConvertible, Sendable {
    let name: String
    let folder: URL
    var testDescription: String { name }

    static var suiteFolder: URL { RepoPaths.shared.appendingPathComponent("testdata/sigv4") }

    static var all: [SigV4Case] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)) ?? []
        return names.sorted()
            .filter { (try? FileManager.default.attributesOfItem(atPath: suiteFolder.appendingPathComponent($0).path)[.type] as? FileAttributeType) == .typeDirectory }
            .map { SigV4Case(name: $0, folder: suiteFolder.appendingPathComponent($0)) }
    }

    func text(_ file: String) throws -> String {
        var s = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    func has(_ file: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) }

    struct Context {
        var credentials: AWSCredentials
        var region: String
        var service: String
        var date: Date
        var normalize: Bool
        var signBody: Bool
        var omitSessionToken: Bool
        var expires: Int
    }

    func context() throws -> Context {
        let json = try JSON.parse(try text("context.json"))
        let creds = json["credentials"]
        let credentials = AWSCredentials(accessKeyId: creds?["access_key_id"]?.stringValue ?? "",
                                         secretAccessKey: creds?["secret_access_key"]?.stringValue ?? "",
                                         sessionToken: creds?["token"]?.stringValue)
        let timestamp = json["timestamp"]?.stringValue ?? ""
        let date = try #require(DynamoDBDateFormat.date(from: timestamp), "bad timestamp \(timestamp)")
        return Context(credentials: credentials, region: json["region"]?.stringValue ?? "", service: json["service"]?.stringValue ?? "",
                       date: date, normalize: json["normalize"]?.boolValue ?? true, signBody: json["sign_body"]?.boolValue ?? false,
                       omitSessionToken: json["omit_session_token"]?.boolValue ?? false, expires: json["expiration_in_seconds"]?.intValue ?? 3600)
    }

    /// Parses request.txt: `METHOD PATH HTTP/1.1`, headers (indented lines continue the previous
    /// value), a blank line, the body. The path may contain spaces.
    func request() throws -> SigV4Signer.Request {
        let raw = try String(contentsOf: folder.appendingPathComponent("request.txt"), encoding: .utf8)
        var lines = raw.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        var target = String(requestLine.dropFirst(method.count + 1))
        if target.hasSuffix(" HTTP/1.1") { target.removeLast(" HTTP/1.1".count) }
        let path: String, query: String
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            query = String(target[target.index(after: q)...])
        } else {
            path = target
            query = ""
        }
        var headers: [(name: String, value: String)] = []
        var bodyLines: [String]? = nil
        for line in lines {
            if bodyLines != nil { bodyLines?.append(line); continue }
            if line.isEmpty { bodyLines = []; continue }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        let body = Array((bodyLines ?? []).joined(separator: "\n").utf8)
        return SigV4Signer.Request(method: method, path: path, query: query, headers: headers, body: body)
    }
}

@Suite("SigV4: the AWS test suite")
struct SigV4SuiteTests {
    @Test("the suite is present and every case has what is compared")
    func suiteIsComplete() throws {
        let cases = SigV4Case.all
        // Skip nothing silently: if the folder moved, this fails instead of testing zero cases.
        #expect(cases.count >= 30, "found \(cases.count) cases in \(SigV4Case.suiteFolder.path)")
        for c in cases {
            for file in ["context.json", "request.txt", "header-canonical-request.txt", "header-string-to-sign.txt",
                         "header-signature.txt", "header-signed-request.txt", "query-canonical-request.txt",
                         "query-string-to-sign.txt", "query-signature.txt", "query-signed-request.txt"] {
                #expect(c.has(file), "\(c.name) lacks \(file)")
            }
        }
    }

    @Test("Authorization header form", arguments: SigV4Case.all)
    func headerForm(_ c: SigV4Case) throws {
        let ctx = try c.context()
        let signer = SigV4Signer(credentials: ctx.credentials, region: ctx.region, service: ctx.service, clock: { ctx.date })
        let options = SigV4Signer.Options(normalizePath: ctx.normalize, addContentSHA256Header: ctx.signBody,
                                          omitSessionTokenFromSignature: ctx.omitSessionToken)
        let signed = signer.sign(try c.request(), options: options)
        #expect(signed.canonicalRequest == (try c.text("header-canonical-request.txt")))
        #expect(signed.stringToSign == (try c.text("header-string-to-sign.txt")))
        #expect(signed.signature == (try c.text("header-signature.txt")))
        let expectedAuthorization = try c.text("header-signed-request.txt").components(separatedBy: "\n")
            .first { $0.hasPrefix("Authorization:") }.map { String($0.dropFirst("Authorization:".count)) }
        #expect(signed.authorization == expectedAuthorization)
        // The session token is sent either way; signed only when not omitted.
        if let token = ctx.credentials.sessionToken {
            #expect(signed.headersToAdd.contains { $0.name == "X-Amz-Security-Token" && $0.value == token })
        }
    }

    @Test("presigned query form", arguments: SigV4Case.all)
    func queryForm(_ c: SigV4Case) throws {
        let ctx = try c.context()
        let signer = SigV4Signer(credentials: ctx.credentials, region: ctx.region, service: ctx.service, clock: { ctx.date })
        let options = SigV4Signer.Options(normalizePath: ctx.normalize, omitSessionTokenFromSignature: ctx.omitSessionToken)
        let presigned = signer.presign(try c.request(), expires: ctx.expires, options: options)
        #expect(presigned.canonicalRequest == (try c.text("query-canonical-request.txt")))
        #expect(presigned.stringToSign == (try c.text("query-string-to-sign.txt")))
        #expect(presigned.signature == (try c.text("query-signature.txt")))
        // The signed request's query holds the same parameters (in another order).
        let firstLine = try c.text("query-signed-request.txt").components(separatedBy: "\n")[0]
        var target = String(firstLine.drop { $0 != " " }.dropFirst())
        if target.hasSuffix(" HTTP/1.1") { target.removeLast(" HTTP/1.1".count) }
        let expectedQuery = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
        let normalizedExpected = Set(SigV4Signer.queryPairs(expectedQuery).map { "\($0.0)=\($0.1)" })
        let normalizedOurs = Set(SigV4Signer.queryPairs(presigned.query).map { "\($0.0)=\($0.1)" })
        #expect(normalizedOurs == normalizedExpected)
    }

    @Test("a changed header, body or secret changes the signature")
    func signatureDependsOnInputs() {
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "dynamodb", clock: { date })
        let base = SigV4Signer.Request(method: "POST", headers: [("Host", "h"), ("X-Amz-Target", "DynamoDB_20120810.GetItem")], body: Array("{}".utf8))
        var otherHeader = base
        otherHeader.headers[1].value = "DynamoDB_20120810.PutItem"
        var otherBody = base
        otherBody.body = Array("{ }".utf8)
        var otherSecret = signer
        otherSecret.credentials.secretAccessKey += "x"
        let s0 = signer.sign(base).signature
        #expect(s0 != signer.sign(otherHeader).signature)
        #expect(s0 != signer.sign(otherBody).signature)
        #expect(s0 != otherSecret.sign(base).signature)
        #expect(s0 == signer.sign(base).signature)
    }
}

@Suite("SigV4: cross-check with botocore")
struct BotocoreCrossCheckTests {
    @Test("our Authorization headers equal botocore's for DynamoDB requests")
    func matchesBotocore() async throws {
        let script = RepoPaths.scripts.appendingPathComponent("botocore_sign.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "botocore_sign.py failed (is botocore installed? scripts/install-deps.sh test)")
        let cases = try #require(try JSON.parse(Array(data)).arrayValue)
        #expect(cases.count >= 5)
        for c in cases {
            let name = c["name"]?.stringValue ?? "?"
            let epoch = try #require(c["epochSeconds"]?.doubleValue)
            let date = Date(timeIntervalSince1970: epoch)
            let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                             sessionToken: c["sessionToken"]?.stringValue)
            let client = DynamoDBClient(endpoint: c["endpoint"]?.stringValue ?? "", region: c["region"]?.stringValue ?? "",
                                        credentials: StaticCredentialProvider(credentials), transport: NeverTransport(), clock: { date })
            let request = client.signedRequest(operation: c["operation"]?.stringValue ?? "", body: Array((c["body"]?.stringValue ?? "").utf8),
                                               credentials: credentials)
            #expect(request.headers["Authorization"] == c["authorization"]?.stringValue, "case \(name)")
            #expect(request.headers["X-Amz-Date"] == c["amzDate"]?.stringValue, "case \(name)")
        }
    }
}

/// A transport for tests that must not send anything.
struct NeverTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError(kind: .other, host: "test", detail: "this test sends nothing")
    }
}
