extension UnnamedWhole {
    /// "Each step of one unit means about 32 times more energy released", "Every rise of 10
    /// degrees doubles the rate": a sentence that opens with "each"/"every", one noun, "of" and
    /// an amount speaks of increments of a scale or quantity it does not name (the sentence
    /// before does). Read as a bare measure: asked joined to that sentence, or not at all.
    static func incrementsUnnamedScale(words: [String]) -> Bool {
        guard words.count >= 5, ["each", "every"].contains(words[0]), words[2] == "of" else { return false }
        let noun = words[1]
        guard noun.count > 2, !StopWords.english.contains(noun) else { return false }
        let amount = words[3]
        return isCount(amount) || amount == "one" || amount == "a"
    }
}
