/// Options of one family keep to it: when the text names two or more other terms with the
/// answer's head noun ("convergent boundary" beside "divergent boundary" and "transform
/// boundary"), those are the options, and a term named otherwise ("crust") is the odd one
/// out that anyone strikes without the text (issue 8, D). Then only terms with that head are
/// options; with too few, the picker gives fewer and the question is asked another way.
extension DistractorPicker {
    /// The answer's head noun when the pool holds at least two other terms named by it, else nil.
    static func sharedHead(of answer: AnswerSpan, pool: [ExamMaterial.Pooled]) -> String? {
        guard [.term, .acronym].contains(answer.kind) else { return nil }
        let key = ExamLexicon.key(answer.text)
        guard let head = OptionEvidence.head(of: key) else { return nil }
        var siblings = Set<String>()
        for item in pool {
            let other = ExamLexicon.key(item.span.text)
            if other != key, OptionEvidence.head(of: other) == head { siblings.insert(other) }
            if siblings.count >= 2 { return head }
        }
        return nil
    }

    /// Whether `value` is named by `head` (always true when there is no shared head).
    static func keepsHead(_ value: String, head: String?) -> Bool {
        guard let head else { return true }
        return OptionEvidence.head(of: ExamLexicon.key(value)) == head
    }
}
