import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns `Encodable` values into DynamoDB items.
///
/// Mapping:
/// - `String` → `S` (empty strings are kept: DynamoDB allows them outside keys)
/// - integers, `Double`, `Float`, `Decimal` → `N`, as exact text (`Double` uses the shortest text
///   that reads back as the same `Double`, so `0.1` is `"0.1"`); infinities and NaN are refused
/// - `Bool` → `BOOL`; `Data` → `B`; `Date` → `S` in ISO-8601 UTC with milliseconds (sorts as text)
/// - `URL` → `S`; `UUID` → `S`
/// - arrays → `L`; structs, classes and `[String: T]` → `M`
/// - `Set<String>` → `SS` (an empty set becomes an empty `L`, because DynamoDB refuses empty sets)
/// - `nil`: optional properties that are `nil` are **omitted** (Swift's synthesized `encodeIfPresent`);
///   an explicit `encodeNil()` writes `NULL`, and a `nil` inside an array becomes `NULL`.
public struct DynamoDBEncoder: Sendable {
    public init() {}

    /// Encodes a value whose top level is keyed (a struct, class or dictionary) as an item.
    public func encode<T: Encodable>(_ value: T) throws -> Item {
        let av = try encodeValue(value)
        guard case let .m(item) = av else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Only a struct, class or [String: Value] can become a DynamoDB item."))
        }
        return item
    }

    /// Encodes any value as one attribute value.
    public func encodeValue<T: Encodable>(_ value: T) throws -> AttributeValue {
        let node = EncodingNode()
        try node.store(value, codingPath: [])
        return node.finish() ?? .null
    }
}

/// A value being built. It becomes a single value, a map or a list depending on which container
/// the `Encodable` asks for; containers hold the node by reference so that nested containers
/// can fill it after the parent container was handed out.
final class EncodingNode {
    var single: AttributeValue?
    var map: [String: EncodingNode]?
    var list: [EncodingNode]?

    func finish() -> AttributeValue? {
        if let single { return single }
        if let map {
            var out = Item(minimumCapacity: map.count)
            for (key, node) in map { if let v = node.finish() { out[key] = v } }
            return .m(out)
        }
        if let list { return .l(list.map { $0.finish() ?? .null }) }
        return nil
    }

    /// Stores `value`, short-cutting the types that have a direct DynamoDB form.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let direct = try Self.direct(value, codingPath: codingPath) {
            single = direct
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    static func direct<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> AttributeValue? {
        switch value {
        case let v as String: return .s(v)
        case let v as Data: return .b(v)
        case let v as Date: return .s(DynamoDBDateFormat.string(from: v))
        case let v as Decimal: return .n(v.description)
        case let v as Double: return try number(v, value, codingPath)
        case let v as Float: return try number(Double(v), value, codingPath, text: v.description)
        case let v as URL: return .s(v.absoluteString)
        case let v as UUID: return .s(v.uuidString)
        case let v as Set<String>: return v.isEmpty ? .l([]) : .ss(v.sorted())
        default: return nil
        }
    }

    static func number(_ d: Double, _ original: Any, _ codingPath: [any CodingKey], text: String? = nil) throws -> AttributeValue {
        guard d.isFinite else {
            throw EncodingError.invalidValue(original, .init(codingPath: codingPath, debugDescription: "DynamoDB numbers cannot be infinite or NaN."))
        }
        // Swift prints the shortest decimal text that reads back as the same Double.
        return .n(text ?? d.description)
    }
}

/// ISO-8601 UTC with milliseconds, e.g. `2025-01-02T03:04:05.678Z`: sorts correctly as text.
/// Dates are stored to the nearest millisecond.
enum DynamoDBDateFormat {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let plainStyle = Date.ISO8601FormatStyle()

    static func string(from date: Date) -> String {
        // Rounded to whole milliseconds first: formatting a binary fraction like .123 directly
        // can print .122.
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((millis / 1000).rounded(.down))
        let fraction = Int(millis - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ v: Int, _ width: Int) -> String {
            let text = String(v)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(fraction, 3))Z"
    }

    static func date(from string: String) -> Date? { (try? style.parse(string)) ?? (try? plainStyle.parse(string)) }
}

struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.map == nil { node.map = [:]; node.single = nil; node.list = nil }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.list == nil { node.list = []; node.single = nil; node.map = nil }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> EncodingNode { child(named: key.stringValue) }

    private func child(named name: String) -> EncodingNode {
        let child = EncodingNode()
        node.map?[name] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).single = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).single = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).single = .s(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).single = .n(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).single = .n(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).store(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: child(named: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key]) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.list?.count ?? 0 }

    private func next() -> EncodingNode {
        let child = EncodingNode()
        node.list?.append(child)
        return child
    }
    private var indexKey: IndexKey { IndexKey(intValue: count) }

    mutating func encodeNil() throws { next().single = .null }
    mutating func encode(_ value: Bool) throws { next().single = .bool(value) }
    mutating func encode(_ value: String) throws { next().single = .s(value) }
    mutating func encode(_ value: Int) throws { next().single = .n(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = indexKey
        try next().store(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = indexKey
        return NodeEncoder(node: next(), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = indexKey
        return NodeEncoder(node: next(), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: next(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.single = .null }
    mutating func encode(_ value: Bool) throws { node.single = .bool(value) }
    mutating func encode(_ value: String) throws { node.single = .s(value) }
    mutating func encode(_ value: Double) throws { node.single = try EncodingNode.number(value, value, codingPath) }
    mutating func encode(_ value: Float) throws { node.single = try EncodingNode.number(Double(value), value, codingPath, text: value.description) }
    mutating func encode(_ value: Int) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: Int8) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: Int16) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: Int32) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: Int64) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: UInt) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.single = .n(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.single = .n(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}

/// A coding key for list positions.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String
    init(intValue: Int) { self.intValue = intValue; self.stringValue = "Index \(intValue)" }
    init?(stringValue: String) { return nil }
}
