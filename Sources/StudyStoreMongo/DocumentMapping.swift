import Foundation
import StudyModel
import StudyStore

/// A JSON value, as the model's Codable conformances write it: the bridge between an entity
/// and its BSON document (the model types stay the single definition of every attribute).
enum JSONTree: Codable, Sendable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONTree]), object([String: JSONTree])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONTree].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONTree].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d.isFinite ? d : 0)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

/// How one entity type is stored as a MongoDB document, as the web app's Mongoose models do:
/// the entity's key becomes `_id` (an ObjectId when it is 24 lowercase hex digits, else the
/// string itself), times become BSON dates, nested structs become nested documents.
///
/// Reading is tolerant: `_id` may be an ObjectId or a string, any ObjectId elsewhere reads as
/// its hex string, numbers of any BSON type read as numbers, and attributes that another tool
/// left out get the model's defaults (`defaults`), `createdAt` falling back to the ObjectId's
/// time and `updatedAt` to `createdAt`.
struct DocumentMapping<Entity: Codable & Sendable>: Sendable {
    /// The entity's key attribute (`id`, `roomId`, `messageId`, …).
    let keyName: String
    /// The noun used in errors ("user", "room").
    let entity: String
    /// Top-level attributes filled in when missing (the model's defaults).
    var defaults: BSONDocument = [:]
    /// Adds derived, query-only fields (e.g. lowercased email) before writing.
    var prepare: (@Sendable (Entity, inout BSONDocument) -> Void)?
    /// Adjusts a stored document before decoding (e.g. averages from stored sums).
    var restore: (@Sendable (inout BSONDocument) -> Void)?
    /// A hand-written mapping for a hot entity (messages): writes exactly what the generic
    /// path writes, and reads documents of the usual shape; returning nil falls back to the
    /// generic, tolerant path.
    var directWrite: (@Sendable (Entity) -> BSONDocument)?
    var directRead: (@Sendable (BSONDocument) -> Entity?)?

    /// Attributes holding times, at any depth: written as BSON dates.
    static var dateKeys: Set<String> {
        ["createdAt", "updatedAt", "scheduledTime", "dueDate", "ratedAt", "lastUsedAt", "lastAttemptAt", "startedAt", "finishedAt"]
    }

    // MARK: ids

    /// The `_id` value of an app id.
    static func idValue(_ id: String) -> BSON {
        if let oid = ObjectID(hex: id) { return .objectId(oid) }
        return .string(id)
    }

    /// The app id of an `_id` value.
    static func appId(_ value: BSON?) -> String? {
        switch value {
        case .objectId(let oid)?: return oid.hex
        case .string(let s)?: return s
        case .int32(let v)?: return String(v)
        case .int64(let v)?: return String(v)
        default: return nil
        }
    }

    /// A filter matching an id however another tool stored it (ObjectId, or the hex as a string).
    static func idFilter(_ id: String) -> BSON {
        if let oid = ObjectID(hex: id) { return .document(["$in": .array([.objectId(oid), .string(id)])]) }
        return .string(id)
    }

    // MARK: writing

    func document(_ entity: Entity) throws -> BSONDocument {
        if let directWrite { return directWrite(entity) }
        let data: Data
        let tree: JSONTree
        do {
            data = try JSONEncoder().encode(entity)
            tree = try JSONDecoder().decode(JSONTree.self, from: data)
        } catch {
            throw StoreError.invalid(ValidationError(keyName, "The \(self.entity) could not be stored: \(error)"))
        }
        guard case .object(let object) = tree else {
            throw StoreError.invalid(ValidationError(keyName, "The \(self.entity) is not a document."))
        }
        var doc = BSONDocument()
        if let key = object[keyName], case .string(let id) = key { doc["_id"] = Self.idValue(id) }
        for key in object.keys.sorted() where key != keyName {
            doc[key] = Self.bson(object[key] ?? .null, key: key)
        }
        prepare?(entity, &doc)
        return doc
    }

    private static func bson(_ tree: JSONTree, key: String) -> BSON {
        switch tree {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return i >= Int64(Int32.min) && i <= Int64(Int32.max) ? .int32(Int32(i)) : .int64(i)
        case .double(let d): return .double(d)
        case .string(let s):
            if dateKeys.contains(key), let time = Timestamp(iso8601: s) { return .date(time.millisecondsSince1970) }
            return .string(s)
        case .array(let a): return .array(a.map { bson($0, key: "") })
        case .object(let o):
            var doc = BSONDocument()
            for k in o.keys.sorted() { doc[k] = bson(o[k] ?? .null, key: k) }
            return .document(doc)
        }
    }

    // MARK: reading

    func entity(_ stored: BSONDocument) throws -> Entity {
        if let directRead, let entity = directRead(stored) { return entity }
        var doc = stored
        restore?(&doc)
        var object: [String: JSONTree] = [:]
        for field in doc.fields where field.key != "_id" && field.key != "__v" {
            object[field.key] = Self.tree(field.value)
        }
        let id = Self.appId(doc["_id"]) ?? Self.appId(doc[keyName]) ?? ""
        object[keyName] = .string(id)
        for field in defaults.fields where object[field.key] == nil || object[field.key].map(Self.isNull) == true {
            object[field.key] = Self.tree(field.value)
        }
        if object["createdAt"] == nil || object["createdAt"].map(Self.isNull) == true {
            var seconds: Int64 = 0
            if case .objectId(let oid)? = doc["_id"] { seconds = oid.seconds }
            object["createdAt"] = .string(Timestamp(millisecondsSince1970: seconds * 1000).iso8601)
        }
        if object["updatedAt"] == nil || object["updatedAt"].map(Self.isNull) == true { object["updatedAt"] = object["createdAt"] }
        do {
            let data = try JSONEncoder().encode(JSONTree.object(object))
            return try JSONDecoder().decode(Entity.self, from: data)
        } catch {
            throw StoreError.corrupt("A stored \(entity) ('\(id)') cannot be read: \(Self.plain(error)). It was left unchanged.")
        }
    }

    private static func isNull(_ tree: JSONTree) -> Bool { if case .null = tree { return true }; return false }

    static func tree(_ value: BSON) -> JSONTree {
        switch value {
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .document(let d):
            var o: [String: JSONTree] = [:]
            for f in d.fields { o[f.key] = tree(f.value) }
            return .object(o)
        case .array(let a): return .array(a.map(tree))
        case .objectId(let oid): return .string(oid.hex)
        case .bool(let b): return .bool(b)
        case .date(let ms): return .string(Timestamp(millisecondsSince1970: ms).iso8601)
        case .int32(let v): return .int(Int64(v))
        case .int64(let v): return .int(v)
        case .timestamp(let v): return .int(Int64(v >> 32) * 1000)
        case .null, .binary, .other: return .null
        }
    }

    private static func plain(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "'\(path)' has the wrong type"
        default: return "\(error)"
        }
    }
}
