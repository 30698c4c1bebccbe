import Foundation

/// Scores of a document's content units by importance, from a biased TextRank.
struct SentenceRanking {
    /// Per content unit (index into `StudyDocument.sentences`): importance in 0...1; 0 for
    /// units that should never be picked (fragments without words).
    var scores: [Double]
    /// The units that entered the graph, in document order.
    var candidates: [Int]
    /// Similarities between candidates (indexes into `candidates`).
    var similarity: SimilarityMatrix
}

/// Graph-based sentence ranking (TextRank/LexRank family) with a position prior.
///
/// 1. A cheap score (closeness to the document's centroid of important terms, times the
///    position prior) keeps the best `maxGraphSentences` candidates, so the O(n²) graph
///    stays small on a 10 MB book.
/// 2. Candidates are joined by TF-IDF cosine similarity; PageRank runs with the position
///    prior as the teleport distribution (news and study text put the gist first).
/// 3. The final score mixes centrality and position, then demotes fragments and overlong
///    units.
struct SentenceRanker {
    var tuning: RankingTuning

    /// Ranks the content units for a summary of `summaryLength` units.
    ///
    /// The position prior weighs in fully from three sentences on and not at all for a
    /// one-sentence summary, which must stand for the whole text and is chosen by
    /// closeness to the document's centroid and by centrality instead. (Measured: news
    /// highlights follow the opening sentences, single-sentence abstracts do not.)
    func rank(_ document: StudyDocument, summaryLength: Int = 3) -> SentenceRanking {
        let share = min(1, max(0, Double(summaryLength - 1) / 2))
        let positionWeight = tuning.positionWeight * share
        let centroidWeight = tuning.centroidWeight * (1 - share)
        let count = document.sentences.count
        let eligible: [Double] = (0..<count).map { eligibility(document, $0) }
        let prior: [Double] = (0..<count).map { positionPrior($0) }
        let centroid = centroidScores(document)
        var candidates = (0..<count).filter { eligible[$0] > 0 }
        if candidates.isEmpty { candidates = Array(0..<count) }
        if candidates.count > tuning.maxGraphSentences {
            var cheap: [(index: Int, score: Double)] = []
            for index in candidates {
                let score: Double = (0.2 + centroid[index]) * prior[index].squareRoot() * eligible[index]
                cheap.append((index, score))
            }
            cheap.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
            candidates = cheap.prefix(tuning.maxGraphSentences).map(\.index).sorted()
        }
        let similarity = SimilarityMatrix(document: document, members: candidates)
        let teleport = candidates.map { prior[$0] }
        let centrality = pageRank(similarity, teleport: teleport)
        let maxCentrality = centrality.max() ?? 0
        let maxPrior = teleport.max() ?? 0
        let maxCentroid = candidates.map { centroid[$0] }.max() ?? 0
        var scores = Array(repeating: 0.0, count: count)
        for (m, sentence) in candidates.enumerated() {
            let c = maxCentrality > 0 ? centrality[m] / maxCentrality : 0
            let p = maxPrior > 0 ? prior[sentence] / maxPrior : 0
            let k = maxCentroid > 0 ? centroid[sentence] / maxCentroid : 0
            let graphWeight = max(0, 1 - positionWeight - centroidWeight)
            let mixed = graphWeight * c + centroidWeight * k + positionWeight * p
            scores[sentence] = mixed * max(eligible[sentence], 0.01)
        }
        return SentenceRanking(scores: scores, candidates: candidates, similarity: similarity)
    }

    func positionPrior(_ index: Int) -> Double {
        1 / (1 + Double(index) / max(tuning.positionScale, 0.001))
    }

    /// 0 for units with no words; below 1 for fragments and very long units.
    func eligibility(_ document: StudyDocument, _ index: Int) -> Double {
        let words = document.lengths[index]
        guard !document.terms[index].isEmpty, words >= 2 else { return 0 }
        var factor = 1.0
        if words < tuning.minWords {
            let ratio = Double(words) / Double(tuning.minWords)
            factor *= ratio * ratio
        }
        if words > tuning.comfortableMaxWords {
            factor *= (Double(tuning.comfortableMaxWords) / Double(words)).squareRoot()
        }
        // A question is rarely the point a text makes.
        if document.sentences[index].text.hasSuffix("?") { factor *= 0.7 }
        if document.sentences[index].kind == .sentence, Self.isFragment(document.sentences[index].text) { factor *= 0.3 }
        return factor
    }

    /// A unit of running text that is not a sentence of its own: the tail of a sentence the
    /// splitter cut ("a huge supporter and has been invited …": it opens in lowercase) or a
    /// photo caption behind an upper-case label ("CLAIMS: …", "PICTURED: …"). List items
    /// may open in lowercase and are not judged here. A word with a capital inside ("iPhone",
    /// "eBay") is a name, not a cut.
    static func isFragment(_ text: String) -> Bool {
        if let fast = asciiIsFragment(text) { return fast }
        return characterIsFragment(text)
    }

