import StudyModel

/// One sentence chosen for a summary.
public struct SummarySentence: Sendable, Hashable, Codable {
    /// Position of the unit in the document (`TextUnit.index`).
    public var unitIndex: Int
    /// The sentence as it will be shown (after style trimming).
    public var text: String
    /// Importance in 0...1.
    public var score: Double
}

/// A key term and the sentence that best explains it.
public struct KeyTerm: Sendable, Hashable, Codable {
    /// The term as written in the document ("Calvin cycle", "chlorophyll").
    public var term: String
    /// The sentence that defines or best uses it.
    public var sentence: String
    /// Position of that sentence in the document (`TextUnit.index`).
    public var unitIndex: Int
    /// Relative importance in 0...1.
    public var score: Double
    /// How many times the term occurs.
    public var occurrences: Int
    /// Other names the text gives the term: its abbreviation or symbol ("cwnd"), names after
    /// "also called" or "or", a name in brackets, the other grammatical number it uses.
    public var aliases: [String]

    public init(term: String, sentence: String, unitIndex: Int, score: Double, occurrences: Int,
                aliases: [String] = []) {
        self.term = term
        self.sentence = sentence
        self.unitIndex = unitIndex
        self.score = score
        self.occurrences = occurrences
        self.aliases = aliases
    }

    private enum CodingKeys: String, CodingKey { case term, sentence, unitIndex, score, occurrences, aliases }

    /// Reads key terms saved before `aliases` existed as terms without other names.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(String.self, forKey: .term)
        sentence = try c.decode(String.self, forKey: .sentence)
        unitIndex = try c.decode(Int.self, forKey: .unitIndex)
        score = try c.decode(Double.self, forKey: .score)
        occurrences = try c.decode(Int.self, forKey: .occurrences)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }
}

/// The result of offline summarisation.
public struct ExtractiveSummary: Sendable, Hashable, Codable {
    public var type: Summary.SummaryType
    public var style: Summary.Style
    /// The chosen sentences in document order (for key terms: their defining sentences).
    public var sentences: [SummarySentence]
    /// Filled for the key-terms type; empty otherwise.
    public var keyTerms: [KeyTerm]
    /// The summary as text, formatted for its type and style.
    public var text: String
    /// Words in the source document.
    public var sourceWordCount: Int
    /// Why the summary is shorter than asked, or what was skipped.
    public var notes: [String]

    /// Words in the summary text.
    public var wordCount: Int { Tokenizer.tokens(text).filter { $0.kind != .cjk || $0.folded.unicodeScalars.count == 1 }.count }

    /// A `Summary` entity ready to store.
    public func makeSummary(owner: String, contentId: String, processingMilliseconds: Int = 0,
                            templateId: String? = nil) -> Summary {
        Summary(owner: owner, contentId: contentId, summaryText: text, summaryType: type, style: style,
                configuration: .init(sentences: type == .keyTerms ? keyTerms.count : sentences.count, templateId: templateId),
                metadata: .init(engine: "offline", wordCount: wordCount, processingMilliseconds: processingMilliseconds))
    }
}
