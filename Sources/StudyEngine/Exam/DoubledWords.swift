/// A function word typed twice ("HebCelt is is taking place …", "the the festival"): a slip
/// of the source's, which a stem should not copy. Only words whose doubling is never
/// grammatical are joined ("had had" and "that that" can be).
enum DoubledWords {
    static let joinable: Set<String> = ["the", "a", "an", "is", "are", "was", "were", "to", "of", "in", "and", "for",
                                        "on", "it", "be", "has", "have", "will", "with", "at", "by", "as", "from"]

    /// `text` with each doubled joinable word written once.
    static func collapse(_ text: String) -> String {
        // Cheap test first: this runs on every sentence read.
        guard text.contains(" ") else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var out: [Substring] = []
        out.reserveCapacity(words.count)
        var changed = false
        for word in words {
            if let last = out.last, last == word, joinable.contains(String(word).lowercased()) {
                changed = true
                continue
            }
            out.append(word)
        }
        return changed ? out.joined(separator: " ") : text
    }
}
