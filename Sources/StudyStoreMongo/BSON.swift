import Foundation
import StudyModel

/// A 12-byte MongoDB ObjectId. Its first four bytes are the creation second, so ids made
/// later sort after ids made earlier.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 12 else { return nil }
        self.bytes = bytes
    }

    /// Twelve bytes taken as they are (callers that made exactly twelve).
    private init(exactly bytes: [UInt8]) { self.bytes = bytes }

    /// Parses 24 lowercase hex digits (the form the web app and `mongosh` print).
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 24 else { return nil }
        var out = [UInt8](repeating: 0, count: 12)
        for i in 0..<12 {
            guard let hi = Self.nibble(utf8[2 * i]), let lo = Self.nibble(utf8[2 * i + 1]) else { return nil }
            out[i] = hi << 4 | lo
        }
        bytes = out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        default: return nil // uppercase is not canonical: such an id stays a string
        }
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(24)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// The second the id was made.
    public var seconds: Int64 {
        Int64(UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3]))
    }

    private static let process: [UInt8] = (0..<5).map { _ in UInt8.random(in: 0...255) }
    /// The last counter value; starts at a random point, as the drivers do.
    private static let counter = Mutex(UInt32.random(in: 0..<0xFFFFFF))

    /// A new id: time, a per-process random value and a counter, as the drivers make them.
    public static func make(at date: Date = Date()) -> ObjectID {
        let time = UInt32(truncatingIfNeeded: Int64(date.timeIntervalSince1970))
        let count = counter.withLock { value -> UInt32 in
            value = (value + 1) & 0xFFFFFF
            return value
        }
        var out: [UInt8] = [UInt8(time >> 24), UInt8(time >> 16 & 255), UInt8(time >> 8 & 255), UInt8(time & 255)]
        out += process
        out += [UInt8(count >> 16 & 255), UInt8(count >> 8 & 255), UInt8(count & 255)]
        return ObjectID(exactly: out)
    }
}

/// One BSON value. Types StudyCircle never writes (regex, code, decimal128, …) are read as
/// `.other` and kept opaque, so a document written by another tool still decodes.
public enum BSON: Sendable, Equatable {
    case double(Double)
    case string(String)
    case document(BSONDocument)
    case array([BSON])
    case binary(subtype: UInt8, [UInt8])
    case objectId(ObjectID)
    case bool(Bool)
    /// Milliseconds since 1970 (a BSON UTC datetime).
    case date(Int64)
    case null
    case int32(Int32)
    case timestamp(UInt64)
    case int64(Int64)
    case other(type: UInt8, [UInt8])

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var documentValue: BSONDocument? { if case .document(let d) = self { return d }; return nil }
    public var arrayValue: [BSON]? { if case .array(let a) = self { return a }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// Any numeric type as an integer (doubles are truncated).
    public var intValue: Int64? {
        switch self {
        case .int32(let v): return Int64(v)
        case .int64(let v): return v
        case .double(let v) where v.isFinite && abs(v) < 9e18: return Int64(v)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int32(let v): return Double(v)
        case .int64(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }
}

/// An ordered BSON document.
public struct BSONDocument: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: BSON
    }
    public var fields: [Field]

    public init() { fields = [] }
    public init(dictionaryLiteral elements: (String, BSON)...) {
        fields = elements.map { Field(key: $0.0, value: $0.1) }
    }
    public init(_ pairs: [(String, BSON)]) { fields = pairs.map { Field(key: $0.0, value: $0.1) } }

    public subscript(key: String) -> BSON? {
        get { fields.first { $0.key == key }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(Field(key: key, value: newValue))
            }
        }
    }

    public var keys: [String] { fields.map(\.key) }
    public var isEmpty: Bool { fields.isEmpty }

    /// A value at a dotted path (`attempts.count`).
    public func value(at path: String) -> BSON? {
        var current: BSON? = .document(self)
        for part in path.split(separator: ".") {
            guard case .document(let doc)? = current else { return nil }
            current = doc[String(part)]
        }
        return current
    }
}

/// A document that is not valid BSON.
public struct BSONError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

// MARK: - Writing

extension BSONDocument {
    /// The document's BSON bytes.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        BSONWriter.write(self, into: &out)
        return out
    }
}

enum BSONWriter {
    static func write(_ doc: BSONDocument, into out: inout [UInt8]) {
        let start = out.count
        out += [0, 0, 0, 0]
        for field in doc.fields { element(field.key, field.value, into: &out) }
        out.append(0)
        patchLength(start, &out)
    }

    static func write(array: [BSON], into out: inout [UInt8]) {
        let start = out.count
        out += [0, 0, 0, 0]
        for (i, value) in array.enumerated() { element(String(i), value, into: &out) }
        out.append(0)
        patchLength(start, &out)
    }

    private static func patchLength(_ start: Int, _ out: inout [UInt8]) {
        let length = UInt32(out.count - start)
        out[start] = UInt8(length & 255)
        out[start + 1] = UInt8(length >> 8 & 255)
        out[start + 2] = UInt8(length >> 16 & 255)
        out[start + 3] = UInt8(length >> 24)
    }

    private static func int32(_ v: Int32, _ out: inout [UInt8]) {
        let u = UInt32(bitPattern: v)
        out += [UInt8(u & 255), UInt8(u >> 8 & 255), UInt8(u >> 16 & 255), UInt8(u >> 24)]
    }

    private static func int64(_ v: Int64, _ out: inout [UInt8]) {
        var u = UInt64(bitPattern: v)
        for _ in 0..<8 { out.append(UInt8(u & 255)); u >>= 8 }
    }

