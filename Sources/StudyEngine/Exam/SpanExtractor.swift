/// Finds what a sentence can be asked about, each with a weight for how much a teacher
/// would want it asked:
/// - a term the text defines, in its own definition (10) or elsewhere (8–9);
/// - dates and years (7), numbers with their unit (7) or without (4), percentages (6);
/// - labels with numbers ("RFC 5681", 6), people's names (6), other names (4);
/// - key terms of the document that no signal marks as defined (2–3).
/// Never a function word, a verb, or half of a compound: spans are whole defined terms,
/// whole capitalised runs or whole numbers with their unit.
struct SpanExtractor {
    /// Words seen capitalised in the middle of a sentence somewhere in the document: the
    /// evidence that a capitalised first word of a sentence is a name, not just a capital.
    var properWords: Set<String>
    /// Key terms of the document, lowercase, longest first (fallback answers).
    var terms: [String]
    var lexicon: ExamLexicon
    /// Every written form of every lexicon entry, lowercased with its words, computed once
    /// (spans are looked for in hundreds of sentences).
    var forms: [(entry: Int, lower: String, words: [Substring])] = []
    /// The key terms with their words, computed once.
    var termWords: [(term: String, words: [Substring])] = []

    init(properWords: Set<String>, terms: [String], lexicon: ExamLexicon) {
        self.properWords = properWords
        self.terms = terms
        self.lexicon = lexicon
        for (index, entry) in lexicon.entries.enumerated() {
            for name in [entry.text] + entry.aliases {
                for form in Self.forms(of: name) {
                    let lower = form.lowercased()
                    forms.append((index, lower, lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber })))
                }
            }
        }
        termWords = terms.filter { $0.count >= 3 }.map { ($0, $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber })) }
    }

    static let nameConnectors: Set<String> = ["of", "de", "du", "la", "le", "von", "van", "der", "da", "di", "del", "des"]
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    /// "II", "XI", "XXIV": a Roman numeral of I, V and X alone (up to 39). "CD", "MD" and
    /// "LCD" are left as abbreviations.
    static func isSmallRomanNumeral(_ text: String) -> Bool {
        guard text.count >= 2, text.allSatisfy({ "IVX".contains($0) }) else { return false }
        var rest = Substring(text)
        var tens = 0
        while rest.hasPrefix("X"), tens < 3 { rest = rest.dropFirst(); tens += 1 }
        return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].contains(String(rest))
    }

    static let months: [String] = ["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"]
    static let eras: Set<String> = ["bc", "bce", "ad", "ce"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "king", "queen", "president",
                                      "general", "emperor", "pope", "saint"]
    /// Verbs of speech after a name: whoever "said" or "told" is a person.
    static let speechVerbs: Set<String> = ["said", "says", "told", "added", "wrote", "explained", "claimed", "insisted",
                                           "admitted", "tweeted", "replied", "asked", "recalled", "warned", "argued"]
    /// Words that scale a number rather than name a unit: "11.9 million".
    static let magnitudes: Set<String> = ["hundred", "thousand", "million", "billion", "trillion"]
    /// Words that number the parts of a text ("Figure 3", "Step 2").
    static let partLabels: Set<String> = ["figure", "fig", "table", "section", "chapter", "page", "step", "stage", "unit",
                                          "lecture", "part", "example", "exercise", "question", "problem", "appendix"]

    /// Words of a sentence with punctuation split off.
    struct Word {
        var core: String
        var leading: String
        var trailing: String
        var position: Int
    }

    static func words(_ sentence: String) -> [Word] {
        var out: [Word] = []
        for (position, piece) in sentence.split(separator: " ").enumerated() {
            let leading = piece.prefix(while: { !$0.isLetter && !$0.isNumber && !"$£€¥−".contains($0) && !($0 == "-" && piece.count > 1) })
            let rest = piece.dropFirst(leading.count)
            var core = Substring(rest)
            var trailing = ""
            while let last = core.last, !(last.isLetter || last.isNumber || last == "%" || last == "²" || last == "³") {
                trailing = String(last) + trailing
                core = core.dropLast()
            }
            out.append(Word(core: String(core), leading: String(leading), trailing: trailing, position: position))
        }
        return out
    }

    /// Collects `properWords` from a set of sentences.
    static func properWords(in sentences: [String]) -> Set<String> {
        var found = Set<String>()
        for sentence in sentences {
            let all = words(sentence)
            for (i, word) in all.enumerated() where word.position > 0 && word.leading.isEmpty {
                // After "Label:" a capital opens a new clause, like a sentence start.
                if all[i - 1].trailing.contains(":") { continue }
                if let first = word.core.first, first.isUppercase, word.core.count > 1 { found.insert(word.core) }
            }
        }
        return found
    }

    func spans(in sentence: ExamSentence) -> [AnswerSpan] {
        let text = sentence.text
        let words = Self.words(text)
        var spans: [AnswerSpan] = []
        spans += definedTerms(in: sentence)
        spans += numbers(words).filter { number in !spans.contains { WholeWord.contains(number.text, in: $0.text) } }
        // A name that holds a term is the whole ("Triple Alliance", not "Alliance").
        let nameSpans = names(words).filter { name in
            !spans.contains { WholeWord.contains(name.text, in: $0.text) || $0.kind != .term && $0.kind != .acronym && WholeWord.contains($0.text, in: name.text) }
        }
        spans.removeAll { span in (span.kind == .term || span.kind == .acronym) && nameSpans.contains { $0.text != span.text && WholeWord.contains(span.text, in: $0.text) } }
        spans += nameSpans
        let keyTerms = keyTermSpans(text)
        // A key phrase around a one-word term not defined here is the whole ("law of demand",
        // not "demand").
        spans.removeAll { span in
            span.kind == .term && !span.isDefinedHere && !span.text.contains(" ")
                && keyTerms.contains { $0.text.contains(" ") && WholeWord.contains(span.text, in: $0.text) }
        }
        spans += keyTerms.filter { term in
            !spans.contains { WholeWord.contains(term.text, in: $0.text) || WholeWord.contains($0.text, in: term.text) }
        }
        var seen = Set<String>()
        return spans.filter { seen.insert($0.key).inserted }
    }

    // MARK: - Defined terms

    func definedTerms(in sentence: ExamSentence) -> [AnswerSpan] {
        let text = sentence.text
        let lowered = text.lowercased()
        guard lowered.count == text.count else { return [] }
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        var found: [(range: Range<Int>, span: AnswerSpan)] = []
        for (entryIndex, lower, formWords) in forms {
                    guard formWords.allSatisfy(words.contains), let range = WholeWord.range(of: lower, in: lowered) else { continue }
                    let entry = lexicon.entries[entryIndex]
                    let defined = entry.definedIn.contains(sentence.index)
                    // Half of a compound ("senatus consultum | ultimum") is no answer.
                    let following = lowered[range.upperBound...].drop(while: { $0 == " " }).prefix(while: { $0.isLetter })
                    if lowered[range.upperBound...].first == " ", !following.isEmpty, text[text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound) + 1)].isLowercase,
                       !StopWords.english.contains(String(following)), !CommonVerbs.all.contains(String(following)),
                       !lexicon.entries.isEmpty, lexicon.entryIndex(for: lower + " " + following) == nil,
                       words.contains(Substring(following)), Self.compoundHeads(following) {
                        continue
                    }
                    // Half of a hyphenated word ("ex-consuls") is no answer.
                    if range.lowerBound > lowered.startIndex, lowered[lowered.index(before: range.lowerBound)] == "-" { continue }
                    if range.upperBound < lowered.endIndex, lowered[range.upperBound] == "-" { continue }
                    let start = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                    let end = start + lowered.distance(from: range.lowerBound, to: range.upperBound)
                    let from = text.index(text.startIndex, offsetBy: start)
                    let written = String(text[from..<text.index(from, offsetBy: end - start)])
                    let isAbbreviation = ExamLexicon.isAbbreviation(written)
                    var span = AnswerSpan(text: written, kind: isAbbreviation ? .acronym : .term,
                                          weight: defined ? 10 : Double(7 + entry.strength))
                    span.isDefinedHere = defined
                    found.append((start..<end, span))
        }
        // Longest first; no overlaps.
        found.sort { $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.range.lowerBound < $1.range.lowerBound }
        var taken: [Range<Int>] = []
        var out: [AnswerSpan] = []
        for item in found where !taken.contains(where: { $0.overlaps(item.range) }) {
            taken.append(item.range)
            out.append(item.span)
        }
        return out
    }

    /// Whether a word after a term continues it as one noun phrase: a noun-like word, not
    /// an adverb, adjective-looking ending or a verb form.
    static func compoundHeads(_ word: Substring) -> Bool {
        let w = String(word)
        return w.count >= 3 && !w.hasSuffix("ly") && !w.hasSuffix("ed") && !w.hasSuffix("ing") && !w.hasSuffix("s")
    }

    /// The written form and its plural or singular.
    static func forms(of name: String) -> [String] {
        guard let last = name.split(separator: " ").last, last.allSatisfy(\.isLetter), last.count > 2 else { return [name] }
        let singular = ExamLexicon.singular(String(last))
        if singular != String(last) { return [name, String(name.dropLast(last.count - singular.count))].filter { !$0.isEmpty } }
        if last.first?.isUppercase == true && last.allSatisfy(\.isUppercase) { return [name, name + "s"] }
        return [name, name + (last.hasSuffix("s") || last.hasSuffix("x") || last.hasSuffix("ch") ? "es" : "s")]
    }

    // MARK: - Numbers and dates

    func numbers(_ words: [Word]) -> [AnswerSpan] {
        var out: [AnswerSpan] = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            let word = words[i]
            guard let first = word.core.unicodeScalars.first(where: { !"$£€¥−-".unicodeScalars.contains($0) }),
                  ScalarClass.isDigit(first) else { continue }
            // Ranges ("30–32"), versions ("2.6.19") and codes ("6CO2") are not asked as numbers.
            if word.core.dropFirst().contains(where: { "–-/:".contains($0) }) { continue }
            guard let form = NumberForm(word.core), !form.suffix.hasPrefix(".") else { continue }
            guard form.suffix.isEmpty || form.suffix == "%" || (form.suffix.count <= 3 && form.suffix.allSatisfy(\.isLetter)
                && !["th", "st", "nd", "rd", "s"].contains(form.suffix)) else { continue }
            let next = i + 1 < words.count && word.trailing.isEmpty ? words[i + 1] : nil
            let nextFolded = next.map { Tokenizer.fold($0.core) } ?? ""
            let previous = i > 0 && words[i - 1].trailing.isEmpty ? words[i - 1] : nil
            let isPlainInteger = form.prefix.isEmpty && form.suffix.isEmpty && form.decimals == 0 && !form.grouped

            // "Example 2", "Figure 3": a label of the notes themselves, not a fact.
            if let previous, ExamLexicon.labelWords.contains(Tokenizer.fold(previous.core))
                || Self.partLabels.contains(Tokenizer.fold(previous.core)) {
                continue
            }
            // "RFC 5681", "Article 231": a capitalised label and a number name one thing.
            if let previous, isPlainInteger, previous.core.first?.isUppercase == true, previous.core.count >= 2,
               previous.core.allSatisfy(\.isLetter), !Self.calendarWords.contains(Tokenizer.fold(previous.core)),
               !StopWords.english.contains(Tokenizer.fold(previous.core)),
               !ExamLexicon.labelWords.contains(Tokenizer.fold(previous.core)), previous.position > 0 || ExamLexicon.isAbbreviation(previous.core) {
                var span = AnswerSpan(text: previous.core + " " + word.core, kind: .identifier, weight: 6)
                span.unit = Tokenizer.fold(previous.core)
                out.append(span)
                continue
            }
            // Dates: "28 June 1914", "14 July", "June 28, 1914", "October 1986", "509 BC".
            if isPlainInteger, let monthWord = next, Self.months.contains(nextFolded), form.value >= 1, form.value <= 31 {
                var text = word.core + " " + monthWord.core
                var unit = "dm"
                if monthWord.trailing.isEmpty, i + 2 < words.count, Self.isYear(words[i + 2].core) {
                    text += " " + words[i + 2].core
                    unit = "dmy"
                    i += 1
                }
                i += 1
                // A day without its year is a weaker fact than a full date.
                var span = AnswerSpan(text: text, kind: .year, weight: unit == "dm" ? 5 : 7)
                span.unit = unit
                out.append(span)
                continue
            }
            // "March 25", "on September 1": a month and its day, written the American way.
            if isPlainInteger, let previous, Self.months.contains(Tokenizer.fold(previous.core)), previous.core.first?.isUppercase == true,
               form.value >= 1, form.value <= 31, word.core.count <= 2 {
                var span = AnswerSpan(text: previous.core + " " + word.core, kind: .year, weight: 5)
                span.unit = "md"
                out.append(span)
                continue
            }
            if isPlainInteger, let previous, Self.months.contains(Tokenizer.fold(previous.core)), Self.isYear(word.core) {
                var span = AnswerSpan(text: previous.core + " " + word.core, kind: .year, weight: 7)
                span.unit = "my"
                out.append(span)
                continue
            }
            if isPlainInteger, let era = next, Self.eras.contains(nextFolded), era.core.allSatisfy(\.isUppercase) {
                var span = AnswerSpan(text: word.core + " " + era.core, kind: .year, weight: 7)
                span.unit = nextFolded
                out.append(span)
                i += 1
                continue
            }
            if isPlainInteger, Self.isYear(word.core), !(next.map(isUnit) ?? false)
                || YearAfterPreposition.isYear(number: word.core, previous: previous.map { Tokenizer.fold($0.core) } ?? "", next: nextFolded) {
                out.append(AnswerSpan(text: word.core, kind: .year, weight: 7))
                continue
            }
            if form.suffix == "%" || nextFolded == "percent" || nextFolded == "per" && i + 2 < words.count && Tokenizer.fold(words[i + 2].core) == "cent" {
                var text = word.core
                if form.suffix != "%", let next {
                    text += " " + next.core
                    // "24.3 per cent": both words, or the blank would leave "cent" behind.
                    if nextFolded == "per" { text += " " + words[i + 2].core }
                }
                var span = AnswerSpan(text: text, kind: .percentage, weight: 6)
                span.unit = "%"
                out.append(span)
                continue
            }
            var text = word.core
            // "$480" goes with dollars, "480" with plain numbers.
            var unit = form.prefix + form.suffix.lowercased()
            // "2,000 separate pieces": a word that qualifies the next noun is no unit.
            // ("0.15 kg baseball": a unit symbol is the unit, not a qualifier.)
            let qualifiesNext = next.map { n in
                n.core.count > 3 && n.trailing.isEmpty && i + 2 < words.count && n.core.first?.isLowercase == true && !n.core.hasSuffix("s")
                    && !Self.magnitudes.contains(Tokenizer.fold(n.core))
                    && words[i + 2].core.first?.isLetter == true && words[i + 2].leading.isEmpty
                    && !StopWords.english.contains(Tokenizer.fold(words[i + 2].core))
                    && !CommonVerbs.all.contains(Tokenizer.fold(words[i + 2].core)) && Tokenizer.fold(words[i + 2].core) != "per"
                    // "a magnitude 7 earthquake therefore releases": an adverb is no counted noun.
                    && !MissingReferent.conclusionWords.contains(Tokenizer.fold(words[i + 2].core)) && !words[i + 2].core.hasSuffix("ly")
                    // "15 major tectonic plates": the counted noun is the last of the phrase, not
                    // a modifier in its middle.
                    && !(words[i + 2].trailing.isEmpty && i + 3 < words.count && Self.isModifiedNoun(words[i + 3]))
            } ?? false
            if unit.isEmpty, let next, qualifiesNext, isUnit(next) {
                // The number counts the noun after the qualifier: "2,000 separate pieces".
                let noun = words[i + 2]
                text += " " + next.core + " " + noun.core
                unit = Tokenizer.fold(next.core) + " " + Tokenizer.fold(noun.core)
                i += 2
            } else if unit.isEmpty, let next, isUnit(next),
                      // "15 major tectonic plates": an adjective before a noun phrase is no unit
                      // (a symbol such as "km" in "70 km thick" is).
                      !(next.core.count > 3 && !next.core.hasSuffix("s") && next.trailing.isEmpty && i + 2 < words.count
                        && Self.isModifiedNoun(words[i + 2])) {
                text += " " + next.core
                unit = Tokenizer.fold(next.core)
                // "30.5 kJ per mole", "1 MSS per RTT".
                if next.trailing.isEmpty, i + 2 < words.count, Tokenizer.fold(words[i + 2].core) == "per",
                   words[i + 2].trailing.isEmpty, i + 3 < words.count, !words[i + 3].core.isEmpty,
                   !StopWords.english.contains(Tokenizer.fold(words[i + 3].core)) {
                    text += " per " + words[i + 3].core
                    unit += " per " + Tokenizer.fold(words[i + 3].core)
                    i += 2
                }
                i += 1
            }
            var span = AnswerSpan(text: text, kind: .number, weight: unit.isEmpty ? 4 : 7)
            span.unit = unit
            out.append(span)
        }
        return out
    }

    /// Short words that look like unit symbols but are not: a capitalised three-letter word
    /// that no unit spells ("Rio", "Tom", "Sea"), or a short adjective or adverb of everyday
    /// English ("due", "old", "new", "top").
    static func isShortNonUnit(_ core: String) -> Bool {
        guard core.count == 3, core.allSatisfy(\.isLetter) else { return false }
        if let first = core.first, first.isUppercase, core.dropFirst().allSatisfy(\.isLowercase) {
            return !AcceptedAnswers.unitSymbols.values.contains(core)
        }
        return ["due", "old", "new", "top", "big", "low", "bad", "odd", "far", "key", "hot", "wet", "dry"].contains(core)
    }

    static func isYear(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy(\.isNumber) && (1000...2100).contains(Int(text) ?? 0)
    }

    /// A unit after a number: a symbol ("ms", "kJ", "m/s²", "N") or a counted noun ("bytes", "segments").
    func isUnit(_ word: Word) -> Bool {
        let core = word.core
        guard !core.isEmpty, word.leading.isEmpty, core.first?.isLetter == true || core.first == "°" else { return false }
        let folded = Tokenizer.fold(core)
        if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || Self.calendarWords.contains(folded) { return false }
        // "over 100 today", "10 per cent": a time adverb or the first half of "per cent" is no unit.
        if ["today", "yesterday", "tomorrow", "ago", "now", "per", "cent", "percent", "apiece", "each"].contains(folded) { return false }
        // "120 goalless minutes", "3 successful attempts": an adjective before the counted noun.
        if ["less", "ful", "ous", "ive", "ic", "ible", "able"].contains(where: { folded.hasSuffix($0) }) && folded.count > 5 { return false }
        if core.contains(where: { "/·²³".contains($0) }) { return true }
        // "the 2016 Rio Olympics", "the field of 99 due to play": a short name or adjective
        // after a number is no unit symbol (issue 8, D: options "2013 Rio", "79 due").
        if Self.isShortNonUnit(core) { return false }
        if core.count <= 3 && core.allSatisfy(\.isLetter) { return true }
        // A counted noun: lowercase, plural or a known unit spelling; never a name.
        guard core.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return ExamLexicon.isAbbreviation(core) }
        return folded.count >= 3
    }

    // MARK: - Names

    func names(_ words: [Word]) -> [AnswerSpan] {
        var out: [AnswerSpan] = []
        var run: [Word] = []

        func flush() {
            // Connectors may join names but not end them: "University of Savoie", not "Bank of".
            while let last = run.last, Self.nameConnectors.contains(last.core) || last.core == "the" { run.removeLast() }
            defer { run = [] }
            guard !run.isEmpty else { return }
            // Sentence openers that happen to be capitalised are not part of a name.
            // After an opening quote a capital starts the quoted sentence ("'According to …").
            // After a colon a capital starts a clause too ("how it worked: When the …").
            func opensClause(_ word: Word) -> Bool {
                word.position == 0 || word.position > 0 && words[word.position - 1].trailing.hasSuffix(":")
            }
            while let first = run.first, opensClause(first) || first.leading.contains(where: { "'\"‘“".contains($0) }),
                  StopWords.english.contains(first.core.lowercased()) || Abbreviations.sentenceOpeners.contains(first.core.lowercased())
                    || !properWords.contains(first.core) && run.count > 1 && CommonVerbs.all.contains(first.core.lowercased()) {
                run.removeFirst()
            }
            // "Dated April 2015 …", "… on Saturday Wright …": a day or month at either end of a
            // run is a date or a caption seam, not part of a name; so is a capitalised sentence
            // opener the text never capitalises elsewhere.
            while run.count > 1, let first = run.first, Self.calendarWords.contains(Tokenizer.fold(first.core))
                    || first.position == 0 && !properWords.contains(first.core) && !Self.titles.contains(Tokenizer.fold(first.core)) {
                run.removeFirst()
            }
            while run.count > 1, let last = run.last, Self.calendarWords.contains(Tokenizer.fold(last.core)) { run.removeLast() }
            // "Harley Levanic Some of the guards": a sentence opener glued on by a missing full stop.
            while run.count > 1, let last = run.last, StopWords.english.contains(last.core.lowercased())
                    || Abbreviations.sentenceOpeners.contains(last.core.lowercased()) {
                run.removeLast()
            }
            // What stripping left at the front may be a connector ("Viewers of Sky" → "Sky").
            while let first = run.first, Self.nameConnectors.contains(first.core) || first.core == "the" { run.removeFirst() }
            guard let first = run.first else { return }
            // "his Sky employers", "a potential UK exit", "the Leeds captain": a name used as a
            // modifier of the next noun is no answer (the blank would sit before the noun).
            let isModifier = run.last.map { last in
                last.trailing.isEmpty && !(last.core.hasSuffix("'s") || last.core.hasSuffix("’s"))
                    && last.position + 1 < words.count && Self.isModifiedNoun(words[last.position + 1])
            } ?? false
            // "Example 2", "Figure 3": labels of the notes themselves.
            if ExamLexicon.labelWords.contains(Tokenizer.fold(first.core)) || Self.partLabels.contains(Tokenizer.fold(first.core)) { return }
            if run.count == 1, opensClause(first) || !first.leading.isEmpty, !properWords.contains(first.core) { return }
            var text = run.map(\.core).joined(separator: " ")
            if text.hasSuffix("'s") || text.hasSuffix("’s") { text = String(text.dropLast(2)) }
            // "I'm", "I'll", "We've": a contraction is no name.
            if run.count == 1, ["m", "ll", "ve", "re", "d", "t"].contains(where: { text.replacingApostrophes().lowercased().hasSuffix("'" + $0) }) { return }
            guard text.count >= 2, !Self.calendarWords.contains(text.lowercased()) else { return }
            let isAcronym = run.count == 1 && text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber }
            // "picked five players in his XI": a Roman numeral alone is a number or a team, no name.
            if isAcronym, Self.isSmallRomanNumeral(text) { return }
            var span = AnswerSpan(text: text, kind: isAcronym ? .acronym : .name, weight: isAcronym ? 3 : 4)
            // An abbreviation before its noun is usually the term itself ("a SYN-ACK segment").
            span.isModifier = isModifier && !text.filter(\.isLetter).allSatisfy(\.isUppercase)
            // "led the March to the Sea": one word after "Capital to the" ends a longer name;
            // a blank on it asks for half a name.
            if run.count == 1, first.position >= 3, words[first.position - 1].core == "the",
               ["to", "in", "on", "at", "for", "from"].contains(words[first.position - 2].core),
               words[first.position - 3].core.first?.isUppercase == true, words[first.position - 3].trailing.isEmpty,
               words[first.position - 2].trailing.isEmpty {
                span.isModifier = true
            }
            if !isAcronym, (2...3).contains(run.count), !run.contains(where: { Self.nameConnectors.contains($0.core) }),
               let last = run.last, properWords.contains(last.core), !run.contains(where: { ExamLexicon.isAbbreviation($0.core) }) {
                span.isPerson = personEvidence.contains(last.core) && !sharedFirstWords.contains(first.core)
                    && !sharedLastWords.contains(last.core)
                if span.isPerson { span.weight = 6 }
            }
            if !isAcronym {
                let before = first.position > 0 ? Tokenizer.fold(words[first.position - 1].core) : ""
                let afterIndex = (run.last?.position ?? 0) + 1
                let after = afterIndex < words.count ? Tokenizer.fold(words[afterIndex].core) : ""
                let possessive = run.last.map { $0.core.hasSuffix("'s") || $0.core.hasSuffix("’s") } ?? false
                // "A spokesman for Aerolink said": the speaker is not the name after a preposition.
                let speaks = Self.speechVerbs.contains(after) && !StopWords.english.contains(before)
                if first.core == "The" {
                    // "The Mail", "The Hague": a person's name never starts with an article.
                    span.isPerson = false
                    span.role = "other"
                } else if Self.titles.contains(Tokenizer.fold(first.core)) || span.isPerson || speaks {
                    span.role = "person"
                } else if !possessive, ["in", "at", "from", "near", "across", "outside", "throughout"].contains(before) {
                    span.role = "place"
                } else {
                    span.role = "other"
                }
            }
            out.append(span)
        }

        for word in words {
            // Initialisms with dots ("U.S.") are not asked: their dots break the stem.
            // "Derek E Mix": a lone capital inside a name is a middle initial.
            let isInitial = !run.isEmpty && word.core.count == 1 && word.core.first?.isUppercase == true
                && word.core != "I" && word.core != "A" && word.trailing.isEmpty
            let isCapitalised = isInitial || word.core.first?.isUppercase == true && word.core.count >= 2
                && word.core.contains(where: \.isLetter) && word.core != "I" && !word.core.contains(".")
            // "Conflict of the Orders", "First Battle of the Marne": "the" may follow a connector.
            let isConnector = !run.isEmpty && (Self.nameConnectors.contains(word.core)
                || word.core == "the" && run.last.map { Self.nameConnectors.contains($0.core) } == true)
            if !word.leading.isEmpty && !run.isEmpty { flush() }
            // "Australia's Neil Robertson": a possessive ends the name it belongs to.
            let isPossessive = word.core.hasSuffix("'s") || word.core.hasSuffix("’s")
            if isCapitalised || isConnector {
                // "Thirty Years' War", "Peasants' Revolt": a plural possessive before another
                // capitalised word is inside the name.
                if Self.isPluralPossessive(word), word.position + 1 < words.count, words[word.position + 1].leading.isEmpty,
                   words[word.position + 1].core.first?.isUppercase == true {
                    run.append(Word(core: word.core + word.trailing, leading: word.leading, trailing: "", position: word.position))
                    continue
                }
                run.append(word)
                if !word.trailing.isEmpty || isPossessive { flush() }
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// "Years'": a plural noun with a possessive apostrophe and nothing else after it.
    static func isPluralPossessive(_ word: Word) -> Bool {
        (word.trailing == "'" || word.trailing == "’") && word.core.hasSuffix("s")
    }

    /// Whether `word`, right after a name, is a noun the name modifies: a lowercase content
    /// word (no function word, no verb form) or a number ("a Higham 40-20 kick").
    static func isModifiedNoun(_ word: Word) -> Bool {
        guard word.leading.isEmpty, let first = word.core.first else { return false }
        if first.isNumber { return true }
        guard first.isLowercase, word.core.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        let folded = Tokenizer.fold(word.core)
        if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || speechVerbs.contains(folded) { return false }
        // Verb forms the lists miss: "kicked", "running", "insists".
        if folded.hasSuffix("ed") || folded.hasSuffix("ing") || folded.hasSuffix("ly") { return false }
        if folded.hasSuffix("s"), !folded.hasSuffix("ss"), CommonVerbs.all.contains(String(folded.dropLast())) { return false }
        return true
    }

    /// Surnames used alone somewhere in the document ("Princip", "Wilson"): a two-word
    /// capitalised name ending in one of them is a person.
    var personEvidence: Set<String> = []
    /// First words of several different two-word names ("Manchester City", "Manchester United"):
    /// a place or an organisation, not a given name.
    var sharedFirstWords: Set<String> = []
    /// Last words of several different multi-word names ("Leeds United", "West Ham United").
    var sharedLastWords: Set<String> = []

    // MARK: - Key terms

    func keyTermSpans(_ sentence: String) -> [AnswerSpan] {
        let lowered = sentence.lowercased()
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        var out: [AnswerSpan] = []
        for (term, termWords) in termWords {
            guard termWords.allSatisfy(words.contains) else { continue }
            guard let range = WholeWord.range(of: term, in: lowered), lowered.count == sentence.count else { continue }
            // Half of a compound ("senatus consultum | ultimum") is no answer.
            let following = lowered[range.upperBound...].drop(while: { $0 == " " }).prefix(while: { $0.isLetter })
            if lowered[range.upperBound...].first == " ", !following.isEmpty, !StopWords.english.contains(String(following)),
               !CommonVerbs.all.contains(String(following)), Self.compoundHeads(following) {
                continue
            }
            let start = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
            let from = sentence.index(sentence.startIndex, offsetBy: start)
            let text = String(sentence[from..<sentence.index(from, offsetBy: term.count)])
            if out.contains(where: { $0.text.lowercased().contains(term) || term.contains($0.text.lowercased()) }) { continue }
            out.append(AnswerSpan(text: text, kind: .term, weight: term.contains(" ") ? 3 : 2))
        }
        return out
    }
}

/// Whole-word search and replacement: "cell" matches in "the cell wall", not in "cellular".
enum WholeWord {
    static func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }

    /// The first whole-word occurrence of `word` in `text` (same case as given).
    static func range(of word: String, in text: String) -> Range<String.Index>? {
        guard !word.isEmpty else { return nil }
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let beforeOK = range.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: range.lowerBound)])
            let afterOK = range.upperBound == text.endIndex || !isWordCharacter(text[range.upperBound])
            if beforeOK && afterOK { return range }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }

    /// Whether `word` occurs as a whole word, ignoring case and accents.
    static func contains(_ word: String, in text: String) -> Bool {
        let needle = Tokenizer.fold(word)
        guard !needle.isEmpty else { return false }
        return range(of: needle, in: Tokenizer.fold(text)) != nil
    }

    /// `text` with every whole-word occurrence of `word` (exact case) replaced.
    static func replacing(_ word: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = text
        while let range = range(of: word, in: rest) {
            out += rest[..<range.lowerBound] + replacement
            rest = String(rest[range.upperBound...])
        }
        return out + rest
    }
}
