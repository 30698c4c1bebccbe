/// Sentences a news page glued together that the splitter left whole (issue 8, C): a stem
/// built from one reads as garbled prose, whatever the blank.
///
/// - A stop with no space after it: "… debts of £225,000.They still owe …", "… in the
///   US."Christopher had …". Abbreviations keep single letters between their dots ("U.S.",
///   "Ph.D") and are left alone.
/// - A dateline or code run into a name: "09:22 GMTRichard Blake-Smith …" (four capitals,
///   the last of them opening a lower-case word).
/// - A caption's end run into the story: "… could sell for less In a study published …",
///   "Visit site Like the rest of the royals …", "… zip through skirt Earn your style …": a
///   word that only opens sentences ("In", "Like", "But") or an imperative to the reader
///   ("Earn your"), capitalised right after a lower-case word with no stop, and followed by
///   a lower-case word (so not a title such as "In Cold Blood").
enum FusedSeams {
    static func problem(_ text: String) -> String? {
        let words = text.split(separator: " ")
        // "… will play for Sunrisers HyderabadJos Buttler is with Mumbai IndiansSam …": a list
        // whose line breaks were lost glues a name to the next line's first word, again and again.
        if words.filter(camelSeam).count >= 2 { return "fused sentences" }
        for (i, word) in words.enumerated() {
            if gluedStop(word) || gluedCapitals(word) || gluedQuote(word) { return "fused sentences" }
            guard i >= 1, i + 1 < words.count, word.count > 1 else { continue }
            let previous = words[i - 1]
            guard let last = previous.last, last.isLetter || last.isNumber,
                  previous.first?.isLowercase == true || previous.first?.isNumber == true,
                  !linkWords.contains(previous.lowercased()) else { continue }
            guard let first = word.first, first.isUppercase,
                  word.dropFirst().allSatisfy({ $0.isLowercase || $0 == "'" || $0 == "’" }) else { continue }
            let next = words[i + 1]
            guard next.first?.isLowercase == true else { continue }
            let core = word.lowercased().filter(\.isLetter)
            if Abbreviations.sentenceOpeners.contains(core) || core == "like" { return "fused sentences" }
            if ["your", "you"].contains(next.lowercased().filter(\.isLetter)) { return "fused sentences" }
        }
        // "… derby Head coach John Carver said …": a sentence opening with an epithet and a name.
        if FusedEpithet.isFused(text) { return "fused sentences" }
        return nil
    }

    /// Words that may stand before a capitalised title or name ("of The Times", "and One
    /// Direction"): no seam after them.
    static let linkWords: Set<String> = ["the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with",
                                         "and", "or", "as", "into", "called", "named", "titled", "dubbed"]

    /// "£225,000.They", "US."Christopher": a stop inside a word, then a capitalised word.
    static func gluedStop(_ word: Substring) -> Bool {
        guard word.count >= 4, word.contains(where: { ".!?".contains($0) }),
              !word.contains("@"), !word.contains("://"), !word.lowercased().hasPrefix("www") else { return false }
        let letters = Array(word)
        for k in letters.indices.dropFirst().dropLast() where ".!?".contains(letters[k]) {
            var j = k + 1
            var quoted = false
            while j < letters.count, "\"“'‘".contains(letters[j]) { j += 1; quoted = true }
            guard j + 1 < letters.count, letters[j].isUppercase, letters[j + 1].isLowercase else { continue }
            // Before the stop: a word or number of its own, not one letter of an abbreviation.
            let before = letters[k - 1]
            let runBefore = letters[..<k].reversed().prefix(while: { $0.isLetter || $0.isNumber || $0 == "," }).count
            if quoted && (before.isLetter || before.isNumber) || runBefore >= 2 && (before.isLowercase || before.isNumber) {
                return true
            }
            // "Group F.Should the …": one letter opening the word, then a whole capitalised word.
            if runBefore == 1, k == 1, before.isUppercase, letters[j...].prefix(while: \.isLetter).count >= 3 { return true }
        }
        return false
    }

    /// "GMTRichard": four capitals in a row whose last opens a run of three lower-case letters.
    static func gluedCapitals(_ word: Substring) -> Bool {
        let letters = Array(word)
        guard letters.count >= 7 else { return false }
        for j in 3..<(letters.count - 3) where letters[j].isUppercase {
            if letters[(j - 3)..<j].allSatisfy({ $0.isUppercase && $0.isLetter }),
               letters[(j + 1)...(j + 3)].allSatisfy(\.isLowercase) { return true }
        }
        return false
    }

    /// "…Africa and Morocco"We are preparing …": a closing double quote glued to the capital
    /// that opens the next sentence. (An apostrophe inside a name, "O'Neill", is no quote.)
    static func gluedQuote(_ word: Substring) -> Bool {
        let letters = Array(word)
        guard letters.count >= 5 else { return false }
        for k in letters.indices.dropFirst().dropLast(2) where "\"“”".contains(letters[k]) {
            if letters[k - 1].isLetter || ".,!?".contains(letters[k - 1]), letters[k + 1].isUppercase, letters[k + 2].isLowercase { return true }
        }
        return false
    }

    /// "HyderabadJos": a lower-case run of five letters or more, then a capitalised word of
    /// three letters or more inside one token. (Brand names such as "PowerPoint" have one such
    /// seam; only two in a sentence count.)
    static func camelSeam(_ word: Substring) -> Bool {
        let letters = Array(word)
        guard letters.count >= 9 else { return false }
        for j in 5..<(letters.count - 2) where letters[j].isUppercase {
            if letters[(j - 5)..<j].allSatisfy(\.isLowercase), letters[(j + 1)...(j + 2)].allSatisfy(\.isLowercase) { return true }
        }
        return false
    }
}

