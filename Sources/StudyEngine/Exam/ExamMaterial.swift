/// What the exam generator knows about a document: the sentences worth asking about (best
/// first), their answer spans, the pools of same-kind values for distractors, and an index
/// to check that a changed statement is not true somewhere else in the document.
struct ExamMaterial {
    struct Candidate {
        /// Index into `StudyDocument.sentences`.
        var sentence: Int
        var text: String
        var spans: [AnswerSpan]
        var score: Double
    }

    let document: StudyDocument
    /// Best first.
    let candidates: [Candidate]
    /// Kind → distinct values in document order.
    let pools: [AnswerSpan.Kind: [AnswerSpan]]
    private let termIds: [String: Int]
    private let sentencesWithTerm: [[Int]]

    /// Sentences with fewer words are too thin to ask about; longer ones are unreadable as stems.
    static let wordRange = 6...60

    init(document: StudyDocument, maxCandidates: Int = 400) {
        self.document = document
        var tuning = RankingTuning()
        // An exam should cover the whole text, not only its opening.
        tuning.positionWeight = 0.2
        tuning.centroidWeight = 0
        let ranking = SentenceRanker(tuning: tuning).rank(document, summaryLength: 3)
        let keyTerms = KeyTermExtractor().extract(document, ranking: ranking, count: 40, maxSentences: 300)
        // Names are found by capitals; terms here are the lowercase ones, longest first so
        // that "light reactions" wins over "light".
        var termTexts: [String] = keyTerms.map(\.term).filter { $0 == $0.lowercased() }
        termTexts.sort { (a: String, b: String) -> Bool in a.count != b.count ? a.count > b.count : a < b }

        var order = ranking.candidates.filter { index in
            let words = document.lengths[index]
            return Self.wordRange.contains(words) && !document.sentences[index].text.hasSuffix("?")
        }
        order.sort { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] > ranking.scores[$1] : $0 < $1 }
        order = Array(order.prefix(maxCandidates))

        let texts = order.map { document.sentences[$0].text }
        let extractor = SpanExtractor(properWords: SpanExtractor.properWords(in: texts), terms: termTexts)
        var candidates: [Candidate] = []
        var pools: [AnswerSpan.Kind: [AnswerSpan]] = [:]
        var pooled = Set<String>()
        for index in order.sorted() {
            let text = document.sentences[index].text
            let spans = extractor.spans(in: text)
            for span in spans where pooled.insert(span.kind.rawValue + "|" + span.key).inserted {
                pools[span.kind, default: []].append(span)
            }
            guard !spans.isEmpty else { continue }
            // A sentence that starts with a pronoun leans on the one before: a weaker stem.
            let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let leans = ["it", "this", "these", "they", "he", "she", "its", "their", "his", "her", "that"].contains(first)
            candidates.append(Candidate(sentence: index, text: text, spans: spans,
                                        score: ranking.scores[index] * (leans ? 0.5 : 1)))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
        self.candidates = candidates
        self.pools = pools

        var ids: [String: Int] = [:]
        for (id, term) in document.vocabulary.enumerated() { ids[term] = id }
        termIds = ids
        // Arrays indexed by term id, and a last-seen marker instead of a set per sentence:
        // this runs over every sentence of the document.
        var index = Array(repeating: [Int](), count: document.vocabulary.count)
        var lastSeen = Array(repeating: -1, count: document.vocabulary.count)
        for (sentence, terms) in document.terms.enumerated() {
            for term in terms where lastSeen[term] != sentence {
                lastSeen[term] = sentence
                index[term].append(sentence)
            }
        }
        sentencesWithTerm = index
    }

    /// Whether `statement` (a sentence with `value` put in) is also what some other
    /// sentence of the document says: then it is not a false statement, and `value` is no
    /// distractor. "Stated" means another sentence contains every term of `value` and at
    /// least 60% of the statement's terms.
    func isStatedElsewhere(_ statement: String, value: String, source: Int) -> Bool {
        var extractor = TermExtractor()
        let valueTerms = extractor.terms(value).compactMap { termIds[$0] }
        // A value the document never uses cannot be stated in it.
        guard !valueTerms.isEmpty else { return false }
        let statementTerms = Set(extractor.terms(statement).compactMap { termIds[$0] })
        guard !statementTerms.isEmpty else { return false }
        // Walk the rarest term's sentences and check the others in place: no big sets built.
        let lists = Set(valueTerms).map { sentencesWithTerm[$0] }.sorted { $0.count < $1.count }
        guard let rarest = lists.first else { return false }
        let uniqueValueTerms = Set(valueTerms)
        for other in rarest where other != source {
            let terms = document.terms[other]
            guard uniqueValueTerms.allSatisfy({ terms.contains($0) }) else { continue }
            let overlap = statementTerms.reduce(0) { $0 + (terms.contains($1) ? 1 : 0) }
            if Double(overlap) >= 0.6 * Double(statementTerms.count) { return true }
        }
        return false
    }
}
