/// The terms a text defines, and the other names it gives them: what a teacher would ask
/// about, and what a fair grader accepts.
///
/// Found from the text's own signals, never from a word list about a subject:
/// - emphasis (`**term**`, `*term*`) and list heads (`- Term: …`, `- **Term** …`);
/// - abbreviations introduced in brackets, both ways: "round-trip time (RTT)",
///   "BBR (Bottleneck Bandwidth and …)"; the long form is the run of words whose initials
///   spell the abbreviation, else the longest run of content words starting with its letter;
/// - definitions: "X is a/an/the …", "X refers to …", "… is called X", "… known as X";
/// - other names: "X, also called Y", "X (also known as Y)", "often written Y";
/// - `##` headings whose words also occur in the body ("Slow Start").
struct ExamLexicon {
    struct Entry {
        /// Display form: lowercase unless the text treats it as a name or abbreviation.
        var text: String
        var aliases: [String]
        /// Group and section of the sentence that introduced it (for sibling distractors).
        var group: Int
        var section: String?
        /// Sentences whose subject is this term's definition.
        var definedIn: Set<Int>
        /// How sure the signal is (emphasis, definition: 2; heading: 1).
        var strength: Int
    }

    private(set) var entries: [Entry] = []
    private var indexByKey: [String: Int] = [:]

    /// Words a text uses for labels of its own parts, not for subject matter: a bold
    /// "Worked example." or "Note:" is no term. Generic English, not keyed to a subject.
    static let labelWords: Set<String> = [
        "example", "examples", "worked example", "note", "notes", "summary", "recap", "exercise", "exercises", "tip",
        "tips", "warning", "caution", "remember", "definition", "important", "key point", "key points", "aside",
        "answer", "question", "solution", "reminder", "overview", "introduction", "conclusion", "review",
    ]
    static let connectors: Set<String> = ["of", "and", "the", "for", "in", "to", "a", "an", "on", "or", "de"]

    init(sentences: [ExamSentence], headings: [String], properWords: Set<String>) {
        for sentence in sentences {
            for piece in sentence.emphasised + sentence.titles where !Self.modifiesNextWord(piece, in: sentence.text) {
                addSplittingBrackets(Self.stripLabel(piece), sentence: sentence, properWords: properWords)
            }
            if let head = sentence.listHead {
                addSplittingBrackets(Self.stripLabel(head), sentence: sentence, properWords: properWords)
            }
            if let (term, defined) = Self.definedSubject(sentence.text) {
                let index = add(term, sentence: sentence, strength: 2, properWords: properWords)
                if defined, let index { entries[index].definedIn.insert(sentence.index) }
            }
            for term in Self.calledTerms(sentence.text) {
                if let index = add(term, sentence: sentence, strength: 2, properWords: properWords) {
                    entries[index].definedIn.insert(sentence.index)
                }
            }
            scanBrackets(sentence, properWords: properWords)
            scanOtherNames(sentence, properWords: properWords)
        }
        // Headings name what a section is about, when the body uses the same words.
        // Cheap first: every word of the heading must be a word of the body (a set lookup),
        // and only the first headings of a book are looked at.
        var bodyWords = Set<String>()
        for sentence in sentences.prefix(800) { bodyWords.formUnion(Tokenizer.foldedWords(sentence.text)) }
        let body = sentences.prefix(800).map { Tokenizer.fold($0.text) }.joined(separator: "\n")
        for heading in headings.prefix(60) {
            let words = heading.split(separator: " ")
            guard (1...4).contains(words.count), Tokenizer.foldedWords(heading).allSatisfy(bodyWords.contains),
                  WholeWord.range(of: Tokenizer.fold(heading), in: body) != nil,
                  let sentence = sentences.first(where: { WholeWord.contains(heading, in: $0.text) }) else { continue }
            add(heading, sentence: sentence, strength: 1, properWords: properWords)
        }
        addNamesWithoutPossessor()
    }

