import Foundation

/// One content unit of a document as the exam generator sees it: Markdown read for
/// structure (emphasis, list heads) and then removed, with where the unit sits (section,
/// list), and whether it can stand alone as a question stem.
struct ExamSentence {
    /// Index into `StudyDocument.sentences`.
    var index: Int
    /// The text without Markdown.
    var text: String
    var emphasised: [String]
    /// Italic pieces written as titles (every word capitalised): names of works.
    var titles: [String]
    var isListItem: Bool
    /// Whether the unit opens its paragraph or list item (its subject is then the block's).
    var opensBlock = false
    /// Whether `text` is this unit joined to the one before (to resolve an opening "It").
    var joined = false
    /// The section heading above, if any.
    var section: String?
    /// Sentences of one list (consecutive items of the same section) or of one paragraph
    /// share a group: their terms are each other's best distractors.
    var group: Int
    /// "Head" of a list item written "Head: rest" or "**Head** rest" (before Markdown removal).
    var listHead: String?
    /// Why the unit cannot be a stem on its own, or nil when it can.
    var stemProblem: String?
    /// Whether the unit is one sentence of a quote, said whole inside its marks
    /// ('"Scotland needs a government that …'): a speaker's opinion, so its names and terms
    /// are option material only (a number of a quoted statement may still be asked).
    var isQuotePiece = false

    /// Words of a stem: fewer ask nothing, more are unreadable.
    static let stemWords = 6...50

    /// Pronouns and demonstratives that point back to an earlier sentence when they open one.
    /// Quantity words that stand for "some of them" when a verb follows ("Most die …").
    static let bareQuantities: Set<String> = ["some", "many", "most", "several", "others", "few", "both", "each"]

    static let danglingOpeners: Set<String> = [
        "it", "its", "this", "these", "those", "they", "their", "them", "he", "she", "his", "her", "that", "such",
        "latter", "former",
    ]

