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

    init(terms: [String], lexicon: ExamLexicon) {
        for entry in lexicon.entries {
            let words = ExamLexicon.key(entry.text).split(separator: " ").map(String.init)
            guard words.count >= 2 else { continue }
            qualifiersOfLongerTerms.formUnion(words.dropLast().filter { !ExamLexicon.connectors.contains($0) })
        }
        for (rank, term) in terms.prefix(Self.depth).enumerated() {
            for name in Self.names(in: term) {
                let key = ExamLexicon.key(name)
                guard !key.isEmpty else { continue }
                if rankByKey[key] == nil { rankByKey[key] = rank }
                if let entry = lexicon.entryIndex(for: name), rankByEntry[entry] == nil { rankByEntry[entry] = rank }
            }
        }
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
        guard span.kind != .term || lexicon.entryIndex(for: span.text) != nil else { return nil }
        if let rank = rankByKey[ExamLexicon.key(span.text)] { return rank }
        if let entry = lexicon.entryIndex(for: span.text) { return rankByEntry[entry] }
        return nil
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
    /// share of _____") it is a generic noun, so it is kept for options only.
    func isBuildingBlock(_ span: AnswerSpan, lexicon: ExamLexicon) -> Bool {
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
        if let rank = rank(of: span, lexicon: lexicon) { return rank < Self.depth / 2 ? 3 : 2 }
        if [.term, .acronym].contains(span.kind), span.weight >= 8, !span.isDefinedHere,
           !Self.isSpelledOut(span, lexicon: lexicon) { return 6.5 - span.weight }
        return 0
    }
}
