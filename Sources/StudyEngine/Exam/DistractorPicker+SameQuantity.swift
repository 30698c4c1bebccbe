/// A number the text gives for the same quantity in other words is no wrong option: "Crust is
/// … between _____ thick under the oceans" with "7 km" (from "Oceanic crust … is about 7 km
/// thick") offers a value the text itself supports, so the question has two defensible
/// answers (issue 8, K). A value is such a restatement when a sentence of the same section
/// that writes it shares three or more content words with the stem (the words around the
/// value, not the value or its unit). Only the section's sentences are read, once per question.
extension DistractorPicker {
    /// The sentences of `candidate`'s section, for answers with a unit (plain counts and years
    /// rarely restate one quantity in two places). Only texts: a sentence is stemmed only when
    /// it writes an option (a long chapter is one section).
    func sameSectionStatements(for answer: AnswerSpan, candidate: ExamMaterial.Candidate) -> [String] {
        guard [.number, .percentage].contains(answer.kind), !answer.unit.isEmpty, let section = candidate.section else { return [] }
        return material.sentences.filter { $0.section == section && $0.index != candidate.sentence }.map(\.text)
    }

    /// Whether one of `statements` writes `value` and shares three or more content-word stems
    /// with `stem` (blank and value words left out).
    static func restatesQuantity(_ value: String, stem: String, blank: String,
                                 statements: [String]) -> Bool {
        guard !statements.isEmpty else { return false }
        let valueStems = contentStems(value)
        let stemStems = contentStems(stem.replacingOccurrences(of: blank, with: " ")).subtracting(valueStems)
        guard stemStems.count >= 3 else { return false }
        for statement in statements where WholeWord.contains(value, in: statement) {
            if contentStems(statement).subtracting(valueStems).intersection(stemStems).count >= 3 { return true }
        }
        return false
    }
}