    /// "Newton's first law" is also written "the first law": the name without its possessor
    /// reaches the same entry (and so its other names, "law of inertia"), unless two entries
    /// share it ("Kepler's first law" beside "Newton's first law").
    mutating func addNamesWithoutPossessor() {
        var owners: [String: (name: String, entries: Set<Int>)] = [:]
        for (index, entry) in entries.enumerated() {
            for name in [entry.text] + entry.aliases {
                guard let rest = Self.withoutPossessor(name) else { continue }
                let key = Self.key(rest)
                guard !key.isEmpty else { continue }
                owners[key, default: (rest, [])].entries.insert(index)
            }
        }
        for (key, owner) in owners.sorted(by: { $0.key < $1.key }) where owner.entries.count == 1 && indexByKey[key] == nil {
            guard let index = owner.entries.first else { continue }
            entries[index].aliases.append(owner.name)
            indexByKey[key] = index
        }
    }

    /// The entry a text names, by any of its names (case and accents folded).
    func entry(for text: String) -> Entry? {
        indexByKey[Self.key(text)].map { entries[$0] }
    }

    func entryIndex(for text: String) -> Int? { indexByKey[Self.key(text)] }

    /// All names of the entry a text names, the text first.
    func names(of text: String) -> [String] {
        guard let entry = entry(for: text) else { return [text] }
        var out = [text]
        for name in [entry.text] + entry.aliases where !out.contains(where: { Self.key($0) == Self.key(name) }) {
            out.append(name)
        }
        return out
    }

    static func key(_ text: String) -> String {
        var words = Tokenizer.foldedWords(text)
        if words.count > 1, let first = words.first, ["the", "a", "an"].contains(first) { words.removeFirst() }
        return words.map(Self.singular).joined(separator: " ")
    }

