import Foundation

/// How names people type are compared, so that two spellings a reader cannot tell apart are
/// one name: usernames and room names. Every backend keys its uniqueness on these functions,
/// so SQLite, DynamoDB and MongoDB agree on which names collide.
public enum NameKey {
    /// NFKC, without invisible characters (zero-width spaces and joiners, soft hyphens, byte
    /// order marks, controls), trimmed, with runs of white space made one space. This is the
    /// form a room name is stored and shown in.
    public static func cleaned(_ text: String) -> String {
        let nfkc = nfkc(text)
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfkc.unicodeScalars {
            if isInvisible(scalar) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `cleaned`, case-folded: two names with the same key are the same name.
    public static func key(_ text: String) -> String {
        fold(cleaned(text))
    }

    /// Case folding, then NFKC again (folding can leave a string unnormalised).
    public static func fold(_ text: String) -> String {
        // ASCII folds to its lower case and is already NFKC (issue 13: Foundation's folding and
        // normalisation map CoreFoundation's Unicode tables, ~200 KB, at every start).
        if isASCII(text) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive], locale: nil).lowercased().precomposedStringWithCompatibilityMapping
    }

    /// NFKC; ASCII text is its own NFKC form and is returned as it is.
    public static func nfkc(_ text: String) -> String {
        isASCII(text) ? text : text.precomposedStringWithCompatibilityMapping
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Characters that draw nothing: format characters (Cf), controls other than white space,
    /// and the code points Unicode marks as ignorable by default.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        if properties.isDefaultIgnorableCodePoint { return true }
        switch properties.generalCategory {
        case .format, .control, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }
}

/// Usernames: letters of any script, digits, marks, '.', '-' and '_'; stored in NFKC and
/// unique ignoring case. A name is never rewritten to another one: what cannot be a
/// username is refused with a message that says why.
public enum Username {
    /// The stored form of a typed name (NFKC); `José` typed decomposed or precomposed is one name.
    public static func normalized(_ text: String) -> String {
        NameKey.nfkc(text)
    }

    /// The uniqueness key: NFKC, case-folded.
    public static func key(_ text: String) -> String {
        NameKey.fold(normalized(text))
    }

    /// True for a letter, digit or combining mark of any script, or '.', '-', '_'.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if "._-".unicodeScalars.contains(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Throws a `ValidationError` naming what is wrong with `text` as a username.
    public static func validate(_ text: String) throws {
        let name = normalized(text)
        guard (3...30).contains(name.count) else {
            throw ValidationError("username", "Username '\(name)' must be 3 to 30 characters long (it has \(name.count)).")
        }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            let shown = bad.properties.isWhitespace ? "a space" : NameKey.isInvisible(bad) ? "an invisible character" : "'\(bad)'"
            throw ValidationError("username", "Username may use only letters, digits, '.', '-' and '_' (it has \(shown)).")
        }
        guard let first = name.unicodeScalars.first,
              [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber]
                .contains(first.properties.generalCategory) else {
            throw ValidationError("username", "Username must start with a letter or digit.")
        }
    }
}
