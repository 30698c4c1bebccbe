import Foundation
import StudyHTTP

/// A DynamoDB client speaking the JSON 1.0 protocol (`POST /` with `X-Amz-Target`), signed with
/// SigV4, over any `HTTPTransport` (libcurl by default).
///
/// Safe to share between tasks. Retries follow `retry`; see `call` for what is retried when.
public struct DynamoDBClient: Sendable {
    /// Base URL, e.g. `https://dynamodb.us-east-1.amazonaws.com` or `http://localhost:8000`.
    public let endpoint: String
    public let region: String
    public let credentialProvider: any AWSCredentialProvider
    public let transport: any HTTPTransport
    public var retry: RetryPolicy
    /// The signing clock; injectable for tests.
    public var clock: @Sendable () -> Date
    /// Per-request timeouts; nil uses the transport's defaults.
    public var timeouts: HTTPTimeouts?

    private let host: String
    private let url: String

    public init(endpoint: String, region: String, credentials: any AWSCredentialProvider,
                transport: any HTTPTransport = CurlTransport(), retry: RetryPolicy = RetryPolicy(),
                timeouts: HTTPTimeouts? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        let trimmed = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.endpoint = trimmed
        self.region = region
        self.credentialProvider = credentials
        self.transport = transport
        self.retry = retry
        self.timeouts = timeouts
        self.clock = clock
        self.url = trimmed + "/"
        self.host = Self.hostHeader(of: trimmed)
    }

    /// Configures a client the way the AWS SDKs and the StudyCircle seeds do, from an environment:
    /// region from `AWS_REGION` / `AWS_DEFAULT_REGION` / the profile; endpoint from
    /// `DYNAMODB_ENDPOINT` / `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL`, else AWS's regional
    /// endpoint; credentials from the default chain (looked up on first use).
    ///
    /// - Throws: `AWSConfigurationError` for a missing or malformed region or endpoint.
    public static func fromEnvironment(_ environment: [String: String], files: AWSSharedConfigFiles? = nil,
                                       transport: (any HTTPTransport)? = nil, retry: RetryPolicy = RetryPolicy()) throws -> DynamoDBClient {
        let files = files ?? AWSSharedConfigFiles.load(environment: environment)
        let transport = transport ?? CurlTransport()
        let explicit = try DynamoDBEndpoint.explicit(in: environment)
        let endpoint: String
        let region: String
        if let explicit {
            // DynamoDB Local and compatible servers accept any region; signing still needs one.
            region = AWSRegion.resolve(environment: environment, files: files) ?? "us-east-1"
            endpoint = explicit.url
        } else {
            guard let found = AWSRegion.resolve(environment: environment, files: files) else { throw AWSConfigurationError.missingRegion }
            region = try AWSRegion.validate(found)
            endpoint = try DynamoDBEndpoint.standard(region: region)
        }
        let chain = AWSCredentialChain(environment: environment, files: files, transport: transport)
        return DynamoDBClient(endpoint: endpoint, region: region, credentials: chain, transport: transport, retry: retry)
    }

    static func hostHeader(of endpoint: String) -> String {
        guard let schemeEnd = endpoint.range(of: "://") else { return endpoint }
        var rest = endpoint[schemeEnd.upperBound...]
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        // The default port is not part of the Host header curl would send, nor of the signature.
        let scheme = endpoint[..<schemeEnd.lowerBound].lowercased()
        if scheme == "https", rest.hasSuffix(":443") { rest = rest.dropLast(4) }
        if scheme == "http", rest.hasSuffix(":80") { rest = rest.dropLast(3) }
        return String(rest)
    }

    /// Resolves credentials now (for `doctor`), mapping problems to a `DynamoDBError`.
    public func resolveCredentials() async throws -> AWSCredentials {
        do {
            return try await credentialProvider.credentials()
        } catch let error as AWSConfigurationError {
            throw DynamoDBError(code: "MissingCredentials", message: error.description, operation: "ResolveCredentials", endpoint: endpoint)
        }
    }

    // MARK: - The one place requests are sent

    /// Whether a request may be sent again after an answer was lost.
    public enum Idempotency: Sendable {
        /// Reads, and writes whose repetition leaves the same result (PutItem, DeleteItem,
        /// TransactWriteItems with a ClientRequestToken, BatchWriteItem of puts and deletes).
        case idempotent
        /// Writes that would apply twice (UpdateItem with ADD or arithmetic).
        case notIdempotent
    }

    /// Sends one operation and returns the parsed JSON answer.
    ///
    /// Retry rules (this is why nothing is written twice):
    /// - Refusals that certainly did not apply the request are retried for every operation:
    ///   throttling errors, and network failures before the request was sent (DNS, refused).
    /// - Failures after the request may have been applied (HTTP 5xx, a reset or timeout after
    ///   sending, a damaged answer whose x-amz-crc32 does not match) are retried only for
    ///   `.idempotent` operations. For the others the error says the outcome is unknown.
    /// - Everything else (validation, conditional check failed, missing table, access denied)
    ///   is returned at once.
    public func call(_ operation: String, body: [UInt8], table: String?, idempotency: Idempotency = .idempotent) async throws -> JSON {
        try await call(operation, body: body, table: table, idempotency: idempotency, decode: { try JSON.parse($0) })
    }