    /// The exam view of the document's sentences at `indexes` (ascending).
    static func make(_ document: StudyDocument, only indexes: [Int]) -> [ExamSentence] {
        // Groups first: cheap, and each depends on the sentence before.
        var groups: [Int] = []
        var opensBlock: [Bool] = []
        groups.reserveCapacity(indexes.count)
        opensBlock.reserveCapacity(indexes.count)
        var group = 0
        var previous: TextUnit? = nil
        for index in indexes {
            let unit = document.sentences[index]
            if let previous {
                // A list is a run of items in consecutive blocks; a paragraph is one block.
                let sameList = unit.kind == .listItem && previous.kind == .listItem && unit.section == previous.section
                    && unit.block <= previous.block + 1
                if !(sameList || unit.block == previous.block) { group += 1 }
            }
            groups.append(group)
            opensBlock.append(previous?.block != unit.block)
            previous = unit
        }
        // Reading each sentence (markup, list head, the stem checks) needs nothing from the
        // others and is much of an exam's cost on a long text, so long texts use every core.
        let count = indexes.count
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // "… bid for the White" + "House: The nation's largest …": a name cut at a colon the
        // splitter took for a caption label is put back together (only the last word is read).
        var joinedText: [Int: String] = [:]
        var dropped = Set<Int>()
        for position in indexes.indices.dropLast() where indexes[position + 1] == indexes[position] + 1 {
            let unit = document.sentences[indexes[position]]
            let next = document.sentences[indexes[position + 1]]
            if next.block == unit.block, Self.endsInCutName(unit.text, before: next.text) {
                joinedText[position] = unit.text + " " + next.text
                dropped.insert(position + 1)
            }
        }
        var slots = [ExamSentence?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let work = SentenceReading(document: document, indexes: indexes, groups: groups, opensBlock: opensBlock,
                                       joinedText: joinedText, slots: buffer)
            guard count >= 64, cores > 1 else { return work.fill(chunk: 0, of: 1) }
            let chunks = min(count, cores * 4)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in work.fill(chunk: chunk, of: chunks) }
        }
        // "Worked example: a resting athlete has …. If the rate doubles, the output rises to …":
        // the later sentences of a worked example lean on its givens. They are asked only
        // joined to the sentence that states them (see `ExamMaterial`), never alone.
        for position in dropped { slots[position] = nil }
        // "… told the paper: 'Boris is the only one. Everyone knows … time. If Dave …'": a middle
        // sentence of a quote has no marks of its own and no speaker; it reads as a bare opinion.
        for position in slots.indices.dropFirst() where indexes[position - 1] == indexes[position] - 1 {
            guard var sentence = slots[position], sentence.stemProblem == nil else { continue }
            let unit = document.sentences[indexes[position]]
            let before = document.sentences[indexes[position - 1]]
            // '"The firm's director Ann Lee added: "I am saddened …': the mark before "The" closes
            // the paragraph before, so the count of marks alone misses the quote left open.
            guard before.block == unit.block,
                  Self.leavesQuoteOpen(before.text) || StemRepair.introducerProblem(before.text) != nil,
                  !unit.text.hasPrefix("'"), !unit.text.hasPrefix("‘"), !unit.text.hasPrefix("\""), !unit.text.hasPrefix("“") else { continue }
            sentence.stemProblem = "unattributed quote"
            slots[position] = sentence
        }
        var inExample = false
        for position in slots.indices {
            guard var sentence = slots[position] else { continue }
            // "The Doppler effect is …" then (maybe in the next paragraph) "The effect was
            // proposed by …": "the effect" is the one named in full a few sentences before.
            // (Only sentences opening "The " are looked at, against at most three before.)
            if sentence.stemProblem == nil, sentence.text.hasPrefix("The "), sentence.index > 0 {
                let block = document.sentences[sentence.index].block
                let earlier = document.sentences[max(0, sentence.index - 3)..<sentence.index].filter { $0.block >= block - 1 }
                if earlier.contains(where: { Self.namesOnlyTheNoun(sentence.text, before: $0.text) }) {
                    sentence.stemProblem = "dangling reference"
                    slots[position] = sentence
                }
            }
            if sentence.stemProblem == nil, sentence.index > 0, Self.namesOnlyTheKind(sentence.text, people: true) {
                sentence.stemProblem = "dangling reference"
                slots[position] = sentence
            }
            if sentence.opensBlock {
                inExample = !sentence.isListItem && isExampleLabel(document.sentences[sentence.index].text)
                // "1. sin 40° = 0.643 … 4. θ₂ ≈ 28.9°" then "The ray bends …": a paragraph right
                // after worked steps tells of the example's ray, which the stem does not show.
                if !sentence.isListItem, sentence.stemProblem == nil, sentence.text.hasPrefix("The "), sentence.index > 0,
                   Self.isWorkedStep(document.sentences[sentence.index - 1]) {
                    sentence.stemProblem = "dangling reference"
                    slots[position] = sentence
                }
            } else if sentence.stemProblem == nil, Self.namesOnlyTheKind(sentence.text) {
                // "The city has a booming …" inside a paragraph: the city named before.
                sentence.stemProblem = "dangling reference"
                slots[position] = sentence
            } else if inExample, sentence.stemProblem == nil, Self.continuesExample(sentence.text) {
                sentence.stemProblem = "dangling reference"
                slots[position] = sentence
            }
        }
        return slots.compactMap { $0 }
    }

    /// A list item that works out a number ("sin θ₂ = 0.643 ÷ 1.33 = 0.483").
    static func isWorkedStep(_ unit: TextUnit) -> Bool {
        unit.kind == .listItem && unit.text.contains(where: { "=÷×≈".contains($0) })
    }

    /// Nouns a text names in full once ("the Doppler effect", "the Treaty of Paris") and then
    /// calls by the bare noun.
    static let backNouns: Set<String> = ["effect", "theory", "method", "process", "law", "idea", "discovery", "treaty",
                                         "principle", "model", "hypothesis", "equation", "reaction", "technique",
                                         "concept", "experiment", "rule", "cycle", "phenomenon", "invention"]

    /// "The effect was proposed by …" after "The Doppler effect is …": a sentence opening with
    /// "The" and a bare noun straight before its verb, when the earlier sentence `before` names
    /// that noun with a word of its own in front ("Doppler effect", "greenhouse effect").
    static func namesOnlyTheNoun(_ text: String, before: String) -> Bool {
        guard text.hasPrefix("The ") else { return false }
        let words = text.split(separator: " ", maxSplits: 3).prefix(3).map { String($0) }
        guard words.count == 3, backNouns.contains(words[1]), let next = words[2].first, next.isLowercase,
              !["of", "that", "which", "behind", "for", "on", "in", "to", "between"].contains(words[2]) else { return false }
        let previous = before.split(separator: " ")
        for i in previous.indices.dropFirst() where Tokenizer.fold(String(previous[i])).filter(\.isLetter) == words[1] {
            let named = Tokenizer.fold(String(previous[i - 1]))
            if let last = named.last, last.isLetter, !StopWords.english.contains(named) { return true }
        }
        return false
    }

    /// Kinds of place or body a news text names once and then calls "the city", "the firm".
    static let placeNouns: Set<String> = ["city", "town", "village", "country", "nation", "region", "island",
                                          "company", "firm", "club", "agency", "organisation", "organization", "charity"]

    /// "The city has …", "The firm said …": a sentence whose subject is only the kind of a
    /// place or body, followed straight by its verb (not "The city of Leeds …").
    /// "The stopper almost beat …", "The 25-year-old said …": the same for a person the story
    /// named before and now calls by a role or an age (issue 8, judge round 19, C).
    /// A person's role reads as dangling even where it opens a paragraph (news paragraphs are
    /// often one sentence long), so `people` is asked on its own.
    static func namesOnlyTheKind(_ text: String, people: Bool = false) -> Bool {
        guard text.hasPrefix("The ") else { return false }
        let words = text.split(separator: " ", maxSplits: 4).prefix(4).map { String($0) }
        guard words.count >= 3 else { return false }
        guard people ? personEpithets.contains(words[1]) || isAgeEpithet(words[1]) : placeNouns.contains(words[1]) else { return false }
        // One adverb may stand before the verb: "The stopper almost produced …".
        let verbAt = words.count > 3 && (epithetAdverbs.contains(words[2]) || words[2].count > 4 && words[2].hasSuffix("ly")) ? 3 : 2
        let verb = words[verbAt]
        guard verb.first?.isLowercase == true, verb.last?.isLetter == true else { return false }
        return NewsRepair.finiteVerbs.contains(verb) || CommonVerbs.all.contains(verb)
            || verb.count > 3 && (verb.hasSuffix("ed") || verb.hasSuffix("s") && !verb.hasSuffix("ss"))
    }

    /// Roles a news story calls a person it named before.
    static let personEpithets: Set<String> = ["stopper", "keeper", "goalkeeper", "striker", "forward", "midfielder", "defender",
                                              "winger", "youngster", "teenager", "veteran", "skipper", "captain", "boss",
                                              "player", "star", "actor", "actress", "singer", "rapper", "presenter", "suspect",
                                              "victim", "defendant", "driver", "rider", "champion", "pensioner", "businessman",
                                              "businesswoman", "tycoon", "billionaire", "mother", "father", "woman", "man"]
    static let epithetAdverbs: Set<String> = ["almost", "also", "then", "later", "still", "never", "already", "nearly", "once", "even"]

    /// "25-year-old", "19-year-old".
    static func isAgeEpithet(_ word: String) -> Bool {
        guard word.hasSuffix("-year-old") else { return false }
        let number = word.dropLast("-year-old".count)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }

    /// Whether `text` ends "the White" with no stop and `next` opens "House: …": one name
    /// cut in two at its colon.
    static func endsInCutName(_ text: String, before next: String) -> Bool {
        guard let last = text.last, last.isLetter, let space = text.lastIndex(of: " ") else { return false }
        let lastWord = text[text.index(after: space)...]
        guard lastWord.first?.isUppercase == true else { return false }
        let before = text[..<space].split(separator: " ").last.map(String.init) ?? ""
        guard before == "the" else { return false }
        guard let firstSpace = next.firstIndex(of: " ") else { return false }
        let first = next[..<firstSpace]
        return first.count > 2 && first.hasSuffix(":") && first.first?.isUppercase == true
            && first.dropLast().allSatisfy(\.isLetter)
    }

    /// Openers and verbs of a step that works on the example's givens: "If the rate doubles
    /// to …", "Now the price falls …". (A sentence that states a rule inside an example,
    /// "cwnd would restart from 1 segment", needs no givens to be answered.)
    static func continuesExample(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { Tokenizer.fold(String($0)).filter(\.isLetter) }
        guard let first = words.first else { return false }
        return ["if", "when", "suppose", "assume", "assuming", "now", "next", "then", "so"].contains(first)
            || words.contains { ["doubles", "halves", "triples", "doubled", "halved", "tripled"].contains($0) }
    }

    /// Whether a paragraph opens "Example 2:", "Worked example:" or "**Worked example.**".
    static func isExampleLabel(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 3).prefix(3).map(String.init)
        guard let first = words.first else { return false }
        let folded = words.map { Tokenizer.fold($0).filter(\.isLetter) }
        guard ["example", "exercise", "worked"].contains(folded[0]) else { return false }
        // The label ends at a colon or a full stop within its first words ("Example 2:").
        for (i, word) in words.enumerated() where i < 3 {
            let core = word.filter { $0 != "*" && $0 != "_" }
            if core.hasSuffix(":") || core.hasSuffix(".") {
                return i == 0 || folded[1] == "example" || word.first?.isNumber == true || folded[i].isEmpty || i == 1
            }
        }
        return first.hasSuffix(":")
    }

    init(unit: TextUnit, index: Int, group: Int) {
        let markup = ExamInlineMarkup(unit.text)
        self.index = index
        // A caption or product label run into the sentence ("… in London, England: Yellow and
        // orange are …", "… supermarkets CLAIMS: First …") and the quotation marks around one
        // piece of a longer quote come off first: what is left is the statement itself.
        let statement = unit.kind == .listItem ? StemRepair.Statement(text: markup.clean, quoted: false)
            : StemRepair.statement(markup.clean)
        // "3,700 metres, or roughly 2.3 miles": the same amount in other units gives a blanked
        // number away (list items skip the news repairs, so their bracketed form goes here too).
        var repaired = DoubledWords.collapse(ConversionAppositive.removed(unit.kind == .listItem ? NewsRepair.withoutConversions(statement.text) : statement.text))
        let head = Self.head(raw: unit.text, clean: markup.clean, emphasised: markup.emphasised,
                             isListItem: unit.kind == .listItem)
        // "Allergy: an allergy is …": a list item's label and colon are no prose; the item is
        // read as the sentence it stands for, or not used as a stem when it has none.
        var labelProblem: String? = nil
        if unit.kind == .listItem, let head, Self.isColonLabel(head, in: repaired) {
            if let prose = ListItemProse.prose(head: head, clean: repaired) { repaired = prose } else { labelProblem = "list label" }
        } else if unit.kind == .listItem, ListItemProse.statesNothing(repaired) {
            labelProblem = "fragment"
        }
        self.text = repaired
        self.emphasised = markup.emphasised
        self.titles = markup.italic.filter { piece in
            piece.split(separator: " ").allSatisfy { $0.first?.isUppercase == true || ExamLexicon.connectors.contains(String($0)) }
        }
        self.isListItem = unit.kind == .listItem
        self.section = unit.section
        self.group = group
        self.listHead = head
        self.stemProblem = labelProblem ?? statement.problem ?? Self.problem(raw: unit.text, clean: repaired, isListItem: unit.kind == .listItem)
            ?? StemRepair.speakerProblem(statement)
        self.isQuotePiece = statement.isQuotePiece
        if stemProblem == nil, unit.kind != .listItem {
            if let reason = StemRepair.introducerProblem(repaired) {
                stemProblem = reason
            } else if StemRepair.fusedCaption(repaired) {
                stemProblem = "caption"
            } else if Self.endsMidClause(markup.clean) {
                // (Read before the repairs, which close every piece with a full stop.)
                stemProblem = "fragment"
            } else if !Self.endsWithStop(markup.clean), Self.hasGluedWord(markup.clean) {
                // A piece with no full stop and two words run together is a string of
                // headlines the page glued on ("… Central European UniversityHungarian attack
                // on George Soros prompts NGO anger"), not a sentence the text states.
                stemProblem = "caption"
            }
        }
    }

    /// Whether `text` ends as a sentence does: ".", "!", "?" or "…", perhaps inside closing
    /// quotes or brackets.
    static func endsWithStop(_ text: String) -> Bool {
        guard let last = text.last(where: { !"\"”’')]".contains($0) && !$0.isWhitespace }) else { return false }
        return ".!?…".contains(last)
    }

    /// Whether a word of `text` runs a lower-case word into a capitalised one
    /// ("UniversityHungarian", "angerThe"): three lower-case letters, then a capital and a
    /// lower-case letter ("McDonald" and "iPhone" have fewer before the capital).
    static func hasGluedWord(_ text: String) -> Bool {
        var lowerRun = 0
        var sawCapital = false
        for c in text {
            if sawCapital, c.isLowercase { return true }
            sawCapital = false
            if c.isLowercase {
                lowerRun += 1
            } else {
                if c.isUppercase, lowerRun >= 3 { sawCapital = true }
                lowerRun = 0
            }
        }
        return false
    }

    /// Words no sentence ends on: a preposition, article or conjunction.
    static let midClauseWords: Set<String> = ["in", "of", "the", "a", "an", "and", "or", "to", "for", "with", "on", "at",
                                              "by", "from", "as", "into", "than", "but", "nor", "its", "their", "his"]

    /// "… is a way of life in": a run-on cut hard at its word limit, ending with no stop on a
    /// word that needs more after it.
    static func endsMidClause(_ text: String) -> Bool {
        guard let last = text.last, last.isLetter, let space = text.lastIndex(of: " ") else { return false }
        return midClauseWords.contains(Tokenizer.fold(String(text[text.index(after: space)...])))
    }

    /// Whether `text` opens with `head` and a colon ("Plasma: …").
    static func isColonLabel(_ head: String, in text: String) -> Bool {
        guard text.hasPrefix(head) else { return false }
        var rest = text.dropFirst(head.count).drop(while: { $0 == " " })
        // "Cuban Missile Crisis (October 1962): …": a bracketed gloss belongs to the label.
        if rest.first == "(", let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop(while: { $0 == " " })
        }
        return rest.first == ":"
    }

    /// "Head: rest" with a short head, or an emphasised opening ("**Autotrophs** make …").
    static func head(raw: String, clean: String, emphasised: [String], isListItem: Bool) -> String? {
        if raw.hasPrefix("**") || raw.hasPrefix("__"), let first = emphasised.first, clean.hasPrefix(first) {
            return first
        }
        guard isListItem, let colon = clean.firstIndex(of: ":") else { return nil }
        let head = clean[..<colon].trimmingWhitespace()
        let words = head.split(separator: " ")
        guard (1...5).contains(words.count) else { return nil }
        return head
    }

    /// Why the clean text is no fair stem, or nil.
    static func problem(raw: String, clean: String, isListItem: Bool = false) -> String? {
        let words = clean.split(separator: " ")
        guard stemWords.contains(words.count) else { return "length" }
        if raw.contains("|") || clean.contains("`") || clean.hasPrefix("#") { return "markup" }
        if clean.hasSuffix(":") || clean.hasSuffix("?") { return "not a statement" }
        guard let firstCharacter = clean.first(where: { !"\"“‘'(".contains($0) }),
              firstCharacter.isUppercase || firstCharacter.isNumber || clean.first == "$" else {
            return "fragment"
        }
        let first = words.first.map { Tokenizer.fold(String($0)).filter(\.isLetter) } ?? ""
        if AboutTheText.isAboutTheText(words) { return "about the text" }
        if danglingOpeners.contains(first) { return "dangling reference" }
        // "A few become plasma cells", "Most die within days": a quantity of something the
        // sentence before named, standing as the subject with its verb right after it.
        let opening = words.prefix(3).map { Tokenizer.fold(String($0)).filter(\.isLetter) }
        if opening.count == 3, opening[0] == "a", opening[1] == "few", ListItemProse.isVerb(opening[2]) { return "dangling reference" }
        if opening.count >= 2, Self.bareQuantities.contains(first), ListItemProse.isVerb(opening[1]) { return "dangling reference" }
        if let reason = StemRepair.backReference(words) { return reason }
        // "And now, …", "But that was then", "Here c is …": a sentence that opens by leaning
        // on the one before it (or on a formula that is not shown).
        if first == "and" || first == "here" { return "dangling reference" }
        // "But that was then", "But it was the visitors who …": "but" and a pointer lean on the
        // sentence before; "But a defiant Mr Cameron pledged …" still says who did what.
        if first == "but", words.count > 1,
           Self.butPointers.contains(Tokenizer.fold(String(words[1])).filter { $0.isLetter || $0 == "'" }) {
            return "dangling reference"
        }
        // "… light is never faster than c, n is always …": a lone letter stands for a quantity
        // of a formula the stem does not show.
        if words.dropFirst().contains(where: { word in
            let core = word.filter(\.isLetter)
            return core.count == 1 && word.count <= 2 && core != "a" && core != "A" && core != "I" && core.first?.isLowercase == true
                && (word.count == 1 || ",.;:".contains(word.last ?? " "))
        }) {
            return "context"
        }
        // "Like mitochondria, they have …": a pronoun subject right after an opening phrase.
        if let comma = words.prefix(6).firstIndex(where: { $0.hasSuffix(",") }), comma + 1 < words.count {
            let next = Tokenizer.fold(String(words[comma + 1]))
            if ["it", "they", "he", "she", "this", "these"].contains(next) { return "dangling reference" }
        }
        // "In Example 1 it stays …", "Together they explain …": an early subject pronoun points back.
        // ("Scott said he …": the name before the verb of speech is who "he" is.)
        if words.count > 1, let at = words[1...min(3, words.count - 1)].firstIndex(where: { ["it", "they", "he", "she"].contains(Tokenizer.fold(String($0))) }),
           !Self.namesSpeaker(words, before: at) {
            return "dangling reference"
        }
        // "As attempts to break a world record go, it was pretty impressive": the subject of
        // the main clause after an opening clause is "it" or "this", the event told before.
        if let first = words.first, Self.clauseOpeners.contains(Tokenizer.fold(String(first))),
           let comma = words.prefix(14).firstIndex(where: { $0.hasSuffix(",") }), comma + 1 < words.count,
           ["it", "this"].contains(Tokenizer.fold(String(words[comma + 1]))) {
            return "dangling reference"
        }
        // "On a second exposure they respond faster": a person pronoun as the subject after an
        // opening phrase, before any noun could be its antecedent in the same sentence.
        if words.count > 4, let at = words[4...min(5, words.count - 1)].firstIndex(where: { ["they", "he", "she"].contains(Tokenizer.fold(String($0))) }),
           !words[..<at].contains(where: { $0.first?.isUppercase == true && $0 != words[0] || $0.hasSuffix(",") }) {
            return "dangling reference"
        }
        // "But his Sky employers …", "Like the others, these …": a possessive or demonstrative
        // among the first words points back just as a pronoun subject does.
        // ("The company launched its first phone" is fine: "its" follows its own subject.)
        if words.count > 1, ["his", "her", "their", "its", "this", "these", "those", "him", "them"].contains(Tokenizer.fold(String(words[1]))) {
            return "dangling reference"
        }
        // "The output is therefore 4800 ml": a conclusion from givens in the sentence before
        // (joined to it when that sentence opens the paragraph).
        // (Cheap first test on the first letter: this runs on every sentence of a long text.)
        if words.dropFirst().contains(where: { word in
            (word.first == "t" || word.first == "h" || word.first == "c") && word.count >= 4 && word.count <= 13
                && MissingReferent.conclusionWords.contains(String(word.filter(\.isLetter)))
        }) {
            return "dangling reference"
        }
        if !balanced(clean) || !singleQuotesBalanced(clean) { return "unbalanced" }
        // "… handle is @lezs4hillary Many gays …": a handle or link with no stop, then a new sentence.
        for i in words.indices.dropLast() where (words[i].hasPrefix("@") || words[i].hasPrefix("#") || words[i].contains("://")
            || words[i].hasPrefix("www.")) && words[i].last.map({ $0.isLetter || $0.isNumber }) == true
            && words[i + 1].first?.isUppercase == true {
            return "fused sentences"
        }
        if let reason = ContextReference.problem(clean) { return reason }
        if !isListItem, CaptionMarks.looksLikeCaption(clean) { return "caption" }
        // A paragraph line without closing punctuation is a photo caption or a label line.
        if !isListItem, let last = clean.last, !".!?\"”’')…".contains(last) { return "caption" }
        // Formulas and arrows read badly as prose.
        // "(AIMD): add …": a fragment whose head was cut off.
        if clean.hasPrefix("(") { return "fragment" }
        // "cwnd + 1 MSS", "100 − 40": arithmetic reads badly as prose.
        if clean.contains(where: { $0 == "+" || $0 == "−" }), clean.contains(" + ") || clean.contains(" − ") { return "formula" }
        let symbols = clean.filter { "=+→←×÷<>".contains($0) }.count
        if symbols > 2 || clean.contains(where: { "→←×÷≈=".contains($0) }) { return "formula" }
        if let equals = words.firstIndex(of: "="), equals <= 2 { return "formula" }
        return nil
    }

    /// Words after an opening "But" that point at what the sentence before said.
    static let butPointers: Set<String> = ["it", "it's", "that", "that's", "this", "these", "those", "then", "there",
                                           "here", "he", "she", "they", "we", "his", "her", "their", "its", "so", "now",
                                           "not", "even", "still", "instead"]

    /// Words that open a clause before the main one ("As …, it was …").
    static let clauseOpeners: Set<String> = ["as", "while", "although", "though", "when", "whilst", "despite", "with"]

    /// "Scott said he …", "Mr Wang told reporters he …": a name, then a verb of speech right
    /// before the pronoun at `at`.
    static func namesSpeaker(_ words: [Substring], before at: Int) -> Bool {
        guard at >= 2 else { return false }
        let verb = Tokenizer.fold(String(words[at - 1])).filter(\.isLetter)
        guard SpanExtractor.speechVerbs.contains(verb) || ["says", "said", "told", "added"].contains(verb) else { return false }
        return words[..<(at - 1)].contains { word in
            word.first?.isUppercase == true && !StopWords.english.contains(Tokenizer.fold(String(word)))
                && !MissingReferent.personPronouns.contains(Tokenizer.fold(String(word)))
                && !MissingReferent.otherPronouns.contains(Tokenizer.fold(String(word)))
        }
    }

    /// The checks that read every word (a referent outside the sentence, editorial marks, a
    /// list, no verb): run by `ExamMaterial` only on sentences that hold an answer and
    /// passed `problem`, since they cost too much to run on every sentence of a long text.
    static func referenceProblem(_ clean: String) -> String? {
        MissingReferent.problem(clean) ?? UnnamedWhole.problem(clean) ?? EditorialMarks.problem(clean) ?? FusedSeams.problem(clean)
    }

    /// Single quotation marks ('…', ‘…’) are closed, and no closing one is left without its
    /// opening one ("… his wife.’" cut from a longer quote). An apostrophe inside a word or
    /// after a plural ("players’ route") is neither.
    static func singleQuotesBalanced(_ text: String) -> Bool {
        let chars = Array(text)
        var opened = 0
        var closedAfterPunctuation = 0
        var closed = 0
        for (i, c) in chars.enumerated() where c == "'" || c == "‘" || c == "’" {
            let before: Character? = i > 0 ? chars[i - 1] : nil
            let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let beforeIsWord = before.map { $0.isLetter || $0.isNumber } ?? false
            let afterIsWord = after.map { $0.isLetter || $0.isNumber } ?? false
            if beforeIsWord && afterIsWord { continue }  // "don't", "Tony’s"
            if c == "‘" || (!beforeIsWord && afterIsWord && (before == nil || before == " " || before == "(" || before == "\"" || before == "“")) {
                opened += 1
            } else if !afterIsWord {
                closed += 1
                // "… wife.’" or "… pitch forks', the paper reported": the end of a quote.
                if let b = before, ".,!?;:".contains(b) { closedAfterPunctuation += 1 }
                if let a = after, a == "," { closedAfterPunctuation += 1 }
            }
        }
        if opened > closed { return false }
        if opened == 0 && closedAfterPunctuation > 0 { return false }
        return true
    }

    /// Whether `text` opens a quotation it does not close ("… told the paper: 'Boris is …").
    static func leavesQuoteOpen(_ text: String) -> Bool {
        var straight = 0
        var curly = 0
        for c in text {
            if c == "\"" { straight += 1 } else if c == "“" { curly += 1 } else if c == "”" { curly -= 1 }
        }
        if straight % 2 == 1 || curly > 0 { return true }
        // Unbalanced single quotes with an opening one among them: more opened than closed.
        let hasOpening = text.contains("‘") || text.contains(" '") || text.hasPrefix("'")
        return hasOpening && !singleQuotesBalanced(text)
    }

    /// Brackets pair up and quotation marks are closed.
    static func balanced(_ text: String) -> Bool {
        var depth = 0
        var straight = 0
        var curly = 0
        for c in text {
            switch c {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1; if depth < 0 { return false }
            case "\"": straight += 1
            case "“": curly += 1
            case "”": curly -= 1
            default: break
            }
        }
        return depth == 0 && straight % 2 == 0 && curly == 0
    }
}

