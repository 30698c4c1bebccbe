/// Words that cannot be what a singular "it" stands for, so a sentence whose only
/// candidates are such words leans on the sentence before it: "For measles, about 95
/// percent of people must be immune to reach it" means herd immunity, named one sentence
/// earlier (issue 8, C).
enum ThingAntecedent {
    /// Whether the word at `index` is a plural-looking noun ("people", "measles", "cells"), a
    /// unit counted by the number before it ("95 percent", "3 km") or a predicate adjective
    /// ("be immune").
    static func isNoSingularAntecedent(_ index: Int, raw: [String], words: [String]) -> Bool {
        let word = words[index]
        if ["people", "children", "men", "women"].contains(word) { return true }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") { return true }
        if index > 0, raw[index - 1].first?.isNumber == true { return true }
        // "must be immune": a word right after a form of "be", with no article, is a predicate
        // adjective, not a thing.
        if index > 0, ["be", "is", "are", "was", "were", "been", "being"].contains(words[index - 1]) { return true }
        return false
    }
}
