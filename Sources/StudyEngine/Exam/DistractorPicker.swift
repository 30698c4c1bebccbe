import Foundation
import StudyModel

/// Chooses wrong options of the same kind as the answer, drawn from the document.
///
/// Rules: a distractor differs from the answer and from the other distractors (after
/// folding case, accents and thousands separators), is not part of the answer or the
/// other way round ("Louis" vs "Louis XVI"), does not appear in the question's sentence
/// (it would be an obvious misfit), and does not turn the sentence into something the
/// document states elsewhere (then it would be right too). Difficulty orders the pool:
/// hard prefers look-alikes (near numbers, same length), easy prefers far ones. When the
/// document has too few numbers, believable ones are made from the answer in the same
/// written form; names and terms are never invented.
struct DistractorPicker {
    var material: ExamMaterial
    var difficulty: Question.Difficulty

    func pick(for answer: AnswerSpan, in candidate: ExamMaterial.Candidate, stem: String, blank: String,
              count: Int, excluding: [String] = [], rng: inout SeededRandom) -> [String] {
        var chosen: [String] = []
        var keys = Set([answer.key] + excluding.map(AnswerSpan.key))

        func accept(_ value: String) -> Bool {
            let key = AnswerSpan.key(value)
            guard !key.isEmpty, !keys.contains(key) else { return false }
            if answer.key.contains(key) || key.contains(answer.key) { return false }
            if WholeWord.contains(value, in: candidate.text) { return false }
            if let v = NumberForm(value)?.value, let a = answer.numericValue, v == a { return false }
            let statement = stem.replacingOccurrences(of: blank, with: value)
            if material.isStatedElsewhere(statement, value: value, source: candidate.sentence) { return false }
            keys.insert(key)
            chosen.append(value)
            return true
        }

        for span in ordered(pool(for: answer.kind), answer: answer, rng: &rng) where chosen.count < count {
            _ = accept(span.text)
        }
        if chosen.count < count, let form = NumberForm(answer.text) {
            for value in invented(answer: answer, form: form, rng: &rng) where chosen.count < count {
                _ = accept(value)
            }
        }
        return chosen
    }

    func pool(for kind: AnswerSpan.Kind) -> [AnswerSpan] {
        material.pools[kind] ?? []
    }

    func ordered(_ pool: [AnswerSpan], answer: AnswerSpan, rng: inout SeededRandom) -> [AnswerSpan] {
        let shuffled = rng.shuffled(pool)
        guard difficulty != .medium else { return shuffled }
        let hard = difficulty == .hard
        let distance: (AnswerSpan) -> Double = { span in
            if let v = span.numericValue, let a = answer.numericValue {
                return abs(log(abs(v) + 1) - log(abs(a) + 1))
            }
            let wordGap = abs(span.text.split(separator: " ").count - answer.text.split(separator: " ").count)
            return Double(wordGap) * 10 + Double(abs(span.text.count - answer.text.count)) / 10
        }
        // Stable sort on a decorated array keeps the seeded order among equals.
        return shuffled.enumerated()
            .sorted { a, b in
                let da = distance(a.element), db = distance(b.element)
                if da != db { return hard ? da < db : da > db }
                return a.offset < b.offset
            }
            .map(\.element)
    }

    /// Believable numbers in the answer's written form: nearby years, scaled amounts,
    /// shifted percentages.
    func invented(answer: AnswerSpan, form: NumberForm, rng: inout SeededRandom) -> [String] {
        let v = form.value
        var values: [Double]
        switch answer.kind {
        case .year:
            let steps: [Double] = [1, 2, 3, 5, 7, 10, 12, 15, 20, 25]
            values = rng.shuffled(steps).map { rng.below(2) == 0 ? v - $0 : v + $0 }
        case .percentage:
            let steps: [Double] = [5, 10, 15, 20, 25, 30]
            values = rng.shuffled(steps).map { rng.below(2) == 0 ? v - $0 : v + $0 }.filter { $0 > 0 && (v > 100 || $0 < 100) }
        default:
            let factors: [Double] = form.decimals > 0 ? [0.5, 1.5, 2, 0.8, 1.25, 3] : [0.5, 2, 1.5, 3, 0.25, 10, 4]
            values = rng.shuffled(factors).map { v * $0 }
            if v < 20 && form.decimals == 0 { values = rng.shuffled([v + 1, v + 2, v - 1, v + 3, v * 2]) }
            values = values.filter { $0 > 0 }
        }
        return values.map { form.written($0) }
    }
}
