import Foundation

/// Places where the text itself marks a term as one to learn, the way a teacher reads
/// notes: a bold lead-in, "term (ABBR)", "X is a …", "… called X", a list head, a table
/// cell. Each candidate keeps the sentence that introduces it.
struct TermEvidence {
    /// How strongly each kind of mark says "this is a term".
    enum Mark: Double {
        case tableCell = 0.3
        case gloss = 0.8
        case listHead = 1.2
        case bold = 1.5
        case heading = 2.0
        case abbreviation = 2.1
        case boldLead = 2.2
        case definition = 2.5
    }

    struct Candidate {
        /// The term as written, without Markdown ("congestion window").
        var term: String
        /// Its abbreviation when the text gives one ("cwnd").
        var abbreviation: String?
        /// Content-unit index (into `StudyDocument.sentences`) of the introducing sentence.
        var sentence: Int
        var strength: Double
    }

    private(set) var candidates: [Candidate] = []

    init(document: StudyDocument, pool: [Int], index termIndex: TermIndex) {
        var firstMention: [String: Int] = [:]
        for index in pool {
            let unit = document.sentences[index]
            let plain = InlineMarkdown.strip(unit.text)
            let words = Self.words(plain)
            for (span, atStart) in InlineMarkdown.strongSpans(unit.text) {
                for (term, abbreviation) in Self.boldTerms(span, atStart: atStart) {
                    // "**Second Battle of Ypres (April 1915)**": a dated name is an event, whose
                    // date is the fact to learn; it is named, not defined.
                    add(term, abbreviation, index, Self.isDated(span) ? .gloss : atStart ? .boldLead : .bold)
                }
            }
            let bracketed = plain.contains("(")
            if bracketed {
                for (term, abbreviation) in Self.abbreviations(words) { add(term, abbreviation, index, .abbreviation) }
                for term in Self.glosses(words) { add(term, nil, index, .gloss) }
            }
            for term in Self.definitions(words) { add(term, nil, index, .definition) }
            for term in Self.quotedNames(words) { add(term, nil, index, .gloss) }
            if unit.kind == .listItem, index == 0 || document.sentences[index - 1].block != unit.block,
               let head = Self.listHead(plain) {
                add(head, nil, index, .listHead)
            }
            for key in Set(words.map { $0.folded }) where firstMention[key] == nil { firstMention[key] = index }
        }
        // A heading names what its section is about: "The Calvin Cycle", "Conservation of
        // Momentum and Collisions" (split at other small words), when the text uses the name.
        for unit in document.split.units where unit.kind == .heading {
            for piece in Self.headingPieces(Self.words(InlineMarkdown.strip(unit.text))) {
                let name = piece.map(\.text).joined(separator: " ")
                // "How the War Ended", "Why It Is Needed": a heading's clause, not a name.
                guard let last = piece.last, !Self.isPastForm(last.folded) else { continue }
                if piece.count == 1, last.folded.hasSuffix("ly") || termIndex.isPoorSingleTerm(last.folded) { continue }
                guard let at = termIndex.firstSentence(with: name) else { continue }
                // Spelled as the running text spells it ("Calvin cycle", not "Calvin Cycle").
                // The sentence may hold the singular ("Hits and Misses" → "A cache hit is …").
                let text = InlineMarkdown.strip(document.sentences[at].text)
                let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
                guard let range = text.range(of: name, options: .caseInsensitive)
                        ?? text.range(of: singular, options: .caseInsensitive) else { continue }
                add(String(text[range]), nil, at, .heading)
            }
        }
        // Table cells name things (rows, columns) but define nothing; they count only when the
        // running text uses them too, and take the first sentence that does as their context.
        // A table needs a pipe: without one there is no outline to read (it scans the whole source).
        let cells = document.source.utf8.contains(UInt8(ascii: "|")) ? MarkdownOutline(source: document.source).cells : []
        for cell in cells where cell.row == 0 || cell.column == 0 {
            let plain = InlineMarkdown.strip(cell.text)
            let words = Self.words(plain)
            guard (1...3).contains(words.count), words.allSatisfy({ $0.isWord && !$0.isStop }),
                  let first = words.first, let at = firstMention[first.folded] else { continue }
            add(plain, nil, at, .tableCell)
        }
    }

