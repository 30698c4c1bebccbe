@testable import DynamoDB
import Foundation
import Testing

struct Profile: Codable, Equatable {
    var theme: String
    var fontSize: Int
    var tags: [String]
}

struct Everything: Codable, Equatable {
    var id: String
    var empty: String
    var unicode: String
    var int: Int
    var negative: Int64
    var big: UInt64
    var small: Int8
    var double: Double
    var tiny: Double
    var huge: Double
    var float: Float
    var decimal: Decimal
    var flag: Bool
    var blob: Data
    var emptyBlob: Data
    var when: Date
    var optionalPresent: String?
    var optionalMissing: String?
    var list: [Int]
    var nested: Profile
    var listOfMaps: [Profile]
    var dictionary: [String: Double]
    var tagsSet: Set<String>
    var emptySet: Set<String>
    var nestedOptionalList: [String?]
    var kind: Kind

    enum Kind: String, Codable { case summary, exam }
}

@Suite("Codec: AttributeValue, JSON and the Codable encoder/decoder")
struct CodecTests {
    static let sample = Everything(
        id: "u-1", empty: "", unicode: "café ☕ 学习 👩🏽‍💻 \"quoted\" \\ back\nline\t\u{1}",
        int: 42, negative: Int64.min, big: UInt64.max, small: -128,
        double: 0.1, tiny: 1e-130, huge: 9.9e125, float: 0.3, decimal: Decimal(string: "12345678901234567890.123456789012345678")!,
        flag: true, blob: Data([0, 1, 2, 255, 254]), emptyBlob: Data(),
        when: Date(timeIntervalSince1970: 1_700_000_000.125),
        optionalPresent: "here", optionalMissing: nil,
        list: [3, 1, 2], nested: Profile(theme: "dark", fontSize: 12, tags: []),
        listOfMaps: [Profile(theme: "a", fontSize: 1, tags: ["x"]), Profile(theme: "b", fontSize: 2, tags: [])],
        dictionary: ["pi": 3.141592653589793, "e": 2.718281828459045, "third": 1.0 / 3.0],
        tagsSet: ["b", "a"], emptySet: [], nestedOptionalList: ["x", nil, "z"], kind: .exam)

    @Test("Codable round trip keeps every value exactly")
    func roundTrip() throws {
        let item = try DynamoDBEncoder().encode(Self.sample)
        let back = try DynamoDBDecoder().decode(Everything.self, from: item)
        #expect(back == Self.sample)
    }

    @Test("the round trip also survives the JSON wire format")
    func roundTripThroughWire() throws {
        let item = try DynamoDBEncoder().encode(Self.sample)
        var bytes = [UInt8]()
        AttributeValue.writeMap(item, to: &bytes)
        let parsed = try AttributeValue.item(from: try JSON.parse(bytes))
        #expect(parsed == item)
        #expect(try DynamoDBDecoder().decode(Everything.self, from: parsed) == Self.sample)
    }

    @Test("the wire mapping is the documented one")
    func mapping() throws {
        let item = try DynamoDBEncoder().encode(Self.sample)
        #expect(item["id"] == .s("u-1"))
        #expect(item["empty"] == .s(""))
        #expect(item["int"] == .n("42"))
        #expect(item["negative"] == .n("-9223372036854775808"))
        #expect(item["big"] == .n("18446744073709551615"))
        #expect(item["double"] == .n("0.1"), "no float noise such as 0.1000000000000000055")
        #expect(item["tiny"] == .n("1e-130"))
        #expect(item["float"] == .n("0.3"))
        #expect(item["decimal"] == .n("12345678901234567890.123456789012345678"))
        #expect(item["flag"] == .bool(true))
        #expect(item["blob"] == .b(Data([0, 1, 2, 255, 254])))
        #expect(item["when"] == .s("2023-11-14T22:13:20.125Z"))
        #expect(item["optionalPresent"] == .s("here"))
        #expect(item["optionalMissing"] == nil, "nil optionals are omitted")
        #expect(item["list"] == .l([.n("3"), .n("1"), .n("2")]))
        #expect(item["nested"] == .m(["theme": .s("dark"), "fontSize": .n("12"), "tags": .l([])]))
        #expect(item["tagsSet"] == .ss(["a", "b"]))
        #expect(item["emptySet"] == .l([]), "DynamoDB refuses empty sets")
        #expect(item["nestedOptionalList"] == .l([.s("x"), .null, .s("z")]))
        #expect(item["kind"] == .s("exam"))
    }

    @Test("Doubles round-trip exactly", arguments: [0.1, 0.2 + 0.1, 1e-130, 9.99999999999e125, -0.0, 123456789.125, Double.leastNormalMagnitude * 1e178, Double.leastNonzeroMagnitude, 1.0 / 3.0])
    func doubles(_ value: Double) throws {
        let av = try DynamoDBEncoder().encodeValue(value)
        let back = try DynamoDBDecoder().decode(Double.self, fromValue: av)
        #expect(back.bitPattern == value.bitPattern || (back == 0 && value == 0))
    }

    @Test("dates are stored as sortable ISO-8601 text to the millisecond")
    func dates() throws {
        for t in [0.0, 1_700_000_000.123, 1_700_000_000.9996, -1.5, 4_102_444_800.001] {
            let av = try DynamoDBEncoder().encodeValue(Date(timeIntervalSince1970: t))
            let back = try DynamoDBDecoder().decode(Date.self, fromValue: av)
            #expect(abs(back.timeIntervalSince1970 - t) <= 0.0005 + 1e-9, "\(t) → \(av)")
        }
        #expect(try DynamoDBEncoder().encodeValue(Date(timeIntervalSince1970: 1_700_000_000.9996)) == .s("2023-11-14T22:13:21.000Z"))
        #expect(try DynamoDBEncoder().encodeValue(Date(timeIntervalSince1970: 0)) == .s("1970-01-01T00:00:00.000Z"))
    }

