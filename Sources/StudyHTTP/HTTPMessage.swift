import Foundation

/// HTTP header fields in the order they were added. Names compare case-insensitively;
/// a name may repeat (as HTTP allows), `subscript` returns the first value.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields as `(name, value)` pairs, in order.
    public private(set) var fields: [(name: String, value: String)]

    public init() { fields = [] }
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }
    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    /// The first value of `name` (any case), or nil.
    public subscript(name: String) -> String? {
        for field in fields where field.name.caseInsensitiveEquals(name) { return field.value }
        return nil
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Removes every field called `name` and appends this one.
    public mutating func replaceOrAdd(_ name: String, _ value: String) {
        fields.removeAll { $0.name.caseInsensitiveEquals(name) }
        fields.append((name: name, value: value))
    }

    /// Removes every field called `name`.
    public mutating func remove(_ name: String) { fields.removeAll { $0.name.caseInsensitiveEquals(name) } }

    public var count: Int { fields.count }
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

extension String {
    /// ASCII case-insensitive comparison; header names are ASCII, so no locale is involved.
    @inlinable func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }
}

/// One HTTP request: a method, an absolute URL, headers and a body.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, `PUT`, `DELETE`, ...
    public var method: String
    /// An absolute `http://` or `https://` URL, already percent-encoded.
    public var url: String
    public var headers: HTTPHeaders
    /// The body bytes (empty for none).
    public var body: [UInt8]
    /// Overrides the transport's default timeouts for this request only.
    public var timeouts: HTTPTimeouts?
    /// False when sending the request twice could do something twice (a counter increment).
    /// The transport then never resends it on its own: libcurl silently resends a request once
    /// when a reused keep-alive connection closes before any answer, which is right for an idle
    /// connection the server dropped but wrong if the server had already acted on it.
    public var isIdempotent: Bool

    public init(method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
                timeouts: HTTPTimeouts? = nil, isIdempotent: Bool = true) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.isIdempotent = isIdempotent
    }

    /// A POST with a JSON body and, if given, an `Authorization: Bearer` token (as LLM APIs want).
    public static func postJSON(url: String, json: [UInt8], bearerToken: String? = nil,
                                extraHeaders: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        var headers = extraHeaders
        headers.replaceOrAdd("Content-Type", "application/json")
        if let bearerToken { headers.replaceOrAdd("Authorization", "Bearer \(bearerToken)") }
        return HTTPRequest(method: "POST", url: url, headers: headers, body: json)
    }
}

/// What came back: the status code, headers of the final response, and the body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8 (invalid bytes replaced), for messages and logs.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
    /// The body as `Data`, for `JSONDecoder`.
    public var bodyData: Data { Data(body) }
}

/// How long to wait to connect and for the whole exchange.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Time allowed for DNS, TCP connect and TLS handshake.
    public var connect: Duration
    /// Time allowed for the whole request, from start to last byte.
    public var total: Duration

    public init(connect: Duration = .seconds(3), total: Duration = .seconds(30)) {
        self.connect = connect
        self.total = total
    }
}

/// Sends HTTP requests. Implementations must be safe to share between tasks.
///
/// The async `send` lets a blocking implementation (libcurl) run on its own threads while the
/// caller's task is suspended, and lets tests substitute a scripted transport.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response whatever its status code.
    /// - Throws: `TransportError` when no HTTP response was received.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