    /// `call`, with the answer read by `decode` instead of into a `JSON` tree (e.g. straight into
    /// an `Item`). A `JSONParseError` from `decode` is a damaged answer (retried like a checksum
    /// mismatch); any other error it throws is passed to the caller as it is, without a retry.
    func call<T>(_ operation: String, body: [UInt8], table: String?, idempotency: Idempotency = .idempotent,
                 decode: ([UInt8]) throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            let error: DynamoDBError
            do {
                return try await attemptOnce(operation, body: body, table: table, idempotency: idempotency, decode: decode)
            } catch let e as DynamoDBError {
                error = e
            }
            let ambiguous = Self.mayHaveBeenApplied(error)
            let allowed = error.isRetryable && (!ambiguous || idempotency == .idempotent)
            let limit = retry.limit(throttling: error.isThrottling)
            if allowed && attempt < limit {
                try await retry.sleep(retry.delay(afterAttempt: attempt, throttling: error.isThrottling))
                continue
            }
            var final = error
            final.attempts = attempt
            final.retriesExhausted = allowed
            final.outcomeUnknown = ambiguous && idempotency == .notIdempotent
            throw final
        }
    }

    static func mayHaveBeenApplied(_ error: DynamoDBError) -> Bool {
        if let transport = error.transportError { return transport.requestMayHaveBeenSent }
        if error.code == "ChecksumMismatch" || error.code == "InvalidResponse" { return true }
        return error.httpStatus >= 500
    }

    private func attemptOnce<T>(_ operation: String, body: [UInt8], table: String?, idempotency: Idempotency,
                                decode: ([UInt8]) throws -> T) async throws -> T {
        let credentials: AWSCredentials
        do {
            credentials = try await credentialProvider.credentials()
        } catch let error as AWSConfigurationError {
            throw DynamoDBError(code: "MissingCredentials", message: error.description, operation: operation, tableName: table, endpoint: endpoint)
        } catch let error as DynamoDBError {
            throw error
        } catch {
            throw DynamoDBError(code: "MissingCredentials", message: "\(error)", operation: operation, tableName: table, endpoint: endpoint)
        }
        var request = signedRequest(operation: operation, body: body, credentials: credentials)
        request.isIdempotent = idempotency == .idempotent
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw DynamoDBError.transport(error, operation: operation, table: table, endpoint: endpoint)
        } catch {
            throw DynamoDBError(code: "EndpointUnreachable", message: "\(error)", isRetryable: true, operation: operation, tableName: table, endpoint: endpoint)
        }
        if let expected = response.headers["x-amz-crc32"], let expectedValue = Self.checksumValue(expected) {
            let actual = CRC32.checksum(response.body)
            if actual != expectedValue {
                throw DynamoDBError(code: "ChecksumMismatch", message: "x-amz-crc32 was \(expectedValue) but the body's CRC32 is \(actual)",
                                    httpStatus: response.status, isRetryable: true, operation: operation, tableName: table, endpoint: endpoint)
            }
        }
        guard response.status == 200 else {
            throw DynamoDBError.service(status: response.status, body: response.body, headers: response.headers,
                                        operation: operation, table: table, endpoint: endpoint)
        }
        do {
            return try decode(response.body)
        } catch let error as JSONParseError {
            throw DynamoDBError(code: "InvalidResponse", message: "\(error)", httpStatus: response.status, isRetryable: true,
                                operation: operation, tableName: table, endpoint: endpoint)
        }
    }

    /// The `x-amz-crc32` header's number. Plain digits (what DynamoDB sends) are read directly;
    /// anything else goes through Foundation's whitespace trimming as before.
    static func checksumValue(_ header: String) -> UInt32? {
        let utf8 = header.utf8
        if !utf8.isEmpty, utf8.count <= 10, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return UInt32(header) }
        return UInt32(header.trimmingCharacters(in: .whitespaces))
    }

    /// Builds and signs the HTTP request for one attempt (a fresh date each time).
    func signedRequest(operation: String, body: [UInt8], credentials: AWSCredentials) -> HTTPRequest {
        let signer = SigV4Signer(credentials: credentials, region: region, service: "dynamodb", clock: clock)
        let target = "DynamoDB_20120810." + operation
        let headers: [(name: String, value: String)] = [
            (name: "Host", value: host),
            (name: "Content-Type", value: "application/x-amz-json-1.0"),
            (name: "X-Amz-Target", value: target),
        ]
        let signature = signer.sign(SigV4Signer.Request(method: "POST", path: "/", query: "", headers: headers, body: body))
        var all = HTTPHeaders(headers.map { ($0.name, $0.value) })
        for header in signature.headersToAdd { all.add(header.name, header.value) }
        return HTTPRequest(method: "POST", url: url, headers: all, body: body, timeouts: timeouts)
    }
}
