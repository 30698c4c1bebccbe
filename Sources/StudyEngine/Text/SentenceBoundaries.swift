/// Finds sentence boundaries in one paragraph of running text.
///
/// A boundary is placed after sentence-final punctuation and any closing quotes or
/// brackets, when what follows looks like the start of a new sentence. The decisions
/// that need judgement are in `isBreak`.
enum SentenceBoundaries {
    typealias Scalars = [Unicode.Scalar]

    static func find(in c: Scalars) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = c.count
        while i < n {
            let s = c[i]
            if ScalarClass.isCJKTerminator(s) {
                var end = i + 1
                while end < n, ScalarClass.isCJKTerminator(c[end]) || ScalarClass.isCloser(c[end]) { end += 1 }
                ranges.append(start..<end)
                start = end
                i = end
                continue
            }
            guard ScalarClass.isTerminator(s) else { i += 1; continue }
            var runEnd = i
            while runEnd < n, ScalarClass.isTerminator(c[runEnd]) { runEnd += 1 }
            var end = runEnd
            while end < n, ScalarClass.isCloser(c[end]) { end += 1 }
            if end >= n { break }
            if !ScalarClass.isWhitespace(c[end]) {
                // "APOE.But": a full stop glued to the next sentence.
                if runEnd - i == 1, end == runEnd, s == ".", isGluedBreak(c, at: i) {
                    ranges.append(start..<end)
                    start = end
                }
                i = runEnd
                continue
            }
            var next = end
            while next < n, ScalarClass.isWhitespace(c[next]) { next += 1 }
            if next >= n { break }
            if isBreak(c, runStart: i, runEnd: runEnd, next: next) {
                ranges.append(start..<end)
                start = next
            }
            i = next
        }
        if start < n { ranges.append(start..<n) }
        return ranges
    }

    /// Whether a break belongs after the terminators `c[runStart..<runEnd]`, given that the
    /// next sentence would start at `next` (after white space).
    static func isBreak(_ c: Scalars, runStart: Int, runEnd: Int, next: Int) -> Bool {
        let nextWord = word(c, from: next)
        guard let firstLetter = nextWord.first ?? firstVisible(c, from: next) else { return true }
        // A lowercase word continues the sentence: "e.g. the", "approx. five", "Wait... no".
        if ScalarClass.isLower(firstLetter) { return false }
        let run = c[runStart..<runEnd]
        if run.contains(where: { $0 != "." }) || run.count > 1 {
            // "!", "?", "?!", "..." and "…" before anything that is not lowercase.
            return true
        }
        let before = wordBefore(c, dot: runStart)
        let lower = before.lowercased()
        let nextIsDigit = ScalarClass.isDigit(firstLetter)
        let nextIsOpener = isSentenceOpener(nextWord)
        if lower.isEmpty { return true }
        if Abbreviations.titles.contains(lower) { return false }
        // A title after a hyphen ("then-Sen. Barack Obama", "ex-Gov. Smith") is still a title
        // before a capitalised name.
        if let hyphen = lower.lastIndex(of: "-"), Abbreviations.titles.contains(String(lower[lower.index(after: hyphen)...])),
           !nextIsOpener {
            return false
        }
        if Abbreviations.numeric.contains(lower) {
            return !(nextIsDigit || isRomanNumeral(nextWord))
        }
        if Abbreviations.weak.contains(lower) { return nextIsOpener }
        // Initialisms with inner dots: "U.S", "Ph.D", "a.m".
        if before.unicodeScalars.contains(".") && before.unicodeScalars.allSatisfy({ $0 == "." || ScalarClass.isLetter($0) }) {
            return nextIsOpener
        }
        // A single capital is an initial ("J. R. R. Tolkien", "George W. Bush") unless a
        // typical opener follows ("... vitamin C. The body ...").
        if before.unicodeScalars.count == 1, let only = before.unicodeScalars.first, ScalarClass.isUpper(only) {
            return nextIsOpener
        }
        return true
    }

    /// "rate.Next": a full stop directly followed by a capitalised word, between two words
    /// of text. Excludes file names, URLs, e-mail addresses and initialisms.
    static func isGluedBreak(_ c: Scalars, at dot: Int) -> Bool {
        let n = c.count
        guard dot >= 2, dot + 2 < n else { return false }
        guard ScalarClass.isLetter(c[dot - 1]) || c[dot - 1] == ")" || ScalarClass.isDigit(c[dot - 1]) else { return false }
        guard ScalarClass.isUpper(c[dot + 1]), ScalarClass.isLower(c[dot + 2]) else { return false }
        var j = dot - 1
        var letters = 0
        while j >= 0, !ScalarClass.isWhitespace(c[j]) {
            let s = c[j]
            if s == "." || s == "/" || s == "@" || s == ":" || s == "\\" || s == "_" { return false }
            if ScalarClass.isLetter(s) { letters += 1 }
            j -= 1
        }
        guard letters >= 2 else { return false }
        // The next word must be a plain word: "Amos-INTERNET@bbc.co.uk" still counts, since
        // the text before the dot ended a sentence; "Main.Swift" is rejected by the length.
        var k = dot + 1
        var nextLetters = 0
        while k < n, ScalarClass.isLetter(c[k]) { nextLetters += 1; k += 1 }
        return nextLetters >= 2
    }

    /// The letters (and inner dots/apostrophes) at `from`, after any opening quotes.
    static func word(_ c: Scalars, from: Int) -> [Unicode.Scalar] {
        var i = from
        while i < c.count, ScalarClass.isOpener(c[i]) { i += 1 }
        var out: [Unicode.Scalar] = []
        while i < c.count, ScalarClass.isLetter(c[i]) || ScalarClass.isDigit(c[i]) || c[i] == "'" || c[i] == "\u{2019}" {
            out.append(c[i])
            i += 1
        }
        return out
    }

    static func firstVisible(_ c: Scalars, from: Int) -> Unicode.Scalar? {
        var i = from
        while i < c.count, ScalarClass.isOpener(c[i]) { i += 1 }
        return i < c.count ? c[i] : nil
    }

    /// The token before a full stop: back to white space or an opening bracket/quote.
    static func wordBefore(_ c: Scalars, dot: Int) -> String {
        var j = dot - 1
        while j >= 0, !ScalarClass.isWhitespace(c[j]), !(ScalarClass.isOpener(c[j]) && c[j] != "'" ) { j -= 1 }
        return j + 1 < dot ? ScalarText.string(c[(j + 1)..<dot]) : ""
    }

    static func isSentenceOpener(_ word: [Unicode.Scalar]) -> Bool {
        guard let first = word.first, ScalarClass.isUpper(first) else { return false }
        let letters = word.prefix(while: { $0 != "'" && $0 != "\u{2019}" })
        // No opener is longer than ten letters: skip building strings for long words.
        guard letters.count <= 10 else { return false }
        return Abbreviations.sentenceOpeners.contains(ScalarText.lowercased(letters))
    }

    static func isRomanNumeral(_ word: [Unicode.Scalar]) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "IVXLCivxlc".unicodeScalars.contains($0) }
    }
}
