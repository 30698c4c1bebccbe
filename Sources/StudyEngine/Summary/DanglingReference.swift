/// Sentences that lean on the one before them ("It reflects green light.", "These two
/// forces …"). Out of context a reader cannot tell what they are about, so a summary takes
/// one only together with the sentence before it.
enum DanglingReference {
    /// Pronouns and demonstratives that point back when they open a sentence.
    static let openers: Set<String> = [
        "it", "its", "it's", "this", "that", "these", "those", "they", "their", "theirs", "them", "he", "she",
        "his", "her", "him", "such", "both", "another", "latter", "former", "here",
    ]

    /// Whether the unit's text opens with a word that refers back.
    static func startsWithReference(_ text: String) -> Bool {
        var first = ""
        for ch in text {
            if ch.isLetter || ch == "'" || ch == "’" {
                first.append(ch)
                if first.count > 8 { return false }
            } else if first.isEmpty {
                continue  // quotes, brackets, Markdown markers before the first word
            } else {
                break
            }
        }
        let word = first.lowercased().replacingOccurrences(of: "’", with: "'")
        if openers.contains(word) { return true }
        // "The latter …", "The former …"
        let lowered = text.prefix(12).lowercased()
        return lowered.hasPrefix("the latter") || lowered.hasPrefix("the former")
    }
}
