extension AcceptedAnswers {
    /// A name and its clipped form the text writes as one word: "HebCelt" for "Hebridean
    /// Celtic Festival", "FinTech" for "Financial Technology". Each capitalised piece of the
    /// short word opens the next word of the long name, in order, and covers at least two of
    /// its first words; the long name's remaining words are a tail ("Festival"). Either form
    /// answers for the other when the text writes both.
    static func clippedForms(of answer: String, names: Set<String>, words: Set<String>) -> [String] {
        let answerWords = answer.split(separator: " ").map(String.init)
        if answerWords.count == 1, let pieces = camelPieces(answer) {
            return names.filter { matches(pieces: pieces, name: $0) }.sorted()
        }
        guard answerWords.count >= 2 else { return [] }
        return words.filter { word in camelPieces(word).map { matches(pieces: $0, name: answer) } ?? false }.sorted()
    }

    /// "HebCelt" → ["Heb", "Celt"]; nil unless the word has two or more capitalised pieces of
    /// two letters or more each (so "McDonald", "iPhone" and "NASA" give none).
    static func camelPieces(_ word: String) -> [String]? {
        guard word.count >= 5, word.allSatisfy(\.isLetter), word.first?.isUppercase == true else { return nil }
        var pieces: [String] = []
        var current = ""
        for ch in word {
            if ch.isUppercase, !current.isEmpty { pieces.append(current); current = "" }
            current.append(ch)
        }
        pieces.append(current)
        guard pieces.count >= 2, pieces.allSatisfy({ $0.count >= 3 && $0.dropFirst().allSatisfy(\.isLowercase) }) else { return nil }
        return pieces
    }

    static func matches(pieces: [String], name: String) -> Bool {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= pieces.count, words.count <= pieces.count + 2 else { return false }
        return zip(pieces, words).allSatisfy { piece, word in
            word.first?.isUppercase == true && word.lowercased().hasPrefix(piece.lowercased()) && word.count > piece.count
        }
    }
}
