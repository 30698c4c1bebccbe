import Foundation

/// One DynamoDB attribute value, as on the wire.
///
/// Numbers are kept as their exact decimal text: DynamoDB stores up to 38 significant digits,
/// more than `Double` holds, so a number is never converted on its way through the client.
public indirect enum AttributeValue: Sendable, Hashable {
    /// A string (may be empty in non-key attributes).
    case s(String)
    /// A number as exact decimal text, e.g. `"0.1"`, `"-12"`, `"1E-130"`.
    case n(String)
    /// Binary data (base64 on the wire).
    case b(Data)
    case bool(Bool)
    case null
    case l([AttributeValue])
    case m([String: AttributeValue])
    /// A non-empty set of strings.
    case ss([String])
    /// A non-empty set of numbers.
    case ns([String])
    /// A non-empty set of binaries.
    case bs([Data])

    /// A number from an integer.
    public static func number<I: BinaryInteger>(_ value: I) -> AttributeValue { .n(String(value)) }
    /// A number from a `Decimal`, exactly.
    public static func number(_ value: Decimal) -> AttributeValue { .n(value.description) }

    public var stringValue: String? { if case let .s(v) = self { return v }; return nil }
    public var numberText: String? { if case let .n(v) = self { return v }; return nil }
    public var intValue: Int? { if case let .n(v) = self { return Int(v) }; return nil }
    public var boolValue: Bool? { if case let .bool(v) = self { return v }; return nil }
    public var mapValue: [String: AttributeValue]? { if case let .m(v) = self { return v }; return nil }
    public var listValue: [AttributeValue]? { if case let .l(v) = self { return v }; return nil }
}

/// An item or a key: attribute names to values.
public typealias Item = [String: AttributeValue]

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .s(value) }
    public init(integerLiteral value: Int) { self = .n(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// The server sent an attribute value this client does not understand.
public struct AttributeValueWireError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "DynamoDB sent an attribute value this client cannot read: \(reason)." }
}

// MARK: - Wire format

extension AttributeValue {
    /// Writes the DynamoDB JSON form, e.g. `{"S":"x"}`, straight into `out`.
    public func write(to out: inout [UInt8]) {
        switch self {
        case let .s(v): Self.tagged("S", to: &out); JSONWriter.string(v, to: &out)
        case let .n(v): Self.tagged("N", to: &out); JSONWriter.string(v, to: &out)
        case let .b(v): Self.tagged("B", to: &out); JSONWriter.string(v.base64EncodedString(), to: &out)
        case let .bool(v): Self.tagged("BOOL", to: &out); out.append(contentsOf: (v ? "true" : "false").utf8)
        case .null: Self.tagged("NULL", to: &out); out.append(contentsOf: "true".utf8)
        case let .l(items):
            Self.tagged("L", to: &out)
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .m(map): Self.tagged("M", to: &out); Self.writeMap(map, to: &out)
        case let .ss(v): Self.tagged("SS", to: &out); Self.writeStrings(v, to: &out)
        case let .ns(v): Self.tagged("NS", to: &out); Self.writeStrings(v, to: &out)
        case let .bs(v): Self.tagged("BS", to: &out); Self.writeStrings(v.map { $0.base64EncodedString() }, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Writes `{"name":{"S":...},...}`.
    public static func writeMap(_ map: [String: AttributeValue], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in map {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONWriter.string(key, to: &out)
            out.append(UInt8(ascii: ":"))
            value.write(to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func tagged(_ tag: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "\"")])
        out.append(contentsOf: UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private static func writeStrings(_ values: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.string(v, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The value as a `JSON` tree (for building requests generically).
    public var json: JSON {
        switch self {
        case let .s(v): return .object(["S": .string(v)])
        case let .n(v): return .object(["N": .string(v)])
        case let .b(v): return .object(["B": .string(v.base64EncodedString())])
        case let .bool(v): return .object(["BOOL": .bool(v)])
        case .null: return .object(["NULL": .bool(true)])
        case let .l(v): return .object(["L": .array(v.map(\.json))])
        case let .m(v): return .object(["M": .object(v.mapValues(\.json))])
        case let .ss(v): return .object(["SS": .array(v.map(JSON.string))])
        case let .ns(v): return .object(["NS": .array(v.map(JSON.string))])
        case let .bs(v): return .object(["BS": .array(v.map { .string($0.base64EncodedString()) })])
        }
    }

    /// Reads the DynamoDB JSON form of one value.
    public init(json: JSON) throws {
        guard case let .object(members) = json, members.count == 1, let (tag, body) = members.first else {
            throw AttributeValueWireError(reason: "expected an object with one type tag")
        }
        switch (tag, body) {
        case let ("S", .string(v)): self = .s(v)
        case let ("N", .string(v)): self = .n(v)
        case let ("B", .string(v)):
            guard let data = Data(base64Encoded: v) else { throw AttributeValueWireError(reason: "B is not base64") }
            self = .b(data)
        case let ("BOOL", .bool(v)): self = .bool(v)
        case ("NULL", _): self = .null
        case let ("L", .array(v)): self = .l(try v.map(AttributeValue.init(json:)))
        case let ("M", .object(v)): self = .m(try Self.item(from: .object(v)))
        case let ("SS", .array(v)): self = .ss(try v.map { try Self.plainString($0) })
        case let ("NS", .array(v)): self = .ns(try v.map { try Self.plainString($0) })
        case let ("BS", .array(v)):
            self = .bs(try v.map {
                guard let data = Data(base64Encoded: try Self.plainString($0)) else { throw AttributeValueWireError(reason: "BS member is not base64") }
                return data
            })
        default: throw AttributeValueWireError(reason: "unknown type tag \(tag)")
        }
    }

    private static func plainString(_ json: JSON) throws -> String {
        guard case let .string(s) = json else { throw AttributeValueWireError(reason: "set member is not a string") }
        return s
    }

    /// Reads `{"name":{"S":...},...}` into an item.
    public static func item(from json: JSON) throws -> Item {
        guard case let .object(members) = json else { throw AttributeValueWireError(reason: "expected a map of attributes") }
        var item = Item(minimumCapacity: members.count)
        for (key, value) in members { item[key] = try AttributeValue(json: value) }
        return item
    }

    /// An item as a `JSON` tree.
    public static func json(of item: Item) -> JSON { .object(item.mapValues(\.json)) }
}
