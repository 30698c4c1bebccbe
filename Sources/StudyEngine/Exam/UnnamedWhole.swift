/// Sentences whose subject is a part or a measure of something they never name: "About 180
/// copies were printed" (copies of what?), "Before 1800, the concentration was about 280 ppm"
/// (the concentration of what?). Notes leave the whole to the heading or the item above; a
/// question stem shows neither, so the student cannot tell what is asked. Such a sentence is
/// asked only joined to the sentence that names the whole (see `ExamMaterial`), or not at all.
///
/// Runs on candidate stems only (sentences that hold an answer), like `MissingReferent`.
enum UnnamedWhole {
    /// Reasons given: a count of parts and a measure with no "of X".
    static let bareCount = "bare count"
    static let bareMeasure = "bare measure"

    /// Nouns that count parts or copies of one thing, or people belonging to one
    /// ("180 copies", "300 members", "12 episodes"): without "of X" they count nothing named.
    static let partNouns: Set<String> = [
        "copies", "members", "pages", "editions", "versions", "episodes", "chapters", "instalments", "installments",
        "specimens", "samples", "fragments", "translations", "printings", "reprints", "variants", "units", "parts",
        "pieces", "sequels", "seasons", "speakers", "inhabitants", "residents", "employees", "subscribers", "readers",
        "viewers", "survivors",
    ]

    /// Nouns that measure something and need to say of what ("the concentration of CO2").
    static let measureNouns: Set<String> = [
        "concentration", "rate", "level", "amount", "number", "proportion", "share", "total", "population", "value",
        "percentage", "ratio", "fraction", "density", "frequency",
    ]

    /// Words that come before a count ("about 180", "fewer than 50", "an estimated 20").
    static let approximators: Set<String> = [
        "about", "around", "roughly", "approximately", "nearly", "almost", "over", "only", "just", "some", "fewer",
        "less", "more", "than", "up", "to", "at", "least", "an", "estimated", "as", "many", "few", "under", "well",
        "barely", "exactly", "precisely", "perhaps", "possibly", "probably",
    ]

    /// Scale words inside a count ("20 million").
    static let scaleWords: Set<String> = ["hundred", "thousand", "million", "billion", "trillion", "dozen"]

    /// Verbs that follow a measure straight away when nothing says what it measures
    /// ("the concentration was", "the rate doubled").
    static let measureVerbs: Set<String> = [
        "is", "was", "are", "were", "has", "had", "have", "stood", "stands", "rose", "rises", "fell", "falls", "reached",
        "reaches", "remained", "remains", "stayed", "increased", "decreased", "dropped", "doubled", "halved", "grew",
        "grows", "peaked", "climbed", "declined", "will", "would", "could", "may", "might", "can",
    ]

