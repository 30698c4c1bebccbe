/// A photo caption run into the story where the next sentence opens with a person's epithet
/// and name: "… struggle against rivals Sunderland in the Tyne-Wear derby Head coach John
/// Carver said …", "… struggled to get going Cancer survivor Jonas Gutierrez was …". Mid-
/// sentence a capitalised word between a lower-case noun and a lower-case word, followed by
/// a two-word name, is the start of a sentence that lost its full stop. Titles written
/// inside a sentence come after a function word, a verb or an adjective of rank ("the
/// Newcastle midfielder Jonas Gutierrez", "said England manager Roy Hodgson", "former
/// Wales striker …"), which the check leaves alone.
enum FusedEpithet {
    /// Adjectives that stand before a title inside a sentence ("former England manager").
    static let rankAdjectives: Set<String> = ["former", "ex", "then", "current", "new", "late", "fellow", "veteran",
                                              "interim", "caretaker", "acting", "young", "teenage", "legendary", "retired",
                                              "incoming", "outgoing", "serving", "deputy", "assistant", "senior", "junior",
                                              "rival", "compatriot", "ageing", "injured", "departing"]

    /// Prepositions the stop list lacks: "beyond Liverpool goalkeeper Simon Mignolet".
    static let prepositions: Set<String> = ["beyond", "against", "behind", "past", "across", "towards", "toward",
                                            "alongside", "despite", "like", "near", "among", "amongst", "versus", "via",
                                            "including", "unlike", "amid", "around", "beside", "besides", "without",
                                            "within", "underneath", "upon", "throughout", "outside", "inside", "opposite"]

    static func isFused(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 6 else { return false }
        for i in 1..<(words.count - 3) {
            let word = words[i]
            guard word.count >= 3, let head = word.first, head.isUppercase,
                  word.dropFirst().allSatisfy(\.isLowercase) else { continue }
            let before = words[i - 1]
            guard before.count >= 3, before.allSatisfy(\.isLowercase) else { continue }
            let folded = Tokenizer.fold(before)
            // A verb governs a title ("said England manager …"); an -ing form ends a caption's
            // clause ("… struggled to get going Cancer survivor …") as often, and is let through.
            let verb = CommonVerbs.all.contains(folded) && !folded.hasSuffix("ing")
            if StopWords.english.contains(folded) || verb || rankAdjectives.contains(folded) || prepositions.contains(folded)
                || folded.hasSuffix("ly") || LongSentenceCutter.speechVerbs.contains(folded) { continue }
            if SpanExtractor.calendarWords.contains(Tokenizer.fold(word)) { continue }
            // One or two lower-case words of the epithet, then a name of two capitalised words.
            var j = i + 1
            var epithet = 0
            while j < words.count, epithet < 2, words[j].allSatisfy(\.isLowercase), words[j].count >= 3,
                  !StopWords.english.contains(words[j]) {
                epithet += 1
                j += 1
            }
            guard epithet >= 1, j + 1 < words.count else { continue }
            if isNameWord(words[j]), isNameWord(words[j + 1]) { return true }
        }
        return false
    }

    /// "John", "Gutierrez,": a capitalised word of letters (a trailing comma allowed).
    static func isNameWord(_ word: String) -> Bool {
        let core = word.hasSuffix(",") || word.hasSuffix("'s") ? String(word.prefix(while: { $0 != "," && $0 != "'" })) : word
        guard core.count >= 2, let first = core.first, first.isUppercase else { return false }
        return core.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" }
    }
}
