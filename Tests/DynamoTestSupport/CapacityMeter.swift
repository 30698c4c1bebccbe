import Foundation
import StudyHTTP

/// Wraps a transport to count DynamoDB requests and the read/write units the server reports:
/// it asks for `ReturnConsumedCapacity: TOTAL` on every item operation (moto reports it; the
/// test server does not check signatures, so the body may change after signing) and adds up
/// the `ConsumedCapacity` of the answers.
public final class CapacityMeter: HTTPTransport, @unchecked Sendable {
    // @unchecked: the counters are only touched under `lock`.
    public static let readOperations: Set<String> = ["GetItem", "BatchGetItem", "Query", "Scan"]
    public static let itemOperations: Set<String> = readOperations.union(
        ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems", "TransactGetItems"])

    private let inner: any HTTPTransport
    private let lock = NSLock()
    private var requests: [String: Int] = [:]
    private var units: [String: Double] = [:]

    public init(inner: any HTTPTransport) { self.inner = inner }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.headers["X-Amz-Target"] ?? ""
        let operation = target.split(separator: ".").last.map(String.init) ?? ""
        var sent = request
        if Self.itemOperations.contains(operation), request.body.first == UInt8(ascii: "{") {
            sent.body = Array(#"{"ReturnConsumedCapacity":"TOTAL","#.utf8) + request.body.dropFirst()
            if request.body.count == 2 { sent.body = Array(#"{"ReturnConsumedCapacity":"TOTAL"}"#.utf8) }
        }
        let response = try await inner.send(sent)
        let consumed = Self.consumed(in: response.body)
        lock.withLock {
            requests[operation, default: 0] += 1
            units[operation, default: 0] += consumed
        }
        return response
    }

    /// The capacity units of one answer (`ConsumedCapacity` as an object or a list of them).
    static func consumed(in body: [UInt8]) -> Double {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return 0 }
        func units(_ entry: Any) -> Double { ((entry as? [String: Any])?["CapacityUnits"] as? NSNumber)?.doubleValue ?? 0 }
        switch object["ConsumedCapacity"] {
        case let list as [Any]: return list.map(units).reduce(0, +)
        case let entry?: return units(entry)
        case nil: return 0
        }
    }

    /// Requests sent, per operation or (nil) in all.
    public func requestCount(_ operation: String? = nil) -> Int {
        lock.withLock { operation.map { requests[$0] ?? 0 } ?? requests.values.reduce(0, +) }
    }

    /// Read units reported for the read operations.
    public var readUnits: Double {
        lock.withLock { units.filter { Self.readOperations.contains($0.key) }.values.reduce(0, +) }
    }

    /// Starts counting from zero.
    public func reset() {
        lock.withLock {
            requests = [:]
            units = [:]
        }
    }
}
