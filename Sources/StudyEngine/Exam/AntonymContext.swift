/// Where a word for its opposite makes a fair false statement, read from the words around it
/// (issue 8, F). Three swaps read as nonsense rather than as false:
/// - a word whose opposite's family is already in the sentence ("tend to gain, lose or share
///   electrons"): the swap repeats another item of the list, and may garble it;
/// - "gain" as a verb ("to gain", "cells gain") swapped for the noun "loss": the opposite
///   must be of the same part of speech, so "gain" goes to "loss" only after a determiner
///   ("a gain", "the net gain");
/// - a comparative that states a result or a purpose ("splits it into smaller tables",
///   "to make reads faster", "trades work for faster reads"): the sentence's own logic fixes
///   the direction, so "larger tables" is absurd. A comparative is swapped only where it is
///   a claim about a property: after a linking verb ("Macrophages are larger") or before
///   "than" ("faster than sound").
enum AntonymContext {
    /// Comparatives of the antonym pairs.
    static let comparatives: Set<String> = ["higher", "lower", "larger", "smaller", "faster", "slower", "stronger", "weaker",
                                            "cheaper", "dearer"]
    /// Verbs that link a subject to a property ("is larger", "becomes weaker").
    static let linkingVerbs: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became",
                                            "remain", "remains", "remained", "stay", "stays", "seem", "seems", "grow", "grows",
                                            "grew", "get", "gets", "got"]
    /// Degree words that may stand between a linking verb and a comparative ("is much larger").
    static let degreeWords: Set<String> = ["much", "far", "slightly", "somewhat", "generally", "usually", "often", "even",
                                           "typically", "considerably", "significantly", "a", "bit", "little", "lot", "also",
                                           "still", "always", "not"]
    /// Words that make the next word a noun ("a gain", "the net gain", "weight gain").
    static let determiners: Set<String> = ["a", "an", "the", "this", "that", "any", "no", "its", "their", "his", "her", "net",
                                           "each", "every", "some"]

    /// Whether the word at `index` of `words` (the sentence split at spaces) may be swapped for
    /// its opposite.
    static func allowsSwap(_ words: [String], at index: Int) -> Bool {
        let fold: (String) -> String = { $0.trimmingAny(of: ".,;:!?\"“”()'’").lowercased() }
        let word = fold(words[index])
        // The opposite, or a word of its family, is already in the sentence ("gain, lose or
        // share" for "loss"): the swap repeats an item instead of stating something false.
        if let opposite = Antonyms.map[word] {
            let prefix = String(opposite.prefix(opposite.count <= 4 ? 3 : 4))
            if words.indices.contains(where: { $0 != index && fold(words[$0]).hasPrefix(prefix) }) { return false }
        }
        if word == "gain" {
            guard index > 0, determiners.contains(fold(words[index - 1])) else { return false }
        }
        if comparatives.contains(word) {
            if index + 1 < words.count, fold(words[index + 1]) == "than" { return true }
            var j = index - 1
            while j >= 0, degreeWords.contains(fold(words[j])) { j -= 1 }
            return j >= 0 && linkingVerbs.contains(fold(words[j])) && !words[j].hasSuffix(",")
        }
        return true
    }
}
