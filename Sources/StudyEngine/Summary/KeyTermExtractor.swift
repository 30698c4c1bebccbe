import Foundation

/// Picks the document's key terms and, for each, the sentence that explains it.
///
/// Candidates are runs of one to three content words (`PhraseScanner`). A term's score
/// grows with how often it occurs and how specific its words are (IDF over sentences);
/// multi-word terms must occur at least twice. A term overlapping a better one is dropped
/// ("cycle" once "Calvin cycle" is in). The explaining sentence is the first that reads
/// like a definition ("X is …", "X refers to …", "… called X"), else the best-ranked
/// sentence using the term.
struct KeyTermExtractor {
    struct Stats {
        var surfaceCounts: [String: Int] = [:]
        var count = 0
        var sentences: [Int] = []
        var words: [String] = []
        var wordCount = 1
        var capitalisedInside = 0
        var lowercase = 0
        var nounLike = 0
    }

    func extract(_ document: StudyDocument, ranking: SentenceRanking, count: Int,
                 maxSentences: Int = 4000) -> [KeyTerm] {
        guard count > 0 else { return [] }
        // On huge documents, read the best-ranked sentences only: terms are about the gist.
        var pool = Array(0..<document.sentences.count)
        if pool.count > maxSentences {
            pool = pool.sorted { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] > ranking.scores[$1] : $0 < $1 }
                .prefix(maxSentences).sorted()
        }
        var stats: [String: Stats] = [:]
        var stems: [String: String] = [:]
        for index in pool {
            var seen = Set<String>()
            for phrase in PhraseScanner.phrases(in: document.sentences[index].text, stems: &stems) {
                var entry = stats[phrase.key] ?? Stats()
                entry.count += 1
                entry.surfaceCounts[phrase.surface, default: 0] += 1
                entry.wordCount = phrase.wordCount
                entry.words = phrase.key.split(separator: " ").map(String.init)
                if phrase.capitalised && !phrase.atSentenceStart { entry.capitalisedInside += 1 }
                if !phrase.capitalised { entry.lowercase += 1 }
                if phrase.nounLike { entry.nounLike += 1 }
                if seen.insert(phrase.key).inserted { entry.sentences.append(index) }
                stats[phrase.key] = entry
            }
        }
        let n = Double(max(pool.count, 1))
        let index = TermIndex(document: document, pool: pool)
        var scored: [Scored] = []
        // Terms the text marks (bold lead-ins, "term (ABBR)", definitions, list heads, tables).
        for candidate in Self.merge(TermEvidence(document: document, pool: pool, index: index).candidates) {
            let words = candidate.term.split(separator: " ")
            if words.count == 1, index.isUnit(candidate.term) || NumberWords.all.contains(candidate.term.lowercased()) { continue }
            if Self.namesThePage(candidate.term) { continue }
            var (occurrences, inSentences) = index.count(candidate.term)
            var strength = candidate.strength
            if let short = candidate.abbreviation {
                // Uses of the abbreviation, not counting the bracket that introduces it: an
                // abbreviation the text never uses again is a passing mention.
                let extra = index.count(short)
                occurrences += max(0, extra.occurrences - 1)
                inSentences += max(0, extra.sentences - 1)
                // Marked by nothing but that bracket: the text named it in passing
                // ("the small British Expeditionary Force (BEF)") and teaches nothing more.
                if extra.occurrences <= 1, occurrences <= 1, candidate.strength <= TermEvidence.Mark.abbreviation.rawValue {
                    strength = TermEvidence.Mark.gloss.rawValue
                }
            }
            occurrences = max(occurrences, 1)
            inSentences = min(max(inSentences, 1), pool.count)
            let specificity = log((n + 1) / (Double(inSentences) + 0.5)) + 0.5
            let length = 1 + 0.35 * Double(min(words.count, 3) - 1)
            let base = (1 + log(Double(occurrences))) * specificity * length
            let display = Self.display(candidate, index: index)
            let sentence = candidate.sentence
            scored.append(Scored(key: Self.key(display), display: display, sentence: sentence,
                                 score: base * (1 + strength), occurrences: occurrences, marked: true,
                                 words: Set(Self.key(candidate.term).split(separator: " ").map(String.init)),
                                 name: Self.shownName(display, candidate), abbreviation: candidate.abbreviation))
        }
        // Frequent noun phrases, for text without such marks.
        for (key, entry) in stats {
            if entry.wordCount > 1 && entry.count < 2 { continue }
            if entry.words.allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
            // Terms are nouns: seen at least once in noun position, unless a name or acronym.
            let isName = entry.lowercase == 0 && entry.capitalisedInside > 0
            if entry.nounLike == 0 && !isName { continue }
            if entry.wordCount == 1, SpanExtractor.calendarWords.contains(key) { continue }
            let surface = Self.displayForm(entry)
            if Self.namesThePage(surface) { continue }
            if entry.wordCount == 1 {
                // Judge by the usual spelling (a dictionary's first key would vary between runs).
                let word = surface.lowercased()
                if word.hasSuffix("ly") || (word.hasSuffix("ed") && !isName) { continue }
                if index.isPoorSingleTerm(word) { continue }
            } else if let first = surface.split(separator: " ").first, NumberWords.cardinals.contains(first.lowercased()) {
                continue
            }
            // A word first met as an example ("such as tea and coffee") illustrates a term; it is not one.
            if let first = entry.sentences.first, Self.isExample(surface, in: document.sentences[first].text) { continue }
            let specificity = log((n + 1) / (Double(entry.sentences.count) + 0.5)) + 0.5
            var base = (1 + log(Double(entry.count))) * specificity * (1 + 0.35 * Double(entry.wordCount - 1))
            if entry.count == 1 { base *= 0.5 }
            if entry.wordCount == 1 && entry.lowercase == 0 && entry.capitalisedInside == 0 { base *= 0.5 }
            // A lone name the text merely keeps using ("Europe", "Germany") is a fact about
            // the subject, not a term of it; the text marks the names it teaches.
            if entry.wordCount == 1 && isName { base *= 0.5 }
            // The explaining sentence is looked up only for the terms picked (it scans text).
            scored.append(Scored(key: Self.key(surface), display: surface, sentence: -1, score: base,
                                 occurrences: entry.count, marked: false, words: Set(entry.words), name: surface,
                                 statsKey: key))
        }
        // A single word inside three or more other marked terms is their topic, not a term of
        // its own ("demand" in "law of demand", "price elasticity of demand", …).
        let markedKeys = scored.filter(\.marked).map { $0.key.split(separator: " ").map(String.init) }
        for k in scored.indices where scored[k].marked && !scored[k].key.contains(" ") {
            let word = scored[k].key
            if markedKeys.filter({ $0.count > 1 && $0.contains(word) }).count >= 3 { scored[k].score *= 0.5 }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.display < $1.display }
        var picked: [KeyTerm] = []
        var pickedKeys = Set<String>()
        var pickedWords: [Set<String>] = []
        // Every name of a picked term (its aliases, abbreviations spelled out): a later
        // candidate with one of these names is the same term again ("citric acid cycle" once
        // "Krebs cycle (also called the citric acid cycle)" is in, "RTT" after "round-trip time").
        let expansions = Self.abbreviationExpansions(scored)
        var pickedNames = Set<String>()
        var pickedNameKeys: [(term: String, key: String)] = []
        let top = scored.first?.score ?? 1
        for item in scored where picked.count < count {
            if pickedKeys.contains(item.key) { continue }
            if Self.nameKeys(of: [item.name, item.display], expansions: expansions).contains(where: pickedNames.contains) { continue }
            // Part of a picked term, and mostly used inside it ("World War" once "First World
            // War" is in, "additive increase" inside "additive increase, multiplicative decrease").
            let itemKey = Self.nameKey(item.name)
            if pickedNameKeys.contains(where: { Self.isMostlyInside(item.name, key: itemKey, $0.term, key: $0.key, index: index) }) {
                continue
            }
            // An unmarked phrase that shares a word with a chosen term is a variant of it
            // ("cycle" once "Calvin cycle" is in); marked terms stand on their own mark.
            if !item.marked, pickedWords.contains(where: { !$0.isDisjoint(with: item.words) }) { continue }
            var sentence = item.sentence
            if sentence < 0, let entry = stats[item.statsKey] {
                sentence = Self.explainingSentence(for: item.display, in: entry.sentences, document: document, ranking: ranking)
            }
            guard sentence >= 0 else { continue }
            var text = SummaryListItem.prose(InlineMarkdown.strip(document.sentences[sentence].text), kind: document.sentences[sentence].kind)
            text = SummaryListItem.withAntecedent(text, index: sentence, document: document)
            // A bold label on its own ("Retransmission timeout (RTO).", "Stage 2: The Krebs
            // cycle.") is explained by the sentence after it in the same paragraph.
            let next = sentence + 1
            if Self.isLabel(document.sentences[sentence].text, plain: text, term: item.display),
               next < document.sentences.count, document.sentences[next].block == document.sentences[sentence].block {
                text += " " + InlineMarkdown.strip(document.sentences[next].text)
            }
            let aliases = Self.aliases(of: item, document: document, index: index)
            picked.append(KeyTerm(term: item.display, sentence: text, unitIndex: document.sentences[sentence].index,
                                  score: item.score / top, occurrences: item.occurrences, aliases: aliases))
            pickedNameKeys.append((item.display, Self.nameKey(item.display)))
            pickedNames.formUnion(Self.nameKeys(of: [item.name, item.display] + aliases + [item.abbreviation].compactMap { $0 },
                                                expansions: expansions))
            pickedKeys.insert(item.key)
            pickedWords.append(item.words)
        }
        return picked
    }

    struct Scored {
        var key: String
        var display: String
        var sentence: Int
        var score: Double
        var occurrences: Int
        var marked: Bool
        var words: Set<String>
        /// The term as the text writes it, without its abbreviation.
        var name: String
        var abbreviation: String? = nil
        /// For unmarked phrases: their key among the scanned phrases.
        var statsKey = ""
    }

    /// Words by which study notes speak of themselves ("in this unit", "this lecture"):
    /// the genre's own furniture, never what a text teaches.
    static let pageWords: Set<String> = ["lecture", "lectures", "note", "notes", "unit", "units", "chapter", "chapters",
                                         "section", "sections", "lesson", "lessons", "topic", "topics", "module", "course",
                                         "summary", "recap", "overview", "introduction", "figure", "student", "students",
                                         "teacher", "reading", "example", "examples", "exercise", "exercises", "question",
                                         "questions", "answer", "answers"]

    /// Whether a term names part of the notes rather than their subject: one such word
    /// ("lecture"), or a phrase ending in an example or exercise ("worked example").
    static func namesThePage(_ term: String) -> Bool {
        let words = Tokenizer.foldedWords(term)
        guard let last = words.last else { return false }
        if words.count == 1 { return pageWords.contains(last) }
        return ["example", "examples", "exercise", "exercises"].contains(last)
    }

    /// Whether `part` is some of the words of `whole` and at least half of its uses are
    /// inside `whole`.
    static func isMostlyInside(_ part: String, _ whole: String, index: TermIndex) -> Bool {
        isMostlyInside(part, key: nameKey(part), whole, key: nameKey(whole), index: index)
    }

    /// `isMostlyInside` with the names' keys (`nameKey`) already made: the words are compared
    /// first, and the text is counted only for a part that is in the whole.
    static func isMostlyInside(_ part: String, key p: String, _ whole: String, key w: String, index: TermIndex) -> Bool {
        guard !p.isEmpty, p != w, p.count < w.count, (" " + w + " ").contains(" " + p + " ") else { return false }
        let inside = index.count(whole.hasSuffix(")") ? String(whole[..<(whole.lastIndex(of: "(") ?? whole.endIndex)]) : whole)
        return 2 * inside.occurrences >= index.count(part).occurrences
    }

    /// Folded abbreviation → its spelled-out words, from the candidates that introduce one
    /// ("ack" → "acknowledgement").
    static func abbreviationExpansions(_ scored: [Scored]) -> [String: String] {
        var out: [String: String] = [:]
        for item in scored {
            guard let short = item.abbreviation, !item.name.isEmpty else { continue }
            let k = Tokenizer.fold(short)
            if out[k] == nil { out[k] = nameKey(item.name) }
        }
        return out
    }

    /// A name compared word by word: folded, singular, without a bracketed abbreviation.
    static func nameKey(_ name: String) -> String {
        var text = name
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = String(text[..<open])
        }
        return Tokenizer.foldedWords(text).map(TermIndex.normal).joined(separator: " ")
    }

    /// The keys of some names, each also with its abbreviations spelled out ("duplicate ACK"
    /// is also "duplicate acknowledgement").
    static func nameKeys(of names: [String], expansions: [String: String]) -> Set<String> {
        var out = Set<String>()
        for name in names {
            let key = nameKey(name)
            guard !key.isEmpty else { continue }
            out.insert(key)
            let words = key.split(separator: " ").map { expansions[String($0)] ?? String($0) }
            out.insert(words.joined(separator: " "))
        }
        return out
    }

    static let exampleCues = ["such as ", "for example ", "for example, ", "for instance ", "for instance, ", "e.g. ",
                              "e.g., ", "including "]

    /// Whether the phrase first stands in a list of examples: within a few words after
    /// "such as", "for example", "e.g." or "including", before the clause ends.
    static func isExample(_ phrase: String, in sentence: String) -> Bool {
        let text = sentence.lowercased()
        guard let at = text.range(of: phrase.lowercased()) else { return false }
        let before = text[..<at.lowerBound]
        for cue in exampleCues {
            guard let cueRange = before.range(of: cue, options: .backwards) else { continue }
            let between = before[cueRange.upperBound...]
            if between.split(separator: " ").count <= 5, !between.contains(where: { ".;:()".contains($0) }) { return true }
        }
        return false
    }

    /// The term as shown without its abbreviation ("congestion window" of "congestion window
    /// (cwnd)"), or as written when it is shown by its abbreviation alone.
    static func shownName(_ display: String, _ candidate: TermEvidence.Candidate) -> String {
        guard let short = candidate.abbreviation, display.hasSuffix(" (\(short))") else { return candidate.term }
        return String(display.dropLast(short.count + 3))
    }

    /// A sentence that only names the term: a few words more than the term, or one bold
    /// span from start to end ("**Stage 2: The Krebs cycle.**").
    static func isLabel(_ raw: String, plain: String, term: String) -> Bool {
        let words = plain.split(separator: " ").count
        if words <= term.split(separator: " ").count + 2 { return true }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard words <= 8, trimmed.hasPrefix("**") || trimmed.hasPrefix("__") else { return false }
        let spans = InlineMarkdown.strongSpans(raw)
        // No closed span: the bold runs on past this unit, so all of it is the label.
        guard let span = spans.first else { return true }
        return spans.count == 1 && span.text.count + 2 >= plain.count
    }

    /// The other names the text gives a picked term, without the one it is shown as.
    static func aliases(of item: Scored, document: StudyDocument, index: TermIndex) -> [String] {
        let sentences = index.sentences(with: item.name, limit: 30).map { InlineMarkdown.strip(document.sentences[$0].text) }
        var names = TermAliases.find(term: item.name, abbreviation: item.abbreviation, sentences: sentences,
                                     hasWord: index.hasSurface)
        // A chemical name's formula, where the text writes it ("O2" for oxygen).
        for formula in ChemicalNames.formulas(of: item.name) where index.hasSurface(Tokenizer.fold(formula))
            && WholeWord.range(of: formula, in: document.source) != nil
            && !names.contains(where: { TermAliases.key($0) == TermAliases.key(formula) }) {
            names.append(formula)
        }
        // Shown as the abbreviation alone: the spelled-out form is the other name.
        if let short = item.abbreviation, item.display == short {
            names = [item.name] + names.filter { TermAliases.key($0) != TermAliases.key(short) }
        }
        return names
    }

    /// A term's identity: its words stemmed, lowercased, without brackets.
    static func key(_ term: String) -> String {
        Tokenizer.tokens(term).map { PorterStemmer.stem($0.folded) }.joined(separator: " ")
    }

    /// Evidence for the same term (same stemmed words) merged: the strongest mark counts
    /// fully, each further kind of mark adds a little; the first introducing sentence of
    /// the strongest mark is kept.
    static func merge(_ candidates: [TermEvidence.Candidate]) -> [TermEvidence.Candidate] {
        var order: [String] = []
        var groups: [String: [TermEvidence.Candidate]] = [:]
        for candidate in candidates {
            let k = key(candidate.term)
            guard !k.isEmpty else { continue }
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(candidate)
        }
        return order.compactMap { k -> TermEvidence.Candidate? in
            guard let group = groups[k], var best = group.first else { return nil }
            for c in group where c.strength > best.strength { best = c }
            let kinds = Set(group.map(\.strength)).count
            best.strength += 0.5 * Double(min(kinds - 1, 2))
            best.abbreviation = group.compactMap(\.abbreviation).first
            return best
        }
    }

    /// How a marked term is shown: "congestion window (cwnd)"; the abbreviation alone when
    /// the spelled-out form is long or not plain words; a capital kept only where the text
    /// never writes the word in lowercase (names, acronyms).
    static func display(_ candidate: TermEvidence.Candidate, index: TermIndex) -> String {
        let words = TermEvidence.words(candidate.term)
        let plainWords = words.count <= 4 && words.allSatisfy(\.isWord)
        if let short = candidate.abbreviation, !plainWords { return short }
        // A capital stays only on words the text capitalises inside sentences (names:
        // "Transmission Control Protocol", "Calvin cycle"); a capital that only ever opens a
        // sentence or list item goes ("Maximum segment size" → "maximum segment size").
        let cased = words.map { w -> String in
            guard w.text.first?.isUppercase == true, w.text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return w.text }
            let inside = index.usage[TermIndex.normal(w.folded)]?.capitalisedInside ?? 0
            return inside > 0 ? w.text : w.text.lowercased()
        }
        let term = zip(cased, words).map { $0 + ($1.after == "," ? "," : "") }.joined(separator: " ")
        if let short = candidate.abbreviation { return "\(term) (\(short))" }
        return term
    }

    /// The most frequent spelling, lowercased unless the term is a name (capitalised inside
    /// sentences, never lowercase).
    static func displayForm(_ entry: Stats) -> String {
        let best = entry.surfaceCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        let isName = entry.lowercase == 0 && entry.capitalisedInside > 0
        let isAcronym = best.count > 1 && best.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
        return isName || isAcronym ? best : best.lowercased()
    }

    static let definitionCues = [" is ", " are ", " was ", " were ", " refers to ", " means ", " describes ",
                                 " consists of ", " is called ", " is known as ", " is defined as "]

    static func explainingSentence(for term: String, in sentences: [Int], document: StudyDocument,
                                   ranking: SentenceRanking) -> Int {
        let lowered = term.lowercased()
        for index in sentences {
            let text = document.sentences[index].text.lowercased()
            guard let range = text.range(of: lowered) else { continue }
            let after = text[range.upperBound...]
            if definitionCues.contains(where: { after.hasPrefix($0) }) { return index }
            if text.contains("called \(lowered)") || text.contains("known as \(lowered)") { return index }
        }
        return sentences.max { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] < ranking.scores[$1] : $0 > $1 }
            ?? sentences.first ?? 0
    }
}
