/// The sentences one exam has asked about, to keep it from asking the same sentence twice
/// when a text repeats itself (news articles repeat a sentence as a caption or a pull quote,
/// sometimes with a word changed: "US"/"USA"). A second question on a repeated sentence
/// gives away the first one's answer.
struct SentenceEchoes {
    private var asked: [Set<String>] = []
    /// Words of the sentences looked at, by sentence index: candidates that fail to make a
    /// question are looked at again for every later question.
    private var wordsOf: [Int: Set<String>] = [:]

    /// Share of the shorter sentence's words, also in the other, from which two sentences count as
    /// one (the shorter side, because a stem may carry the sentence before or after it).
    static let sameSentence = 0.8

    /// Whether sentence `index`, reading `text`, repeats nearly word for word a sentence already
    /// asked about.
    mutating func repeats(_ text: String, index: Int) -> Bool {
        guard !asked.isEmpty else { return false }
        let words = self.words(text, index: index)
        guard words.count >= 5 else { return false }
        return asked.contains { other in
            guard other.count >= 5 else { return false }
            let shared = words.intersection(other).count
            return Double(shared) / Double(min(words.count, other.count)) >= Self.sameSentence
        }
    }

    mutating func record(_ text: String, index: Int) {
        asked.append(words(text, index: index))
    }

    private mutating func words(_ text: String, index: Int) -> Set<String> {
        if let known = wordsOf[index] { return known }
        let words = Set(Tokenizer.foldedWords(text))
        wordsOf[index] = words
        return words
    }
}
