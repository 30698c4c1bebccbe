/// A sentence about the notes themselves ("This unit follows water from the ocean to the sky
/// …", "In this chapter we look at …", "The next section covers …"): it tells the reader
/// what the text will do, not a fact of the subject, so it is no stem. (Joined to the
/// sentence before, "This unit" would even seem to have a referent.)
enum AboutTheText {
    /// Nouns a text calls itself or its parts by.
    static let textNouns: Set<String> = ["unit", "chapter", "lecture", "section", "module", "course", "lesson", "guide",
                                         "handout", "topic", "article", "notes", "worksheet", "tutorial", "overview", "introduction"]

    /// Whether the words (as the sentence writes them) open with "This unit", "In this
    /// chapter", "These notes", "The next section", "The following section".
    static func isAboutTheText(_ words: [Substring]) -> Bool {
        let folded = words.prefix(5).map { Tokenizer.fold(String($0)).filter(\.isLetter) }
        guard folded.count >= 3 else { return false }
        var i = 0
        if ["in", "throughout"].contains(folded[0]) { i = 1 }
        guard i + 1 < folded.count else { return false }
        let pointer = folded[i], noun = folded[i + 1]
        // "This section of the motorway", "this course of treatment": a thing of the subject.
        func notOf(_ at: Int) -> Bool { at >= folded.count || folded[at] != "of" }
        if ["this", "these"].contains(pointer), textNouns.contains(noun), notOf(i + 2) { return true }
        if pointer == "the", i + 2 < folded.count, ["next", "following", "present"].contains(noun),
           textNouns.contains(folded[i + 2]), notOf(i + 3) { return true }
        return false
    }
}
