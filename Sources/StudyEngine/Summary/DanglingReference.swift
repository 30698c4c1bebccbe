/// Sentences that lean on the one before them ("It reflects green light.", "These two
/// forces …"). Out of context a reader cannot tell what they are about, so a summary takes
/// one only together with the sentence before it.
enum DanglingReference {
    /// Pronouns and demonstratives that point back when they open a sentence.
    static let openers: Set<String> = [
        "it", "its", "it's", "this", "that", "these", "those", "they", "their", "theirs", "them", "he", "she",
        "his", "her", "him", "such", "both", "another", "latter", "former", "here",
    ]

    /// Short adverbs that may come before the pointing word: "Together they …", "Instead, it …".
    static let leadIns: Set<String> = ["together", "instead", "also", "then", "still", "so", "thus", "therefore",
                                       "however", "yet", "and", "but", "even", "now", "later", "again"]

    /// Whether the unit's text opens with a word that refers back.
    static func startsWithReference(_ text: String) -> Bool {
        let words = firstWords(text, count: 2)
        guard let first = words.first else { return false }
        if openers.contains(first) { return true }
        if leadIns.contains(first), words.count > 1, openers.contains(words[1]) { return true }
        // "The latter …", "The former …"
        let lowered = text.prefix(12).lowercased()
        return lowered.hasPrefix("the latter") || lowered.hasPrefix("the former")
    }

    /// The first words, lowercased, skipping quotes, brackets and Markdown markers.
    static func firstWords(_ text: String, count: Int) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text.prefix(80) {
            if ch.isLetter || (!current.isEmpty && (ch == "'" || ch == "’")) {
                current.append(ch)
            } else if !current.isEmpty {
                words.append(current.lowercased().replacingOccurrences(of: "’", with: "'"))
                current = ""
                if words.count == count { return words }
            }
        }
        if !current.isEmpty && words.count < count { words.append(current.lowercased()) }
        return words
    }
}
