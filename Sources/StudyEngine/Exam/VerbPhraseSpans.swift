/// Lower-case "terms" that are really a clause's verb phrase (issue 8, T/K): "when the police
/// arrived, …" gives "police arrived", "has faced widespread criticism since …" gives "faced
/// widespread criticism". Blanked, they ask the student to restore half a clause, and any
/// wording of it is as defensible as the text's.
extension SpanFilters {
    /// Auxiliaries before a past participle that make it the verb of the clause.
    static let auxiliaries: Set<String> = ["has", "have", "had", "was", "were", "is", "are", "be", "been", "being"]

    /// Whether the term ends on a past-tense verb ("police arrived": a noun, then an "-ed"
    /// word; "genetically modified" has an adverb before it and stays), or opens with a
    /// participle right after an auxiliary ("has _____" for "faced widespread criticism").
    static func isVerbPhrase(_ span: AnswerSpan, beforeRaw: [Substring]) -> Bool {
        guard span.kind == .term, span.text.first?.isLowercase == true else { return false }
        let words = span.text.split(separator: " ").map { Tokenizer.fold(String($0)) }
        guard words.count >= 2, let last = words.last, let first = words.first else { return false }
        if last.count > 4, last.hasSuffix("ed"), !words[words.count - 2].hasSuffix("ly"),
           !StopWords.english.contains(words[words.count - 2]) { return true }
        if first.count > 4, first.hasSuffix("ed"), let previous = beforeRaw.last,
           auxiliaries.contains(Tokenizer.fold(String(previous))) { return true }
        return false
    }
}
