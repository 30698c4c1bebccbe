/// Something a question can ask for: a piece of a sentence with a kind, so that
/// distractors can be of the same kind (years with years, names with names).
struct AnswerSpan: Hashable {
    enum Kind: String, CaseIterable {
        case year, number, percentage, name, acronym, term
    }

    /// As written in the sentence.
    var text: String
    var kind: Kind

    /// The comparison form: folded, without thousands separators.
    var key: String { AnswerSpan.key(text) }

    static func key(_ text: String) -> String {
        Tokenizer.fold(text).filter { $0 != "," }.trimmingWhitespace()
    }

    /// The numeric value of a year, number or percentage.
    var numericValue: Double? {
        guard kind == .year || kind == .number || kind == .percentage else { return nil }
        return NumberForm(text)?.value
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

    init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var prefix = ""
        while i < scalars.count, "$£€¥-".unicodeScalars.contains(scalars[i]) { prefix.unicodeScalars.append(scalars[i]); i += 1 }
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
        guard !digits.isEmpty, let value = Double(digits) else { return nil }
        self.prefix = prefix
        self.value = value
        self.decimals = max(decimals, 0)
        self.grouped = grouped
        self.suffix = String(String.UnicodeScalarView(scalars[i...]))
    }

    /// Writes another value in the same form.
    func written(_ newValue: Double) -> String {
        var digits: String
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
        return prefix + digits + suffix
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
