/// Builds DynamoDB expressions without ever putting an attribute name or a value into the text.
///
/// Every name becomes a placeholder `#n0`, `#n1`, ... and every value `:v0`, `:v1`, ..., so
/// reserved words (`name`, `status`, `owner`, ...) and user input can never break or change an
/// expression. Use one builder per request: the condition, update, key condition and filter of
/// one request share its placeholders.
///
///     var x = ExpressionBuilder()
///     let condition = x.attributeNotExists("id")
///     let update = ExpressionBuilder.update(set: [x.set("status", .s("done"))])
public struct ExpressionBuilder: Sendable, Equatable {
    /// Placeholder → attribute name, for `ExpressionAttributeNames`.
    public private(set) var names: [String: String] = [:]
    /// Placeholder → value, for `ExpressionAttributeValues`.
    public private(set) var values: [String: AttributeValue] = [:]
    private var placeholderForName: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { names.isEmpty && values.isEmpty }

    /// The placeholder for one attribute name (the same name always gets the same placeholder).
    public mutating func name(_ attribute: String) -> String {
        if let existing = placeholderForName[attribute] { return existing }
        let placeholder = "#n\(names.count)"
        names[placeholder] = attribute
        placeholderForName[attribute] = placeholder
        return placeholder
    }

    /// A nested path: `path("settings", "theme")` → `#n0.#n1`.
    public mutating func path(_ components: String...) -> String {
        components.map { name($0) }.joined(separator: ".")
    }

    /// A new placeholder for a value.
    public mutating func value(_ value: AttributeValue) -> String {
        let placeholder = ":v\(values.count)"
        values[placeholder] = value
        return placeholder
    }

    // MARK: Conditions

    public mutating func attributeExists(_ attribute: String) -> String { "attribute_exists(\(name(attribute)))" }
    public mutating func attributeNotExists(_ attribute: String) -> String { "attribute_not_exists(\(name(attribute)))" }

    /// `attribute <op> value`.
    public mutating func compare(_ attribute: String, _ op: ComparisonOperator, _ v: AttributeValue) -> String {
        "\(name(attribute)) \(op.rawValue) \(value(v))"
    }
    public mutating func equals(_ attribute: String, _ v: AttributeValue) -> String { compare(attribute, .equal, v) }
    public mutating func beginsWith(_ attribute: String, _ prefix: String) -> String { "begins_with(\(name(attribute)), \(value(.s(prefix))))" }
    public mutating func between(_ attribute: String, _ low: AttributeValue, _ high: AttributeValue) -> String {
        "\(name(attribute)) BETWEEN \(value(low)) AND \(value(high))"
    }
    public mutating func contains(_ attribute: String, _ v: AttributeValue) -> String { "contains(\(name(attribute)), \(value(v)))" }

    /// Joins conditions with AND, each in parentheses; nil when there are none.
    public static func and(_ parts: [String]) -> String? {
        let parts = parts.filter { !$0.isEmpty }
        if parts.isEmpty { return nil }
        if parts.count == 1 { return parts[0] }
        return parts.map { "(\($0))" }.joined(separator: " AND ")
    }
    public static func or(_ parts: [String]) -> String? {
        let parts = parts.filter { !$0.isEmpty }
        if parts.isEmpty { return nil }
        if parts.count == 1 { return parts[0] }
        return parts.map { "(\($0))" }.joined(separator: " OR ")
    }

    // MARK: Updates

    /// `#n = :v`, for the SET clause.
    public mutating func set(_ attribute: String, _ v: AttributeValue) -> String { "\(name(attribute)) = \(value(v))" }
    /// `#n = if_not_exists(#n, :v)`, for the SET clause.
    public mutating func setIfNotExists(_ attribute: String, _ v: AttributeValue) -> String {
        let n = name(attribute)
        return "\(n) = if_not_exists(\(n), \(value(v)))"
    }
    /// `#n :v`, for the ADD clause (numbers add, sets union). Not idempotent.
    public mutating func add(_ attribute: String, _ v: AttributeValue) -> String { "\(name(attribute)) \(value(v))" }
    /// `#n`, for the REMOVE clause.
    public mutating func remove(_ attribute: String) -> String { name(attribute) }

    /// `SET a, b REMOVE c ADD d`; empty clauses are left out.
    public static func update(set: [String] = [], remove: [String] = [], add: [String] = []) -> String {
        var clauses: [String] = []
        if !set.isEmpty { clauses.append("SET " + set.joined(separator: ", ")) }
        if !remove.isEmpty { clauses.append("REMOVE " + remove.joined(separator: ", ")) }
        if !add.isEmpty { clauses.append("ADD " + add.joined(separator: ", ")) }
        return clauses.joined(separator: " ")
    }

    /// A projection of the given attributes: `#n0, #n1`.
    public mutating func projection(_ attributes: [String]) -> String { attributes.map { name($0) }.joined(separator: ", ") }
}

public enum ComparisonOperator: String, Sendable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
