import Foundation
@testable import StudyStoreMongo
import StudyModel
import StudyStore
import Testing

@Suite struct BSONTests {
    @Test func everyWrittenTypeRoundTrips() throws {
        let oid = ObjectID.make()
        let doc: BSONDocument = [
            "d": .double(2.5), "s": .string("héllo \u{1F600}"), "o": .document(["x": .int32(-7)]),
            "a": .array([.int64(1 << 40), .bool(true), .null]), "b": .binary(subtype: 0, [1, 2, 3]),
            "id": .objectId(oid), "t": .date(1_790_000_000_123), "ts": .timestamp(42),
        ]
        let back = try BSONDocument(bytes: doc.encoded())
        #expect(back == doc)
        #expect(back.keys == ["d", "s", "o", "a", "b", "id", "t", "ts"], "field order is kept")
        #expect(back.value(at: "o.x")?.intValue == -7)
    }

    @Test func damagedBytesAreRefusedNotTrapped() throws {
        let source: BSONDocument = ["name": .string("Ada"), "n": .int32(3)]
        let bytes = source.encoded()
        for cut in [0, 3, 4, 10, bytes.count - 1] {
            #expect(throws: BSONError.self) { try BSONDocument(bytes: Array(bytes.prefix(cut))) }
        }
        var lying = bytes
        lying[0] = 200 // a length beyond the data
        #expect(throws: BSONError.self) { try BSONDocument(bytes: lying) }
        var unknownType = bytes
        unknownType[4] = 0x42
        #expect(throws: BSONError.self) { try BSONDocument(bytes: unknownType) }
    }

    @Test func objectIdsParseOnlyCanonicalHexAndSortByTime() throws {
        let early = ObjectID.make(at: Date(timeIntervalSince1970: 1_700_000_000))
        let late = ObjectID.make(at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(early.hex < late.hex)
        #expect(ObjectID(hex: early.hex) == early)
        #expect(early.seconds == 1_700_000_000)
        #expect(ObjectID(hex: early.hex.uppercased()) == nil, "uppercase stays a string id")
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(DocumentMapping<Message>.idValue(early.hex) == .objectId(early))
        #expect(DocumentMapping<Message>.idValue("01HZZZ") == .string("01HZZZ"))
    }

    @Test func urisAreMaskedAndGetTimeouts() {
        #expect(MongoURI.masked("mongodb://ada:s3cret@db.example.org:27017/app?authSource=admin")
                == "mongodb://ada:****@db.example.org:27017/app?authSource=admin")
        #expect(MongoURI.masked("mongodb://db/app") == "mongodb://db/app")
        #expect(MongoURI.masked("mongodb+srv://u:p%40ss@cluster.example/app") == "mongodb+srv://u:****@cluster.example/app")
        #expect(MongoURI.withDefaults("mongodb://h:1/db").contains("?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000"))
        #expect(MongoURI.withDefaults("mongodb://h:1").hasPrefix("mongodb://h:1/?"))
        #expect(!MongoURI.withDefaults("mongodb://h/db?serverSelectionTimeoutMS=10").contains("serverSelectionTimeoutMS=5000"))
    }

    @Test func entitiesBecomeWebAppShapedDocuments() throws {
        let id = ObjectID.make().hex
        let user = User(id: id, username: "ada", email: "Ada@Example.org", preferences: .init(theme: "dark"),
                        createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_000))
        let mapping = DocumentMapping<User>(keyName: "id", entity: "user")
        let doc = try mapping.document(user)
        #expect(doc["_id"] == .objectId(ObjectID(hex: id)!))
        #expect(doc["id"] == nil)
        #expect(doc["createdAt"] == .date(1_790_000_000_000))
        #expect(doc["preferences"]?.documentValue?["theme"] == .string("dark"))
        #expect(doc["apiUsage"]?.documentValue?["requests"] == .int32(0))
        #expect(try mapping.entity(doc) == user)
    }
}

@Suite struct MessageMappingTests {
    /// The hand-written message mapping writes what the generic one writes, and a message in
    /// another shape (e.g. an ISO text time, an ObjectId room) still reads through the generic path.
    @Test func directMappingMatchesTheGenericOne() throws {
        let message = Message(messageId: ObjectID.make().hex, roomId: "r1", sender: "ada", text: "hi \u{1F600}",
                              createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_123))
        let generic = DocumentMapping<Message>(keyName: "messageId", entity: "message")
        let fast = try #require(try MongoTestAccess.messageMapping())
        #expect(try fast.document(message) == generic.document(message))
        #expect(try fast.entity(generic.document(message)) == message)
        var odd = try generic.document(message)
        odd["createdAt"] = .string("2026-09-21T14:13:20.123Z")
        odd["roomId"] = .objectId(ObjectID(hex: "64b7f0c2a1b2c3d4e5f60718")!)
        let read = try fast.entity(odd)
        #expect(read.roomId == "64b7f0c2a1b2c3d4e5f60718" && read.createdAt.iso8601 == "2026-09-21T14:13:20.123Z")
    }
}

@Suite struct ObjectIdFormatTests {
    /// The ids the command line makes on MongoDB: ObjectIds that increase and carry their time.
    @Test func studyIdsInObjectIdFormatIncreaseAndParse() throws {
        let time = Timestamp(millisecondsSince1970: 1_790_000_000_999)
        let ids = (0..<1000).map { _ in StudyID.makeObjectId(at: time) }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        #expect(ids.allSatisfy { ObjectID(hex: $0) != nil })
        #expect(StudyID.timestamp(of: ids[0]) == Timestamp(millisecondsSince1970: 1_790_000_000_000))
        #expect(DocumentMapping<Message>.idValue(ids[0]) == .objectId(ObjectID(hex: ids[0])!))
        #expect(StudyID.makeObjectId(at: time.adding(milliseconds: 1000)) > ids.last!)
    }
}
