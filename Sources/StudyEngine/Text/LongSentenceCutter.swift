/// Cuts "sentences" that are really several: photo captions glued to the next sentence
/// with no punctuation ("... manager on Friday ‘I’d be over the moon ..."), and run-on
/// text longer than the limit. Without this a graph ranker happily picks one 200-word
/// "sentence" and the summary balloons.
struct LongSentenceCutter {
    var maxWords: Int
    var maxCharacters: Int
    /// Both sides of a caption seam need at least this many words.
    static let minSeamSide = 4

    func cut(_ sentence: String) -> [String] {
        let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
        var pieces: [ArraySlice<Substring>] = []
        var start = 0
        if words.count >= 2 * Self.minSeamSide {
            for i in Self.minSeamSide..<(words.count - Self.minSeamSide + 1) where i - start >= Self.minSeamSide {
                if Self.isCaptionSeam(before: words[i - 1], after: words[i])
                    || Self.isCaptionLabel(before: words[i - 1], label: words[i..<min(words.count, i + 3)]) {
                    pieces.append(words[start..<i])
                    start = i
                }
            }
        }
        pieces.append(words[start...])
        var out: [String] = []
        for piece in pieces {
            out.append(contentsOf: enforceLimit(Array(piece)))
        }
        return out
    }

    /// A seam: a word with no trailing punctuation, then a capitalised word that only opens
    /// sentences ("club He", "Friday ‘I’d"). Stop words before the seam are excluded, since
    /// titles keep them ("in The Times").
    static func isCaptionSeam(before: Substring, after: Substring) -> Bool {
        guard let last = before.unicodeScalars.last, ScalarClass.isLetter(last) || ScalarClass.isDigit(last) else {
            return false
        }
        if StopWords.english.contains(before.lowercased()) { return false }
        var scalars = Substring.UnicodeScalarView(after.unicodeScalars)
        var quoted = false
        while let first = scalars.first, ScalarClass.isOpener(first) {
            scalars.removeFirst()
            quoted = true
        }
        guard let first = scalars.first, ScalarClass.isUpper(first) else { return false }
        var word = String(String.UnicodeScalarView(scalars.prefix(while: { ScalarClass.isLetter($0) || $0 == "'" || $0 == "\u{2019}" })))
        word = word.replacingApostrophes().lowercased()
        if quoted {
            return Abbreviations.quoteOpeners.contains(word) || Abbreviations.seamOpeners.contains(word)
        }
        return Abbreviations.seamOpeners.contains(word)
    }

    /// Verbs that introduce a quotation with a colon: "he told Sky News: …" is no seam.
    static let speechVerbs: Set<String> = ["said", "says", "told", "tells", "added", "explained", "wrote", "writes",
                                           "tweeted", "stated", "read", "reads", "announced", "asked", "replied"]

    /// A caption label glued to the previous words: "… last Saturday Skilful: The kite …",
    /// "… 2,000 years Global appeal: Teams …". One to three words, the first capitalised,
    /// the last ending in a colon.
    static func isCaptionLabel(before: Substring, label: ArraySlice<Substring>) -> Bool {
        guard let last = before.unicodeScalars.last, ScalarClass.isLetter(last) || ScalarClass.isDigit(last) else {
            return false
        }
        let previous = before.lowercased()
        if StopWords.english.contains(previous) || speechVerbs.contains(previous) { return false }
        if Abbreviations.titles.contains(previous) || before.first?.isUppercase == true && before.count <= 3 { return false }
        guard let first = label.first?.unicodeScalars.first, ScalarClass.isUpper(first) else { return false }
        // Labels are in sentence case: "Global appeal:", not "Saturday Skilful:".
        for (offset, word) in label.enumerated() {
            if offset > 0, word.first?.isLowercase != true { return false }
            if word.hasSuffix(":") { return word.count > 1 }
            if word.last.map({ !$0.isLetter }) ?? true { return false }
        }
        return false
    }

    /// Splits word runs longer than the limits: at `;` or `:` nearest the middle, then at a
    /// comma, then hard.
    func enforceLimit(_ words: [Substring]) -> [String] {
        let characters = words.reduce(0) { $0 + $1.count + 1 }
        guard words.count > maxWords || characters > maxCharacters + 1 else {
            return words.isEmpty ? [] : [words.joined(separator: " ")]
        }
        if words.count == 1 {
            // One enormous "word": text without spaces (CJK without full stops, a hash).
            return chunk(String(words[0]), size: maxCharacters)
        }
        let middle = words.count / 2
        let minSide = max(3, min(8, words.count / 4))
        func best(_ marks: String) -> Int? {
            var choice: Int? = nil
            for i in minSide..<(words.count - minSide + 1) {
                guard let last = words[i - 1].last, marks.contains(last) else { continue }
                if let current = choice, abs(i - middle) >= abs(current - middle) { continue }
                choice = i
            }
            return choice
        }
        let cutAt = (minSide < words.count - minSide + 1 ? (best(";:") ?? best(",")) : nil)
            ?? min(words.count - 1, max(1, min(maxWords, middle)))
        return enforceLimit(Array(words[..<cutAt])) + enforceLimit(Array(words[cutAt...]))
    }

    func chunk(_ text: String, size: Int) -> [String] {
        var out: [String] = []
        var current = ""
        var count = 0
        for ch in text {
            current.append(ch)
            count += 1
            if count >= size {
                out.append(current)
                current = ""
                count = 0
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

extension StringProtocol {
    /// The text with typographic apostrophes (’) as ASCII ones.
    func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