    /// Why the sentence names no whole for its subject, or nil.
    static func problem(_ text: String) -> String? {
        let raw = text.split(separator: " ").map(String.init)
        let words = raw.map { $0.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" } }
        guard words.count >= 3 else { return nil }
        if countsUnnamedParts(raw: raw, words: words) { return bareCount }
        if measuresUnnamedThing(raw: raw, words: words) || incrementsUnnamedScale(words: words) { return bareMeasure }
        return nil
    }

    /// "About 180 copies were printed", "By 1500, fewer than 50 copies survived": the subject
    /// (at the start or right after an opening phrase set off by a comma) is a count of parts
    /// with no "of X" after it.
    static func countsUnnamedParts(raw: [String], words: [String]) -> Bool {
        var starts = [0]
        if let comma = raw.prefix(6).firstIndex(where: { $0.hasSuffix(",") }), comma + 1 < raw.count { starts.append(comma + 1) }
        for start in starts {
            var i = start
            while i < words.count, i - start < 4, approximators.contains(words[i]) { i += 1 }
            // The count itself: digits, number words and scale words.
            let countStart = i
            while i < words.count, isCount(words[i]) { i += 1 }
            guard i > countStart, i < words.count else { continue }
            // One describing word may stand before the noun ("50 complete copies").
            var noun = i
            if !partNouns.contains(words[noun]), noun + 1 < words.count, raw[noun].last?.isLetter == true,
               !StopWords.english.contains(words[noun]) {
                noun += 1
            }
            guard partNouns.contains(words[noun]), raw[noun].last?.isLetter == true || noun + 1 == words.count else { continue }
            let next = noun + 1 < words.count ? words[noun + 1] : ""
            // "copies of the Bible", "members of parliament": the whole is named.
            if next == "of" || next == "from" { continue }
            return true
        }
        return false
    }

    /// "the concentration was about 280 ppm": "the" and a measure noun, straight before its
    /// verb, with the noun not used before in the sentence (where it would say of what).
    static func measuresUnnamedThing(raw: [String], words: [String]) -> Bool {
        for i in words.indices.dropFirst().dropLast() where measureNouns.contains(words[i]) && words[i - 1] == "the" {
            guard raw[i].last?.isLetter == true, measureVerbs.contains(words[i + 1]) else { continue }
            // "The CO2 concentration rose …; the concentration was …": said of what earlier
            // (a word before the noun or an "of" after it), where the stem shows it.
            if (0..<(i - 1)).contains(where: { words[$0] == words[i] && namesWhole(at: $0, raw: raw, words: words) }) { continue }
            // "the rate is the speed at which …": a definition of the measure itself.
            if i == 1, ["is", "are"].contains(words[i + 1]), i + 2 < words.count, ["the", "a", "an"].contains(words[i + 2]) {
                continue
            }
            return true
        }
        return false
    }

    /// Whether the measure noun at `index` says of what: "concentration of CO2", "the CO2
    /// concentration", "birth rate" (not "shows concentration rising").
    static func namesWhole(at index: Int, raw: [String], words: [String]) -> Bool {
        if index + 1 < words.count, ["of", "in"].contains(words[index + 1]), raw[index].last?.isLetter == true { return true }
        guard index > 0, raw[index - 1].last.map({ $0.isLetter || $0.isNumber }) == true else { return false }
        let before = words[index - 1]
        // A verb before it ("shows concentration rising") says nothing of what; a lowercase
        // word in -s is taken for one.
        let verbLike = before.hasSuffix("ed") || before.hasSuffix("ing")
            || raw[index - 1].first?.isLowercase == true && before.hasSuffix("s") && !before.hasSuffix("ss")
        return before.count > 1 && !StopWords.english.contains(before) && !verbLike
    }

    /// Reasons a sentence may lose by being joined to the one that names its whole.
    static let joinable: Set<String> = [bareCount, bareMeasure, MissingReferent.unsaidNoun]

    /// The sentence that may name what `sentence` leaves unnamed: in a paragraph the one right
    /// before it when that opens the paragraph; in a list the item before it or, for a count
    /// of parts, the list's first item when that says what something is ("The Gutenberg Bible
    /// is …"). Each host serves one join; the caller checks that the joined text then reads
    /// whole (`ExamSentence.referenceProblem`) and fits a stem.
    static func host(for sentence: ExamSentence, reason: String, previous: ExamSentence?, opener: ExamSentence?,
                     used: Set<Int>) -> ExamSentence? {
        guard joinable.contains(reason) else { return nil }
        func usable(_ host: ExamSentence?) -> ExamSentence? {
            guard let host, host.group == sentence.group, host.index < sentence.index, host.stemProblem == nil, !host.joined,
                  !used.contains(host.index) else { return nil }
            return host
        }
        let adjacent = previous.flatMap { $0.index == sentence.index - 1 && $0.opensBlock ? usable($0) : nil }
        guard sentence.isListItem else { return adjacent }
        if reason == bareCount {
            guard let first = usable(opener), first.isListItem, Self.saysWhatSomethingIs(first.text) else { return nil }
            return first
        }
        return adjacent
    }

    /// "The Gutenberg Bible is the first …", "Penicillin was discovered …": a short subject
    /// (no comma, up to six words, opening with a capital) before "is", "was", "are" or "were".
    static func saysWhatSomethingIs(_ text: String) -> Bool {
        let words = text.split(separator: " ").prefix(8)
        guard words.first?.first?.isUppercase == true else { return false }
        for (i, word) in words.enumerated() {
            if word.hasSuffix(",") || word.hasSuffix(":") || word.hasSuffix(";") { return false }
            if i > 0, ["is", "was", "are", "were"].contains(String(word)) { return i <= 6 }
        }
        return false
    }

    static func isCount(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        if first.isNumber { return word.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } }
        if scaleWords.contains(word) { return true }
        if let n = AcceptedAnswers.numberWords.firstIndex(of: word) { return n >= 2 }
        return false
    }
}
