/// Where a word for its opposite makes a fair false statement, read from the words around it
/// (issue 8, F): the one gate `Antonyms.swapOne` asks. Besides set phrases ("more or less",
/// "fell pregnant"), empty records ("never been greater"), time spans ("hours later"), aims,
/// names and ranks (`AntonymAims`, `AntonymNames`, `AntonymRanks`), three swaps read as
/// nonsense rather than as false:
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
    /// Words after "fell"/"rose" that make a set phrase rather than a movement up or down.
    static let setPhraseFollowers: Set<String> = ["pregnant", "ill", "sick", "asleep", "silent", "victim", "prey", "apart",
                                                  "foul", "short", "behind", "out", "off", "through", "for",
                                                  "into", "flat", "open", "quiet", "dead", "fame", "power"]

    /// Whether "been"/"be"/"was"/"is" and then a comparative with no "than" follow word `index`
    /// ("never been greater.", "never been better"): a record claim whose opposite says nothing.
    static func beforeBareComparative(_ words: [String], after index: Int) -> Bool {
        let rest = words[(index + 1)...].prefix(3).map { $0.lowercased().trimmingAny(of: ".,;:!?\"“”()") }
        guard let link = rest.firstIndex(where: { ["been", "be", "was", "is", "were", "are"].contains($0) }),
              link + 1 < rest.count else { return false }
        let next = rest[link + 1]
        let comparative = ["more", "less", "better", "worse"].contains(next) || next.count > 4 && next.hasSuffix("er")
        let compared = words[(index + 1)...].prefix(8).contains { $0.lowercased() == "than" }
        return comparative && !compared
    }

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
        let before = index > 0 ? words[index - 1].lowercased() : ""
        let after = index + 1 < words.count ? words[index + 1].lowercased() : ""
        // "sooner or later", "more or less", "up and down": one half of a fixed pair.
        if ["or", "and", "nor"].contains(before) || ["or", "and", "nor"].contains(after) { return false }
        // "the same as always": a set phrase, not a claim.
        if before == "as", after.isEmpty || after.first.map({ !$0.isLetter }) == true { return false }
        if before == "as", ["always", "never", "ever", "usual"].contains(word) { return false }
        // "if there were no positive developments": under a negation the swap ("no negative
        // developments") turns the sentence's logic inside out and reads as nonsense.
        if ["no", "not", "without", "nor", "never"].contains(fold(before)) { return false }
        // "fell pregnant", "fell ill", "rose to fame": a set phrase, whose swap ("rose
        // pregnant") is nonsense, not a false statement.
        if ["fell", "fall", "falls", "rose", "rise", "rises"].contains(word), setPhraseFollowers.contains(fold(after)) { return false }
        // "has never been greater": "always" before a comparative with nothing to compare
        // with is no claim at all, so the swap is not false but empty.
        if ["always", "never"].contains(word), beforeBareComparative(words, after: index) { return false }
        // "died a few hours later": a time span before it makes the swap absurd, not false.
        if ["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "moments"].contains(before.trimmingAny(of: ",")) {
            return false
        }
        // "added to increase the power", "as positive as possible": an aim, whose opposite is absurd.
        if AntonymAims.statesAim(words, at: index) { return false }
        // "Fall of an Empire": a word of a name or title.
        if AntonymNames.inName(words, at: index) { return false }
        // "the third smallest importer", "one of the largest ports": the opposite may hold too.
        if AntonymRanks.isRanked(words, at: index) { return false }
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