    @Test("infinite and NaN numbers are refused with a clear error")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try DynamoDBEncoder().encodeValue(Double.infinity) }
        #expect(throws: EncodingError.self) { try DynamoDBEncoder().encodeValue(Double.nan) }
    }

    @Test("integers written by other clients as 5.0 or 5E+1 still decode")
    func tolerantIntegers() throws {
        #expect(try DynamoDBDecoder().decode(Int.self, fromValue: .n("5.0")) == 5)
        #expect(try DynamoDBDecoder().decode(Int.self, fromValue: .n("5E+1")) == 50)
        #expect(throws: DecodingError.self) { try DynamoDBDecoder().decode(Int.self, fromValue: .n("5.5")) }
        #expect(throws: DecodingError.self) { try DynamoDBDecoder().decode(Int8.self, fromValue: .n("300")) }
    }

    @Test("NULL and missing both decode as nil; wrong types say what was found")
    func nullsAndMismatches() throws {
        struct O: Codable, Equatable { var a: String?; var b: Int? }
        #expect(try DynamoDBDecoder().decode(O.self, from: ["a": .null]) == O(a: nil, b: nil))
        do {
            _ = try DynamoDBDecoder().decode(O.self, from: ["a": .n("1")])
            Issue.record("expected a type mismatch")
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.debugDescription.contains("a number (N)"))
        }
    }

    @Test("every AttributeValue kind survives the wire format")
    func wireKinds() throws {
        let item: Item = [
            "s": .s("x"), "n": .n("-1.5E+10"), "b": .b(Data("hi".utf8)), "bool": .bool(false), "null": .null,
            "l": .l([.s("a"), .n("1"), .l([]), .m([:])]), "m": .m(["inner": .m(["deep": .s("ü")])]),
            "ss": .ss(["a", "b"]), "ns": .ns(["1", "2.5"]), "bs": .bs([Data([1]), Data([2, 3])]),
        ]
        var bytes = [UInt8]()
        AttributeValue.writeMap(item, to: &bytes)
        #expect(try AttributeValue.item(from: try JSON.parse(bytes)) == item)
        #expect(try AttributeValue.item(from: AttributeValue.json(of: item)) == item)
    }

    @Test("JSON parser: escapes, surrogate pairs, numbers kept as text, errors")
    func json() throws {
        let parsed = try JSON.parse(#"{"a":"\u00e9\ud83d\ude00\n\"","n":1.10e+3,"t":true,"z":null,"l":[1,[2]]}"#)
        #expect(parsed["a"]?.stringValue == "é😀\n\"")
        #expect(parsed["n"] == .number("1.10e+3"))
        #expect(parsed["t"] == .bool(true))
        #expect(parsed["z"] == .null)
        #expect(try JSON.parse(parsed.serialized()) == parsed)
        for bad in ["{", "[1,]", "{\"a\" 1}", "\"\u{1}\"", "tru", "1 2", String(repeating: "[", count: 1000)] {
            #expect(throws: JSONParseError.self, "\(bad.prefix(10))") { try JSON.parse(bad) }
        }
    }

    @Test("CRC32 matches zlib's")
    func crc32() {
        #expect(CRC32.checksum(Array("".utf8)) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("{}".utf8)) == 2_745_614_147)
    }

    @Test("the expression builder never puts names or values in the text")
    func expressions() {
        var x = ExpressionBuilder()
        let condition = ExpressionBuilder.and([x.attributeNotExists("id"), x.equals("status", .s("a) OR (1=1"))]) ?? ""
        let update = ExpressionBuilder.update(set: [x.set("name", .s("n")), x.setIfNotExists("createdAt", .s("t"))], remove: [x.remove("old")], add: [x.add("count", 1)])
        #expect(condition == "(attribute_not_exists(#n0)) AND (#n1 = :v0)")
        #expect(update == "SET #n2 = :v1, #n3 = if_not_exists(#n3, :v2) REMOVE #n4 ADD #n5 :v3")
        #expect(x.names == ["#n0": "id", "#n1": "status", "#n2": "name", "#n3": "createdAt", "#n4": "old", "#n5": "count"])
        #expect(x.values[":v0"] == .s("a) OR (1=1"))
        #expect(x.path("a", "id") == "#n6.#n0")
    }

    @Test("UpdateItem idempotency is inferred from the expression")
    func updateIdempotency() {
        var x = ExpressionBuilder()
        let set = ExpressionBuilder.update(set: [x.set("a", 1)])
        let add = ExpressionBuilder.update(add: [x.add("c", 1)])
        #expect(UpdateItemRequest(table: "t", key: [:], update: set, expressions: x).effectiveIdempotent)
        #expect(!UpdateItemRequest(table: "t", key: [:], update: add, expressions: x).effectiveIdempotent)
        #expect(!UpdateItemRequest(table: "t", key: [:], update: "SET #n0 = #n0 + :v0", expressions: x).effectiveIdempotent)
        #expect(!UpdateItemRequest(table: "t", key: [:], update: "SET #n0 = list_append(#n0, :v0)", expressions: x).effectiveIdempotent)
        #expect(UpdateItemRequest(table: "t", key: [:], update: add, expressions: x, isIdempotent: true).effectiveIdempotent)
    }
}