    private mutating func add(_ term: String, _ abbreviation: String?, _ sentence: Int, _ mark: Mark) {
        let cleaned = Self.trimArticles(term)
        guard !cleaned.isEmpty, cleaned.count <= 60 else { return }
        candidates.append(Candidate(term: cleaned, abbreviation: abbreviation, sentence: sentence, strength: mark.rawValue))
    }

    // MARK: - Words

    struct Word {
        /// As written, without surrounding punctuation.
        var text: String
        var folded: String
        /// Punctuation before and after the word ("(", "),").
        var before: String
        var after: String
        var isWord: Bool { text.contains(where: \.isLetter) && !text.contains(where: { "=+×÷→$%<>/".contains($0) }) }
        var isStop: Bool { StopWords.english.contains(folded) }
        var isNumber: Bool { text.first?.isNumber == true && !text.contains(where: \.isLetter) }
    }

    static func words(_ text: String) -> [Word] {
        text.split(separator: " ").map { asciiWord($0) ?? characterWord($0) }
    }

    /// One piece of text as a `Word`, read Character by Character (any script).
    static func characterWord(_ piece: Substring) -> Word {
        let before = piece.prefix(while: { !$0.isLetter && !$0.isNumber })
        let rest = piece.dropFirst(before.count)
        let core = String(rest.reversed().drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
        let after = String(rest.dropFirst(core.count))
        var folded = Tokenizer.fold(core.replacingApostrophes())
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        return Word(text: core, folded: folded, before: String(before), after: after)
    }

    static let articles: Set<String> = ["the", "a", "an"]

    /// `words` for one piece of printable ASCII, on bytes (the common case, and several times
    /// faster than walking Characters); nil for anything else. Same result as the general path.
    static func asciiWord(_ piece: Substring) -> Word? {
        let bytes = piece.utf8
        guard bytes.allSatisfy({ (32...126).contains($0) }) else { return nil }
        func isAlphanumeric(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
        guard let start = bytes.firstIndex(where: isAlphanumeric), let last = bytes.lastIndex(where: isAlphanumeric) else {
            return Word(text: "", folded: "", before: String(piece), after: "")
        }
        let end = bytes.index(after: last)
        let core = String(piece[start..<end])
        var folded = core.lowercased()
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        return Word(text: core, folded: folded, before: String(piece[..<start]), after: String(piece[end...]))
    }

    /// Whether a bold span ends in a bracket holding a number or year ("Verdun (1916)").
    static func isDated(_ span: String) -> Bool {
        guard let open = span.lastIndex(of: "("), let close = span.lastIndex(of: ")"), open < close else { return false }
        return span[open..<close].contains(where: \.isNumber)
    }

    /// A past tense or participle by its ending ("ended", "needed"; not "speed" or "bed").
    static func isPastForm(_ folded: String) -> Bool {
        folded.count > 4 && folded.hasSuffix("ed") && !folded.hasSuffix("eed")
    }

    static func trimArticles(_ term: String) -> String {
        var parts = term.split(separator: " ")
        while parts.count > 1, let first = parts.first, articles.contains(first.lowercased()) { parts.removeFirst() }
        return parts.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .,:;!?\"'“”‘’"))
    }

