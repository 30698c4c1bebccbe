/// Logical DynamoDB tables that can be mapped to existing table names, e.g. the seeds'
/// study-room backend's `ChatRooms`, `Messages`, `Meetings` and `Projects`:
/// `[dynamodb.tables] rooms = "ChatRooms"` in config.toml, or `DYNAMODB_TABLE_ROOMS=ChatRooms`.
public enum TableNames {
    /// Logical name → its variable. Unmapped tables are `<prefix>-<default suffix>`.
    public static let variables: [String: String] = [
        "users": "DYNAMODB_TABLE_USERS", "content": "DYNAMODB_TABLE_CONTENT",
        "content_chunks": "DYNAMODB_TABLE_CONTENT_CHUNKS", "summaries": "DYNAMODB_TABLE_SUMMARIES",
        "exams": "DYNAMODB_TABLE_EXAMS", "exam_attempts": "DYNAMODB_TABLE_EXAM_ATTEMPTS",
        "templates": "DYNAMODB_TABLE_TEMPLATES", "rooms": "DYNAMODB_TABLE_ROOMS",
        "messages": "DYNAMODB_TABLE_MESSAGES", "meetings": "DYNAMODB_TABLE_MEETINGS",
        "projects": "DYNAMODB_TABLE_PROJECTS", "unique": "DYNAMODB_TABLE_UNIQUE",
    ]

    /// The config.toml keys (`dynamodb.tables.<logical>`).
    public static let configKeys: [String: String] = Dictionary(uniqueKeysWithValues: variables.map { ("dynamodb.tables.\($0.key)", $0.value) })

    /// The mapped names found in `variables` (logical name → table name), checked: DynamoDB
    /// table names are 3-255 characters of letters, digits, `_`, `-` and `.`.
    public static func mapping(from merged: [String: String], sources: [String: String] = [:]) throws -> [String: String] {
        var out: [String: String] = [:]
        for (logical, variable) in variables {
            guard let raw = merged[variable]?.trimmingSpaces, !raw.isEmpty else { continue }
            guard (3...255).contains(raw.count), raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else {
                throw ConfigError(key: variable, value: raw, source: sources[variable] ?? "default",
                                  problem: "is not a DynamoDB table name (3-255 letters, digits, '_', '-' or '.')")
            }
            out[logical] = raw
        }
        return out
    }
}

extension Settings {
    /// The DynamoDB table mapping of these settings (logical name → table name).
    public func tableNames() throws -> [String: String] {
        try TableNames.mapping(from: variables, sources: sources)
    }
}