/// Reads the sentences of `ExamSentence.make` into their slots, one chunk of positions per call.
/// Unchecked Sendable because chunks run at once on several threads: each chunk writes only
/// the slots of its own positions (chunk, chunk + chunks, …) and everything else is only read.
private final class SentenceReading: @unchecked Sendable {
    let document: StudyDocument
    let indexes: [Int]
    let groups: [Int]
    let opensBlock: [Bool]
    /// Positions whose text is joined to the next unit's (see `ExamSentence.endsInCutName`).
    let joinedText: [Int: String]
    let slots: UnsafeMutableBufferPointer<ExamSentence?>

    init(document: StudyDocument, indexes: [Int], groups: [Int], opensBlock: [Bool], joinedText: [Int: String],
         slots: UnsafeMutableBufferPointer<ExamSentence?>) {
        self.document = document
        self.indexes = indexes
        self.groups = groups
        self.opensBlock = opensBlock
        self.joinedText = joinedText
        self.slots = slots
    }

    func fill(chunk: Int, of chunks: Int) {
        for position in stride(from: chunk, to: indexes.count, by: chunks) {
            var unit = document.sentences[indexes[position]]
            if let text = joinedText[position] { unit.text = text }
            var sentence = ExamSentence(unit: unit, index: indexes[position], group: groups[position])
            sentence.opensBlock = opensBlock[position]
            slots[position] = sentence
        }
    }
}
