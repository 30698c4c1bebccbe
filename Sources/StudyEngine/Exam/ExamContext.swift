/// Sentences that lean on something outside themselves: a numbered example, a table or a
/// figure of the notes, "the example above". A question built on them asks the student to
/// look at something the question does not show.
enum ContextReference {
    /// Words that name parts of the notes; followed by a number or letter they point at one.
    static let partWords: Set<String> = ["example", "table", "figure", "fig", "diagram", "graph", "chart", "exercise",
                                         "equation", "appendix", "plot", "map", "image", "photo", "picture", "video",
                                         "graphic", "illustration", "infographic", "screenshot"]
    /// Words before a part word that point back at one already shown ("our example", "the table").
    static let pointers: Set<String> = ["our", "the", "this", "that", "these", "above", "previous", "same", "first",
                                        "second", "last", "earlier"]
    /// Words after a part word that point at where it stands ("the table above").
    static let places: Set<String> = ["above", "below", "opposite", "earlier", "before"]

    /// Verbs after a figure's name that describe what it shows ("the chart shows").
    static let figureVerbs: Set<String> = ["shows", "show", "illustrates", "gives", "lists", "summarises", "summarizes",
                                           "compares", "plots", "depicts", "reveals", "suggests"]
    /// Words that place something relative to text not shown ("the next stage").
    static let relative: Set<String> = ["next", "previous", "preceding", "latter", "former", "aforementioned"]

    /// Why the sentence needs outside context, or nil.
    static func problem(_ text: String) -> String? {
        // Lowercased words without punctuation: no substring searches (this runs on every sentence read).
        let words = text.lowercased().split(separator: " ").map { String($0.filter { $0.isLetter || $0.isNumber }) }
        for (i, word) in words.enumerated() where partWords.contains(word) || partWords.contains(String(word.dropLast())) && word.hasSuffix("s") {
            let next = i + 1 < words.count ? words[i + 1] : ""
            let previous = i > 0 ? words[i - 1] : ""
            // "Example 2", "Table 1", "Figure 3b", "Case A".
            if let first = next.first, first.isNumber || next.count == 1 { return "context" }
            // "The graph shows …" points at a figure; "… at the Institute who created the graph"
            // only mentions one, late in a sentence that says something else.
            if previous == "the", i > 3, !places.contains(next), !figureVerbs.contains(next) { continue }
            if pointers.contains(previous) || places.contains(next) { return "context" }
        }
        // "the next stage", "the previous step", "the latter": placed relative to text not shown.
        for (i, word) in words.enumerated() where relative.contains(word) {
            // "the former First Lady", "the former president": a past title, not a pointer.
            if word == "former", i + 1 < words.count, !words[i + 1].isEmpty, !StopWords.english.contains(words[i + 1]),
               !CommonVerbs.all.contains(words[i + 1]) { continue }
            if i > 0, ["the", "this", "that"].contains(words[i - 1]) { return "context" }
        }
        // "The plot above", "the list below": whatever is named, it stands outside the sentence.
        for (i, word) in words.enumerated() where i >= 2 && (word == "above" || word == "below")
            && ["the", "this", "these", "that"].contains(words[i - 2]) {
            return "context"
        }
        // "As shown above", "see below", "in the previous section".
        for (i, word) in words.enumerated() where places.contains(word) && ["shown", "see", "as", "listed", "given", "described"].contains(i > 0 ? words[i - 1] : "") {
            return "context"
        }
        return nil
    }
}

/// Photo captions, credit lines and page furniture of news pages that end up inside the
/// article text: "(pictured)", "(stock image)", "Photo: …", "Scroll down for video", an
/// ALL CAPS label, a short sentence-case label before a colon.
enum CaptionMarks {
    /// Bracketed notes that only captions carry.
    /// Caption notes set off by commas inside a name ("Billy Thompson, center, was …",
    /// "Billy, pictured with …").
    static let commaNotes: Set<String> = ["above", "below", "center", "centre", "left", "right", "inset", "top", "bottom"]
    static let bracketed: [String] = ["(pictured", "(stock image", "(file photo", "(file picture", "(file image", "(left",
                                      "(right", "(centre", "(center", "(above", "(below", "(inset", "(top", "(bottom",
                                      "(back row", "(front row", "(far left", "(far right", "(l-r", "(r-l", "(l to r",
                                      "(r to l", "(from left", "(from right", "(clockwise"]
    /// Labels and furniture that never occur in running prose.
    static let furniture: [String] = ["scroll down", "photo:", "photograph:", "picture:", "pictures:", "image:",
                                      "images:", "credit:", "video:", "getty images", "click here", "read more",
                                      "contributed to this report", "contributed reporting"]

    /// First words of the furniture phrases: only a sentence holding one is searched for them.
    static let furnitureHeads: Set<String> = ["scroll", "photo", "photograph", "picture", "pictures", "image", "images",
                                              "credit", "video", "getty", "click", "read", "contributed"]

    static func looksLikeCaption(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        // Character scans and a set lookup first; substring searches only where they can match.
        if text.contains("(") {
            let lower = text.lowercased()
            if bracketed.contains(where: { lower.contains($0) }) { return true }
        }
        // Word checks, no substring search: this runs on every sentence read.
        for i in words.indices.dropFirst() where words[i - 1].hasSuffix(",") {
            let word = words[i]
            let core = word.lowercased().filter(\.isLetter)
            if core == "pictured" { return true }
            if word.hasSuffix(","), commaNotes.contains(core) { return true }
            if core == "far", i + 1 < words.count, words[i + 1].hasSuffix(","),
               commaNotes.contains(words[i + 1].lowercased().filter(\.isLetter)) { return true }
        }
        if words.contains(where: { furnitureHeads.contains($0.lowercased().filter(\.isLetter)) }) {
            let lower = text.lowercased()
            if furniture.contains(where: { lower.contains($0) }) { return true }
        }
        // Two ALL CAPS words in a row ("EXPERT VERDICT:"), not abbreviations of two or three letters.
        var capsRun = 0
        for word in words {
            let letters = word.filter(\.isLetter)
            if letters.count >= 4, letters.allSatisfy(\.isUppercase) { capsRun += 1 } else { capsRun = 0 }
            if capsRun >= 2 { return true }
        }
        // "Flying high: Half of the kite …": a label of one to four words before a colon, then a capital.
        // ("Slain in cold blood: Ann Reid, 54, was …": four words too.)
        if let colon = words.prefix(4).firstIndex(where: { $0.hasSuffix(":") }), colon + 1 < words.count,
           words[colon + 1].first?.isUppercase == true,
           !words[...colon].contains(where: { ["said", "says", "added", "told", "wrote"].contains(Tokenizer.fold(String($0)).filter(\.isLetter)) }) {
            return true
        }
        return false
    }
}
