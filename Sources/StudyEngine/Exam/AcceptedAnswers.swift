/// Every answer a fair teacher would accept for a fill-in, from what the text itself says:
/// the other names the text gives a term ("congestion window" for "cwnd"), singular and
/// plural, a person's surname when the text uses it alone, numbers with and without digit
/// groups or the space before the unit, small numbers as words, and dates in the other
/// common order. The first entry is the answer as the sentence writes it.
enum AcceptedAnswers {
    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                              "nineteen", "twenty"]

    /// - Parameter otherDates: the other dates the document gives; a full date's year alone
    ///   is accepted when none of them falls in the same year (then the year says which).
    /// - Parameter keyTermNames: the names the key-term extractor found for this answer
    ///   (empty when it found none), for terms the lexicon knows under one name only.
    static func forms(of span: AnswerSpan, lexicon: ExamLexicon, loneNames: Set<String>,
                      documentWords: Set<String> = [], fullNames: Set<String> = [], keyTermNames: [String] = [],
                      otherDates: [String] = []) -> [String] {
        var out: [String] = []
        func add(_ form: String) {
            let trimmed = form.trimmingWhitespace()
            guard !trimmed.isEmpty, !out.contains(where: { Tokenizer.fold($0) == Tokenizer.fold(trimmed) }) else { return }
            out.append(trimmed)
        }
        add(span.text)
        switch span.kind {
        case .term, .acronym, .name, .identifier:
            for name in lexicon.names(of: span.text) {
                add(name)
                // "additive increase, multiplicative decrease" is also typed without the comma.
                if name.contains(", ") { add(name.replacingOccurrences(of: ", ", with: " ")) }
                if span.kind != .name, !ExamLexicon.isAbbreviation(name) {
                    // The other grammatical number, when the text uses it.
                    for form in SpanExtractor.forms(of: name).dropFirst() {
                        if let last = form.split(separator: " ").last, documentWords.contains(Tokenizer.fold(String(last))) { add(form) }
                    }
                }
                for form in numberWordForms(name) { add(form) }
            }
            if span.kind != .name { for name in keyTermNames { add(name) } }
            for name in headOf(span.text, lexicon: lexicon) { add(name) }
            // "Newton's third law" is also "the third law": the possessor names whose law it is.
            if let rest = withoutPossessor(span.text) { add(rest) }
            // "ancient supercontinent Pangaea": the name at the end is what the text calls it.
            let termWords = span.text.split(separator: " ")
            if span.kind == .term, termWords.count >= 2, termWords.first?.first?.isLowercase == true,
               let tail = termWords.last, tail.first?.isUppercase == true {
                add(String(tail))
            }
            if span.isPerson, let last = span.text.split(separator: " ").last, loneNames.contains(String(last)) {
                add(String(last))
            }
            // "Farah" or "Mohamed Farah" where the text also writes "Mohamed Abdihamid Farah":
            // the full name, when only one name of the text fits the key.
            if span.kind == .name, let full = fullName(of: span.text, among: fullNames) { add(full) }
            // "retired hairdresser": the head noun alone, when the word before it is a participle.
            if span.kind == .term, let head = headNoun(of: span.text) { add(head) }
            // "Sergeant Joe Loughman": the name without the rank or title in front.
            let nameWords = span.text.split(separator: " ")
            if span.kind == .name, span.role == "person" || span.isPerson, nameWords.count >= 3 {
                add(nameWords.suffix(2).joined(separator: " "))
            }
        case .number, .percentage:
            for form in numberForms(span.text) { add(form) }
        case .year:
            for form in dateForms(span.text) { add(form) }
            if let year = yearAlone(span.text, otherDates: otherDates) { add(year) }
        }
        return out
    }

    /// The one full name among `names` that holds the key's words in order, with the same
    /// last word (and the same first word when the key has two or more words).
    static func fullName(of key: String, among names: Set<String>) -> String? {
        let keyWords = key.split(separator: " ").map(String.init)
        guard let last = keyWords.last else { return nil }
        let fits = names.filter { name in
            let words = name.split(separator: " ").map(String.init)
            guard words.count > keyWords.count, words.last == last else { return false }
            if keyWords.count > 1, words.first != keyWords.first { return false }
            var rest = words[...]
            for word in keyWords {
                guard let at = rest.firstIndex(of: word) else { return false }
                rest = rest[(at + 1)...]
            }
            return true
        }
        return fits.count == 1 ? fits.first : nil
    }

    /// "hairdresser" for "retired hairdresser": a lowercase term of two words whose first is
    /// a participle ("-ed") describes the noun; the noun alone names the same thing.
    static func headNoun(of text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2, words.allSatisfy({ $0.first?.isLowercase == true }),
              words[0].count > 4, words[0].hasSuffix("ed"), words[1].count > 3 else { return nil }
        return words[1]
    }

    /// "timeout" where the text names only one longer term ending in it ("retransmission
    /// timeout (RTO)"): the short form is that term, so its names are accepted too.
    static func headOf(_ text: String, lexicon: ExamLexicon) -> [String] {
        let word = ExamLexicon.key(text)
        // A word the text names otherwise itself ("acknowledgement (ACK)") is its own term.
        // So is a word the text defines itself ("Demand is the relationship…"), though
        // "income elasticity of demand" ends in it.
        let own = lexicon.entry(for: text)
        guard !word.isEmpty, !word.contains(" "), own?.aliases.isEmpty ?? true,
              own?.text.contains(" ") != true, own?.definedIn.isEmpty ?? true else { return [] }
        let longer = lexicon.entries.filter { entry in
            let key = ExamLexicon.key(entry.text)
            return key.hasSuffix(" " + word) && key.split(separator: " ").count <= 4
        }
        guard longer.count == 1, let entry = longer.first else { return [] }
        return [entry.text] + entry.aliases
    }

    /// SI and common unit names and their symbols: a student may write either.
    static let unitSymbols: [String: String] = [
        "mole": "mol", "moles": "mol", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
        "second": "s", "seconds": "s", "minute": "min", "minutes": "min", "hour": "h", "hours": "h",
        "kilogram": "kg", "kilograms": "kg", "gram": "g", "grams": "g", "joule": "J", "joules": "J",
        "newton": "N", "newtons": "N", "watt": "W", "watts": "W", "volt": "V", "volts": "V",
        "litre": "L", "litres": "L", "liter": "L", "liters": "L", "kilometre": "km", "kilometres": "km",
        "kilometer": "km", "kilometers": "km", "centimetre": "cm", "centimetres": "cm",
        "millimetre": "mm", "millimetres": "mm", "hertz": "Hz", "pascal": "Pa", "pascals": "Pa",
        "kelvin": "K", "kilojoule": "kJ", "kilojoules": "kJ",
    ]

    /// "third law" for "Newton's third law": a capitalised possessor in front of a term of at
    /// least two words. One word left ("Newton's laws" → "laws") would say too little.
    static func withoutPossessor(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count >= 3, let first = words.first, first.first?.isUppercase == true,
              first.hasSuffix("'s") || first.hasSuffix("’s") else { return nil }
        return words.dropFirst().joined(separator: " ")
    }

    /// "three duplicate ACKs" ↔ "3 duplicate ACKs".
    static func numberWordForms(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1, let first = words.first else { return [] }
        if let n = numberWords.firstIndex(of: Tokenizer.fold(first)) {
            return [([String(n)] + words.dropFirst()).joined(separator: " ")]
        }
        if let n = Int(first), n >= 0, n < numberWords.count {
            return [([numberWords[n]] + words.dropFirst()).joined(separator: " ")]
        }
        return []
    }

    /// "1,460 bytes" → "1460 bytes", "1,460"; "10 segments" → "ten segments"; "430 nm" → "430nm"; "21%" → "21 percent".
    static func numberForms(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first, let form = NumberForm(first) else { return [] }
        let unit = words.dropFirst().joined(separator: " ")
        var out: [String] = []
        let plain = first.replacingOccurrences(of: ",", with: "")
        if plain != first { out.append(([plain] + words.dropFirst()).joined(separator: " ")) }
        if form.suffix == "%" { out.append(String(first.dropLast()) + " percent") }
        if !unit.isEmpty {
            // The amount alone: the blank already says what is counted ("20" for "20 units").
            out.append(first)
            if plain != first { out.append(plain) }
            if !unit.contains(" ") { out.append(first + unit) }
            // "30.5 kJ per mole": also "30.5 kJ/mole", "30.5 kJ/mol", and the amount with its main unit, "30.5 kJ".
            let parts = unit.components(separatedBy: " per ")
            if parts.count == 2, let main = parts.first, let per = parts.last, !main.isEmpty, !per.isEmpty {
                out.append(first + " " + main + "/" + per)
                if let symbol = unitSymbols[per.lowercased()] { out.append(first + " " + main + "/" + symbol) }
                out.append(first + " " + main)
            }
            // "20 seconds" is also written "20 s".
            if !unit.contains(" "), let symbol = unitSymbols[unit.lowercased()] {
                out.append(first + " " + symbol)
            }
            // "m/s²" as typed on a keyboard: "m/s^2".
            let typed = unit.replacingOccurrences(of: "²", with: "^2").replacingOccurrences(of: "³", with: "^3")
                .replacingOccurrences(of: "·", with: " ")
            if typed != unit { out.append(first + " " + typed) }
            if form.decimals == 0, form.prefix.isEmpty, form.value >= 0, form.value <= 20 {
                out.append(numberWords[Int(form.value)] + " " + unit)
            }
        }
        return out
    }

    /// "2013" for "January 2013", when no other date of the document is in 2013 (then
    /// the year alone could mean either). A year with an era ("509 BC") stays whole.
    static func yearAlone(_ text: String, otherDates: [String]) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1, let year = words.last(where: SpanExtractor.isYear) else { return nil }
        let key = AnswerSpan.key(text)
        for other in otherDates where AnswerSpan.key(other) != key {
            if other.split(separator: " ").contains(where: { String($0) == year }) { return nil }
        }
        return year
    }

    static func dateForms(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        if words.count == 3, let day = Int(words[0]), SpanExtractor.months.contains(Tokenizer.fold(words[1])) {
            return ["\(words[1]) \(day), \(words[2])", "\(words[1]) \(day) \(words[2])"]
        }
        if words.count == 2, let era = words.last, ["BC", "BCE"].contains(era) {
            return [words[0] + (era == "BC" ? " BCE" : " BC")]
        }
        return []
    }
}
