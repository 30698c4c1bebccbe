import Foundation

/// Sentence choice for notes with sections: at least one sentence from every main section
/// (as many as the length allows, the most novel sections first), then the best of the rest.
///
/// Inside a section a sentence's worth mixes its centrality (relative to the section's
/// best) with its place in the section (the section's opening states its topic). Lines
/// that introduce a list ("… three phases:"), formulas and sentences that lean on the one
/// before ("It reflects …") are avoided.
struct CoveringSelection {
    var document: StudyDocument
    var ranking: SentenceRanking
    var plan: SectionPlan
    var lambda: Double

    func select(count: Int) -> [Int] {
        let candidates = ranking.candidates
        guard count > 0, !candidates.isEmpty else { return [] }
        let local = localScores()
        // Candidate positions (indexes into `candidates`) per section; the preamble is -1.
        var bySection: [Int: [Int]] = [:]
        for (m, unit) in candidates.enumerated() { bySection[plan.sectionOf[unit], default: []].append(m) }

        var chosen: [Int] = []
        var isChosen = Array(repeating: false, count: candidates.count)
        func allowed(_ m: Int) -> Bool {
            let unit = candidates[m]
            guard local[m] > 0 else { return false }
            guard DanglingReference.startsWithReference(document.sentences[unit].text) else { return true }
            // Taken only with the sentence before it.
            return unit > 0 && chosen.contains { candidates[$0] == unit - 1 }
        }

        // 1. One sentence per section, for as many sections as the length allows.
        let novelty = plan.novelty(document)
        var order = Array(plan.sections.indices)
        if order.count > count {
            let weight = order.map { s -> Double in
                let words = plan.sections[s].reduce(0) { $0 + document.lengths[$1] }
                return novelty[s] * log(1 + Double(words))
            }
            order = order.sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }
            order = Array(order.prefix(count)).sorted()
        }
        for s in order {
            guard let members = bySection[s] else { continue }
            var best: Int? = nil
            for m in members where allowed(m) && (best.map { local[m] > local[$0] } ?? true) { best = m }
            if let pick = best {
                chosen.append(pick)
                isChosen[pick] = true
            }
        }

        // 2. The rest by maximal marginal relevance over the local scores.
        var maxSimilarity = Array(repeating: 0.0, count: candidates.count)
        for pick in chosen {
            for m in candidates.indices { maxSimilarity[m] = max(maxSimilarity[m], ranking.similarity[m, pick]) }
        }
        while chosen.count < min(count, candidates.count) {
            var best: Int? = nil
            var bestValue = -Double.infinity
            for m in candidates.indices where !isChosen[m] && maxSimilarity[m] <= 0.7 && allowed(m) {
                let value = lambda * local[m] - (1 - lambda) * maxSimilarity[m]
                if value > bestValue { best = m; bestValue = value }
            }
            guard let pick = best else { break }
            chosen.append(pick)
            isChosen[pick] = true
            for m in candidates.indices { maxSimilarity[m] = max(maxSimilarity[m], ranking.similarity[m, pick]) }
        }
        return chosen.map { candidates[$0] }.sorted()
    }

    /// Per candidate: worth within its section (or the preamble), 0 for units not to use.
    func localScores() -> [Double] {
        let candidates = ranking.candidates
        var bestInGroup: [Int: Double] = [:]
        var rankInGroup = Array(repeating: 0, count: candidates.count)
        var seenInGroup: [Int: Int] = [:]
        for (m, unit) in candidates.enumerated() {
            let group = plan.sectionOf[unit]
            bestInGroup[group] = max(bestInGroup[group] ?? 0, ranking.scores[unit])
            rankInGroup[m] = seenInGroup[group, default: 0]
            seenInGroup[group, default: 0] += 1
        }
        return candidates.enumerated().map { m, unit in
            let best = bestInGroup[plan.sectionOf[unit]] ?? 0
            let centrality = best > 0 ? ranking.scores[unit] / best : 0
            let position = 1 / (1 + Double(rankInGroup[m]) / 2)
            return (0.5 * centrality + 0.5 * position) * Self.quality(document.sentences[unit].text, words: document.lengths[unit])
        }
    }

    /// How well a unit reads on its own in a summary, in 0...1.
    static func quality(_ text: String, words: Int) -> Double {
        guard words >= 3 else { return 0 }
        var factor = 1.0
        // "The cycle has three phases:" announces a list and says nothing itself.
        if text.hasSuffix(":") { factor *= 0.2 }
        // Formulas and worked numbers ("F = 1,200 kg × 2.5 m/s²") are not summary sentences.
        let visible = text.filter { !$0.isWhitespace }
        let letters = visible.filter(\.isLetter).count
        if !visible.isEmpty, Double(letters) < 0.7 * Double(visible.count) { factor *= 0.3 }
        if text.contains(" = ") || text.contains("÷") || text.contains("×") { factor *= 0.3 }
        // A question asks; the summary should state.
        if text.hasSuffix("?") { factor *= 0.3 }
        // A definition ("Inertia is the tendency …") is what notes most want summarised.
        if !TermEvidence.definitions(TermEvidence.words(InlineMarkdown.strip(text))).isEmpty { factor *= 1.3 }
        if words < 6 { factor *= 0.5 }
        return factor
    }
}
