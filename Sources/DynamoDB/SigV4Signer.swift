import Foundation
import StudyModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// AWS Signature Version 4 (header and presigned-query forms).
///
/// A value type: credentials, region and service name, plus an injectable clock so tests sign at a
/// fixed time. Canonicalisation follows the AWS rules in general (any headers, query, path), not
/// just the headers the DynamoDB client sets, so it can be checked against AWS's own test suite.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String
    /// When "now" is; injected for tests.
    public var clock: @Sendable () -> Date

    public init(credentials: AWSCredentials, region: String, service: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.clock = clock
    }

    /// The parts of an HTTP request that are signed.
    public struct Request: Sendable {
        public var method: String
        /// The path as sent, before `?` and without percent-decoding (e.g. `/` or `/a b/`).
        public var path: String
        /// The query string after `?` as sent, possibly empty.
        public var query: String
        /// Headers in order; names in any case; `host` must be among them.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(method: String, path: String = "/", query: String = "", headers: [(name: String, value: String)], body: [UInt8] = []) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    /// Signing choices that vary between services.
    public struct Options: Sendable {
        /// Remove `.`/`..` segments and repeated slashes from the path before signing
        /// (every service but S3).
        public var normalizePath = true
        /// Also send and sign `x-amz-content-sha256` (S3 and a few others; DynamoDB does not need it).
        public var addContentSHA256Header = false
        /// Add the session token after signing instead of signing it (a few services want this).
        public var omitSessionTokenFromSignature = false

        public init(normalizePath: Bool = true, addContentSHA256Header: Bool = false, omitSessionTokenFromSignature: Bool = false) {
            self.normalizePath = normalizePath
            self.addContentSHA256Header = addContentSHA256Header
            self.omitSessionTokenFromSignature = omitSessionTokenFromSignature
        }
    }

    /// The result of signing, with the intermediate texts for diagnosis and tests.
    public struct Signature: Sendable {
        /// Headers to add to the request, in order (`X-Amz-Date`, maybe `X-Amz-Security-Token` and
        /// `x-amz-content-sha256`, then `Authorization`).
        public var headersToAdd: [(name: String, value: String)]
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var authorization: String
    }

    /// The result of presigning: the full query string to send instead of the original.
    public struct Presigned: Sendable {
        public var query: String
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
    }

    /// Headers the signer never signs: they are set or changed by proxies and HTTP libraries.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "connection", "x-amzn-trace-id", "transfer-encoding"]

    /// Signs `request` in the `Authorization` header form.
    ///
    /// Runs once per request, so the canonical request is built as bytes in one buffer rather
    /// than by joining strings.
    public func sign(_ request: Request, options: Options = Options(), date: Date? = nil) -> Signature {
        let time = AmzTime(date ?? clock())
        let payloadHash = Crypto.hex(Crypto.sha256(request.body))
        var headers = request.headers
        var added: [(name: String, value: String)] = []
        if !headers.contains(where: { $0.name.caseInsensitiveEqualsASCII("x-amz-date") }) {
            added.append((name: "X-Amz-Date", value: time.dateTime))
        }
        if let token = credentials.sessionToken, !options.omitSessionTokenFromSignature {
            added.append((name: "X-Amz-Security-Token", value: token))
        }
        if options.addContentSHA256Header {
            added.append((name: "x-amz-content-sha256", value: payloadHash))
        }
        headers += added

        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaderBytes(headers)
        var canonical = [UInt8]()
        canonical.reserveCapacity(256 + canonicalHeaders.count)
        Self.appendUppercased(request.method, to: &canonical)
        canonical.append(0x0a)
        if request.path == "/" {
            canonical.append(UInt8(ascii: "/"))
        } else {
            canonical += Self.canonicalPath(request.path, normalize: options.normalizePath).utf8
        }
        canonical.append(0x0a)
        if !request.query.isEmpty { canonical += Self.canonicalQuery(request.query).utf8 }
        canonical.append(0x0a)
        canonical += canonicalHeaders
        canonical.append(0x0a)
        canonical += signedHeaders
        canonical.append(0x0a)
        canonical += payloadHash.utf8

        let scope = "\(time.date)/\(region)/\(service)/aws4_request"
        var toSign = [UInt8]()
        toSign.reserveCapacity(160)
        toSign += "AWS4-HMAC-SHA256\n".utf8
        toSign += time.dateTime.utf8
        toSign.append(0x0a)
        toSign += scope.utf8
        toSign.append(0x0a)
        toSign += Crypto.hex(Crypto.sha256(canonical)).utf8
        let signature = Crypto.hex(Crypto.hmacSHA256(key: signingKey(date: time.date), data: toSign))
        let signedHeadersText = String(decoding: signedHeaders, as: UTF8.self)
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeadersText), Signature=\(signature)"

        if let token = credentials.sessionToken, options.omitSessionTokenFromSignature {
            added.append((name: "X-Amz-Security-Token", value: token))
        }
        added.append((name: "Authorization", value: authorization))
        return Signature(headersToAdd: added, canonicalRequest: String(decoding: canonical, as: UTF8.self),
                         stringToSign: String(decoding: toSign, as: UTF8.self), signature: signature, authorization: authorization)
    }

    static func appendUppercased(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 { out.append(byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte) }
    }

    private static let unsignedHeaderBytes: [[UInt8]] = unsignedHeaders.map { Array($0.utf8) }

    /// The canonical header block (`name:value\n` per distinct name) and the signed-header
    /// list (`a;b;c`), as bytes: names lower-cased and sorted, repeated names joined with commas
    /// in their original order, values trimmed with inner whitespace runs collapsed.
    static func canonicalHeaderBytes(_ headers: [(name: String, value: String)]) -> ([UInt8], [UInt8]) {
        var entries: [(name: [UInt8], value: String, order: Int)] = []
        entries.reserveCapacity(headers.count)
        for (index, header) in headers.enumerated() {
            let name = header.name.utf8.map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 }
            if unsignedHeaderBytes.contains(name) { continue }
            entries.append((name, header.value, index))
        }
        entries.sort { $0.name == $1.name ? $0.order < $1.order : $0.name.lexicographicallyPrecedes($1.name) }
        var canonical = [UInt8]()
        canonical.reserveCapacity(256)
        var signed = [UInt8]()
        signed.reserveCapacity(64)
        var previous: [UInt8]? = nil
        for entry in entries {
            if let previous, previous == entry.name {
                canonical.removeLast()  // the newline: this value joins the previous line
                canonical.append(UInt8(ascii: ","))
            } else {
                if previous != nil { signed.append(UInt8(ascii: ";")) }
                signed += entry.name
                canonical += entry.name
                canonical.append(UInt8(ascii: ":"))
            }
            appendCollapsed(entry.value, to: &canonical)
            canonical.append(0x0a)
            previous = entry.name
        }
        return (canonical, signed)
    }

    static func appendCollapsed(_ value: String, to out: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
            wroteAny = true
        }
    }

    /// Signs `request` in the presigned-URL form: the signature travels in the query string.
    public func presign(_ request: Request, expires: Int, options: Options = Options(), date: Date? = nil) -> Presigned {
        let time = AmzTime(date ?? clock())
        let payloadHash = Crypto.hex(Crypto.sha256(request.body))
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(request.headers)
        let scope = "\(time.date)/\(region)/\(service)/aws4_request"
        var params = Self.queryPairs(request.query)
        params.append(("X-Amz-Algorithm", "AWS4-HMAC-SHA256"))
        params.append(("X-Amz-Credential", Self.uriEncode("\(credentials.accessKeyId)/\(scope)")))
        params.append(("X-Amz-Date", time.dateTime))
        params.append(("X-Amz-Expires", String(expires)))
        params.append(("X-Amz-SignedHeaders", Self.uriEncode(signedHeaders)))
        if let token = credentials.sessionToken, !options.omitSessionTokenFromSignature {
            params.append(("X-Amz-Security-Token", Self.uriEncode(token)))
        }
        let canonicalQuery = Self.joinSorted(params)
        let canonicalRequest = [
            request.method.uppercased(),
            Self.canonicalPath(request.path, normalize: options.normalizePath),
            canonicalQuery,
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let stringToSign = "AWS4-HMAC-SHA256\n\(time.dateTime)\n\(scope)\n" + Crypto.hex(Crypto.sha256(canonicalRequest))
        let signature = Crypto.hex(Crypto.hmacSHA256(key: signingKey(date: time.date), string: stringToSign))
        var query = canonicalQuery + "&X-Amz-Signature=\(signature)"
        if let token = credentials.sessionToken, options.omitSessionTokenFromSignature {
            query += "&X-Amz-Security-Token=\(Self.uriEncode(token))"
        }
        return Presigned(query: query, canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    func signingKey(date: String) -> [UInt8] {
        SigningKeyCache.shared.key(secret: credentials.secretAccessKey, date: date, region: region, service: service) {
            let kDate = Crypto.hmacSHA256(key: Array(("AWS4" + credentials.secretAccessKey).utf8), string: date)
            let kRegion = Crypto.hmacSHA256(key: kDate, string: region)
            let kService = Crypto.hmacSHA256(key: kRegion, string: service)
            return Crypto.hmacSHA256(key: kService, string: "aws4_request")
        }
    }

    // MARK: Canonical forms

    /// `canonicalHeaderBytes` as strings.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (String, String) {
        let (canonical, signed) = canonicalHeaderBytes(headers)
        return (String(decoding: canonical, as: UTF8.self), String(decoding: signed, as: UTF8.self))
    }

    static func collapseWhitespace(_ value: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each segment percent-encoded (so an already-encoded `%20` is encoded again, as AWS wants
    /// for every service but S3), optionally with dot segments and empty segments removed.
    static func canonicalPath(_ path: String, normalize: Bool) -> String {
        if path.isEmpty { return "/" }
        guard normalize else { return uriEncode(path, keepSlash: true) }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        var result = "/" + segments.map { uriEncode(String($0)) }.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { result += "/" }
        return result
    }

    /// Decodes each parameter, encodes it the AWS way, sorts by name then value.
    static func canonicalQuery(_ query: String) -> String {
        joinSorted(queryPairs(query))
    }

    static func queryPairs(_ query: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring, value: Substring
            if let eq = part.firstIndex(of: "=") {
                name = part[..<eq]
                value = part[part.index(after: eq)...]
            } else {
                name = part
                value = ""
            }
            pairs.append((uriEncode(percentDecode(name)), uriEncode(percentDecode(value))))
        }
        return pairs
    }

    static func joinSorted(_ pairs: [(String, String)]) -> String {
        pairs.sorted { $0.0 == $1.0 ? Array($0.1.utf8).lexicographicallyPrecedes(Array($1.1.utf8)) : Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    private static let hexUpper: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 encoding: everything but `A-Z a-z 0-9 - . _ ~` (and `/` if asked) becomes `%XX`.
    static func uriEncode(_ text: String, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexUpper[Int(byte >> 4)])
                out.append(hexUpper[Int(byte & 0xf)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func percentDecode<S: StringProtocol>(_ text: S) -> String {
        var out = [UInt8]()
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

/// The two time formats SigV4 uses, computed without a DateFormatter (it is slow and not needed).
struct AmzTime {
    /// `YYYYMMDD'T'HHMMSS'Z'`
    let dateTime: String
    /// `YYYYMMDD`
    let date: String

    init(_ when: Date) {
        var seconds = time_t(when.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var digits = [UInt8]()
        digits.reserveCapacity(16)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                digits.append(UInt8(ascii: "0") + UInt8((v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, 4)
        put(Int(parts.tm_mon) + 1, 2)
        put(Int(parts.tm_mday), 2)
        date = String(decoding: digits, as: UTF8.self)
        digits.append(UInt8(ascii: "T"))
        put(Int(parts.tm_hour), 2)
        put(Int(parts.tm_min), 2)
        put(Int(parts.tm_sec), 2)
        digits.append(UInt8(ascii: "Z"))
        dateTime = String(decoding: digits, as: UTF8.self)
    }
}

/// Derived signing keys change once a day; caching them saves four HMACs on every request.
final class SigningKeyCache: Sendable {
    static let shared = SigningKeyCache()
    /// One entry is enough: a process signs with one identity, region and service per day.
    /// The secret is compared so that new credentials never reuse an old key.
    private let last = Mutex<Entry?>(nil)

    private struct Entry {
        let secret: String, date: String, region: String, service: String, key: [UInt8]
    }

    func key(secret: String, date: String, region: String, service: String, derive: () -> [UInt8]) -> [UInt8] {
        let hit = last.withLock { last -> [UInt8]? in
            guard let last, last.date == date, last.secret == secret, last.region == region, last.service == service else { return nil }
            return last.key
        }
        if let hit { return hit }
        // Derived outside the lock: two signers racing on a new day both derive, which is
        // harmless, and neither waits on the other's HMACs.
        let key = derive()
        last.withLock { $0 = Entry(secret: secret, date: date, region: region, service: service, key: key) }
        return key
    }
}

extension String {
    /// ASCII case-insensitive equality against a lower-case literal.
    func caseInsensitiveEqualsASCII(_ lower: String) -> Bool {
        let a = utf8, b = lower.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where (x >= 0x41 && x <= 0x5a ? x | 0x20 : x) != y { return false }
        return true
    }
}
