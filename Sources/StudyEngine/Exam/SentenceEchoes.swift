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

/// A key whose number or word shows again elsewhere in its own sentence: "It was printed with
/// _____ (42 lines per column), so it is also called the 42-line Bible". The blank hides the
/// key, but the rest of the stem still says it. Such a key is kept as option material only.
enum KeyEchoes {
    /// Whether `text`, with one `key` taken out, still shows the key's number (in a compound,
    /// "42-line", before the key's own unit, or repeating a bare number) or, for a term, a
    /// word of it inside a compound ("movable-type" for "movable type").
    static func givesAway(_ key: AnswerSpan, in text: String) -> Bool {
        let keyNumbers = Set(key.text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" })
            .map(numberCore).filter { !$0.isEmpty })
        // A key with no number shows again only in a hyphenated compound: most sentences have
        // none, and this runs for every answer of every sentence read.
        if key.kind == .term, key.text.contains(" "), namesRelative(of: key.text, in: text) { return true }
        if keyNumbers.isEmpty, ![.term, .acronym].contains(key.kind) || !text.contains(where: { $0 == "-" || $0 == "–" }) {
            return false
        }
        guard let range = WholeWord.range(of: key.text, in: text) else { return false }
        let rest = String(text[..<range.lowerBound]) + " " + String(text[range.upperBound...])
        let tokens = rest.split(separator: " ").map { String($0).trimmingAny(of: ".,;:!?)(\"“”‘’'") }
        if !keyNumbers.isEmpty {
            // The words after the key's number ("lines" of "42 lines per column"): the same
            // number before another unit ("20 Hz to 20 kHz") tells nothing.
            let keyParts = key.text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" })
            let keyUnit = keyParts.firstIndex(where: { !numberCore($0).isEmpty }).flatMap { at in
                at + 1 < keyParts.count ? singular(Tokenizer.fold(String(keyParts[at + 1])).filter(\.isLetter)) : nil
            } ?? ""
            for (t, token) in tokens.enumerated() {
                let parts = token.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
                guard let at = parts.firstIndex(where: { keyNumbers.contains(numberCore($0)) }) else { continue }
                // "42-line" for "42 lines", or a bare number key repeated.
                let after = at + 1 < parts.count ? String(parts[at + 1]) : (t + 1 < tokens.count ? tokens[t + 1] : "")
                let unit = singular(Tokenizer.fold(after).filter(\.isLetter))
                if keyUnit.isEmpty || unit == keyUnit || parts.count > 1 && at + 1 < parts.count { return true }
            }
        }
        guard [.term, .acronym].contains(key.kind) else { return false }
        let keyWords = key.text.split(whereSeparator: { $0 == " " || $0 == "-" }).map { singular(Tokenizer.fold(String($0))) }
            .filter { $0.count > 2 && !StopWords.english.contains($0) && !$0.allSatisfy(\.isNumber) }
        // A word of the key on its own is left alone: a definition repeats its head noun
        // ("Reverberation time is the time it takes …"), and judges found such stems fair.
        let wordSet = Set(keyWords)
        guard !wordSet.isEmpty else { return false }
        for token in tokens where token.contains("-") || token.contains("–") {
            let parts = token.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { singular(Tokenizer.fold(String($0))) }
            if parts.count > 1, parts.contains(where: wordSet.contains) { return true }
        }
        return false
    }

    /// "The _____ lies between the left ventricle and the aorta" for "aortic valve": a word of
    /// a compound key whose near twin ("aorta" / "aortic": the same letters but the ending)
    /// stands in the rest of the sentence points at the key (issue 8, judge round 19, WEAK).
    /// The same word repeated ("left atrium" beside "left ventricle") is no such pointer.
    static func namesRelative(of key: String, in text: String) -> Bool {
        let keyWords = Set(key.split(separator: " ").map { Tokenizer.fold(String($0)).filter(\.isLetter) }.filter { $0.count >= 5 })
        guard !keyWords.isEmpty, let range = WholeWord.range(of: key, in: text) else { return false }
        let rest = (text[..<range.lowerBound] + " " + text[range.upperBound...]).split(separator: " ")
            .map { Tokenizer.fold(String($0)).filter(\.isLetter) }.filter { $0.count >= 5 }
        for word in rest where !keyWords.contains(word) {
            for keyWord in keyWords where word.first == keyWord.first {
                let shorter = min(word.count, keyWord.count)
                let shared = zip(word, keyWord).prefix { $0 == $1 }.count
                if shared >= shorter - 1, abs(word.count - keyWord.count) <= 3, singular(word) != singular(keyWord) { return true }
            }
        }
        return false
    }

    /// The digits of a numeric token ("1,040" → "1040"), or "" for a word.
    static func numberCore(_ token: Substring) -> String {
        guard token.first?.isNumber == true else { return "" }
        let digits = token.prefix { $0.isNumber || $0 == "," || $0 == "." }.filter { $0 != "," }
        return String(digits.hasSuffix(".") ? digits.dropLast() : digits[...])
    }

    /// "lines" → "line", "columns" → "column": plain plural endings only.
    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }
}
