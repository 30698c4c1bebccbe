/// Where each of the document's key terms stands in the key-term ranking, by any of its
/// names: the exam asks first about what the text itself marks as key (the same ranking
/// that gives the `key_terms` summary), and a term nothing ranks is a lesser answer.
struct KeyTermRanks {
    /// Lexicon key (`ExamLexicon.key`) → best rank (0 = first).
    private var rankByKey: [String: Int] = [:]
    /// Lexicon entry → best rank, so every name of a ranked term shares its rank.
    private var rankByEntry: [Int: Int] = [:]

    /// Ranks this deep count as key terms.
    static let depth = 20

    /// Words that qualify the head of the text's longer terms ("income" of "income
    /// elasticity of demand", "price" of "price ceiling").
    private var qualifiersOfLongerTerms: Set<String> = []

    /// One-word keys that end two or more of the text's longer terms, none inside another
    /// ("supply" of "law of supply" and "price elasticity of supply", "force" of "net force"
    /// and "resultant force"): the generic head of a family of terms (see `isGenericHead`).
    private var genericHeads: Set<String> = []

    /// A span this far below the strong answers (`ExamMaterial.strongWeight`, 6) is still asked
    /// when the text has little else, but after every sentence with a stronger answer.
    static let genericHeadWeight = 5.0

    init(terms: [String], lexicon: ExamLexicon) {
        for entry in lexicon.entries {
            let words = ExamLexicon.key(entry.text).split(separator: " ").map(String.init)
            guard words.count >= 2 else { continue }
            qualifiersOfLongerTerms.formUnion(words.dropLast().filter { !ExamLexicon.connectors.contains($0) })
        }
        // Each entry by its main name only: "law of inertia" as another name of "Newton's
        // first law" is no kind of inertia.
        genericHeads = Self.genericHeads(of: lexicon.entries.map(\.text) + terms.prefix(Self.depth).flatMap(Self.names(in:)))
        for (rank, term) in terms.prefix(Self.depth).enumerated() {
            for name in Self.names(in: term) {
                let key = ExamLexicon.key(name)
                guard !key.isEmpty else { continue }
                if rankByKey[key] == nil { rankByKey[key] = rank }
                if let entry = lexicon.entryIndex(for: name), rankByEntry[entry] == nil { rankByEntry[entry] = rank }
            }
        }
    }

    /// The last words shared by two or more multi-word names, of which neither holds the
    /// other ("conservation of momentum" inside "law of conservation of momentum" counts once).
    static func genericHeads(of names: [String]) -> Set<String> {
        var byHead: [String: Set<String>] = [:]
        for name in names {
            let words = ExamLexicon.key(name).split(separator: " ").map { ExamLexicon.singular(String($0)) }
            guard words.count >= 2, let last = words.last, last.count > 2, last.allSatisfy(\.isLetter) else { continue }
            byHead[last, default: []].insert(words.joined(separator: " "))
        }
        var out = Set<String>()
        for (head, keys) in byHead where keys.count >= 2 {
            // Only the names no other name of the family holds (as whole words).
            let outer = keys.filter { key in !keys.contains { $0 != key && (" " + $0 + " ").contains(" " + key + " ") } }
            if outer.count >= 2 { out.insert(head) }
        }
        return out
    }

    /// Whether a span is one generic word that heads a family of the text's longer terms
    /// ("Supply is the relationship between …" beside "law of supply", "price elasticity of
    /// supply"; "Force is a vector" beside "net force"): the longer terms are what the text
    /// teaches, the head alone is the subject's everyday word.
    func isGenericHead(_ span: AnswerSpan) -> Bool {
        guard span.kind == .term, !genericHeads.isEmpty, !span.text.contains(" "), !span.text.contains("-") else { return false }
        return genericHeads.contains(ExamLexicon.singular(ExamLexicon.key(span.text)))
    }

    /// "electron transport chain (ETC)" names "electron transport chain" and "ETC".
    static func names(in term: String) -> [String] {
        guard let open = term.firstIndex(of: "("), let close = term.lastIndex(of: ")"), open < close else { return [term] }
        let base = String(term[..<open]).trimmingWhitespace()
        let inside = String(term[term.index(after: open)..<close]).trimmingWhitespace()
        return [base, inside].filter { !$0.isEmpty }
    }