    /// Whether words can form a term: 1 to 5 words of text (no numbers, formulas or
    /// symbols), opening and closing with a content word.
    static func isTermShape(_ words: [Word]) -> Bool {
        guard (1...5).contains(words.count), let first = words.first, let last = words.last else { return false }
        guard words.allSatisfy({ $0.isWord }), !first.isStop, !last.isStop else { return false }
        // Inside a term only "of" and "and" may stand ("law of demand", "tribune of the plebs").
        for (k, w) in words.enumerated() where w.isStop {
            let allowed = w.folded == "of" || w.folded == "and" || (w.folded == "the" && k > 0 && words[k - 1].folded == "of")
            if !allowed { return false }
        }
        guard !NumberWords.cardinals.contains(first.folded), !DanglingReference.openers.contains(first.folded) else { return false }
        if words.count == 1 && NumberWords.all.contains(first.folded) { return false }
        // Inner punctuation other than a hyphen or apostrophe splits a list, not a term.
        return words.dropLast().allSatisfy { $0.after.isEmpty } && words.dropFirst().allSatisfy { $0.before.isEmpty }
    }

    /// The noun phrases of a heading: runs of words between small words other than "of"
    /// ("of the" inside a name stays), colons and numbers.
    static func headingPieces(_ words: [Word]) -> [[Word]] {
        var pieces: [[Word]] = []
        var run: [Word] = []
        func close() {
            while let last = run.last, last.isStop { run.removeLast() }
            if isTermShape(run) { pieces.append(run) }
            run = []
        }
        for (k, w) in words.enumerated() {
            let keepsName = w.folded == "of" || (w.folded == "the" && k > 0 && words[k - 1].folded == "of")
            if !w.isWord || (w.isStop && !(keepsName && !run.isEmpty)) { close(); continue }
            if !w.before.isEmpty { close() }
            run.append(w)
            if !w.after.isEmpty { close() }
        }
        close()
        return pieces
    }

    // MARK: - Bold