    /// A crude singular, only for matching forms of the same term ("chloroplasts" = "chloroplast").
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter) else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// "first law" for "Newton's first law": a name of three or more words whose first is a
    /// possessive (a term's first word may have been lowercased, so any case).
    static func withoutPossessor(_ name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 3, let first = words.first, first.hasSuffix("'s") || first.hasSuffix("’s"),
              first.dropLast(2).count >= 3, first.dropLast(2).allSatisfy(\.isLetter) else { return nil }
        return words.dropFirst().joined(separator: " ")
    }

    /// "act on **different** objects": bold on a word that qualifies the next noun is stress, not a term.
    static func modifiesNextWord(_ piece: String, in text: String) -> Bool {
        guard !piece.contains(" "), piece.first?.isLowercase == true, let range = text.range(of: piece) else { return false }
        let after = text[range.upperBound...]
        guard after.first == " ", let next = after.split(separator: " ").first,
              next.first?.isLowercase == true, next.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        let folded = Tokenizer.fold(String(next))
        return !StopWords.english.contains(folded) && !CommonVerbs.all.contains(folded)
    }

    // MARK: - Adding

    /// "Round-trip time (RTT)" is the term "round-trip time" with the other name "RTT";
    /// "Second Battle of Ypres (April 1915)" is the term without the date.
    mutating func addSplittingBrackets(_ text: String, sentence: ExamSentence, properWords: Set<String>) {
        if let first = text.first, first.isNumber { return }
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else {
            add(text, sentence: sentence, strength: 2, properWords: properWords)
            return
        }
        let term = String(text[..<open])
        let inside = String(text[text.index(after: open)..<close]).trimmingWhitespace()
        let isName = !inside.contains(where: \.isNumber) && Self.afterCue(inside) == nil
        add(term, alias: isName ? inside : Self.afterCue(inside), sentence: sentence, strength: 2, properWords: properWords)
    }

    @discardableResult
    mutating func add(_ raw: String?, alias: String? = nil, sentence: ExamSentence, strength: Int,
                      properWords: Set<String>) -> Int? {
        guard let raw, let term = Self.termForm(raw, properWords: properWords) else { return nil }
        let aliasForm = alias.flatMap { Self.termForm($0, properWords: properWords, allowShort: true) }
        let keys = [Self.key(term)] + (aliasForm.map { [Self.key($0)] } ?? [])
        if let existing = keys.compactMap({ indexByKey[$0] }).first {
            for name in [term] + (aliasForm.map { [$0] } ?? []) where indexByKey[Self.key(name)] == nil {
                entries[existing].aliases.append(name)
                indexByKey[Self.key(name)] = existing
            }
            entries[existing].strength = max(entries[existing].strength, strength)
            return existing
        }
        let index = entries.count
        entries.append(Entry(text: term, aliases: aliasForm.map { [$0] } ?? [], group: sentence.group,
                             section: sentence.section, definedIn: [], strength: strength))
        for name in [term] + (aliasForm.map { [$0] } ?? []) where indexByKey[Self.key(name)] == nil {
            indexByKey[Self.key(name)] = index
        }
        return index
    }

    /// The text as a term, or nil when it does not look like one: one to six words, not
    /// opening or closing on a function word, not a label, not only digits.
    static func termForm(_ raw: String, properWords: Set<String>, allowShort: Bool = false) -> String? {
        var text = raw.trimmingWhitespace()
        while let last = text.last, ".,;:!?".contains(last) { text.removeLast() }
        while let first = text.first, "\"“‘'(".contains(first) { text.removeFirst() }
        while let last = text.last, "\"”’')".contains(last), !text.contains("(") { text.removeLast() }
        text = text.trimmingWhitespace()
        let words = text.split(separator: " ").map(String.init)
        guard (1...6).contains(words.count), text.count >= (allowShort ? 2 : 3), text.count <= 70 else { return nil }
        let folded = words.map { Tokenizer.fold($0) }
        guard let first = folded.first, let last = folded.last else { return nil }
        if StopWords.english.contains(first) || StopWords.english.contains(last) { return nil }
        if labelWords.contains(folded.joined(separator: " ")) || labelWords.contains(first) { return nil }
        if !text.contains(where: \.isLetter) || text.contains(where: { "=<>+$£€%".contains($0) }) { return nil }
        if text.contains(where: { ".;!?\"“”".contains($0) }) && !text.contains(where: \.isNumber) { return nil }
        // A clause is no term: more than one function word inside, or a verb-like "-ed" word after the first.
        let inner = folded.dropFirst().dropLast().filter { StopWords.english.contains($0) && !["of", "and", "the", "de"].contains($0) }
        if !inner.isEmpty { return nil }
        if words.count > 1, folded.contains(where: { CommonVerbs.all.contains($0) }) { return nil }
        // Lowercase an ordinary first capital (sentence start or bold head), keep names and acronyms.
        guard let head = words.first else { return nil }
        let isAcronym = head.count > 1 && head.dropFirst().contains(where: \.isUppercase)
        // "N·s" or "X-ray" is no capitalised word: only a capital followed by lowercase letters is lowercased.
        if let c = head.first, c.isUppercase, !isAcronym, !properWords.contains(head), head.dropFirst().first?.isLowercase == true,
           words.dropFirst().allSatisfy({ $0.first?.isUppercase != true }) {
            return head.prefix(1).lowercased() + head.dropFirst() + (words.count > 1 ? " " + words.dropFirst().joined(separator: " ") : "")
        }
        return text
    }

    /// "Stage 1: Glycolysis" → "Glycolysis"; "Fixation" stays.
    static func stripLabel(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        let before = text[..<colon]
        let after = text[text.index(after: colon)...].trimmingWhitespace()
        if before.contains(where: \.isNumber) || labelWords.contains(Tokenizer.fold(String(before)).trimmingWhitespace()) {
            return after
        }
        return String(before)
    }

    // MARK: - Signals

    /// "(ABBR)" after its long form, or "(long form)" after an abbreviation.
    mutating func scanBrackets(_ sentence: ExamSentence, properWords: Set<String>) {
        let text = sentence.text
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstIndex(of: "("),
              let close = text[open...].firstIndex(of: ")") {
            searchFrom = text.index(after: close)
            let inside = Self.dropArticle(text[text.index(after: open)..<close].trimmingWhitespace())
            let before = text[..<open].split(separator: " ").map(String.init)
            guard !inside.isEmpty, !before.isEmpty else { continue }
            let insideWords = inside.split(separator: " ").map(String.init)
            // "(also called the light-independent reactions)", "(or lactate)".
            if let other = Self.afterCue(inside) {
                if let subject = Self.nounPhraseEnding(before) {
                    add(subject, alias: other, sentence: sentence, strength: 2, properWords: properWords)
                }
                continue
            }
            if insideWords.count == 1, let abbreviation = insideWords.first,
               abbreviation.count <= 12, abbreviation.contains(where: \.isLetter),
               !abbreviation.allSatisfy(\.isNumber), let long = Self.longForm(for: abbreviation, before: before) {
                add(long, alias: abbreviation, sentence: sentence, strength: 2, properWords: properWords)
            } else if (2...4).contains(insideWords.count), !inside.contains(where: \.isNumber),
                      insideWords.allSatisfy({ !StopWords.english.contains(Tokenizer.fold($0)) || ["of", "and"].contains(Tokenizer.fold($0)) }),
                      insideWords.allSatisfy({ !CommonVerbs.all.contains(Tokenizer.fold($0)) }),
                      let subject = longestEntry(endingWith: before) {
                add(subject, alias: inside, sentence: sentence, strength: 2, properWords: properWords)
            } else if let last = before.last, Self.isAbbreviation(last), (2...8).contains(insideWords.count),
                      Self.initials(insideWords).hasPrefix(Tokenizer.fold(last).filter(\.isLetter).prefix(2)) {
                add(last.trimmingAny(of: "*_"), alias: inside, sentence: sentence, strength: 2, properWords: properWords)
            }
        }
    }

    /// The longest known term that the words end with ("… the **Centuriate Assembly**").
    func longestEntry(endingWith words: [String]) -> String? {
        for k in stride(from: min(6, words.count), through: 1, by: -1) {
            let candidate = words.suffix(k).map(Self.core).joined(separator: " ")
            if indexByKey[Self.key(candidate)] != nil { return candidate }
        }
        return nil
    }

    /// ", also called Y", ", also known as Y", ", often written Y".
    mutating func scanOtherNames(_ sentence: ExamSentence, properWords: Set<String>) {
        let text = sentence.text
        for cue in [", also called ", ", also known as ", ", often written ", ", often called ", ", or simply "] {
            guard let range = text.range(of: cue) else { continue }
            let before = text[..<range.lowerBound].split(separator: " ").map(String.init)
            let rest = text[range.upperBound...]
            let other = rest.prefix(while: { !",;:.()".contains($0) }).trimmingWhitespace()
            guard !other.isEmpty, let subject = Self.nounPhraseEnding(before) else { continue }
            add(subject, alias: Self.dropArticle(other), sentence: sentence, strength: 2, properWords: properWords)
        }
    }

    static func afterCue(_ inside: String) -> String? {
        let folded = Tokenizer.fold(inside)
        for cue in ["also called ", "also known as ", "or ", "i.e. ", "known as ", "often written ", "also "] where folded.hasPrefix(cue) {
            let rest = String(inside.dropFirst(cue.count)).trimmingWhitespace()
            return rest.isEmpty || rest.contains(",") ? nil : dropArticle(rest)
        }
        return nil
    }

    static func dropArticle(_ text: String) -> String {
        for article in ["the ", "a ", "an ", "The ", "A ", "An "] where text.hasPrefix(article) {
            return String(text.dropFirst(article.count))
        }
        return text
    }

    static func isAbbreviation(_ word: String) -> Bool {
        let core = word.trimmingAny(of: "*_,")
        return core.count >= 2 && core.count <= 8 && core.filter(\.isUppercase).count >= 2 && !core.contains(where: \.isLowercase)
    }

    static func core(_ word: String) -> String {
        word.trimmingAny(of: "*_,\"“”‘’'()[]")
    }

    /// First letters of the content words (and of hyphenated parts).
    static func initials(_ words: [String]) -> String {
        var out = ""
        for word in words {
            let core = Tokenizer.fold(core(word))
            guard !connectors.contains(core) else { continue }
            for part in core.split(whereSeparator: { $0 == "-" || $0 == "/" }) {
                if let first = part.first(where: { $0.isLetter || $0.isNumber }) { out.append(first) }
            }
        }
        return out
    }

    /// The words before "(ABBR)" that the abbreviation stands for.
    static func longForm(for abbreviation: String, before: [String]) -> String? {
        let letters = Tokenizer.fold(abbreviation).filter { $0.isLetter || $0.isNumber }
        guard let firstLetter = letters.first, !before.isEmpty else { return nil }
        var candidates: [[String]] = []
        for k in 1...min(8, before.count) {
            let words = Array(before.suffix(k))
            // A run stops at a clause break (the last word of the run may not end one).
            if words.dropLast().contains(where: { $0.hasSuffix(";") || $0.hasSuffix(":") || $0.hasSuffix(".") }) { break }
            candidates.append(words)
        }
        for words in candidates.reversed() {
            guard let first = words.first, !connectors.contains(Tokenizer.fold(core(first))),
                  !StopWords.english.contains(Tokenizer.fold(core(first))) else { continue }
            // "additive increase, multiplicative decrease (AIMD)": the comma is part of the name.
            if initials(words) == letters {
                return words.enumerated().map { i, word in
                    core(word) + (i < words.count - 1 && word.hasSuffix(",") ? "," : "")
                }.joined(separator: " ")
            }
        }
        // No exact initials: the longest run of content words that starts with the first letter.
        var best: [String]? = nil
        for words in candidates where words.count <= 4 {
            let folded = words.map { Tokenizer.fold(core($0)) }
            if folded.contains(where: { StopWords.english.contains($0) || CommonVerbs.all.contains($0) }) { break }
            if words.dropLast().contains(where: { $0.hasSuffix(",") }) { break }
            if folded.first?.first == firstLetter { best = words }
        }
        guard let best, best.count <= max(1, letters.count) else { return nil }
        // The letters must come from the long form in order ("cwnd" in "congestion window"):
        // "(the consuls)" after "combining monarchy" names no abbreviation.
        var rest = Substring(Tokenizer.fold(best.joined()).filter { $0.isLetter || $0.isNumber })
        for letter in letters {
            guard let found = rest.firstIndex(of: letter) else { return nil }
            rest = rest[rest.index(after: found)...]
        }
        return best.map(core).joined(separator: " ")
    }

    /// The last run of up to four content words (a noun phrase, roughly) of a clause.
    static func nounPhraseEnding(_ words: [String]) -> String? {
        var run: [String] = []
        for word in words.reversed() {
            let folded = Tokenizer.fold(core(word))
            if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || folded.isEmpty { break }
            if word.hasSuffix(",") && !run.isEmpty { break }
            run.insert(core(word), at: 0)
            if run.count == 4 || word.first == "(" { break }
        }
        return run.isEmpty ? nil : run.joined(separator: " ")
    }

    static let definitionVerbs = [" is a ", " is an ", " is the ", " are the ", " are a ", " refers to ", " means ",
                                  " is defined as ", " are defined as ", " describes "]

    /// "Congestion collapse is a state …" → ("Congestion collapse", true).
    static func definedSubject(_ text: String) -> (String, Bool)? {
        for verb in definitionVerbs {
            guard let range = text.range(of: verb) else { continue }
            let subject = text[..<range.lowerBound]
            let words = subject.split(separator: " ")
            guard (1...4).contains(words.count), !subject.contains(","), !subject.contains("(") else { continue }
            let first = Tokenizer.fold(String(words[0]))
            if StopWords.english.contains(first) || ExamSentence.danglingOpeners.contains(first) { continue }
            return (String(subject), true)
        }
        return nil
    }

    /// "… is called photolysis", "… a fluid called the stroma", "… known as thylakoids".
    static func calledTerms(_ text: String) -> [String] {
        var out: [String] = []
        for cue in [" called ", " known as ", " termed "] {
            guard let range = text.range(of: cue) else { continue }
            let before = text[..<range.lowerBound]
            if before.hasSuffix(", also") || before.hasSuffix("(also") || before.hasSuffix(", often") { continue }
            let rest = dropArticle(String(text[range.upperBound...]))
            var words: [String] = []
            for word in rest.split(separator: " ") {
                let folded = Tokenizer.fold(core(String(word)))
                if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) { break }
                words.append(core(String(word)))
                if words.count == 4 || word.last.map({ ",;:.(".contains($0) }) == true { break }
            }
            if !words.isEmpty { out.append(words.joined(separator: " ")) }
        }
        return out
    }
}

extension String {
    func trimmingAny(of set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}

extension ExamLexicon {
    /// The word without a possessive ending, straight or curly: "Eastwood's" → "Eastwood".
    static func withoutPossessive<S: StringProtocol>(_ word: S) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : String(word)
    }
}
