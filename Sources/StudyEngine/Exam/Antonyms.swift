/// Opposites for false true/false statements that stay grammatical: one word of the
/// sentence for its opposite of the same part of speech ("increases" → "decreases").
/// General English, not tied to any subject.
enum Antonyms {
    static let pairs: [(String, String)] = [
        ("increases", "decreases"), ("increase", "decrease"), ("increased", "decreased"), ("increasing", "decreasing"),
        ("rises", "falls"), ("rise", "fall"), ("rose", "fell"), ("higher", "lower"),
        ("larger", "smaller"), ("largest", "smallest"), ("faster", "slower"), ("fastest", "slowest"),
        ("gains", "loses"), ("gain", "loss"), ("maximum", "minimum"), ("inside", "outside"),
        ("above", "below"), ("always", "never"), ("stronger", "weaker"), ("long-term", "short-term"),
        ("releases", "absorbs"), ("accepts", "rejects"), ("internal", "external"), ("positive", "negative"),
        ("directly", "inversely"), ("upward", "downward"), ("doubles", "halves"), ("expands", "contracts"),
        ("allows", "forbids"), ("cheaper", "dearer"),
        // No "before"/"after" or "earlier"/"later": they sit in phrasal verbs and time spans
        // ("chase after", "a few hours later"), where the swap reads as nonsense, not as false.
    ]

    static let map: [String: String] = {
        var out: [String: String] = [:]
        for (a, b) in pairs {
            out[a] = b
            out[b] = a
        }
        return out
    }()

    /// The sentence with its first word that has an opposite swapped, keeping the capital;
    /// nil when no word has one.
    static func swapOne(in sentence: String) -> (statement: String, original: String, replacement: String)? {
        let words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let quoted = quotedWords(words)
        for (i, word) in words.enumerated() where !quoted[i] {
            let core = word.trimmingAny(of: ".,;:!?\"“”()")
            guard let opposite = map[core.lowercased()] else { continue }
            // "sooner or later", "more or less", "up and down": one half of a fixed pair.
            let before = i > 0 ? words[i - 1].lowercased() : ""
            let after = i + 1 < words.count ? words[i + 1].lowercased() : ""
            if ["or", "and", "nor"].contains(before) || ["or", "and", "nor"].contains(after) { continue }
            // A list item, a verb for a noun, a comparative of a result: see `AntonymContext`.
            if !AntonymContext.allowsSwap(words, at: i) { continue }
            // "the same as always": a set phrase, not a claim.
            if before == "as" && after.isEmpty || before == "as" && after.first.map({ !$0.isLetter }) == true { continue }
            if before == "as", ["always", "never", "ever", "usual"].contains(core.lowercased()) { continue }
            // "fell pregnant", "fell ill", "rose to fame": a set phrase, whose swap ("rose
            // pregnant") is nonsense, not a false statement.
            if ["fell", "fall", "falls", "rose", "rise", "rises"].contains(core.lowercased()),
               Self.setPhraseFollowers.contains(after.trimmingAny(of: ".,;:!?\"“”()'’")) { continue }
            // "has never been greater": "always" before a comparative with nothing to compare
            // with is no claim at all, so the swap is not false but empty.
            if ["always", "never"].contains(core.lowercased()), Self.beforeBareComparative(words, after: i) { continue }
            // "died a few hours later": a time span before it makes the swap absurd, not false.
            if ["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "moments"].contains(before.trimmingAny(of: ",")) { continue }
            // "added to increase the power", "as positive as possible": an aim, whose opposite is absurd.
            if AntonymAims.statesAim(words, at: i) { continue }
            // "Fall of an Empire": a word of a name or title.
            if AntonymNames.inName(words, at: i) { continue }
            // "the third smallest importer", "one of the largest ports": the opposite may hold too.
            if AntonymRanks.isRanked(words, at: i) { continue }
            // "Both the negative and the positive aspects": the opposite is already there, and the
            // swap would repeat it. "can increase X, increasing Y": another form of the word
            // carries the same claim, and the swap would contradict it rather than be false.
            // (The same word again, "the price rises when demand rises", is another claim.)
            let originalStem = PorterStemmer.stem(core.lowercased()), oppositeStem = PorterStemmer.stem(opposite)
            let clashes = words.indices.contains { j in
                guard j != i else { return false }
                let other = words[j].trimmingAny(of: ".,;:!?\"“”()'’").lowercased()
                let stem = PorterStemmer.stem(other)
                return stem == oppositeStem || stem == originalStem && other != core.lowercased()
            }
            if clashes { continue }
            let replacement = core.first?.isUppercase == true ? opposite.capitalisedFirst : opposite
            var out = words
            out[i] = word.replacingOccurrences(of: core, with: replacement)
            return (out.joined(separator: " "), core, replacement)
        }
        return nil
    }

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

    /// Which words stand inside quotation marks: what someone said is theirs, so swapping a
    /// word of it makes no false statement, only a misquote.
    static func quotedWords(_ words: [String]) -> [Bool] {
        var out = Array(repeating: false, count: words.count)
        var open = false
        for (i, word) in words.enumerated() {
            let opens = word.first.map { "\"“‘'".contains($0) } ?? false
            let trimmed = word.trimmingAny(of: ".,;:!?)")
            let closes = trimmed.count > 1 && (trimmed.last.map { "\"”’'".contains($0) } ?? false)
                && !(trimmed.hasSuffix("s'") && !opens)
            if opens { open = true }
            out[i] = open
            if closes { open = false }
        }
        return out
    }

    /// Whether the sentence is someone's words: it opens with a quotation mark. Such a
    /// sentence is no true/false statement (true of what, said by whom?).
    static func isDirectSpeech(_ sentence: String) -> Bool {
        guard let first = sentence.trimmingWhitespace().first else { return false }
        return "\"“‘'".contains(first)
    }
}
