import Foundation
import StudyModel

/// Builds one question of a given kind from one candidate sentence, or nothing when the
/// sentence cannot give a fair question of that kind.
struct QuestionFactory {
    static let blank = "_____"

    var material: ExamMaterial
    var difficulty: Question.Difficulty

    var picker: DistractorPicker { DistractorPicker(material: material, difficulty: difficulty) }

    /// The kinds of span tried first for each difficulty: names and years are easiest to
    /// recall, terms and exact amounts hardest.
    var kindOrder: [AnswerSpan.Kind] {
        switch difficulty {
        case .easy: return [.name, .year, .percentage, .term, .number, .acronym]
        case .medium: return [.term, .name, .year, .percentage, .number, .acronym]
        case .hard: return [.term, .number, .percentage, .acronym, .year, .name]
        }
    }

    func orderedSpans(_ candidate: ExamMaterial.Candidate, excluding used: Set<String>) -> [AnswerSpan] {
        candidate.spans.filter { !used.contains($0.key) }.sorted { a, b in
            let ia = kindOrder.firstIndex(of: a.kind) ?? 99, ib = kindOrder.firstIndex(of: b.kind) ?? 99
            return ia != ib ? ia < ib : a.text.count > b.text.count
        }
    }

    /// The sentence with the answer blanked, if the answer then no longer shows in it.
    func stem(_ candidate: ExamMaterial.Candidate, blanking answers: [AnswerSpan]) -> String? {
        var text = candidate.text
        for answer in answers {
            let replaced = WholeWord.replacing(answer.text, with: Self.blank, in: text)
            guard replaced != text else { return nil }
            text = replaced
        }
        for answer in answers where WholeWord.contains(answer.text, in: text) { return nil }
        // A stem that is nearly all blank asks nothing.
        let remaining = text.replacingOccurrences(of: Self.blank, with: "").split(separator: " ").count
        return remaining >= 4 ? text : nil
    }

    func fillInBlank(_ candidate: ExamMaterial.Candidate, used: Set<String>) -> (Question, [String])? {
        for span in orderedSpans(candidate, excluding: used) {
            guard let stem = stem(candidate, blanking: [span]) else { continue }
            let question = Question(id: "", kind: .fillInBlank, prompt: "Fill in the blank: \"\(stem)\"",
                                    acceptedAnswers: [span.text], sourceSentence: candidate.text, difficulty: difficulty)
            return (question, [span.key])
        }
        return nil
    }

    func multipleChoice(_ candidate: ExamMaterial.Candidate, used: Set<String>, rng: inout SeededRandom) -> (Question, [String])? {
        for span in orderedSpans(candidate, excluding: used) {
            guard let stem = stem(candidate, blanking: [span]) else { continue }
            let distractors = picker.pick(for: span, in: candidate, stem: stem, blank: Self.blank, count: 3, rng: &rng)
            guard distractors.count == 3 else { continue }
            let options = rng.shuffled([span.text] + distractors)
            guard let correct = options.firstIndex(of: span.text) else { continue }
            let question = Question(id: "", kind: .multipleChoice, prompt: "Which answer fills the blank? \"\(stem)\"",
                                    options: options, correctOptions: [correct], sourceSentence: candidate.text,
                                    difficulty: difficulty)
            return (question, [span.key])
        }
        return nil
    }

    /// True/false: the sentence itself, or a false version with one value swapped for
    /// another of the same kind that the document does not support. Which one is decided by
    /// the seeded generator, so about half are false.
    func trueFalse(_ candidate: ExamMaterial.Candidate, used: Set<String>, rng: inout SeededRandom) -> (Question, [String])? {
        let wantFalse = rng.below(2) == 0
        if wantFalse {
            for span in orderedSpans(candidate, excluding: used) {
                guard let stem = stem(candidate, blanking: [span]) else { continue }
                let swaps = picker.pick(for: span, in: candidate, stem: stem, blank: Self.blank, count: 1, rng: &rng)
                guard let swap = swaps.first else { continue }
                let statement = stem.replacingOccurrences(of: Self.blank, with: swap)
                let question = Question(id: "", kind: .trueFalse, prompt: "True or false: \"\(statement)\"",
                                        options: ["True", "False"], correctOptions: [1], sourceSentence: candidate.text,
                                        difficulty: difficulty)
                return (question, [span.key])
            }
        }
        let question = Question(id: "", kind: .trueFalse, prompt: "True or false: \"\(candidate.text)\"",
                                options: ["True", "False"], correctOptions: [0], sourceSentence: candidate.text,
                                difficulty: difficulty)
        return (question, [])
    }

    /// Multiple answer: a sentence with two or three values of one kind, all blanked; the
    /// student selects every option that fills a blank. Graded all-or-nothing.
    func multipleAnswer(_ candidate: ExamMaterial.Candidate, used: Set<String>, rng: inout SeededRandom) -> (Question, [String])? {
        let spans = orderedSpans(candidate, excluding: used)
        for kind in kindOrder {
            var group: [AnswerSpan] = []
            for span in spans where span.kind == kind && group.count < 3 {
                if group.contains(where: { $0.key.contains(span.key) || span.key.contains($0.key) }) { continue }
                // One blank per answer, or the student cannot tell how many answers there are.
                let once = WholeWord.replacing(span.text, with: Self.blank, in: candidate.text)
                if once.components(separatedBy: Self.blank).count != 2 { continue }
                group.append(span)
            }
            guard group.count >= 2, let stem = stem(candidate, blanking: group) else { continue }
            // Each distractor is checked with the first blank filled by it and the others by the answers.
            var probe = stem
            for answer in group.dropFirst() {
                if let range = probe.range(of: Self.blank, options: .backwards) {
                    probe.replaceSubrange(range, with: answer.text)
                }
            }
            let distractors = picker.pick(for: group[0], in: candidate, stem: probe, blank: Self.blank, count: 2,
                                          excluding: group.map(\.text), rng: &rng)
            guard distractors.count == 2 else { continue }
            let correctTexts = group.map(\.text)
            let options = rng.shuffled(correctTexts + distractors)
            let correct = options.indices.filter { correctTexts.contains(options[$0]) }
            let question = Question(id: "", kind: .multipleAnswer,
                                    prompt: "Select every answer that fills one of the blanks: \"\(stem)\"",
                                    options: options, correctOptions: correct, sourceSentence: candidate.text,
                                    difficulty: difficulty)
            return (question, group.map(\.key))
        }
        return nil
    }
}