    /// `isFragment` on bytes when the opening word and what precedes it are printable
    /// ASCII (then a byte is a Character); nil otherwise.
    static func asciiIsFragment(_ text: String) -> Bool? {
        var bytes = text.utf8.prefix(80)[...]
        func isAlphanumeric(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
        while let b = bytes.first, !isAlphanumeric(b) {
            guard (32...126).contains(b) else { return nil }
            bytes = bytes.dropFirst()
        }
        let word = bytes.prefix { $0 != 32 }
        guard word.allSatisfy({ (32...126).contains($0) }) else { return nil }
        // prefix(80) counts Characters; with printable ASCII up to here, bytes are Characters.
        guard let first = word.first else { return false }
        if (97...122).contains(first), !word.dropFirst().contains(where: { (65...90).contains($0) }) { return true }
        if word.last == UInt8(ascii: ":") {
            let label = word.dropLast()
            return label.count >= 2 && label.allSatisfy { (65...90).contains($0) || $0 == UInt8(ascii: "-") }
        }
        return false
    }

    /// `isFragment` Character by Character (any script).
    static func characterIsFragment(_ text: String) -> Bool {
        let body = text.prefix(80).drop { !$0.isLetter && !$0.isNumber }
        let firstWord = body.prefix { $0 != " " }
        guard let first = firstWord.first else { return false }
        if first.isLowercase, !firstWord.dropFirst().contains(where: \.isUppercase) { return true }
        if firstWord.hasSuffix(":") {
            let label = firstWord.dropLast()
            return label.count >= 2 && label.allSatisfy { $0.isUppercase || $0 == "-" }
        }
        return false
    }

    /// Closeness of each unit to the document's most important terms (the centroid).
    func centroidScores(_ document: StudyDocument) -> [Double] {
        var weights = Array(repeating: 0.0, count: document.vocabulary.count)
        for term in 0..<weights.count {
            weights[term] = Double(document.collectionFrequency[term]) * max(document.idf(term), 0)
            // Names carry the who and where that a summary must keep.
            if document.nameLike[term] { weights[term] *= tuning.nameBoost }
        }
        let top = weights.enumerated().sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .prefix(100)
        // Indexed by term id (0 outside the centroid): no hashing per term of every sentence.
        var centroid = Array(repeating: 0.0, count: weights.count)
        for entry in top where entry.element > 0 { centroid[entry.offset] = entry.element }
        let maxWeight = top.first?.element ?? 0
        return document.terms.map { terms in
            guard maxWeight > 0, !terms.isEmpty else { return 0 }
            // Each distinct term once, in ascending id order (the sum's order stays fixed).
            var sum = 0.0
            var unique = 0
            var previous = -1
            for term in terms.sorted() where term != previous {
                sum += centroid[term]
                unique += 1
                previous = term
            }
            return sum / maxWeight / Double(unique).squareRoot()
        }
    }

    /// Personalised PageRank over the similarity graph by power iteration.
    func pageRank(_ similarity: SimilarityMatrix, teleport rawTeleport: [Double]) -> [Double] {
        let n = similarity.size
        guard n > 0 else { return [] }
        let teleportSum = rawTeleport.reduce(0, +)
        let teleport = teleportSum > 0 ? rawTeleport.map { $0 / teleportSum } : Array(repeating: 1 / Double(n), count: n)
        // The edges above the threshold, per sentence in ascending order: the 60 rounds below
        // walk these instead of the whole matrix (the sums keep their order, so the result is
        // the same bit for bit).
        var edges: [[(to: Int, weight: Double)]] = Array(repeating: [], count: n)
        var outWeight = Array(repeating: 0.0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n where i != j && similarity[i, j] >= tuning.edgeThreshold {
                sum += similarity[i, j]
                edges[i].append((j, similarity[i, j]))
            }
            outWeight[i] = sum
        }
        var rank = teleport
        let d = tuning.damping
        for _ in 0..<60 {
            var next = teleport.map { $0 * (1 - d) }
            var dangling = 0.0
            for j in 0..<n {
                guard outWeight[j] > 0 else { dangling += rank[j]; continue }
                let share = d * rank[j] / outWeight[j]
                for edge in edges[j] { next[edge.to] += share * edge.weight }
            }
            if dangling > 0 {
                for i in 0..<n { next[i] += d * dangling * teleport[i] }
            }
            var delta = 0.0
            for i in 0..<n { delta += abs(next[i] - rank[i]) }
            rank = next
            if delta < 1e-9 { break }
        }
        return rank
    }
}