    /// Terms in one bold span: "**Congestion window (cwnd)**", "**Stage 1: Glycolysis.**",
    /// "**Newton's first law**". A bold word inside a sentence is emphasis ("**not**") unless
    /// it is a name or a phrase.
    static func boldTerms(_ span: String, atStart: Bool) -> [(String, String?)] {
        var text = InlineMarkdown.strip(span).trimmingCharacters(in: CharacterSet(charactersIn: " .:;,!?"))
        var abbreviation: String? = nil
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inner = String(text[text.index(after: open)..<close])
            let head = String(text[..<open]).trimmingWhitespace()
            if let short = abbreviationForm(inner, of: words(head)) { abbreviation = short }
            text = head
        }
        // "Stage 1: Glycolysis" / "Example 2: weight": the label goes, the name stays.
        if let colon = text.firstIndex(of: ":") {
            let label = words(String(text[..<colon]))
            let rest = String(text[text.index(after: colon)...]).trimmingWhitespace()
            if label.contains(where: { $0.isNumber }) || label.count == 1 { text = rest } else { text = String(text[..<colon]) }
        }
        let parts = words(trimArticles(text))
        guard isTermShape(parts) else { return [] }
        if parts.contains(where: { $0.isNumber }) { return [] }
        if !atStart && parts.count == 1, let only = parts.first, only.text.first?.isUppercase != true { return [] }
        return [(parts.map(\.text).joined(separator: " "), abbreviation)]
    }

    // MARK: - Abbreviations

    /// "term (ABBR)" and "ABBR (expansion)": the spelled-out term and its abbreviation.
    static func abbreviations(_ words: [Word]) -> [(String, String?)] {
        var out: [(String, String?)] = []
        for (i, word) in words.enumerated() where word.before.hasPrefix("(") && i > 0 {
            // A one-word parenthesis: "(cwnd)", "(TCP)".
            if word.after.hasPrefix(")") {
                let preceding = Array(words[max(0, i - 6)..<i])
                if let term = expansion(for: word.text, before: preceding) {
                    out.append((term, word.text))
                }
                continue
            }
            // "BBR (Bottleneck Bandwidth and Round-trip propagation time)".
            let short = words[i - 1]
            guard isAbbreviationLike(short.text), short.after.isEmpty else { continue }
            var inner: [Word] = []
            for j in i..<min(words.count, i + 8) {
                inner.append(words[j])
                if words[j].after.hasPrefix(")") { break }
            }
            guard inner.last?.after.hasPrefix(")") == true,
                  abbreviationForm(short.text, of: inner) != nil else { continue }
            out.append((short.text, nil))
        }
        return out
    }

    /// "TCP", "RuBisCO", "PSII", "G3P": short, at least two capitals or a capital and a digit.
    static func isAbbreviationLike(_ text: String) -> Bool {
        guard (2...10).contains(text.count), text.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        let capitals = text.filter(\.isUppercase).count
        return capitals >= 2 || (capitals == 1 && text.contains(where: \.isNumber))
    }

    /// The shortest run of words ending just before the parenthesis that `short` abbreviates:
    /// its first word starts with the abbreviation's first letter and the abbreviation's
    /// letters appear in order in the words ("congestion window" → "cwnd").
    static func expansion(for short: String, before: [Word]) -> String? {
        guard (2...10).contains(short.count), short.contains(where: \.isLetter),
              short.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        // "TCP", "G3P", or all lowercase and short ("cwnd"); a capitalised word ("Reno") is a name.
        let lower = short.allSatisfy { !$0.isUppercase }
        guard isAbbreviationLike(short) || (lower && short.count <= 8) else { return nil }
        for length in 1...before.count {
            let run = Array(before.suffix(length))
            // Nothing but the first word may open with a bracket or quote; the run may hold
            // one comma ("additive increase, multiplicative decrease").
            if run.dropFirst().contains(where: { !$0.before.isEmpty }) { break }
            if run.dropLast().contains(where: { !$0.after.isEmpty && $0.after != "," }) { break }
            if run.dropLast().filter({ $0.after == "," }).count > 1 { break }
            guard let first = run.first, !first.isStop else { continue }
            if abbreviationForm(short, of: run) != nil {
                let phrase = run.map(\.text).joined(separator: " ")
                let joined = run.map { $0.text + $0.after }.dropLast().joined(separator: " ")
                return joined.isEmpty ? phrase : joined + " " + (run.last?.text ?? "")
            }
        }
        return nil
    }

    /// `short` if it abbreviates `words` (see `expansion`), else nil.
    static func abbreviationForm(_ short: String, of words: [Word]) -> String? {
        let letters = Array(short.lowercased().filter { $0.isLetter || $0.isNumber })
        let long = Array(words.map { $0.text.lowercased() }.joined())
        guard letters.count >= 2, long.count > letters.count, letters.count * 2 <= long.count + 2,
              let firstWord = words.first, !firstWord.isStop,
              firstWord.text.lowercased().first == letters.first,
              words.count <= 7 else { return nil }
        var k = 0
        for ch in long where k < letters.count && ch == letters[k] { k += 1 }
        guard k == letters.count else { return nil }
        // Every content word should lend a letter: "Control Protocol" is not "TCP".
        let content = words.filter { !$0.isStop }
        return content.count <= letters.count ? short : nil
    }

    // MARK: - Definitions

    /// Verbs and phrases that follow the term in a definition ("X is a …", "X states that").
    static let definingVerbs: [[String]] = [["is"], ["are"], ["was"], ["were"], ["refers", "to"], ["means"], ["states", "that"],
                                            ["describes"], ["measures"], ["is", "defined", "as"]]
    static let naming: [[String]] = [["called"], ["known", "as"], ["termed"], ["referred", "to", "as"],
                                     ["defined", "as"]]
    static let definiteStarts: Set<String> = ["a", "an", "the", "one", "any", "how", "what", "that"]

    /// Terms defined by the sentence: a subject before "is a/an/the …", or the words after
    /// "called", "known as", "termed".
    static func definitions(_ words: [Word]) -> [String] {
        var out: [String] = []
        // Subject definitions: "(The) law of demand states that …", "Inertia is the tendency …".
        var start = 0
        while start < words.count, articles.contains(words[start].folded) { start += 1 }
        let lastEnd = min(words.count - 1, start + 5)
        for end in (start + 1)..<max(start + 1, lastEnd + 1) {
            let subject = Array(words[start..<end])
            guard subject.dropLast().allSatisfy({ $0.after.isEmpty }) else { break }
            guard let verb = definingVerbs.first(where: { matches(words, at: end, $0) }) else { continue }
            var next = end + verb.count
            // One adverb may sit between: "is therefore a", "is usually the".
            if next < words.count, words[next].folded.hasSuffix("ly") || ["therefore", "thus", "also"].contains(words[next].folded) {
                next += 1
            }
            let isCopula = verb == ["is"] || verb == ["are"] || verb == ["was"] || verb == ["were"]
            // "is a/an/the …" or "is fighting from …"; not "is slow".
            guard !isCopula || (next < words.count && (definiteStarts.contains(words[next].folded)
                                                        || words[next].folded.hasSuffix("ing"))) else { break }
            // "A useful target is the bandwidth-delay product (BDP)": the sentence introduces
            // the term after the verb; the subject only describes it.
            if introducesAbbreviation(Array(words[next...].prefix(7))) { break }
            if isTermShape(subject), subject.allSatisfy({ !CommonVerbs.all.contains($0.folded) || CommonVerbs.bases.contains($0.folded) }) {
                out.append(subject.map(\.text).joined(separator: " "))
            }
            break
        }
        // Colon definitions: "… a war of attrition: a strategy of …".
        for (i, word) in words.enumerated() where word.after == ":" && i + 1 < words.count
            && ["a", "an"].contains(words[i + 1].folded) {
            var run: [Word] = []
            var j = i
            while j >= 0, run.count < 4 {
                let w = words[j]
                let inName = w.folded == "of" || (w.folded == "the" && j + 1 <= i && words[j + 1].folded != "of" && run.first?.folded == "of")
                if !w.isWord || (w.isStop && !inName) { break }
                if j < i && !w.after.isEmpty { break }
                run.insert(w, at: 0)
                if !w.before.isEmpty { break }
                j -= 1
            }
            while let first = run.first, first.isStop { run.removeFirst() }
            // At the very start a "Label: A …" is a caption or list head, not a definition.
            guard j >= 0 else { continue }
            // "… such as tea and coffee: a rise in …" ends a list of examples, not a term.
            let text = words.map { $0.before + $0.text + $0.after }.joined(separator: " ")
            if isTermShape(run), !KeyTermExtractor.isExample(run.map(\.text).joined(separator: " "), in: text) {
                out.append(run.map(\.text).joined(separator: " "))
            }
        }
        // Naming: "… sacs called thylakoids", "also called the citric acid cycle".
        for i in words.indices {
            guard let phrase = naming.first(where: { matches(words, at: i, $0) }),
                  words[i + phrase.count - 1].after.isEmpty else { continue }
            var j = i + phrase.count
            while j < words.count, articles.contains(words[j].folded) { j += 1 }
            // A quoted name is a nickname someone gave ("called the \"powder keg\""): see `quotedNames`.
            if j < words.count, words[j].before.contains(where: Self.quotes.contains) { continue }
            var term: [Word] = []
            while j < words.count, term.count < 4 {
                let w = words[j]
                if !w.before.isEmpty && !term.isEmpty { break }
                let inName = w.folded == "of" || (w.folded == "the" && term.last?.folded == "of")
                if w.isStop && !(inName && !term.isEmpty) { break }
                if CommonVerbs.all.contains(w.folded) && !CommonVerbs.bases.contains(w.folded) { break }
                term.append(w)
                if !w.after.isEmpty { break }
                j += 1
            }
            while let last = term.last, last.isStop { term.removeLast() }
            if isTermShape(term) { out.append(term.map(\.text).joined(separator: " ")) }
        }
        return out
    }

    static let quotes: Set<Character> = ["\"", "“", "”", "‘", "'"]

    /// Names in quotation marks after a naming cue ("often called the \"powder keg of Europe\"",
    /// "the so-called \"blank cheque\""): a nickname the text reports, a weaker mark than a
    /// term it defines. A quote that does not close within five words is no name.
    static func quotedNames(_ words: [Word]) -> [String] {
        var out: [String] = []
        for i in words.indices {
            guard let phrase = naming.first(where: { matches(words, at: i, $0) }) else { continue }
            var j = i + phrase.count
            while j < words.count, articles.contains(words[j].folded) { j += 1 }
            guard j < words.count, words[j].before.contains(where: quotes.contains) else { continue }
            var run: [Word] = []
            var closed = false
            while j < words.count, run.count < 5 {
                run.append(words[j])
                if words[j].after.contains(where: quotes.contains) { closed = true; break }
                if !words[j].after.isEmpty { break }
                j += 1
            }
            guard closed else { continue }
            var name = run
            if let first = name.first { name[0].before = String(first.before.filter { !quotes.contains($0) }) }
            if let last = name.last { name[name.count - 1].after = String(last.after.prefix { !quotes.contains($0) }) }
            if isTermShape(name) { out.append(name.map(\.text).joined(separator: " ")) }
        }
        return out
    }

    /// Whether the words hold "term (ABBR)" right away: a one-word bracket that abbreviates
    /// the words before it.
    static func introducesAbbreviation(_ words: [Word]) -> Bool {
        for (i, word) in words.enumerated() where i > 0 && word.before.hasPrefix("(") && word.after.hasPrefix(")") {
            if expansion(for: word.text, before: Array(words[..<i])) != nil { return true }
        }
        return false
    }

    static func matches(_ words: [Word], at index: Int, _ phrase: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (k, w) in phrase.enumerated() where words[index + k].folded != w { return false }
        return true
    }

    /// A noun phrase glossed in brackets right after it: "a surplus (excess supply)",
    /// "the net force (also called the resultant force)".
    static func glosses(_ words: [Word]) -> [String] {
        var out: [String] = []
        for (i, word) in words.enumerated() where i > 0 && word.before.hasPrefix("(") && !word.after.hasPrefix(")") {
            var inner = 0
            var k = i
            while k < words.count, inner < 5 {
                inner += 1
                if words[k].after.contains(")") { break }
                k += 1
            }
            guard k < words.count, words[k].after.contains(")"), inner <= 4,
                  !words[i...k].contains(where: { $0.isNumber }) else { continue }
            var run: [Word] = []
            var j = i - 1
            if articles.contains(words[i].folded) { continue }  // "(the consuls)" gives an example
            while j >= 0, run.count < 2 {
                let w = words[j]
                if w.isStop || !w.isWord || CommonVerbs.all.contains(w.folded) { break }
                if !w.after.isEmpty && !run.isEmpty { break }
                run.insert(w, at: 0)
                if !w.before.isEmpty { break }
                j -= 1
            }
            guard j >= 0, articles.contains(words[j].folded) || words[j].folded == "of" else { continue }
            if isTermShape(run) { out.append(run.map(\.text).joined(separator: " ")) }
        }
        return out
    }

    /// "Fixation: RuBisCO joins …" in a list item: the head before the colon or dash.
    static func listHead(_ plain: String) -> String? {
        guard let cut = plain.range(of: ": ") ?? plain.range(of: " – ") ?? plain.range(of: " — ") else { return nil }
        let head = words(String(plain[..<cut.lowerBound]))
        guard head.count <= 4, isTermShape(head) else { return nil }
        return head.map(\.text).joined(separator: " ")
    }
}

/// English number words: never a key term on their own ("two", "third").
enum NumberWords {
    /// Counting words: no term starts with one ("two armed camps"), though ordinals may
    /// ("Second law", "Triple Alliance").
    static let cardinals: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "billions", "dozen", "dozens", "several", "many", "few",
    ]

    static let all: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "dozen", "dozens", "half", "halves", "twice", "first",
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "once", "double",
        "triple", "single",
    ]
}
