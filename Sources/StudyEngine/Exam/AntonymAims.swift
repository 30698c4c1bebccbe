/// Where a word's opposite makes no false statement but an absurd one (issue 8, F): the word
/// states what someone aims at. "Proteins were added to increase the power of the test" and
/// "The club is trying to be as positive as possible" say what people want; swapped, they
/// say people worked towards a harm ("added to decrease the power", "as negative as
/// possible"), which any reader rejects without the text.
///
/// A "to" before the word reads as an aim unless the word before "to" speaks of what is
/// expected or under way ("expected to rise", "continued to fall"): those state a trend, and
/// its opposite is a plain falsehood.
enum AntonymAims {
    /// Words before "to + verb" that make it a forecast or a trend, not an aim.
    static let trendWords: Set<String> = [
        "expected", "likely", "unlikely", "set", "due", "forecast", "predicted", "projected", "estimated",
        "continue", "continues", "continued", "continuing", "began", "begin", "begins", "begun", "started",
        "start", "starts", "tend", "tends", "tended", "seem", "seems", "seemed", "appear", "appears",
        "appeared", "going", "about", "used",
    ]

    /// Whether `words[i]` (the word to swap) states an aim: after "to" that follows no trend
    /// word, or inside "as … as" ("as positive as possible").
    static func statesAim(_ words: [String], at i: Int) -> Bool {
        func folded(_ j: Int) -> String {
            guard words.indices.contains(j) else { return "" }
            return Tokenizer.fold(words[j].trimmingAny(of: ".,;:!?\"“”()'’"))
        }
        if folded(i - 1) == "as", folded(i + 1) == "as" { return true }
        guard folded(i - 1) == "to" else { return false }
        return !trendWords.contains(folded(i - 2))
    }
}

/// A capitalised word with an opposite inside a name or title ("Fall of an Empire: The Story
/// of …", "the Higher Education Act"): the swap renames a film or a law, a misquote of the
/// name rather than a false claim (issue 8, F). Mid-sentence a capital marks a name; at the
/// start, a capitalised word among the next three marks one.
enum AntonymNames {
    static func inName(_ words: [String], at i: Int) -> Bool {
        guard words.indices.contains(i), words[i].first(where: \.isLetter)?.isUppercase == true else { return false }
        if i > 0 { return true }
        return words.dropFirst().prefix(3).contains { word in
            word.first(where: \.isLetter)?.isUppercase == true && !["I", "I'm", "I've"].contains(word)
        }
    }
}

/// A superlative ranked among others ("the third smallest importer", "one of the largest
/// ports"): its opposite may hold as well (a list has a third largest and a third smallest,
/// and many a port is "one of the smallest" of some list), so the swap makes no clear
/// falsehood (issue 8, F).
enum AntonymRanks {
    static let ordinals: Set<String> = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                                        "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"]

    static func isRanked(_ words: [String], at i: Int) -> Bool {
        let word = Tokenizer.fold(words[i].trimmingAny(of: ".,;:!?\"“”()'’"))
        guard word.hasSuffix("est") else { return false }
        func folded(_ j: Int) -> String {
            guard words.indices.contains(j) else { return "" }
            return Tokenizer.fold(words[j].trimmingAny(of: ".,;:!?\"“”()'’"))
        }
        if ordinals.contains(folded(i - 1)) { return true }
        // "one of the largest", "among the fastest".
        if folded(i - 1) == "the", folded(i - 2) == "of" && folded(i - 3) == "one" || folded(i - 2) == "among" { return true }
        return false
    }
}
