/// Something a question can ask for: a piece of a sentence with a kind, so that
/// distractors can be of the same kind (years with years, names with names).
struct AnswerSpan: Hashable {
    enum Kind: String, CaseIterable {
        /// A year ("1914", "509 BC") or a date ("28 June 1914", "October 1986").
        case year
        /// A number, with its unit when the text gives one ("1,460 bytes", "9.8 m/s²").
        case number
        case percentage
        /// A capitalised name that is not a defined term.
        case name
        /// An abbreviation the text introduces ("RTT").
        case acronym
        /// A term the text defines or emphasises, or a key term of the document.
        case term
        /// A label with a number: "RFC 5681", "Article 231".
        case identifier
    }

    /// As written in the sentence (Markdown removed).
    var text: String
    var kind: Kind
    /// How much a teacher would want this asked (higher first); see `SpanExtractor`.
    var weight: Double = 1
    /// For numbers: the unit as written after the value ("bytes", "ms"), lowercased; for
    /// identifiers: the label ("rfc"). Distractors must share it.
    var unit: String = ""
    /// Whether the span is the term a definition sentence defines: then the question asks
    /// for the term from its definition.
    var isDefinedHere = false
    /// Whether a name reads like a person's (two or three capitalised words, used alone elsewhere).
    var isPerson = false
    /// For names, what the sentence says it is: "place" after in/at/from/to, "person" before
    /// said/told or after a title, else "other". Distractors share it when they can.
    var role = ""
    /// Whether the span modifies the noun after it here ("his Sky employers", "a TCP
    /// segment"): then it is distractor material only, since the blank would sit inside a
    /// noun phrase.
    var isModifier = false

    /// The comparison form: folded, without thousands separators.
    var key: String { AnswerSpan.key(text) }

    static func key(_ text: String) -> String {
        Tokenizer.fold(text).filter { $0 != "," }.replacingOccurrences(of: "\u{2212}", with: "-").trimmingWhitespace()
    }

    /// The numeric value of a year, number or percentage.
    var numericValue: Double? {
        guard kind == .year || kind == .number || kind == .percentage else { return nil }
        return NumberForm(text)?.value
    }

    /// What the question tests, as written in the exam JSON (`answerKind`).
    var answerKind: String {
        switch kind {
        case .year: return "date"
        case .number, .percentage: return "number"
        case .name: return isPerson ? "person" : "name"
        case .acronym, .term: return "term"
        case .identifier: return "identifier"
        }
    }
}

/// The parts of a written number: "£1,200.50m" is prefix "£", value 1200.5, two decimals,
/// grouped, suffix "m". Used to read numbers and to write believable distractors.
struct NumberForm: Hashable {
    var prefix: String
    var value: Double
    var decimals: Int
    var grouped: Bool
    var suffix: String
    /// How the text writes a minus ("-" or "\u{2212}"), for negative values.
    var minus = "-"

    init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var prefix = ""
        while i < scalars.count, "$£€¥-\u{2212}".unicodeScalars.contains(scalars[i]) { prefix.unicodeScalars.append(scalars[i]); i += 1 }
        var digits = ""
        var decimals = -1
        var grouped = false
        while i < scalars.count {
            let s = scalars[i]
            if ScalarClass.isDigit(s), s.isASCII {
                digits.unicodeScalars.append(s)
                if decimals >= 0 { decimals += 1 }
            } else if s == ",", decimals < 0, i + 1 < scalars.count, ScalarClass.isDigit(scalars[i + 1]) {
                grouped = true
            } else if s == ".", decimals < 0, i + 1 < scalars.count, ScalarClass.isDigit(scalars[i + 1]) {
                digits.append(".")
                decimals = 0
            } else {
                break
            }
            i += 1
        }
        guard !digits.isEmpty, var value = Double(digits) else { return nil }
        if let last = prefix.last, last == "-" || last == "\u{2212}" { value = -value; minus = String(last); prefix.removeLast() }
        self.prefix = prefix
        self.value = value
        self.decimals = max(decimals, 0)
        self.grouped = grouped
        self.suffix = String(String.UnicodeScalarView(scalars[i...]))
    }

    /// Writes another value in the same form.
    func written(_ newValue: Double) -> String {
        var digits: String
        let sign = newValue < 0 ? minus : ""
        let newValue = abs(newValue)
        if decimals > 0 {
            let scale = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
            let rounded = (newValue * scale).rounded() / scale
            let whole = Int(rounded.rounded(.towardZero))
            var fraction = String(Int(((rounded - Double(whole)) * scale).rounded()))
            while fraction.count < decimals { fraction = "0" + fraction }
            digits = (grouped ? Self.group(whole) : String(whole)) + "." + fraction
        } else {
            let whole = Int(newValue.rounded())
            digits = grouped ? Self.group(whole) : String(whole)
        }
        return sign + prefix + digits + suffix
    }

    static func group(_ value: Int) -> String {
        let raw = String(abs(value))
        var out = ""
        for (i, ch) in raw.enumerated() {
            if i > 0 && (raw.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
