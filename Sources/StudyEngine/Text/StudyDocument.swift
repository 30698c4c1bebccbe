import Foundation

/// A document split and analysed once, then shared by the summariser and the exam
/// generator so that big documents are tokenised only once.
public struct StudyDocument: Sendable {
    /// Every unit in document order, headings included.
    public let split: SplitText
    /// The content units (sentences and list items), in document order.
    public let sentences: [TextUnit]
    /// Number of words in the whole document (headings included, code excluded).
    public let wordCount: Int
    /// The text as given, for structure the splitter does not keep (heading levels, tables).
    public let source: String

    /// Per content unit: the ids of its terms (stemmed, no stop words), with repeats.
    let terms: [[Int]]
    /// Per content unit: number of word tokens, stop words included.
    let lengths: [Int]
    /// Term id → term text.
    let vocabulary: [String]
    /// Term id → number of content units containing it.
    let documentFrequency: [Int]
    /// Term id → number of occurrences in the document.
    let collectionFrequency: [Int]
    /// Term id → whether it was ever capitalised inside a sentence (likely part of a name).
    let nameLike: [Bool]

    /// Analyses text. Throws `EngineError.emptyDocument` when it is empty or white space only.
    /// A document with text but nothing to summarise (only code, only headings) is accepted;
    /// it has no `sentences`.
    public init(text: String, splitter: SentenceSplitter = SentenceSplitter()) throws {
        guard text.unicodeScalars.contains(where: { !ScalarClass.isWhitespace($0) }) else {
            throw EngineError.emptyDocument
        }
        let split = splitter.split(text)
        self.split = split
        self.source = text
        var extractor = TermExtractor()
        var ids: [String: Int] = [:]
        var vocabulary: [String] = []
        var df: [Int] = []
        var cf: [Int] = []
        var nameLike: [Bool] = []
        var sentences: [TextUnit] = []
        var terms: [[Int]] = []
        var lengths: [Int] = []
        var words = 0
        // Folded word → term id (-1 for words that are no term), so that each token costs
        // one dictionary lookup instead of stop-word, stem and id lookups.
        var wordIds: [String: Int] = [:]
        var lastSeen: [Int] = []
        // Tokens of each unit depend on that unit alone: found on every core for a long text.
        let unitTokens = ParallelMap.map(split.units) { Tokenizer.tokens($0.text) }
        for (unit, tokens) in zip(split.units, unitTokens) {
            let length = tokens.reduce(0) { $0 + ($1.kind == .cjk && $1.folded.unicodeScalars.count > 1 ? 0 : 1) }
            words += length
            guard unit.kind != .heading else { continue }
            var unitTerms: [Int] = []
            for (position, token) in tokens.enumerated() {
                let id: Int
                if let known = wordIds[token.folded] {
                    id = known
                } else if let term = extractor.terms([token]).first {
                    if let existing = ids[term] {
                        id = existing
                    } else {
                        id = vocabulary.count
                        ids[term] = id
                        vocabulary.append(term)
                        df.append(0)
                        cf.append(0)
                        nameLike.append(false)
                        lastSeen.append(-1)
                    }
                    wordIds[token.folded] = id
                } else {
                    id = -1
                    wordIds[token.folded] = -1
                }
                guard id >= 0 else { continue }
                if token.capitalised && position > 0 { nameLike[id] = true }
                unitTerms.append(id)
                cf[id] += 1
                if lastSeen[id] != sentences.count {
                    lastSeen[id] = sentences.count
                    df[id] += 1
                }
            }
            sentences.append(unit)
            terms.append(unitTerms)
            lengths.append(length)
        }
        self.sentences = sentences
        self.terms = terms
        self.lengths = lengths
        self.vocabulary = vocabulary
        self.documentFrequency = df
        self.collectionFrequency = cf
        self.nameLike = nameLike
        self.wordCount = words
    }

    /// Decodes and analyses UTF-8 bytes; see `TextInput.decode(_:)` for the errors.
    public init(data: Data, splitter: SentenceSplitter = SentenceSplitter()) throws {
        try self.init(text: TextInput.decode(data), splitter: splitter)
    }

    /// Inverse document frequency of a term over the document's sentences.
    func idf(_ term: Int) -> Double {
        let n = Double(sentences.count)
        return log((n + 1) / (Double(documentFrequency[term]) + 0.5))
    }
}
