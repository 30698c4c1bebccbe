/// The words of a set of sentences, indexed so that any phrase can be counted, and what
/// each word's neighbours say about it (a unit after numbers, a modifier, a head noun).
struct TermIndex {
    /// Per word position: the word folded and singular ("windows" → "window"); "" between sentences.
    private var words: [String] = []
    private var sentenceOf: [Int] = []
    private var positions: [String: [Int]] = [:]
    /// Every folded word as written (plural and singular kept apart).
    private var surfaces = Set<String>()

    /// Per folded singular word: how it is used.
    struct Usage {
        var total = 0
        /// Right after a number ("64 KB").
        var afterNumber = 0
        /// Followed by another content word ("slow start"): a modifier.
        var beforeContent = 0
        /// After another content word ("normal good"): the head of a compound.
        var afterContent = 0
        /// Written lowercase somewhere (so a capital is only the sentence start).
        var lowercase = 0
        /// Capitalised after the first word of a sentence (a name: "Isaac Newton").
        var capitalisedInside = 0
    }

    private(set) var usage: [String: Usage] = [:]

    init(document: StudyDocument, pool: [Int]) {
        for index in pool {
            let tokens = Tokenizer.tokens(InlineMarkdown.strip(document.sentences[index].text))
            var previous: Token? = nil
            for (k, token) in tokens.enumerated() {
                let word = Self.normal(token.folded)
                surfaces.insert(token.folded)
                positions[word, default: []].append(words.count)
                words.append(word)
                sentenceOf.append(index)
                guard token.kind == .word else { previous = token; continue }
                var u = usage[word] ?? Usage()
                u.total += 1
                if !token.capitalised { u.lowercase += 1 } else if k > 0 { u.capitalisedInside += 1 }
                if let p = previous {
                    if p.kind == .number { u.afterNumber += 1 }
                    if Self.isContent(p) { u.afterContent += 1 }
                }
                if k + 1 < tokens.count, Self.isContent(tokens[k + 1]) { u.beforeContent += 1 }
                usage[word] = u
                previous = token
            }
            words.append("")
            sentenceOf.append(-1)
        }
    }

    static func isContent(_ token: Token) -> Bool {
        guard token.kind == .word, !StopWords.english.contains(token.folded) else { return false }
        return !CommonVerbs.all.contains(token.folded) || CommonVerbs.bases.contains(token.folded)
    }

    /// A folded word in singular form, so that "cycles" counts as "cycle".
    static func normal(_ folded: String) -> String {
        guard folded.count > 3, folded.hasSuffix("s"), !folded.hasSuffix("ss"), !folded.hasSuffix("us"),
              !folded.hasSuffix("is") else { return folded }
        return String(folded.dropLast())
    }

    /// The first sentence (content-unit index) that holds the phrase, if any.
    func firstSentence(with phrase: String) -> Int? {
        let needle = Tokenizer.tokens(phrase).map { Self.normal($0.folded) }
        guard let first = needle.first, let starts = positions[first] else { return nil }
        for start in starts where start + needle.count <= words.count {
            if (1..<max(1, needle.count)).allSatisfy({ words[start + $0] == needle[$0] }) { return sentenceOf[start] }
        }
        return nil
    }

    /// The sentences (content-unit indexes, in order, each once) that hold the phrase; at most `limit`.
    func sentences(with phrase: String, limit: Int = 200) -> [Int] {
        let needle = Tokenizer.tokens(phrase).map { Self.normal($0.folded) }
        guard let first = needle.first, let starts = positions[first] else { return [] }
        var out: [Int] = []
        for start in starts where start + needle.count <= words.count {
            guard (1..<max(1, needle.count)).allSatisfy({ words[start + $0] == needle[$0] }) else { continue }
            if out.last != sentenceOf[start] { out.append(sentenceOf[start]) }
            if out.count == limit { break }
        }
        return out
    }

    /// Whether a folded word occurs in the text as written (not singularised): "consuls" for "consul".
    func hasSurface(_ folded: String) -> Bool {
        surfaces.contains(folded)
    }

    /// How often the phrase occurs and in how many sentences.
    func count(_ phrase: String) -> (occurrences: Int, sentences: Int) {
        let needle = Tokenizer.tokens(phrase).map { Self.normal($0.folded) }
        guard let first = needle.first, let starts = positions[first] else { return (0, 0) }
        var occurrences = 0
        var seen = Set<Int>()
        for start in starts where start + needle.count <= words.count {
            var ok = true
            for k in 1..<max(1, needle.count) where words[start + k] != needle[k] { ok = false; break }
            if ok {
                occurrences += 1
                seen.insert(sentenceOf[start])
            }
        }
        return (occurrences, seen.count)
    }

    /// Whether a single word is a poor key term by how it is used: mostly a unit after a
    /// number ("KB"), mostly a modifier of the next word ("slow" in "slow start"), or mostly
    /// the head of different compounds ("good" in "normal good", "inferior good").
    func isPoorSingleTerm(_ word: String) -> Bool {
        let key = Self.normal(word)
        if NumberWords.all.contains(key) { return true }
        guard let u = usage[key], u.total > 0 else { return false }
        let total = Double(u.total)
        return Double(u.afterNumber) >= 0.5 * total || Double(u.beforeContent) > 0.5 * total
            || Double(u.afterContent) > 0.5 * total
    }

    /// Whether a word is a unit: mostly written right after a number ("KB", "ms").
    func isUnit(_ word: String) -> Bool {
        guard let u = usage[Self.normal(word)], u.total > 0 else { return false }
        return 2 * u.afterNumber >= u.total
    }
}
