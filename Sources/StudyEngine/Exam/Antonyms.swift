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
            // Set phrases, lists, results, aims, names, ranks: see `AntonymContext.allowsSwap`.
            if !AntonymContext.allowsSwap(words, at: i) { continue }
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

    /// Whether the sentence is someone's words: it opens with a quotation mark, or a speaker's
    /// tag and a colon lead into one. Such a sentence is no true/false statement (true of
    /// what, said by whom?).
    static func isDirectSpeech(_ sentence: String) -> Bool {
        let trimmed = sentence.trimmingWhitespace()
        guard let first = trimmed.first else { return false }
        if "\"“‘'".contains(first) { return true }
        // "Mrs Creag continued: 'Doctors said his EPP was …'": a speaker's tag and then the quote.
        for mark in [": '", ": \"", ": ‘", ": “"] where trimmed.contains(mark) { return true }
        // "… and I think Derek and his players deserve …": a speaker's own words whose marks
        // the page dropped; true or false for whom?
        return trimmed.split(separator: " ").contains { word in
            let core = word.filter { $0.isLetter || $0 == "'" || $0 == "’" }.replacingOccurrences(of: "’", with: "'")
            return firstPerson.contains(core) || firstPerson.contains(core.lowercased()) && core.dropFirst().allSatisfy { !$0.isUppercase }
        }
    }

    /// Words only a speaker uses of themselves ("I", "we", "my", "I'm").
    static let firstPerson: Set<String> = ["I", "I'm", "I've", "I'd", "I'll", "me", "my", "we", "we're", "we've", "our", "us", "myself", "ourselves"]
}