    private static func cstring(_ s: String, _ out: inout [UInt8]) {
        // BSON keys cannot hold NUL; one would end the key early, so it is dropped.
        out += s.utf8.filter { $0 != 0 }
        out.append(0)
    }

    private static func element(_ key: String, _ value: BSON, into out: inout [UInt8]) {
        switch value {
        case .double(let d):
            out.append(0x01); cstring(key, &out); int64(Int64(bitPattern: d.bitPattern), &out)
        case .string(let s):
            out.append(0x02); cstring(key, &out)
            let bytes = Array(s.utf8)
            int32(Int32(bytes.count + 1), &out); out += bytes; out.append(0)
        case .document(let d):
            out.append(0x03); cstring(key, &out); write(d, into: &out)
        case .array(let a):
            out.append(0x04); cstring(key, &out); write(array: a, into: &out)
        case .binary(let subtype, let bytes):
            out.append(0x05); cstring(key, &out); int32(Int32(bytes.count), &out); out.append(subtype); out += bytes
        case .objectId(let oid):
            out.append(0x07); cstring(key, &out); out += oid.bytes
        case .bool(let b):
            out.append(0x08); cstring(key, &out); out.append(b ? 1 : 0)
        case .date(let ms):
            out.append(0x09); cstring(key, &out); int64(ms, &out)
        case .null:
            out.append(0x0A); cstring(key, &out)
        case .int32(let v):
            out.append(0x10); cstring(key, &out); int32(v, &out)
        case .timestamp(let v):
            out.append(0x11); cstring(key, &out); int64(Int64(bitPattern: v), &out)
        case .int64(let v):
            out.append(0x12); cstring(key, &out); int64(v, &out)
        case .other(let type, let bytes):
            out.append(type); cstring(key, &out); out += bytes
        }
    }
}

// MARK: - Reading

extension BSONDocument {
    /// Parses BSON bytes; throws on anything malformed instead of trapping.
    public init(bytes: UnsafeRawBufferPointer) throws {
        var reader = BSONReader(bytes: bytes)
        self = try reader.document()
    }

    public init(bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try BSONDocument(bytes: $0) }
    }
}

struct BSONReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private func fail(_ what: String) -> BSONError { BSONError(description: "malformed BSON: \(what) at byte \(offset)") }

    mutating func need(_ n: Int) throws {
        guard n >= 0, offset + n <= bytes.count else { throw fail("truncated") }
    }

    mutating func u8() throws -> UInt8 { try need(1); defer { offset += 1 }; return bytes[offset] }

    mutating func i32() throws -> Int32 {
        try need(4)
        var u: UInt32 = 0
        for i in 0..<4 { u |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
        offset += 4
        return Int32(bitPattern: u)
    }

    mutating func i64() throws -> Int64 {
        try need(8)
        var u: UInt64 = 0
        for i in 0..<8 { u |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Int64(bitPattern: u)
    }

    mutating func raw(_ n: Int) throws -> [UInt8] {
        try need(n)
        defer { offset += n }
        return Array(bytes[offset..<offset + n])
    }

    mutating func cstring() throws -> String {
        var end = offset
        while end < bytes.count && bytes[end] != 0 { end += 1 }
        guard end < bytes.count else { throw fail("unterminated key") }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        offset = end + 1
        return s
    }

    mutating func string() throws -> String {
        let length = Int(try i32())
        guard length >= 1 else { throw fail("bad string length") }
        try need(length)
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length - 1]), as: UTF8.self)
        offset += length
        return s
    }

    mutating func elements() throws -> [(String, BSON)] {
        let start = offset
        let length = Int(try i32())
        guard length >= 5, start + length <= bytes.count else { throw fail("bad document length") }
        let end = start + length - 1
        var out: [(String, BSON)] = []
        while offset < end {
            let type = try u8()
            let key = try cstring()
            out.append((key, try value(type)))
        }
        guard offset == end, try u8() == 0 else { throw fail("document does not end where its length says") }
        return out
    }

    mutating func document() throws -> BSONDocument {
        BSONDocument(try elements())
    }

    mutating func value(_ type: UInt8) throws -> BSON {
        switch type {
        case 0x01: return .double(Double(bitPattern: UInt64(bitPattern: try i64())))
        case 0x02: return .string(try string())
        case 0x03: return .document(try document())
        case 0x04: return .array(try elements().map(\.1))
        case 0x05:
            let length = Int(try i32())
            let subtype = try u8()
            return .binary(subtype: subtype, try raw(length))
        case 0x06, 0x0A, 0x7F, 0xFF: return type == 0x0A ? .null : .other(type: type, [])
        case 0x07:
            guard let oid = ObjectID(bytes: try raw(12)) else { throw fail("bad ObjectId") }
            return .objectId(oid)
        case 0x08: return .bool(try u8() != 0)
        case 0x09: return .date(try i64())
        case 0x0B:
            let start = offset
            _ = try cstring(); _ = try cstring()
            return .other(type: type, Array(bytes[start..<offset]))
        case 0x0C:
            let start = offset
            _ = try string(); _ = try raw(12)
            return .other(type: type, Array(bytes[start..<offset]))
        case 0x0D, 0x0E:
            let start = offset
            _ = try string()
            return .other(type: type, Array(bytes[start..<offset]))
        case 0x0F:
            let start = offset
            let length = Int(try i32())
            offset = start
            return .other(type: type, try raw(length))
        case 0x10: return .int32(try i32())
        case 0x11: return .timestamp(UInt64(bitPattern: try i64()))
        case 0x12: return .int64(try i64())
        case 0x13: return .other(type: type, try raw(16))
        default: throw fail("unknown element type \(type)")
        }
    }
}
