/// A run of one to three content words inside a sentence: a candidate key term.
struct Phrase: Hashable {
    /// Stems joined by spaces: the identity of the phrase ("calvin cycl").
    var key: String
    /// The words as written ("Calvin cycle").
    var surface: String
    var wordCount: Int
    /// Whether every word starts with a capital letter.
    var capitalised: Bool
    /// Whether the phrase starts the sentence (its capital then says nothing).
    var atSentenceStart: Bool
    /// Whether the phrase sits where English puts a noun phrase: its run of content words
    /// follows an article, possessive or preposition ("the Calvin cycle", "of energy"),
    /// and the phrase ends where the run ends (the head noun). A cheap stand-in for a
    /// part-of-speech tagger that keeps verbs ("takes place", "began") out of key terms.
    var nounLike: Bool
}

/// Finds candidate terms: maximal runs of content words between stop words and
/// punctuation, and every sub-run of up to three words.
enum PhraseScanner {
    static let maxWords = 3
    /// Words after which a noun phrase follows.
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "each", "every", "its", "their", "his", "her", "our", "your",
        "of", "in", "on", "with", "by", "from", "into", "called", "named", "as", "for", "about", "between",
        "through", "during", "some", "many", "most", "all", "two", "three", "several", "no", "any",
    ]

    static func phrases(in sentence: String) -> [Phrase] {
        var stems: [String: String] = [:]
        return phrases(in: sentence, stems: &stems)
    }

    /// `stems` caches Porter stems across calls.
    static func phrases(in sentence: String, stems: inout [String: String]) -> [Phrase] {
        var out: [Phrase] = []
        var run: [(surface: String, stem: String, capitalised: Bool, position: Int)] = []
        var position = 0
        var previousWord = ""
        var runFollowsDeterminer = false

        func flushRun() {
            guard !run.isEmpty else { return }
            for start in 0..<run.count {
                for length in 1...min(maxWords, run.count - start) {
                    let words = run[start..<(start + length)]
                    out.append(Phrase(
                        key: words.map(\.stem).joined(separator: " "),
                        surface: words.map(\.surface).joined(separator: " "),
                        wordCount: length,
                        capitalised: words.allSatisfy(\.capitalised),
                        atSentenceStart: words.first?.position == 0,
                        nounLike: runFollowsDeterminer && start + length == run.count))
                }
            }
            run = []
        }

        for piece in sentence.split(separator: " ") {
            let (hasLeading, word, trailing, ascii) = Self.split(piece)
            if hasLeading { flushRun() }
            defer {
                position += 1
                if trailing > 0 { flushRun() }
                previousWord = trailing > 0 ? "" : Tokenizer.fold(word)
            }
            guard !word.isEmpty else { flushRun(); continue }
            let folded = ascii ? word.lowercased() : Tokenizer.fold(word.replacingApostrophes())
            let possessiveFree = folded.hasSuffix("'s") ? String(folded.dropLast(2)) : folded
            let isStop = StopWords.english.contains(possessiveFree) || CommonVerbs.all.contains(possessiveFree)
            let hasLetters = word.contains(where: \.isLetter)
            guard !isStop, hasLetters, possessiveFree.count >= 3 || (word.first?.isUppercase == true && word.count >= 2) else {
                flushRun()
                continue
            }
            if run.isEmpty { runFollowsDeterminer = determiners.contains(previousWord) && !hasLeading }
            let stem: String
            if let known = stems[possessiveFree] {
                stem = known
            } else {
                stem = possessiveFree.split(separator: "-").map { PorterStemmer.stem(String($0)) }.joined(separator: "-")
                stems[possessiveFree] = stem
            }
            let surface = folded.hasSuffix("'s") ? String(word.dropLast(2)) : word
            run.append((surface, stem, word.first?.isUppercase == true, position))
            // A possessive ends the phrase: "Locke's team" is not a term.
            if folded.hasSuffix("'s") { flushRun() }
        }
        flushRun()
        return out
    }

    /// A piece of a sentence as punctuation before, the word, and how many characters of
    /// punctuation follow; on bytes when the piece is printable ASCII (the common case).
    static func split(_ piece: Substring) -> (hasLeading: Bool, word: String, trailing: Int, ascii: Bool) {
        let bytes = piece.utf8
        if bytes.allSatisfy({ (32...126).contains($0) }) {
            func isAlphanumeric(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
            guard let start = bytes.firstIndex(where: isAlphanumeric), let last = bytes.lastIndex(where: isAlphanumeric) else {
                return (!bytes.isEmpty, "", 0, true)
            }
            let end = bytes.index(after: last)
            return (start != bytes.startIndex, String(piece[start..<end]), bytes.distance(from: end, to: bytes.endIndex), true)
        }
        return splitCharacters(piece)
    }

    /// `split` Character by Character (any script).
    static func splitCharacters(_ piece: Substring) -> (hasLeading: Bool, word: String, trailing: Int, ascii: Bool) {
        let leading = piece.prefix(while: { !$0.isLetter && !$0.isNumber })
        let core = piece.dropFirst(leading.count).reversed().drop(while: { !$0.isLetter && !$0.isNumber })
        let word = String(core.reversed())
        return (!leading.isEmpty, word, piece.count - leading.count - word.count, false)
    }
}
