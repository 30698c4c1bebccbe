import Foundation

/// Reads `.env` files the way the seeds' Node app (dotenv) does: `KEY=VALUE` lines,
/// optional `export `, single or double quotes, `#` comments and blank lines.
public enum DotEnv {
    /// Parses `.env` text. A line that is not `KEY=VALUE` is an error naming its line number.
    public static func parse(_ text: String, file: String = ".env") throws -> [String: String] {
        var values: [String: String] = [:]
        // "\r\n" is one Character in Swift: normalise line ends before splitting.
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for (index, rawLine) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let eq = line.firstIndex(of: "=") else {
                throw ConfigError(key: "line \(index + 1)", value: line, source: file,
                                  problem: "is not a KEY=VALUE setting; fix or remove that line")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw ConfigError(key: "line \(index + 1)", value: String(key), source: file,
                                  problem: "has a name that is not a valid variable name")
            }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard value.count >= 2, value.last == quote else {
                    throw ConfigError(key: key, value: value, source: file, problem: "has an unclosed quote")
                }
                value = String(value.dropFirst().dropLast())
                if quote == "\"" { value = value.replacingOccurrences(of: "\\n", with: "\n") }
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            values[key] = value
        }
        return values
    }

    /// Reads `path` if it exists; a missing file is an empty set of values.
    public static func load(path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(key: "file", value: path, source: path, problem: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: path)
    }
}
