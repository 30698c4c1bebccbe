import Foundation

/// Reads one member of an answer (GetItem's `Item`, PutItem's `Attributes`, ...) straight from
/// the body bytes into an `Item`, without first building a generic `JSON` tree and converting it.
///
/// The fast path handles every well-formed answer. Anything it does not accept (a syntax error,
/// an unknown type tag, bad base64, very deep nesting) sends the body through the generic path —
/// `JSON.parse` then `AttributeValue.item(from:)` — so errors are exactly those of that path.
enum ItemAnswer {
    /// The attribute map under the top-level member `member`, or nil when there is none.
    /// - Throws: `JSONParseError` for a body that is not JSON; `AttributeValueWireError` for
    ///   a member that is not a valid attribute map.
    static func decode(_ body: [UInt8], member: String) throws -> Item? {
        if let fast = body.withUnsafeBufferPointer({ fastDecode($0, member: member) }) { return fast }
        return try JSON.parse(body)[member].map(AttributeValue.item(from:))
    }

    /// Outer nil: the fast path gave up (use the generic path). Inner nil: no such member.
    static func fastDecode(_ buffer: UnsafeBufferPointer<UInt8>, member: String) -> Item?? {
        var reader = FastItemReader(parser: JSONParser(bytes: buffer))
        do {
            return .some(try reader.document(member: member))
        } catch {
            return nil
        }
    }
}

/// The fast path gave up; the caller falls back to the generic path.
private struct GiveUp: Error {}

private struct FastItemReader {
    var parser: JSONParser

    private var bytes: UnsafeBufferPointer<UInt8> { parser.bytes }

    private mutating func expect(_ byte: UInt8) throws {
        parser.skipWhitespace()
        guard parser.index < bytes.count, bytes[parser.index] == byte else { throw GiveUp() }
        parser.index += 1
    }

    /// True when the next non-space byte is `byte` (consumed).
    private mutating func take(_ byte: UInt8) -> Bool {
        parser.skipWhitespace()
        if parser.index < bytes.count, bytes[parser.index] == byte { parser.index += 1; return true }
        return false
    }

    private mutating func key() throws -> String {
        parser.skipWhitespace()
        guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "\"") else { throw GiveUp() }
        let name = try parser.string()
        try expect(UInt8(ascii: ":"))
        parser.skipWhitespace()
        return name
    }

    /// `{ ... }` at the top: the wanted member is read as an item, the others are only checked.
    mutating func document(member: String) throws -> Item? {
        try expect(UInt8(ascii: "{"))
        var found: Item? = nil
        if !take(UInt8(ascii: "}")) {
            repeat {
                let name = try key()
                if name == member {
                    found = try map(depth: 1)  // a repeated member: the last wins, as in the tree
                } else {
                    _ = try parser.value(depth: 1)
                }
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw GiveUp() }
        return found
    }

    /// `{"name":{"S":...},...}`
    private mutating func map(depth: Int) throws -> Item {
        guard depth < JSONParser.maxDepth - 2 else { throw GiveUp() }
        try expect(UInt8(ascii: "{"))
        var item = Item()
        if take(UInt8(ascii: "}")) { return item }
        repeat {
            let name = try key()
            item[name] = try attribute(depth: depth + 1)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        return item
    }

    /// `{"S":"x"}` and the other tagged forms. Exactly one distinct tag, as `AttributeValue(json:)` wants.
    private mutating func attribute(depth: Int) throws -> AttributeValue {
        guard depth < JSONParser.maxDepth - 2 else { throw GiveUp() }
        try expect(UInt8(ascii: "{"))
        var tag: String? = nil
        var value: AttributeValue? = nil
        repeat {
            let name = try key()
            if let tag, tag != name { throw GiveUp() }
            tag = name
            value = try tagged(name, depth: depth + 1)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        guard let value else { throw GiveUp() }
        return value
    }

    private mutating func plainString() throws -> String {
        parser.skipWhitespace()
        guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "\"") else { throw GiveUp() }
        return try parser.string()
    }

    private mutating func binary() throws -> Data {
        guard let data = Data(base64Encoded: try plainString()) else { throw GiveUp() }
        return data
    }

    private mutating func strings() throws -> [String] {
        try expect(UInt8(ascii: "["))
        var out: [String] = []
        if take(UInt8(ascii: "]")) { return out }
        repeat { out.append(try plainString()) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return out
    }

    private mutating func tagged(_ tag: String, depth: Int) throws -> AttributeValue {
        switch tag {
        case "S": return .s(try plainString())
        case "N": return .n(try plainString())
        case "M": return .m(try map(depth: depth))
        case "BOOL":
            guard case let .bool(b) = try parser.value(depth: depth) else { throw GiveUp() }
            return .bool(b)
        case "NULL":
            _ = try parser.value(depth: depth)
            return .null
        case "L":
            try expect(UInt8(ascii: "["))
            var items: [AttributeValue] = []
            if take(UInt8(ascii: "]")) { return .l(items) }
            repeat { items.append(try attribute(depth: depth + 1)) } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .l(items)
        case "SS": return .ss(try strings())
        case "NS": return .ns(try strings())
        case "B": return .b(try binary())
        case "BS":
            try expect(UInt8(ascii: "["))
            var items: [Data] = []
            if take(UInt8(ascii: "]")) { return .bs(items) }
            repeat { items.append(try binary()) } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .bs(items)
        default: throw GiveUp()
        }
    }
}
