/// Options of one family keep to it: when the text names two or more other terms with the
/// answer's head noun ("convergent boundary" beside "divergent boundary" and "transform
/// boundary"), those are the options, and a term named otherwise ("crust") is the odd one
/// out that anyone strikes without the text (issue 8, D). Then only terms with that head are
/// options; with too few, the picker gives fewer and the question is asked another way.
extension DistractorPicker {
    /// The answer's head noun when the text names at least two other terms by it, else nil.
    /// Read from the evidence's index of terms by head noun (built once per text): this runs
    /// for every question tried, and a pool of a long text holds hundreds of terms.
    func sharedHead(of answer: AnswerSpan) -> String? {
        Self.sharedHead(of: answer, termsByHead: material.evidence.termsByHead)
    }

    /// See `sharedHead(of:)`: `termsByHead` maps a head noun to the keys of the terms it names.
    static func sharedHead(of answer: AnswerSpan, termsByHead: [String: Set<String>]) -> String? {
        guard [.term, .acronym].contains(answer.kind) else { return nil }
        let key = ExamLexicon.key(answer.text)
        guard let head = OptionEvidence.head(of: key), let family = termsByHead[head] else { return nil }
        return family.subtracting([key]).count >= 2 ? head : nil
    }

    /// Whether `value` is named by `head` (always true when there is no shared head).
    static func keepsHead(_ value: String, head: String?) -> Bool {
        guard let head else { return true }
        return OptionEvidence.head(of: ExamLexicon.key(value)) == head
    }

    /// "Wars of Religion", "Treaty of Versailles": a name whose head is a common noun the text
    /// also writes in lower case ("led to long wars") names a thing of that kind, so its
    /// options are things of that kind too ("Thirty Years' War"), never a religious order, a
    /// treaty or a person (issue 8, judge round 19, D). Nil for a name with no such head
    /// ("John Calvin", "New York"); with too few namesakes the question is asked another way.
    func commonHead(ofName answer: AnswerSpan) -> String? {
        guard answer.kind == .name else { return nil }
        return Self.commonHead(ofName: answer.text, lowercaseWords: material.lowercaseWords)
    }

    /// See `commonHead(ofName:)`: `lowercaseWords` are the words the text writes in lower case.
    static func commonHead(ofName name: String, lowercaseWords written: Set<String>) -> String? {
        guard let head = OptionEvidence.head(of: ExamLexicon.key(name)), head.count > 2,
              !StopWords.english.contains(head) else { return nil }
        return written.contains(head) || written.contains(head + "s") || written.contains(head + "es") ? head : nil
    }
}
