/// Options for names in a news story (issue 8, D). A story names people, places, clubs and
/// papers side by side, often with nothing but capitals to tell them apart; an option of
/// another kind ("San Francisco" or "Die Zeit" among the suspects, a player among the clubs a
/// side played against) is ruled out by any reader and gives the key away.
///
/// So in a story the text's own marks decide (`OptionEvidence.personNames`: a title, a speech
/// verb, a role noun before the full name): a key the text marks as a person's takes only
/// names it marks so, and a key it does not mark takes none of them. Too few such names means
/// no multiple-choice question on that key (a person may still be a fill-in); skipping is
/// better than an option of the wrong kind.
extension DistractorPicker {
    /// Whether `value` may stand beside `answer` as an option in a news story.
    func newsNameKindMatches(_ value: String, answer: AnswerSpan, answerIsMarkedPerson: Bool) -> Bool {
        guard isNewsStory, answer.kind == .name else { return true }
        let valueIsMarkedPerson = material.evidence.personNames.contains(value)
        return valueIsMarkedPerson == answerIsMarkedPerson
    }
}
