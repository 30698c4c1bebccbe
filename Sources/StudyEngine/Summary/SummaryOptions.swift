import StudyModel

/// How to summarise.
///
/// Offline, `style` changes only form and length, never wording (the engine is
/// extractive: every sentence is the author's own):
/// - `academic`: the default counts; sentences as flowing paragraphs.
/// - `concise`: about 40% fewer sentences (bullets, terms) unless `sentences` is given.
/// - `simple`: bracketed asides "(…)" and "[…]" are removed from the chosen sentences.
/// - `casual`: like academic, but each sentence starts on its own line.
public struct SummaryOptions: Sendable, Hashable, Codable {
    public var type: Summary.SummaryType
    public var style: Summary.Style
    /// How many sentences (or, for key terms, how many terms). Nil means the type's default:
    /// brief 3, detailed about 20% of the document (at least 4, at most 25), bullet points
    /// about 12% (3 to 10), key terms 8; for notes with sections, brief and bullets have
    /// at least one sentence per main section (brief at most 5).
    public var sentences: Int?
    public var tuning: RankingTuning

    public init(type: Summary.SummaryType = .brief, style: Summary.Style = .academic, sentences: Int? = nil,
                tuning: RankingTuning = RankingTuning()) {
        self.type = type
        self.style = style
        self.sentences = sentences
        self.tuning = tuning
    }

    /// Options from a template's summary settings.
    public init(template: Template.SummaryConfig) {
        self.init(type: template.summaryType, style: template.style, sentences: template.sentences)
    }

    /// The largest `sentences` accepted.
    public static let maxSentences = 200

    /// Checks the options; throws `EngineError.invalidOption` with what is allowed.
    public func validate() throws {
        if let n = sentences, !(1...Self.maxSentences).contains(n) {
            throw EngineError.invalidOption("The number of sentences must be between 1 and \(Self.maxSentences) (got \(n)).")
        }
    }

    /// The number of units to pick from a document with `available` content units.
    /// `sections` is the number of main sections of notes with headings (0 for prose): the
    /// default lengths grow to one sentence per section (brief: at most 5, bullets: at most 10).
    func targetCount(available: Int, sections: Int = 0) -> Int {
        guard available > 0 else { return 0 }
        if let n = sentences { return min(n, available) }
        var n: Int
        switch type {
        case .brief: n = min(5, max(3, sections))
        case .detailed: n = min(25, max(4, sections, Int((Double(available) * 0.2).rounded())))
        case .bulletPoints: n = min(10, max(3, sections, Int((Double(available) * 0.12).rounded())))
        case .keyTerms: n = 8
        }
        if style == .concise { n = max(1, Int((Double(n) * 0.6).rounded())) }
        return min(n, available)
    }
}
