import DynamoDB
import Foundation
import StudyHTTP

/// Wraps a real transport and lets a test decide, call by call, what happens: forward, fail
/// before sending, fail after the server applied the request, or rewrite the answer.
/// It also counts calls per DynamoDB operation and keeps their bodies.
public final class InterceptingTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `calls` and `bodies` are only touched under `lock`.

    public enum Action: Sendable {
        /// Send to the server unchanged.
        case forward
        /// Fail without sending (the server never sees the request).
        case failBeforeSending(TransportError.Kind)
        /// Send, let the server apply it, then lose the answer.
        case failAfterSending(TransportError.Kind)
        /// Answer without sending.
        case respond(HTTPResponse)
        /// Send, then change the answer.
        case forwardAndEdit(@Sendable (HTTPResponse) -> HTTPResponse)
        /// Send a different request body (the server used in tests does not check signatures),
        /// then change the answer.
        case rewrite(body: [UInt8], edit: @Sendable (HTTPResponse) -> HTTPResponse)
    }

    /// Decides for the `count`-th call (1-based) of `operation` (e.g. "PutItem").
    public typealias Rule = @Sendable (_ operation: String, _ request: HTTPRequest, _ count: Int) -> Action

    private let inner: any HTTPTransport
    private let rule: Rule
    private let lock = NSLock()
    private var calls: [String: Int] = [:]
    private var bodies: [String: [[UInt8]]] = [:]

    public init(inner: any HTTPTransport, rule: @escaping Rule) {
        self.inner = inner
        self.rule = rule
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.headers["X-Amz-Target"] ?? ""
        let operation = target.split(separator: ".").last.map(String.init) ?? ""
        let count = lock.withLock { () -> Int in
            calls[operation, default: 0] += 1
            bodies[operation, default: []].append(request.body)
            return calls[operation] ?? 0
        }
        let host = "intercepted"
        switch rule(operation, request, count) {
        case .forward:
            return try await inner.send(request)
        case let .failBeforeSending(kind):
            throw TransportError(kind: kind, host: host, detail: "injected before sending", requestMayHaveBeenSent: false)
        case let .failAfterSending(kind):
            _ = try await inner.send(request)
            throw TransportError(kind: kind, host: host, detail: "injected after sending", requestMayHaveBeenSent: true)
        case let .respond(response):
            return response
        case let .forwardAndEdit(edit):
            return edit(try await inner.send(request))
        case let .rewrite(body, edit):
            var changed = request
            changed.body = body
            return edit(try await inner.send(changed))
        }
    }

    /// How many times `operation` was sent (attempts included).
    public func count(_ operation: String) -> Int { lock.withLock { calls[operation] ?? 0 } }
    /// The bodies of every attempt of `operation`.
    public func bodies(_ operation: String) -> [[UInt8]] { lock.withLock { bodies[operation] ?? [] } }

    /// A DynamoDB JSON error answer, e.g. `errorResponse(400, "ThrottlingException")`.
    public static func errorResponse(_ status: Int, _ code: String, message: String = "injected") -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/x-amz-json-1.0"],
                     body: Array(#"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"\#(message)"}"#.utf8))
    }
}
