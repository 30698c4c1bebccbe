import Foundation

/// TF-IDF cosine similarities between a set of sentences, as a dense matrix.
///
/// Sublinear term frequency (1 + log tf) times the document's inverse sentence frequency;
/// vectors are L2-normalised so that long sentences do not dominate. Pairs are found
/// through an inverted index, so sentences that share no term cost nothing.
struct SimilarityMatrix {
    let size: Int
    private(set) var values: [Double]

    subscript(i: Int, j: Int) -> Double { values[i * size + j] }

    init(document: StudyDocument, members: [Int]) {
        size = members.count
        values = Array(repeating: 0, count: size * size)
        var postings: [Int: [(member: Int, weight: Double)]] = [:]
        for (m, sentence) in members.enumerated() {
            for (term, weight) in Self.vector(document: document, sentence: sentence) {
                postings[term, default: []].append((m, weight))
            }
        }
        // Sorted keys and sorted vectors: floating-point sums in a fixed order, so the same
        // document always gives bit-identical scores (Swift's hashing is seeded per process).
        for term in postings.keys.sorted() {
            guard let list = postings[term], list.count > 1 else { continue }
            for a in 0..<list.count {
                for b in (a + 1)..<list.count {
                    let w = list[a].weight * list[b].weight
                    values[list[a].member * size + list[b].member] += w
                    values[list[b].member * size + list[a].member] += w
                }
            }
        }
    }

    /// The normalised TF-IDF vector of one sentence.
    static func vector(document: StudyDocument, sentence: Int) -> [(Int, Double)] {
        var counts: [Int: Int] = [:]
        for term in document.terms[sentence] { counts[term, default: 0] += 1 }
        var vector: [(Int, Double)] = []
        vector.reserveCapacity(counts.count)
        var norm = 0.0
        for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
            let w = (1 + log(Double(count))) * document.idf(term)
            guard w > 0 else { continue }
            vector.append((term, w))
            norm += w * w
        }
        guard norm > 0 else { return [] }
        let scale = 1 / norm.squareRoot()
        return vector.map { ($0.0, $0.1 * scale) }
    }
}
