import Foundation
import TOMLKit

/// `config.toml` → the same variable names the environment uses, so that one precedence
/// rule covers every source.
public enum ConfigFile {
    /// Each TOML key path and the variable it sets.
    public static let keys: [String: String] = [
        "db_type": "DB_TYPE",
        "user": "STUDYCIRCLE_USER",
        "sqlite.path": "STUDYCIRCLE_DB",
        "dynamodb.table_prefix": "DYNAMODB_TABLE_PREFIX",
        "dynamodb.endpoint": "DYNAMODB_ENDPOINT",
        "dynamodb.region": "AWS_REGION",
        "dynamodb.profile": "AWS_PROFILE",
        "ui.theme": "STUDYCIRCLE_THEME",
        "ui.poll_interval": "STUDYCIRCLE_POLL_INTERVAL",
        "llm.url": "STUDYCIRCLE_LLM_URL",
        "llm.model": "STUDYCIRCLE_LLM_MODEL",
        "llm.api_key": "STUDYCIRCLE_LLM_API_KEY",
        "log.level": "STUDYCIRCLE_LOG_LEVEL",
        "mongodb.uri": "MONGODB_URI",
        "jdoodle.client_id": "JDOODLE_CLIENT_ID",
        "jdoodle.client_secret": "JDOODLE_CLIENT_SECRET",
        "jdoodle.endpoint": "JDOODLE_ENDPOINT",
    ].merging(mongoCollectionKeys) { a, _ in a }.merging(TableNames.configKeys) { first, _ in first }

    /// `mongodb.collections.<name>` renames one of StudyCircle's MongoDB collections.
    static let mongoCollectionKeys: [String: String] = Dictionary(uniqueKeysWithValues:
        ["users", "contents", "summaries", "exams", "examattempts", "templates", "chatrooms", "messages", "meetings", "projects"]
            .map { ("mongodb.collections.\($0)", "MONGODB_COLLECTION_\($0.uppercased())") })

    /// Parses TOML text into variables. Unknown keys are errors: a typo should not be ignored.
    public static func parse(_ text: String, file: String) throws -> [String: String] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(key: "line \(error.source.begin.line)", value: error.description, source: file,
                              problem: "is not valid TOML")
        } catch {
            throw ConfigError(key: "file", value: file, source: file, problem: "is not valid TOML (\(error))")
        }
        var out: [String: String] = [:]
        try flatten(table, prefix: "", file: file, into: &out)
        return out
    }

    public static func load(path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(key: "file", value: path, source: path, problem: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func flatten(_ table: TOMLTable, prefix: String, file: String, into out: inout [String: String]) throws {
        for (key, value) in table {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let nested = value.table {
                try flatten(nested, prefix: path, file: file, into: &out)
                continue
            }
            guard let variable = keys[path] else {
                let known = keys.keys.sorted().joined(separator: ", ")
                throw ConfigError(key: path, value: value.debugDescription, source: file,
                                  problem: "is not a known setting; known settings are: \(known)")
            }
            if let s = value.string { out[variable] = s }
            else if let i = value.int { out[variable] = String(i) }
            else if let d = value.double { out[variable] = String(d) }
            else if let b = value.bool { out[variable] = String(b) }
            else {
                throw ConfigError(key: path, value: value.debugDescription, source: file,
                                  problem: "must be a string, number or boolean")
            }
        }
    }
}
