import Foundation

/// A word of text as the engine sees it.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters of any script, possibly with inner apostrophes.
        case word
        /// Digits, with "1,000" read as 1000 and "3.14" kept whole.
        case number
        /// One Han or Kana character, or a bigram of two (scripts without spaces).
        case cjk
    }

    /// Case- and accent-folded form ("Élan" → "elan"); numbers without group separators.
    public var folded: String
    public var kind: Kind
    /// Whether the word was written with a capital first letter (a hint of a name).
    public var capitalised: Bool = false
}

/// Unicode-aware word tokens: letters across scripts, numbers, and CJK characters (each
/// Han/Kana character and each adjacent pair, so that "光合作用" matches "光合" queries).
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        if text.utf8.allSatisfy({ $0 < 128 }) { return asciiTokens(text) }
        var out: [Token] = []
        var word = String.UnicodeScalarView()
        var ascii = true
        var isNumber = false
        var previousCJK: Unicode.Scalar? = nil
        let scalars = Array(text.unicodeScalars)
        var i = 0

        func flush() {
            guard !word.isEmpty else { return }
            if isNumber {
                out.append(Token(folded: String(word), kind: .number))
            } else {
                var folded = ascii ? String(word).lowercased() : fold(String(word))
                // Possessive 's carries no meaning of its own: "Locke's" → "locke".
                if folded.hasSuffix("'s") { folded.removeLast(2) }
                while folded.hasSuffix("'") { folded.removeLast() }
                let capital = word.first.map(ScalarClass.isUpper) ?? false
                if !folded.isEmpty { out.append(Token(folded: folded, kind: .word, capitalised: capital)) }
            }
            word = String.UnicodeScalarView()
            ascii = true
            isNumber = false
        }

        while i < scalars.count {
            let s = scalars[i]
            if ScalarClass.isCJK(s) {
                flush()
                out.append(Token(folded: String(s), kind: .cjk))
                if let previous = previousCJK {
                    var pair = String.UnicodeScalarView()
                    pair.append(previous)
                    pair.append(s)
                    out.append(Token(folded: String(pair), kind: .cjk))
                }
                previousCJK = s
                i += 1
                continue
            }
            previousCJK = nil
            if ScalarClass.isDigit(s) {
                if word.isEmpty { isNumber = true }
                word.append(s)
                if !s.isASCII { ascii = false }
            } else if ScalarClass.isLetter(s) || (s.properties.generalCategory == .nonspacingMark && !word.isEmpty) {
                if isNumber {
                    // "3D", "10km": a number glued to letters stays one word.
                    isNumber = false
                }
                word.append(s)
                if !s.isASCII { ascii = false }
            } else if (s == "," || s == ".") && isNumber && i + 1 < scalars.count && ScalarClass.isDigit(scalars[i + 1]) {
                // "1,000" → 1000; "3.14" stays.
                if s == "." { word.append(s) }
            } else if (s == "'" || s == "\u{2019}") && !word.isEmpty && !isNumber && i + 1 < scalars.count
                        && ScalarClass.isLetter(scalars[i + 1]) {
                word.append("'")
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return out
    }

    /// The same rules as `tokens` on bytes, for the common all-ASCII sentence: several
    /// times faster than going through Unicode scalars and Foundation.
    static func asciiTokens(_ text: String) -> [Token] {
        var out: [Token] = []
        let bytes = Array(text.utf8)
        var word: [UInt8] = []
        var isNumber = false
        var capital = false

        func flush() {
            guard !word.isEmpty else { return }
            if isNumber {
                out.append(Token(folded: String(decoding: word, as: UTF8.self), kind: .number))
            } else {
                if word.count >= 2, word[word.count - 2] == 39, word[word.count - 1] == 115 { word.removeLast(2) }
                while word.last == 39 { word.removeLast() }
                if !word.isEmpty { out.append(Token(folded: String(decoding: word, as: UTF8.self), kind: .word, capitalised: capital)) }
            }
            word.removeAll(keepingCapacity: true)
            isNumber = false
        }

        for i in bytes.indices {
            let b = bytes[i]
            switch b {
            case 48...57:
                if word.isEmpty { isNumber = true }
                word.append(b)
            case 65...90, 97...122:
                if word.isEmpty { capital = b <= 90 }
                isNumber = false
                word.append(b >= 97 ? b : b + 32)
            case 44 where isNumber && i + 1 < bytes.count && (48...57).contains(bytes[i + 1]):
                continue  // "1,000" → 1000
            case 46 where isNumber && i + 1 < bytes.count && (48...57).contains(bytes[i + 1]):
                word.append(b)  // "3.14" stays whole
            case 39 where !word.isEmpty && !isNumber && i + 1 < bytes.count && ((65...90).contains(bytes[i + 1]) || (97...122).contains(bytes[i + 1])):
                word.append(b)
            default:
                flush()
            }
        }
        flush()
        return out
    }

    /// Lowercase without accents: "Économie" → "economie", "straße" → "strasse".
    public static func fold(_ word: String) -> String {
        // Most words are ASCII; Foundation's folding is much slower than lowercasing.
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// The folded forms of all tokens, for matching answers and checking stems.
    public static func foldedWords(_ text: String) -> [String] {
        tokens(text).filter { $0.kind != .cjk || $0.folded.unicodeScalars.count == 1 }.map(\.folded)
    }
}

/// Turns text into the terms used for similarity and importance: folded tokens without
/// English stop words, stemmed with Porter. A cache keeps stemming cheap on big documents.
struct TermExtractor {
    private var stems: [String: String] = [:]

    mutating func terms(_ text: String) -> [String] {
        terms(Tokenizer.tokens(text))
    }

    mutating func terms(_ tokens: [Token]) -> [String] {
        entries(tokens).map(\.term)
    }

    /// Terms, each with whether it was capitalised other than as the first word (a name).
    mutating func entries(_ tokens: [Token]) -> [(term: String, name: Bool)] {
        var out: [(term: String, name: Bool)] = []
        for (position, token) in tokens.enumerated() {
            switch token.kind {
            case .cjk, .number:
                out.append((token.folded, false))
            case .word:
                if StopWords.english.contains(token.folded) { continue }
                if token.folded.unicodeScalars.count < 2 { continue }
                let name = token.capitalised && position > 0
                if let stem = stems[token.folded] {
                    out.append((stem, name))
                } else {
                    let stem = PorterStemmer.stem(token.folded)
                    stems[token.folded] = stem
                    out.append((stem, name))
                }
            }
        }
        return out
    }
}
