/// The knobs of sentence ranking. The defaults were tuned on the even-numbered rows of the
/// development sets in `shared/eval/summaries` and checked on the odd rows, which stay
/// unseen (see `StudyBench engine`); change them only to experiment.
public struct RankingTuning: Sendable, Hashable, Codable {
    /// PageRank damping: the share of score that flows along similarity edges.
    public var damping: Double = 0.85
    /// Position prior: sentence `i` (0-based) gets `1 / (1 + i / positionScale)`. Study text
    /// and news both put the gist first, so early sentences are favoured, gently.
    public var positionScale: Double = 1.5
    /// How much of the final score comes from the position prior rather than centrality,
    /// for summaries of three sentences or more (it fades to nothing for one sentence).
    public var positionWeight: Double = 0.65
    /// How much of the final score comes from closeness to the document's centroid (its most
    /// frequent specific terms) rather than graph centrality, for a one-sentence summary (it
    /// fades out as the position prior fades in).
    public var centroidWeight: Double = 0.9
    /// Factor on the centroid weight of terms seen capitalised inside sentences (names).
    public var nameBoost: Double = 1.5
    /// Only the best `maxGraphSentences` sentences by a cheap score enter the O(n²) graph,
    /// which bounds the cost on very large documents.
    public var maxGraphSentences: Int = 250
    /// Sentences shorter than this many words are demoted (fragments, captions, datelines).
    public var minWords: Int = 6
    /// Sentences longer than this many words are demoted gently.
    public var comfortableMaxWords: Int = 45
    /// MMR trade-off between importance (1) and novelty (0).
    public var mmrLambda: Double = 0.7
    /// Similarities below this are not edges of the graph.
    public var edgeThreshold: Double = 0.03

    public init() {}
}
