import Foundation
import Testing
@testable import StudyEngine

/// The ranker's faster loops (edges instead of the whole matrix, a dense centroid) give the
/// result of the plain loops bit for bit, on a text written for this test.
@Suite struct RankerPinTests {
    static let text = """
    # Glaciers

    A glacier is a slow river of ice that forms where snow builds up faster than it melts. Snow turns into firn and \
    then into glacial ice. The ice flows downhill under its own weight. Glaciers carve valleys into a U shape. \
    A moraine is a ridge of rock that a glacier leaves behind. The terminal moraine marks the furthest advance of the \
    ice. Meltwater from the glacier feeds rivers in summer. Glaciers store most of the fresh water on Earth. \
    Ice sheets cover Greenland and Antarctica. When the climate warms, glaciers retreat and leave moraines behind.
    """

    /// The dense PageRank the ranker used before it kept edge lists.
    func plainPageRank(_ similarity: SimilarityMatrix, teleport rawTeleport: [Double], tuning: RankingTuning) -> [Double] {
        let n = similarity.size
        let teleportSum = rawTeleport.reduce(0, +)
        let teleport = teleportSum > 0 ? rawTeleport.map { $0 / teleportSum } : Array(repeating: 1 / Double(n), count: n)
        var outWeight = Array(repeating: 0.0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n where i != j && similarity[i, j] >= tuning.edgeThreshold { sum += similarity[i, j] }
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
                for i in 0..<n where i != j {
                    let w = similarity[j, i]
                    if w >= tuning.edgeThreshold { next[i] += share * w }
                }
            }
            if dangling > 0 { for i in 0..<n { next[i] += d * dangling * teleport[i] } }
            var delta = 0.0
            for i in 0..<n { delta += abs(next[i] - rank[i]) }
            rank = next
            if delta < 1e-9 { break }
        }
        return rank
    }

    @Test func pageRankOnEdgesEqualsTheDenseLoop() throws {
        let document = try StudyDocument(text: Self.text)
        let tuning = RankingTuning()
        let members = Array(document.sentences.indices)
        let similarity = SimilarityMatrix(document: document, members: members)
        let teleport = members.map { 1 / (1 + Double($0)) }
        let ranker = SentenceRanker(tuning: tuning)
        let fast = ranker.pageRank(similarity, teleport: teleport)
        let plain = plainPageRank(similarity, teleport: teleport, tuning: tuning)
        #expect(fast.count == plain.count && fast.count == members.count)
        #expect(zip(fast, plain).allSatisfy { $0.bitPattern == $1.bitPattern })
    }

    @Test func centroidOnADenseArrayEqualsTheDictionaryLoop() throws {
        let document = try StudyDocument(text: Self.text)
        let tuning = RankingTuning()
        let fast = SentenceRanker(tuning: tuning).centroidScores(document)
        var weights = Array(repeating: 0.0, count: document.vocabulary.count)
        for term in 0..<weights.count {
            weights[term] = Double(document.collectionFrequency[term]) * max(document.idf(term), 0)
            if document.nameLike[term] { weights[term] *= tuning.nameBoost }
        }
        let top = weights.enumerated().sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .prefix(100)
        var centroid: [Int: Double] = [:]
        for entry in top where entry.element > 0 { centroid[entry.offset] = entry.element }
        let maxWeight = top.first?.element ?? 0
        let plain: [Double] = document.terms.map { terms in
            guard maxWeight > 0, !terms.isEmpty else { return 0 }
            let unique = Set(terms)
            let sum = unique.sorted().reduce(0.0) { $0 + (centroid[$1] ?? 0) }
            return sum / maxWeight / Double(unique.count).squareRoot()
        }
        #expect(fast.count == plain.count)
        #expect(zip(fast, plain).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(fast.contains { $0 > 0 })
    }
}