    /// The rank of the key term a span names, if it is one.
    func rank(of span: AnswerSpan, lexicon: ExamLexicon) -> Int? {
        guard [.term, .acronym, .name].contains(span.kind) else { return nil }
        // A plain word the ranking lists ("hours", "session" in a news story) is still no
        // answer: only what the text marks (a defined term, an abbreviation, a name) rises.
        // A ranked term of several words ("inferior good", "price ceiling") is the text's own
        // phrase, defined where it stands even when no emphasis marks it.
        guard span.kind != .term || Self.isPlainPhrase(span.text) || lexicon.entryIndex(for: span.text) != nil else { return nil }
        if let rank = rankByKey[ExamLexicon.key(span.text)] { return rank }
        if let entry = lexicon.entryIndex(for: span.text) { return rankByEntry[entry] }
        return nil
    }

    /// A lowercase phrase of several words that opens on a content word and ends on a noun
    /// ("inferior good", "law of demand"; not "last Saturday", "the end", "panel noted").
    static func isPlainPhrase(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, text == text.lowercased(), let first = words.first, let last = words.last else { return false }
        let head = Tokenizer.fold(String(last))
        return !StopWords.english.contains(Tokenizer.fold(String(first))) && head.count >= 3 && head.allSatisfy(\.isLetter)
            && !head.hasSuffix("ed") && !head.hasSuffix("ly") && !StopWords.english.contains(head) && !CommonVerbs.all.contains(head)
    }

    /// Whether the text gives the term both as an abbreviation and in full ("BBR (Bottleneck
    /// Bandwidth and …)", "round-trip time (RTT)"): an abbreviation the text introduces is a
    /// term it teaches, whether or not the ranking lists it.
    static func isSpelledOut(_ span: AnswerSpan, lexicon: ExamLexicon) -> Bool {
        guard let entry = lexicon.entry(for: span.text) else { return false }
        let names = [entry.text] + entry.aliases
        return names.contains(where: ExamLexicon.isAbbreviation) && names.contains(where: { !ExamLexicon.isAbbreviation($0) })
    }

    /// A plain word the text never defines nor names otherwise, which qualifies the head of
    /// its longer terms ("income" beside "income elasticity of demand", "price" beside "price
    /// ceiling"): a building block of the key terms, not one itself. Blanked alone ("a large
    /// share of _____") it is a generic noun, so it is kept for options only. So is the generic
    /// head of the longer terms (`isGenericHead`) anywhere but in its own definition.
    func isBuildingBlock(_ span: AnswerSpan, lexicon: ExamLexicon) -> Bool {
        // The generic head outside its own definition ("Demand tends to be more elastic …").
        if !span.isDefinedHere, isGenericHead(span) { return true }
        // Cheap checks first: this runs on every span of every sentence read.
        guard span.kind == .term, !span.isDefinedHere, !qualifiersOfLongerTerms.isEmpty, !span.text.contains(" "),
              qualifiersOfLongerTerms.contains(ExamLexicon.key(span.text)),
              let entry = lexicon.entry(for: span.text), !entry.text.contains(" "), entry.text.first?.isLowercase == true,
              entry.definedIn.isEmpty, entry.aliases.isEmpty else { return false }
        return true
    }

    /// How much a span's weight changes: ranked terms rise above dates and numbers (7);
    /// a term the text emphasises but the ranking does not list (a quoted nickname, a list
    /// label) falls just below them.
    func adjustment(for span: AnswerSpan, lexicon: ExamLexicon) -> Double {
        // The generic head of the text's longer terms ranks below them and below the
        // dates and numbers, however the ranking lists it.
        if isGenericHead(span) { return min(0, Self.genericHeadWeight - span.weight) }
        // "RFC 5681", "Article 231": a named document or clause is the text's own name for a
        // thing, asked before the year it came out.
        if span.kind == .identifier { return 1.5 }
        if let rank = rank(of: span, lexicon: lexicon) { return rank < Self.depth / 2 ? 3 : 2 }
        if [.term, .acronym].contains(span.kind), span.weight >= 8, !span.isDefinedHere,
           !Self.isSpelledOut(span, lexicon: lexicon) { return 6.5 - span.weight }
        return 0
    }
}
