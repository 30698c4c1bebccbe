/// A name a news story uses as a modifier: "officers in a Walmart parking lot", "the Labour
/// party conference". Blanked, it asks which name describes a noun, and the options turn into
/// "a Bible parking lot" or "an Idaho parking lot" (issue 8, D): any capitalised name of the
/// story reads as well or as badly there. Such a name is no key in a story.
///
/// Only in news: in notes "the _____ equation" (Schrödinger) asks a real fact.
enum NewsNameModifier {
    /// Whether the blank stands after an article or possessive and before a lower-case noun
    /// ("a _____ parking lot", "the _____ store"). A verb after the blank ("the _____ reported",
    /// "the _____ says") or a stop word leaves the name the subject.
    static func blankModifiesNoun(_ stem: String, blank: String) -> Bool {
        let words = stem.split(separator: " ")
        guard let at = words.firstIndex(where: { $0 == blank }), at > 0, at + 1 < words.count else { return false }
        let before = Tokenizer.fold(String(words[at - 1]))
        let possessive = before.hasSuffix("'s") || before.hasSuffix("’s")
        guard ["a", "an", "the", "a(n)", "his", "her", "their", "its"].contains(before) || possessive else { return false }
        let next = words[at + 1]
        guard next.first?.isLowercase == true, next.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        let word = next.lowercased()
        guard word.count > 2, !StopWords.english.contains(word), !CommonVerbs.all.contains(word) else { return false }
        if word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("ss") { return false }
        return true
    }
}
