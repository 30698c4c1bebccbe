import DynamoDB
import StudyModel
import StudyStore

/// A position in a Query or Scan: the key attributes of the last item handed out — what
/// DynamoDB's LastEvaluatedKey holds for that item — wrapped opaquely by `CursorCodec`.
///
/// Building the key from the last item kept (rather than passing DynamoDB's own
/// LastEvaluatedKey through) lets a page be cut at exactly `limit` items after reading one more
/// to learn whether anything follows, so the last page never has a dangling cursor.
enum KeyCursor {
    static func encode(_ item: Item, _ attributes: [String]) -> PageCursor? {
        var key: [String: String] = [:]
        for attribute in attributes {
            guard let value = item[attribute]?.stringValue else { return nil }
            key[attribute] = value
        }
        return CursorCodec.encode(key)
    }

    /// The ExclusiveStartKey in `cursor`; a cursor with other attributes than this list's
    /// keys was made for another list and is refused.
    static func decode(_ cursor: PageCursor, _ attributes: [String]) throws -> Item {
        let key = try CursorCodec.decode([String: String].self, from: cursor)
        guard Set(key.keys) == Set(attributes) else { throw StoreError.badCursor }
        return key.mapValues { AttributeValue.s($0) }
    }
}

/// A keyset position (sort value, key) in a list this backend sorts itself.
struct SortCursor: Codable {
    var s: String
    var k: String
}

/// A condition on an index's sort key.
enum KeyRange: Sendable {
    case equals(String)
    case atLeast(String)
    case atMost(String)
    case below(String)
    case between(String, String)

    func expression(_ attribute: String, _ x: inout ExpressionBuilder) -> String {
        switch self {
        case let .equals(v): return x.equals(attribute, .s(v))
        case let .atLeast(v): return x.compare(attribute, .greaterOrEqual, .s(v))
        case let .atMost(v): return x.compare(attribute, .lessOrEqual, .s(v))
        case let .below(v): return x.compare(attribute, .less, .s(v))
        case let .between(low, high): return x.between(attribute, .s(low), .s(high))
        }
    }

    /// The range for optional inclusive bounds; nil when both are open.
    static func bounds(_ from: String?, _ to: String?) -> KeyRange? {
        switch (from, to) {
        case let (from?, to?): return .between(from, to)
        case let (from?, nil): return .atLeast(from)
        case let (nil, to?): return .atMost(to)
        case (nil, nil): return nil
        }
    }
}
