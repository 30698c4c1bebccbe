import Foundation

/// Picks the document's key terms and, for each, the sentence that explains it.
///
/// Candidates are runs of one to three content words (`PhraseScanner`). A term's score
/// grows with how often it occurs and how specific its words are (IDF over sentences);
/// multi-word terms must occur at least twice. A term overlapping a better one is dropped
/// ("cycle" once "Calvin cycle" is in). The explaining sentence is the first that reads
/// like a definition ("X is …", "X refers to …", "… called X"), else the best-ranked
/// sentence using the term.
struct KeyTermExtractor {
    struct Stats {
        var surfaceCounts: [String: Int] = [:]
        var count = 0
        var sentences: [Int] = []
        var words: [String] = []
        var wordCount = 1
        var capitalisedInside = 0
        var lowercase = 0
        var nounLike = 0
    }

    func extract(_ document: StudyDocument, ranking: SentenceRanking, count: Int,
                 maxSentences: Int = 4000) -> [KeyTerm] {
        guard count > 0 else { return [] }
        // On huge documents, read the best-ranked sentences only: terms are about the gist.
        var pool = Array(0..<document.sentences.count)
        if pool.count > maxSentences {
            pool = pool.sorted { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] > ranking.scores[$1] : $0 < $1 }
                .prefix(maxSentences).sorted()
        }
        var stats: [String: Stats] = [:]
        var stems: [String: String] = [:]
        for index in pool {
            var seen = Set<String>()
            for phrase in PhraseScanner.phrases(in: document.sentences[index].text, stems: &stems) {
                var entry = stats[phrase.key] ?? Stats()
                entry.count += 1
                entry.surfaceCounts[phrase.surface, default: 0] += 1
                entry.wordCount = phrase.wordCount
                entry.words = phrase.key.split(separator: " ").map(String.init)
                if phrase.capitalised && !phrase.atSentenceStart { entry.capitalisedInside += 1 }
                if !phrase.capitalised { entry.lowercase += 1 }
                if phrase.nounLike { entry.nounLike += 1 }
                if seen.insert(phrase.key).inserted { entry.sentences.append(index) }
                stats[phrase.key] = entry
            }
        }
        let n = Double(max(pool.count, 1))
        var scored: [(key: String, score: Double)] = []
        for (key, entry) in stats {
            if entry.wordCount > 1 && entry.count < 2 { continue }
            if entry.words.allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
            // Terms are nouns: seen at least once in noun position, unless a name or acronym.
            let isName = entry.lowercase == 0 && entry.capitalisedInside > 0
            if entry.nounLike == 0 && !isName { continue }
            if entry.wordCount == 1, SpanExtractor.calendarWords.contains(key) { continue }
            if entry.wordCount == 1 {
                // Judge by the usual spelling (a dictionary's first key would vary between runs).
                let word = Self.displayForm(entry).lowercased()
                if word.hasSuffix("ly") || (word.hasSuffix("ed") && !isName) { continue }
            }
            // A capitalised word seen only at sentence starts is an ordinary word, not a name.
            let specificity = log((n + 1) / (Double(entry.sentences.count) + 0.5)) + 0.5
            var score = Double(entry.count).squareRoot() * specificity * (1 + 0.35 * Double(entry.wordCount - 1))
            if entry.count == 1 { score *= 0.5 }
            if entry.wordCount == 1 && entry.lowercase == 0 && entry.capitalisedInside == 0 { score *= 0.5 }
            scored.append((key, score))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        var picked: [KeyTerm] = []
        var pickedWords: [Set<String>] = []
        let top = scored.first?.score ?? 1
        for (key, score) in scored {
            guard picked.count < count, let entry = stats[key] else { continue }
            let words = Set(entry.words)
            if pickedWords.contains(where: { !$0.isDisjoint(with: words) }) { continue }
            let surface = Self.displayForm(entry)
            let sentence = Self.explainingSentence(for: surface, in: entry.sentences, document: document, ranking: ranking)
            picked.append(KeyTerm(term: surface, sentence: document.sentences[sentence].text,
                                  unitIndex: document.sentences[sentence].index, score: score / top,
                                  occurrences: entry.count))
            pickedWords.append(words)
        }
        return picked
    }

    /// The most frequent spelling, lowercased unless the term is a name (capitalised inside
    /// sentences, never lowercase).
    static func displayForm(_ entry: Stats) -> String {
        let best = entry.surfaceCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        let isName = entry.lowercase == 0 && entry.capitalisedInside > 0
        let isAcronym = best.count > 1 && best.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
        return isName || isAcronym ? best : best.lowercased()
    }

    static let definitionCues = [" is ", " are ", " was ", " were ", " refers to ", " means ", " describes ",
                                 " consists of ", " is called ", " is known as ", " is defined as "]

    static func explainingSentence(for term: String, in sentences: [Int], document: StudyDocument,
                                   ranking: SentenceRanking) -> Int {
        let lowered = term.lowercased()
        for index in sentences {
            let text = document.sentences[index].text.lowercased()
            guard let range = text.range(of: lowered) else { continue }
            let after = text[range.upperBound...]
            if definitionCues.contains(where: { after.hasPrefix($0) }) { return index }
            if text.contains("called \(lowered)") || text.contains("known as \(lowered)") { return index }
        }
        return sentences.max { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] < ranking.scores[$1] : $0 > $1 }
            ?? sentences.first ?? 0
    }
}
