import Foundation

/// Turns DynamoDB items back into `Decodable` values; the inverse of `DynamoDBEncoder`.
///
/// A missing attribute and a `NULL` attribute both decode as `nil`. Lists may come as `L`, `SS`,
/// `NS` or `BS`. Numbers decode into any numeric type that can hold them exactly; a `Date` reads
/// ISO-8601 text (`S`) or seconds since 1970 (`N`).
public struct DynamoDBDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from item: Item) throws -> T {
        try decode(type, fromValue: .m(item))
    }

    public func decode<T: Decodable>(_ type: T.Type, fromValue value: AttributeValue) throws -> T {
        try NodeDecoder(value: value, codingPath: []).decodeValue(type)
    }
}

struct NodeDecoder: Decoder {
    let value: AttributeValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .m(map) = value else { throw mismatch([String: Any].self, "a map (M)") }
        return KeyedDecodingContainer(KeyedNodeDecoder<Key>(map: map, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case let .l(items): return UnkeyedNodeDecoder(items: items, codingPath: codingPath)
        case let .ss(items): return UnkeyedNodeDecoder(items: items.map(AttributeValue.s), codingPath: codingPath)
        case let .ns(items): return UnkeyedNodeDecoder(items: items.map(AttributeValue.n), codingPath: codingPath)
        case let .bs(items): return UnkeyedNodeDecoder(items: items.map(AttributeValue.b), codingPath: codingPath)
        default: throw mismatch([Any].self, "a list (L) or set")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeDecoder(decoder: self) }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected) but found \(Self.describe(value))."))
    }

    static func describe(_ value: AttributeValue) -> String {
        switch value {
        case .s: return "a string (S)"
        case .n: return "a number (N)"
        case .b: return "binary (B)"
        case .bool: return "a boolean (BOOL)"
        case .null: return "NULL"
        case .l: return "a list (L)"
        case .m: return "a map (M)"
        case .ss: return "a string set (SS)"
        case .ns: return "a number set (NS)"
        case .bs: return "a binary set (BS)"
        }
    }

    /// Decodes, short-cutting the types that have a direct DynamoDB form.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        // Each `as? T` below succeeds because `type` was just compared; no force casts needed.
        if type == String.self, let v = try string() as? T { return v }
        if type == Data.self {
            guard case let .b(data) = value else { throw mismatch(type, "binary (B)") }
            if let v = data as? T { return v }
        }
        if type == Date.self, let v = try date() as? T { return v }
        if type == Decimal.self {
            guard let d = Decimal(string: try numberText(type), locale: Locale(identifier: "en_US_POSIX")) else { throw mismatch(type, "a decimal number") }
            if let v = d as? T { return v }
        }
        if type == Double.self, let v = try floating(Double.self) as? T { return v }
        if type == Float.self, let v = try floating(Float.self) as? T { return v }
        if type == URL.self {
            guard let url = URL(string: try string()) else { throw mismatch(type, "a URL") }
            if let v = url as? T { return v }
        }
        if type == UUID.self {
            guard let uuid = UUID(uuidString: try string()) else { throw mismatch(type, "a UUID") }
            if let v = uuid as? T { return v }
        }
        return try T(from: self)
    }

    func string() throws -> String {
        guard case let .s(s) = value else { throw mismatch(String.self, "a string (S)") }
        return s
    }

    func numberText(_ type: Any.Type) throws -> String {
        guard case let .n(text) = value else { throw mismatch(type, "a number (N)") }
        return text
    }

    func bool() throws -> Bool {
        guard case let .bool(b) = value else { throw mismatch(Bool.self, "a boolean (BOOL)") }
        return b
    }

    func floating<F: LosslessStringConvertible>(_ type: F.Type) throws -> F {
        let text = try numberText(type)
        guard let v = F(text) else { throw mismatch(type, "a number that fits \(type)") }
        return v
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let text = try numberText(type)
        if let v = I(text) { return v }
        // DynamoDB may hand back "5.0" or "5E+1" for an integer; accept them when exact.
        if let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), d.isFinite {
            var rounded = Decimal()
            var copy = d
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == d, let v = I(rounded.description) { return v }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "The number \(text) does not fit \(type)."))
    }

    func date() throws -> Date {
        switch value {
        case let .s(text):
            guard let date = DynamoDBDateFormat.date(from: text) else { throw mismatch(Date.self, "an ISO-8601 date") }
            return date
        case let .n(text):
            guard let seconds = Double(text) else { throw mismatch(Date.self, "seconds since 1970") }
            return Date(timeIntervalSince1970: seconds)
        default: throw mismatch(Date.self, "a date (S or N)")
        }
    }
}

struct KeyedNodeDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let map: [String: AttributeValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { map[key.stringValue] != nil }

    private func child(_ key: Key) throws -> NodeDecoder {
        guard let value = map[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "The item has no attribute '\(key.stringValue)'."))
        }
        return NodeDecoder(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = map[key.stringValue] else { return true }
        return value == .null
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).floating(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder {
        NodeDecoder(value: map["super"] ?? .null, codingPath: codingPath)
    }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(value: map[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

struct UnkeyedNodeDecoder: UnkeyedDecodingContainer {
    let items: [AttributeValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [AttributeValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "The list has only \(items.count) elements."))
        }
        let decoder = NodeDecoder(value: items[currentIndex], codingPath: codingPath + [IndexKey(intValue: currentIndex)])
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if items[currentIndex] == .null { currentIndex += 1; return true }
        return false
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().floating(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleNodeDecoder: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floating(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floating(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
