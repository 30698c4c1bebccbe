import Foundation
import StudyModel

/// Offline, deterministic extractive summariser.
///
/// Sentences are ranked by a position-biased TextRank (`SentenceRanker`), chosen with
/// maximal marginal relevance so that the summary does not repeat itself, and returned in
/// document order. Notes with sections (`SectionPlan`) get at least one sentence per main
/// section, in order (`CoveringSelection`); prose and news keep the lead bias. Sentences
/// are shown without inline Markdown. The same text and options always give the same summary.
public struct Summarizer: Sendable {
    public var options: SummaryOptions

    public init(options: SummaryOptions = SummaryOptions()) {
        self.options = options
    }

    /// Summarises text. Throws `EngineError.emptyDocument` for empty or blank text and
    /// `EngineError.invalidOption` for bad options. Text with nothing to summarise (only
    /// code or headings) gives an empty summary with a note saying why.
    public func summarize(_ text: String) throws -> ExtractiveSummary {
        try options.validate()
        return summarize(try StudyDocument(text: text))
    }

    /// Summarises UTF-8 bytes, validating them first (see `TextInput.decode(_:)`).
    public func summarize(data: Data) throws -> ExtractiveSummary {
        try summarize(TextInput.decode(data))
    }

    /// Summarises an analysed document.
    public func summarize(_ document: StudyDocument) -> ExtractiveSummary {
        var notes: [String] = []
        if document.split.skippedCodeBlocks > 0 {
            let n = document.split.skippedCodeBlocks
            notes.append("Skipped \(n) code block\(n == 1 ? "" : "s").")
        }
        guard !document.sentences.isEmpty else {
            notes.append("The document has no sentences to summarise (only headings or code).")
            return ExtractiveSummary(type: options.type, style: options.style, sentences: [], keyTerms: [], text: "",
                                     sourceWordCount: document.wordCount, notes: notes)
        }
        let plan = options.type == .keyTerms ? nil : SectionPlan(document: document)
        let sections = plan.map { $0.isSectioned ? $0.sections.count : 0 } ?? 0
        let wanted = options.targetCount(available: document.sentences.count, sections: sections)
        let ranking = SentenceRanker(tuning: options.tuning).rank(document, summaryLength: wanted)
        if options.type == .keyTerms {
            let terms = KeyTermExtractor().extract(document, ranking: ranking, count: wanted)
            if terms.count < wanted {
                notes.append("Found \(terms.count) key term\(terms.count == 1 ? "" : "s") (asked for \(wanted)): the document repeats few terms.")
            }
            let sentences = terms.map {
                SummarySentence(unitIndex: $0.unitIndex, text: $0.sentence, score: $0.score)
            }
            return ExtractiveSummary(type: .keyTerms, style: options.style, sentences: sentences, keyTerms: terms,
                                     text: SummaryFormatter.keyTerms(terms), sourceWordCount: document.wordCount,
                                     notes: notes)
        }
        let picked: [Int]
        if let plan, plan.isSectioned {
            picked = CoveringSelection(document: document, ranking: ranking, plan: plan,
                                       lambda: options.tuning.mmrLambda).select(count: wanted)
        } else {
            picked = select(count: wanted, ranking: ranking, document: document)
        }
        if let asked = options.sentences, asked > picked.count {
            notes.append("The document has only \(picked.count) usable sentence\(picked.count == 1 ? "" : "s"); asked for \(asked).")
        }
        var sentences: [SummarySentence] = []
        var blocks: [Int] = []
        for index in picked {
            let unit = document.sentences[index]
            let text = SummaryFormatter.styled(SummaryListItem.prose(InlineMarkdown.strip(unit.text), kind: unit.kind),
                                               style: options.style, type: options.type)
            guard !text.isEmpty else { continue }
            sentences.append(SummarySentence(unitIndex: unit.index, text: text, score: ranking.scores[index]))
            blocks.append(unit.block)
        }
        let text = SummaryFormatter.text(sentences.map(\.text), blocks: blocks, type: options.type, style: options.style)
        return ExtractiveSummary(type: options.type, style: options.style, sentences: sentences, keyTerms: [],
                                 text: text, sourceWordCount: document.wordCount, notes: notes)
    }

    /// Maximal marginal relevance: repeatedly take the unit with the best trade-off between
    /// its score and its similarity to what is already chosen. A unit that opens with a
    /// reference to the sentence before it ("It …", "These …") is taken only after that
    /// sentence (the text's first sentence has none and may stand alone). Returns content-unit indexes in document order.
    func select(count: Int, ranking: SentenceRanking, document: StudyDocument) -> [Int] {
        let candidates = ranking.candidates
        let lambda = options.tuning.mmrLambda
        var chosen: [Int] = []  // indexes into candidates
        var maxSimilarity = Array(repeating: 0.0, count: candidates.count)
        var available = Array(repeating: true, count: candidates.count)
        while chosen.count < min(count, candidates.count) {
            var best: Int? = nil
            var bestValue = -Double.infinity
            for m in 0..<candidates.count where available[m] {
                let unit = candidates[m]
                // The opening sentence has nothing before it to lean on: its "It's not just …"
                // points forward, so it may stand alone.
                if unit > 0, DanglingReference.startsWithReference(document.sentences[unit].text),
                   !chosen.contains(where: { candidates[$0] == unit - 1 }) { continue }
                let value = lambda * ranking.scores[unit] - (1 - lambda) * maxSimilarity[m]
                if value > bestValue { best = m; bestValue = value }
            }
            guard let pick = best else { break }
            chosen.append(pick)
            available[pick] = false
            for m in 0..<candidates.count where available[m] {
                maxSimilarity[m] = max(maxSimilarity[m], ranking.similarity[m, pick])
                // A near-copy of a chosen sentence adds nothing.
                if ranking.similarity[m, pick] > 0.7 { available[m] = false }
            }
        }
        return chosen.map { candidates[$0] }.sorted()
    }
}
