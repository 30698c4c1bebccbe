import Foundation

/// Checks shared by the entities. Each returns nothing or throws a `ValidationError`
/// whose message says what to change.
public enum Validate {
    /// A required piece of text with a length limit, after trimming white space.
    public static func text(_ value: String, field: String, label: String, min: Int = 1, max: Int) throws {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count < min {
            throw ValidationError(field, min <= 1 ? "\(label) must not be empty." : "\(label) must be at least \(min) characters.")
        }
        if value.count > max {
            throw ValidationError(field, "\(label) must be at most \(max) characters (it has \(value.count)).")
        }
    }

    /// A username: 3-30 letters (any script), digits, dot, dash or underscore, starting with a
    /// letter or digit. See `Username`.
    public static func username(_ value: String) throws {
        try Username.validate(value)
    }

    /// An email address of the usual `name@domain.tld` form.
    public static func email(_ value: String) throws {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              !value.contains(where: { $0.isWhitespace }),
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !parts[1].contains("..")
        else {
            throw ValidationError("email", "'\(value)' is not an email address; use the form name@example.org.")
        }
    }

    /// A password for a new account.
    public static func password(_ value: String) throws {
        guard value.count >= 8 else {
            throw ValidationError("password", "Password must be at least 8 characters long.")
        }
        guard value.count <= 1024 else {
            throw ValidationError("password", "Password must be at most 1024 characters long.")
        }
    }

    /// A number inside a closed range.
    public static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, field: String, label: String) throws {
        guard range.contains(value) else {
            throw ValidationError(field, "\(label) must be between \(range.lowerBound) and \(range.upperBound).")
        }
    }
}

/// An enum stored as its raw string whose decoding error names the allowed values.
public protocol StoredEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {}

extension StoredEnum {
    /// A stored field name in words: `subscriptionPlan` → `subscription plan`.
    static func spoken(_ field: String) -> String {
        var out = ""
        for ch in field {
            if ch.isUppercase { out += " " + ch.lowercased() } else if ch == "_" { out += " " } else { out.append(ch) }
        }
        return out
    }

    /// Parses user input, naming the allowed values when it does not match.
    public static func parse(_ text: String, field: String) throws -> Self {
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if let value = Self(rawValue: key) ?? Self(rawValue: text) { return value }
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError(field, "'\(text)' is not a valid \(Self.spoken(field)); use one of: \(allowed).")
    }
}
