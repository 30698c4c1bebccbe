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
                      otherDates: [String] = [], heading: String? = nil, sentences: [String] = []) -> [String] {
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
            // An abbreviation is another name only when its letters come from the term in order
            // ("YED" is no name of "demand").
            if span.kind != .name {
                for name in keyTermNames where !ExamLexicon.isAbbreviation(name) || keyTermNames.contains(where: { spells(name, $0) }) {
                    add(name)
                }
            }
            for name in headOf(span.text, lexicon: lexicon) { add(name) }
            // "UVA wavelengths" for "ultraviolet wavelengths (UVA)": the abbreviation with the
            // term's head noun is how students write it too.
            let spanWords = span.text.split(separator: " ")
            if span.kind == .term, spanWords.count >= 2, let head = spanWords.last {
                // (Not where the abbreviation already spells the head: "BEF" ends in Force's F.)
                for name in lexicon.names(of: span.text) where ExamLexicon.isAbbreviation(name) && !name.contains(" ")
                    && name.last.map({ Character($0.lowercased()) }) != head.first.map({ Character($0.lowercased()) }) {
                    add(name + " " + head)
                }
            }
            // "Newton's third law" is also "the third law": the possessor names whose law it is.
            if let rest = withoutPossessor(span.text) { add(rest) }
            // "ancient supercontinent Pangaea": the name at the end is what the text calls it.
            // A name has lower-case letters after its capital: "II" in "photosystem II" or "B"
            // in "vitamin B" is a number or letter of a series, no name on its own.
            let termWords = span.text.split(separator: " ")
            if span.kind == .term, termWords.count >= 2, termWords.first?.first?.isLowercase == true,
               let tail = termWords.last, tail.first?.isUppercase == true, tail.count >= 3,
               tail.dropFirst().contains(where: \.isLowercase) {
                add(String(tail))
            }
            if span.isPerson, let last = span.text.split(separator: " ").last, loneNames.contains(String(last)) {
                add(String(last))
            }
            // "Button" for "Jenson Button": a person's surname, when no other name of the text
            // ends in it (then the surname says who).
            if span.isPerson || span.role == "person", let surname = onlyPersonWithSurname(span.text, among: fullNames) {
                add(surname)
            }
            // "Farah" or "Mohamed Farah" where the text also writes "Mohamed Abdihamid Farah":
            // the full name, when only one name of the text fits the key.
            let full = span.kind == .name ? fullName(of: span.text, among: fullNames) : nil
            if let full { add(full) }
            // "referee Olivier Marteel", "the referee": the person by the role the text gives.
            if span.kind == .name, !sentences.isEmpty {
                for form in roleForms(of: span.text, fullName: full, sentences: sentences) { add(form) }
            }
            // "Billy" ↔ "Billy Thompson": a first name the text uses alone, when only one full
            // name of the text starts with it.
            if span.kind == .name, let other = firstNameForm(of: span.text, among: fullNames, loneNames: loneNames) { add(other) }
            // "Equilibrium" under the heading "Market Equilibrium": the heading names it in full.
            if [.term, .acronym].contains(span.kind), let heading, let full = headingForm(of: span.text, heading: heading) { add(full) }
            // "colour information" for "relevant colour information".
            if span.kind == .term, let shorter = shorterHead(of: span.text, sentences: sentences) { add(shorter) }
            // "First World War" = "World War I" = "WWI".
            if !span.isPerson, span.role != "person" { for form in ordinalForms(span.text) { add(form) } }
            // "retired hairdresser": the head noun alone, when the word before it is a participle.
            if span.kind == .term, let head = headNoun(of: span.text) { add(head) }
            // "Sergeant Joe Loughman": the name without the rank or title in front.
            let nameWords = span.text.split(separator: " ")
            if span.kind == .name, span.role == "person" || span.isPerson, nameWords.count >= 3 {
                add(nameWords.suffix(2).joined(separator: " "))
            }
            // "UV-A" is also typed "UVA"; "colour" also "color".
            for form in out where form.contains("-") && form.split(separator: "-").allSatisfy({ $0.first?.isLetter == true }) {
                add(form.replacingOccurrences(of: "-", with: ""))
            }
            for form in out { add(otherSpelling(form)) }
        case .number, .percentage:
            for form in numberForms(span.text) { add(form) }
        case .year:
            for form in dateForms(span.text) { add(form) }
            if let year = yearAlone(span.text, otherDates: otherDates) { add(year) }
        }
        return out
    }

    /// The surname of a two- to four-word person's name, when every name of the text
    /// that ends in that word is this name (or a longer form of it).
    static func onlyPersonWithSurname(_ name: String, among names: Set<String>) -> String? {
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count), let last = words.last, last.count >= 3,
              // ("McCoy", "O'Neill": a surname's inner capital is still a surname.)
              last.first?.isUppercase == true, PersonNameShape.fits(String(last)) else { return nil }
        let others = names.filter { $0.hasSuffix(" " + last) && $0 != name && !$0.hasSuffix(" " + name) }
        return others.isEmpty ? String(last) : nil
    }

    /// The one full name among `names` that holds the key's words in order, with the same
    /// last word (and the same first word when the key has two or more words).
    /// - Parameter loneNames: words the text writes as names on their own; with two or more
    ///   fits, one whose first word is among them ("Labour Brown", a party run into a name by
    ///   a caption) is a misreading, and the fit left over is the name.
    static func fullName(of key: String, among names: Set<String>, loneNames: Set<String> = []) -> String? {
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
        if fits.count == 1 { return fits.first }
        if fits.count > 1, !loneNames.isEmpty {
            let named = fits.filter { name in name.split(separator: " ").first.map { !loneNames.contains(String($0)) } ?? false }
            if named.count == 1 { return named.first }
        }
        // "Neil Robertson" and "Australia Neil Robertson" (a place run into the name): when
        // every fit ends in the shortest one, that is the name; the longer are misreadings.
        guard let shortest = fits.min(by: { $0.count < $1.count }),
              fits.allSatisfy({ $0 == shortest || $0.hasSuffix(" " + shortest) }) else { return nil }
        return shortest
    }

    /// "referee Olivier Marteel" and "the referee" for "Marteel": the lowercase role noun the
    /// text writes right before the person's name. The role alone only when the text gives
    /// that role to no other name.
    static func roleForms(of name: String, fullName: String?, sentences: [String]) -> [String] {
        guard let last = name.split(separator: " ").last.map(String.init) else { return [] }
        /// Each lowercase role word in `sentence` with the capitalised name after it.
        func rolesAndNames(_ sentence: String) -> [(role: String, name: [String])] {
            let words = sentence.split(separator: " ").map(String.init)
            var out: [(String, [String])] = []
            for i in 1..<max(1, words.count) {
                let role = words[i - 1]
                guard role.count >= 4, role.allSatisfy({ $0.isLowercase }), words[i].first?.isUppercase == true,
                      !StopWords.english.contains(role), !CommonVerbs.all.contains(role),
                      !SpanExtractor.speechVerbs.contains(role), !role.hasSuffix("ly"), !role.hasSuffix("ed"),
                      isRoleNoun(role) else { continue }
                var run: [String] = []
                for word in words[i...] {
                    let core = word.filter { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
                    guard core.first?.isUppercase == true else { break }
                    run.append(ExamLexicon.withoutPossessive(core))
                    if word.last.map({ !$0.isLetter }) == true { break }
                }
                // "After losing the weight Lizzi joined …", "to lose weight Lizzi also won …": a
                // noun before a lone name may end a phrase of its own. A role before a lone name
                // follows its team or country ("Chelsea boss Mourinho"), a speech verb ("said
                // coach Mara"), a comma or a linking word ("by referee Marteel").
                if run.count == 1 {
                    let before = i >= 2 ? words[i - 2] : ""
                    let introduces = before.first?.isUppercase == true || before.hasSuffix(",")
                        || SpanExtractor.speechVerbs.contains(before.lowercased())
                        || ["and", "by", "with", "from", "as"].contains(before.lowercased())
                    guard introduces else { continue }
                }
                out.append((role, run))
            }
            return out
        }
        var ownRoles: [String] = []
        // A role is given where a person is introduced, early in a text: a long text is not
        // read to its end for it (the first 400 sentences).
        let sentences = sentences.prefix(400)
        for sentence in sentences where sentence.contains(last) {
            for (role, run) in rolesAndNames(sentence) where run.last == last {
                let person = run.joined(separator: " ")
                guard person == name || person == fullName || person.hasSuffix(" " + name) || run.count == 1 else { continue }
                if !ownRoles.contains(role) { ownRoles.append(role) }
            }
        }
        var out: [String] = []
        for role in ownRoles {
            out.append(role + " " + (fullName ?? name))
            // The role alone names the person only when the text gives it to nobody else.
            let others = sentences.lazy.filter { $0.contains(role + " ") }.flatMap(rolesAndNames)
                .contains { $0.role == role && $0.name.last != last }
            if !others { out.append("the " + role) }
        }
        return out
    }

    /// Whether a lowercase word before a name can be the person's role: one person's role
    /// is a singular noun ("referee"), so no plural ("In the pictures O'Toole"), no "-ing"
    /// word ("including Smith") and no preposition ("alongside O'Toole").
    static func isRoleNoun(_ word: String) -> Bool {
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") { return false }
        return !word.hasSuffix("ing") && !prepositions.contains(word)
    }

    /// Prepositions the stop-word list leaves out (generic English).
    static let prepositions: Set<String> = [
        "alongside", "beside", "besides", "behind", "beyond", "across", "along", "amid", "amidst", "near", "beneath",
        "inside", "outside", "onto", "past", "throughout", "despite", "unlike", "versus", "opposite", "except",
        "around", "aboard", "atop", "underneath", "amongst", "till",
    ]

    /// Whether an abbreviation's letters occur in order in a longer name, starting with its first letter.
    static func spells(_ abbreviation: String, _ name: String) -> Bool {
        let letters = Tokenizer.fold(abbreviation).filter(\.isLetter)
        var rest = Substring(Tokenizer.fold(name).filter(\.isLetter))
        guard name.count > abbreviation.count, let first = letters.first, rest.first == first else { return false }
        for letter in letters {
            guard let found = rest.firstIndex(of: letter) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// "Billy Thompson" for "Billy", "Billy" for "Billy Thompson": the first name and the
    /// two-word full name are one person when the text writes the first name alone and
    /// only one full name of the text starts with it.
    static func firstNameForm(of key: String, among names: Set<String>, loneNames: Set<String>) -> String? {
        let words = key.split(separator: " ").map(String.init)
        guard let first = words.first, first.count > 2, first.first?.isUppercase == true else { return nil }
        let starting = names.filter { $0.split(separator: " ").count == 2 && $0.hasPrefix(first + " ") }
        guard starting.count == 1, let full = starting.first else { return nil }
        if words.count == 1 { return full }
        return words.count == 2 && full == key && loneNames.contains(first) ? first : nil
    }

    /// The section heading, when it is the term with one or two words in front ("Market
    /// Equilibrium: A Worked Example" for "equilibrium"): the text's own longer name of it.
    static func headingForm(of term: String, heading: String) -> String? {
        var title = heading
        if let colon = title.firstIndex(of: ":") { title = String(title[..<colon]) }
        title = title.trimmingWhitespace()
        let titleWords = title.split(separator: " ").map(String.init)
        let termWords = term.split(separator: " ").map(String.init)
        guard titleWords.count > termWords.count, titleWords.count <= termWords.count + 2,
              titleWords.suffix(termWords.count).map(Tokenizer.fold) == termWords.map(Tokenizer.fold) else { return nil }
        let extra = titleWords.prefix(titleWords.count - termWords.count).map(Tokenizer.fold)
        guard extra.allSatisfy({ $0.count > 2 && $0.allSatisfy(\.isLetter) && !StopWords.english.contains($0) }) else { return nil }
        return title
    }

    /// "colour information" for "relevant colour information": a term of three or more
    /// plain words without its first, when the text never writes the shorter form after
    /// another describing word (then it would name something else too).
    static func shorterHead(of term: String, sentences: [String]) -> String? {
        let words = term.split(separator: " ").map(String.init)
        guard words.count >= 3, words.allSatisfy({ $0.first?.isLowercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" } }),
              !words.contains(where: { StopWords.english.contains($0) }), let dropped = words.first else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        for sentence in sentences {
            var search = sentence[...]
            while let range = WholeWord.range(of: rest, in: String(search)) {
                let text = String(search)
                let before = text[..<range.lowerBound].split(separator: " ").last.map { Tokenizer.fold(String($0)) } ?? ""
                if !before.isEmpty, before != Tokenizer.fold(dropped), !StopWords.english.contains(before),
                   before.allSatisfy(\.isLetter) { return nil }
                search = text[range.upperBound...]
            }
        }
        return rest
    }

    static let ordinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    static let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

    /// The other ways of writing a numbered name: "First World War", "World War I",
    /// "World War 1", "World War One", "1st World War", "WWI", "WW1". The name must have
    /// two or more capitalised words besides its number ("Louis XVI" is no numbered series).
    static func ordinalForms(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return [] }
        var n: Int? = nil
        var rest: [String] = []
        let suffixes = ["st", "nd", "rd", "th"]
        if let first = words.first {
            if let i = ordinalWords.firstIndex(of: Tokenizer.fold(first)) { n = i + 1 }
            else if suffixes.contains(where: { first.lowercased().hasSuffix($0) }), let value = Int(first.dropLast(2)) { n = value }
            if n != nil { rest = Array(words.dropFirst()) }
        }
        if n == nil, let last = words.last {
            if let i = romanNumerals.firstIndex(of: last) { n = i + 1 }
            else if let value = Int(last) { n = value }
            else if let i = numberWords.firstIndex(of: Tokenizer.fold(last)), i > 0 { n = i }
            if n != nil { rest = Array(words.dropLast()) }
        }
        guard let number = n, (1...10).contains(number), rest.count >= 2,
              rest.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLowercase) }) else { return [] }
        let name = rest.joined(separator: " ")
        let suffix = number == 1 ? "st" : number == 2 ? "nd" : number == 3 ? "rd" : "th"
        let initials = String(rest.compactMap(\.first))
        return [ordinalWords[number - 1].capitalisedFirst + " " + name, name + " " + romanNumerals[number - 1],
                name + " \(number)", name + " " + numberWords[number].capitalisedFirst, "\(number)\(suffix) " + name,
                initials + romanNumerals[number - 1], initials + "\(number)"]
    }

    /// The other common spelling of the same words ("colour" → "color", "centre" → "center",
    /// "organisation" ↔ "organization", "analyse" ↔ "analyze"); the text unchanged when none
    /// applies. Only endings that are safe both ways are turned back ("-ize" ↔ "-ise" also
    /// ends "promise"): the grader folds the rest (`TypedAnswerMatcher.spellingKey`).
    static func otherSpelling(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let w = String(word)
            guard w.count >= 5, w.allSatisfy(\.isLetter) else { return w }
            let lower = w.lowercased()
            for (from, to) in spellingChanges where lower.hasSuffix(from) {
                let stem = lower.dropLast(from.count)
                // "colour", "centre": a consonant before the ending ("flour" has one too, harmlessly).
                guard let before = stem.last, !"aeiou".contains(before) || from == "our" && stem.count > 2 && before == "i" else { continue }
                return String(w.dropLast(from.count)) + to
            }
            return w
        }.joined(separator: " ")
    }

    /// British → American endings, and the two that are safe to turn back.
    static let spellingChanges: [(String, String)] = [("isation", "ization"), ("ization", "isation"), ("yse", "yze"),
                                                      ("yze", "yse"), ("our", "or"), ("tre", "ter"), ("bre", "ber"), ("ogue", "og")]

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
        // A small whole number also in words, alone ("two" for "2 electrons" or "2"): the
        // blank already says what is counted.
        if form.decimals == 0, form.prefix.isEmpty, form.suffix.isEmpty, form.value >= 0, form.value <= 20,
           Double(Int(form.value)) == form.value {
            out.append(numberWords[Int(form.value)])
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
        // "March 25" is also "25 March"; "14 July" also "July 14".
        if words.count == 2, let day = Int(words[1]), SpanExtractor.months.contains(Tokenizer.fold(words[0])) {
            return ["\(day) \(words[0])"]
        }
        if words.count == 2, let day = Int(words[0]), SpanExtractor.months.contains(Tokenizer.fold(words[1])) {
            return ["\(words[1]) \(day)"]
        }
        if words.count == 2, let era = words.last, ["BC", "BCE"].contains(era) {
            return [words[0] + (era == "BC" ? " BCE" : " BC")]
        }
        return []
    }
}
