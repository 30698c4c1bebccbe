import Foundation

/// What the exam generator knows about a document: the sentences worth asking about (best
/// first), their answer spans, the pools of same-kind values for distractors, and an index
/// to check that a changed statement is not true somewhere else in the document.
struct ExamMaterial {
    struct Candidate {
        /// Index into `StudyDocument.sentences`.
        var sentence: Int
        /// The sentence without Markdown.
        var text: String
        /// Best first.
        var spans: [AnswerSpan]
        var score: Double
        var section: String?
        var group: Int
    }

    /// A value seen in the document, with where it was seen (for sibling distractors).
    struct Pooled {
        var span: AnswerSpan
        var group: Int
        var section: String?
        /// Whether the text names it as a term (bold, defined, abbreviated): computed once,
        /// since pools are read for every question tried.
        var isNamedTerm = false
        /// How it reads inside a sentence (`DistractorPicker.caseForm`) and its style, computed once.
        var written = ""
        var style = ""
        /// Words in the value, counted once.
        var wordCount = 1
    }

    let document: StudyDocument
    /// Clean sentences, one per `document.sentences` entry that was read.
    let sentences: [ExamSentence]
    let lexicon: ExamLexicon
    /// Other names the key-term extractor found for a term ("ETC" where the text writes
    /// "electron transport chain (ETC)" only once), by `ExamLexicon.key` of each name.
    let keyTermNames: [String: [String]]
    /// Folded words of the sentences read (for forms the text itself uses).
    let documentWords: Set<String>
    /// Capitalised words the text uses alone (surnames, mostly).
    let loneNames: Set<String>
    /// Runs of two to four capitalised words inside sentences: the full names the text
    /// writes ("Mohamed Abdihamid Farah"), accepted for a shorter key of the same person.
    let fullNames: Set<String>
    /// Neighbouring word pairs of `fullNames` ("Many Clouds"): a blank on one of them splits a name.
    let namePairs: Set<String>
    /// Words the text writes in lowercase somewhere (as written, punctuation trimmed): a term
    /// the text only ever capitalises ("Verdun") is a name and keeps its capital.
    let lowercaseWords: Set<String>
    /// Keys of the section headings: a heading names a group of things, not one of them.
    let headingKeys: Set<String>
    /// Capitalised words the text writes inside a sentence (not first): names such as "Verdun".
    let midSentenceCapitals: Set<String>
    /// Best first, interleaved across sections so that an exam covers the whole text.
    let candidates: [Candidate]
    /// Kind → distinct values in document order.
    let pools: [AnswerSpan.Kind: [Pooled]]
    /// What the text says about each option's kind (see `OptionEvidence`).
    let evidence: OptionEvidence
    /// Content-word stems of each of `sentences`, worked out once (see `DistractorPicker.QuantityScope`).
    let sentenceStems: [Set<String>]
    /// Which of `sentences` write each number (see `DistractorPicker.QuantityScope.index`).
    let sentencesByNumber: [Substring: [Int]]
    private let termIds: [String: Int]
    private let sentencesWithTerm: [[Int]]

    /// On big documents only this many sentences (the best-ranked) are read for questions.
    static let maxReadSentences = 128
    /// A sentence whose best answer weighs this much is asked before the others.
    static let strongWeight = 6.0

    init(document: StudyDocument, maxCandidates: Int = 200) {
        self.document = document
        var tuning = RankingTuning()
        // An exam should cover the whole text, not only its opening.
        tuning.positionWeight = 0.2
        tuning.centroidWeight = 0
        let ranking = SentenceRanker(tuning: tuning).rank(document, summaryLength: 3)
        let keyTerms = KeyTermExtractor().extract(document, ranking: ranking, count: 40, maxSentences: Self.maxReadSentences)
        // Names are found by capitals; terms here are the lowercase ones, longest first so
        // that "light reactions" wins over "light".
        var termTexts: [String] = keyTerms.map(\.term).filter { $0 == $0.lowercased() }
        termTexts.sort { (a: String, b: String) -> Bool in a.count != b.count ? a.count > b.count : a < b }

        // Which sentences to read: all of a normal text, the best-ranked of a book.
        var read = Array(0..<document.sentences.count)
        if read.count > Self.maxReadSentences {
            read = read.sorted { ranking.scores[$0] != ranking.scores[$1] ? ranking.scores[$0] > ranking.scores[$1] : $0 < $1 }
            read = Array(read.prefix(Self.maxReadSentences)).sorted()
        }
        let all = ExamSentence.make(document, only: read)
        self.sentences = all
        self.sentenceStems = all.map { DistractorPicker.contentStems($0.text) }
        self.sentencesByNumber = DistractorPicker.QuantityScope.index(all.map(\.text))
        let properWords = SpanExtractor.properWords(in: all.map(\.text))
        let headings = document.split.units.filter { $0.kind == .heading }.map { ExamInlineMarkup($0.text).clean }
        self.headingKeys = Set(headings.map(AnswerSpan.key))
        let lexicon = ExamLexicon(sentences: all, headings: headings, properWords: properWords)
        self.lexicon = lexicon
        self.keyTermNames = Self.names(of: keyTerms)
        var extractor = SpanExtractor(properWords: properWords, terms: termTexts, lexicon: lexicon)
        var documentWords = Set<String>()
        var lowercaseWords = Set<String>()
        var midSentenceCapitals = Set<String>()
        for sentence in all {
            documentWords.formUnion(Tokenizer.foldedWords(sentence.text))
            for (position, word) in sentence.text.split(separator: " ").enumerated() {
                if word.first?.isLowercase == true {
                    lowercaseWords.insert(String(word.filter { $0.isLetter || $0 == "-" }))
                } else if position > 0, word.first?.isUppercase == true {
                    midSentenceCapitals.insert(String(word.filter { $0.isLetter || $0 == "-" }))
                }
            }
        }
        self.lowercaseWords = lowercaseWords
        self.midSentenceCapitals = midSentenceCapitals
        self.documentWords = documentWords
        let loneNames = Self.loneNames(all.map(\.text))
        self.loneNames = loneNames
        let fullNames = Self.capitalRuns(all.map(\.text), lowercaseWords: lowercaseWords)
        self.fullNames = fullNames
        var namePairs = Set<String>()
        for name in fullNames {
            let words = name.split(separator: " ")
            for i in 1..<words.count { namePairs.insert(words[i - 1] + " " + words[i]) }
        }
        self.namePairs = namePairs
        // "Manchester City" and "Manchester United" share their first word: a place's clubs,
        // not two people, though "City" and "United" are used alone.
        var lastWordsByFirst: [String: Set<String>] = [:]
        // "in Wales", "across Wales": a word used alone as a place is no surname, so
        // "Natural Resources Wales" is no person ending in one.
        var placeWords: Set<String> = []
        for sentence in all {
            let words = SpanExtractor.words(sentence.text)
            for i in words.indices.dropLast() where words[i].trailing.isEmpty && words[i + 1].core.first?.isUppercase == true {
                if words[i].core.first?.isUppercase == true {
                    lastWordsByFirst[words[i].core, default: []].insert(words[i + 1].core)
                } else if Self.placePrepositions.contains(words[i].core),
                          i + 2 >= words.count || words[i + 1].trailing.isEmpty == false || words[i + 2].core.first?.isUppercase != true {
                    placeWords.insert(words[i + 1].core)
                }
            }
        }
        extractor.personEvidence = loneNames.subtracting(placeWords)
        extractor.sharedFirstWords = Set(lastWordsByFirst.filter { $0.value.count >= 2 }.keys)
        var firstWordsByLast: [String: Set<String>] = [:]
        for (first, lasts) in lastWordsByFirst { for last in lasts { firstWordsByLast[last, default: []].insert(first) } }
        extractor.sharedLastWords = Set(firstWordsByLast.filter { $0.value.count >= 2 }.keys)

        let groupNouns = Self.groupNouns(all.map(\.text))
        let unquotedNames = Self.unquotedCapitals(all.map(\.text))
        let repeatedPairs = SpanFilters.repeatedPairs(all.map(\.text))
        // Paragraphs that open "Example 3: …" work an example: their numbers are its givens.
        // The label may be a sentence of its own ("**Worked example.** A patient has …"), too
        // short to be read for questions: the paragraphs are found in the document's own units.
        // A worked example or an exercise is made up throughout ("Machine A makes 600 bulbs
        // …"); a plain "Example:" may cite a real case, so there only set-up sentences count.
        let exampleBlocks = Self.exampleBlocks(document.sentences)
        var exampleGroups = Set<Int>()
        var workedBlocks = Set<Int>()
        for sentence in all {
            let block = sentence.index < document.sentences.count ? document.sentences[sentence.index].block : -1
            if let worked = exampleBlocks[block] {
                exampleGroups.insert(sentence.group)
                if worked { workedBlocks.insert(block) }
                continue
            }
            guard sentence.opensBlock else { continue }
            let first = sentence.text.split(separator: " ").first.map { Tokenizer.fold(String($0)).filter(\.isLetter) } ?? ""
            if ["example", "exercise", "worked"].contains(first) { exampleGroups.insert(sentence.group) }
        }

        var candidates: [Candidate] = []
        var pools: [AnswerSpan.Kind: [Pooled]] = [:]
        var pooled = Set<String>()
        var previous: ExamSentence? = nil
        // The first sentence of the current paragraph or list, as read, and the sentences
        // another one was joined onto (each is read as context once: see `UnnamedWhole`).
        var groupOpener: ExamSentence? = nil
        var hosts = Set<Int>()
        var mentions: [String: Int] = [:]
        // What each name is (person, place), from every sentence that says: a cue in one
        // sentence ("Smith said") tells what the name is in the others.
        var roleVotes: [String: [String: Int]] = [:]
        // Each sentence's answer spans need nothing from the others: read in chunks on every core.
        let found = SpanReading.spans(of: all) { sentence in
            // "act on different objects": a lone lowercase word before the noun it describes is
            // an adjective or half a compound, neither an answer nor an option.
            var spans = extractor.spans(in: sentence).filter {
                !Self.modifiesNextNoun($0, in: sentence.text) && !($0.kind == .term && Self.isPartOfName($0, in: sentence.text))
            }
            // Spans that make a trivial blank stay distractor material; a term that ends in a
            // verb or an outlet's name is neither.
            let inWorkedBlock = sentence.index < document.sentences.count && workedBlocks.contains(document.sentences[sentence.index].block)
            let setsUpExample = exampleGroups.contains(sentence.group) && (inWorkedBlock || Self.setsUpExample(sentence.text))
            for s in spans.indices {
                let reason = SpanFilters.problem(spans[s], in: sentence.text, repeatedPairs: repeatedPairs)
                if reason != nil { spans[s].isModifier = true }
                if reason == "verb in the term" || reason == "source credit" { spans[s].weight = 0 }
                if spans[s].kind == .name, !spans[s].text.contains(" "), groupNouns.contains(spans[s].text) { spans[s].isModifier = true }
                // A name the text writes only inside quotes ("'We sent Easty up …'") is a
                // speaker's nickname or aside, not a fact the text states: option material only.
                if spans[s].kind == .name, let last = spans[s].text.split(separator: " ").last,
                   !unquotedNames.contains(Self.nameCore(String(last))) { spans[s].isModifier = true }
                if setsUpExample, [.number, .percentage].contains(spans[s].kind) { spans[s].isModifier = true }
                // '"Scotland needs a government that …': a speaker's words; a name or term in
                // them is an opinion. (A number of a quoted statement is still a fact.)
                if sentence.isQuotePiece, ![.number, .percentage, .year].contains(spans[s].kind) { spans[s].isModifier = true }
            }
            spans.removeAll { $0.weight == 0 }
            return spans
        }
        var subjects = PronounRun()
        for (position, var sentence) in all.enumerated() {
            defer { previous = sentence }
            if previous?.group != sentence.group { groupOpener = sentence }
            var spans = found[position]
            // "Hogwood studied keyboard … He was the artistic director of …": a run of
            // sentences opening "He"/"She" right after one whose subject is a person names
            // that person, as a teacher would write it.
            if let named = subjects.read(sentence, placeWords: placeWords, lowercaseWords: lowercaseWords) {
                sentence.text = named
                sentence.stemProblem = nil
            }
            // A caption's names may be fused with the next sentence's words ("Billy Poodle").
            // (A sentence with no problem already passed the caption check.)
            let pieceOfCaption = ["caption", "fragment", "unbalanced"].contains(sentence.stemProblem ?? "")
                || sentence.stemProblem != nil && CaptionMarks.looksLikeCaption(sentence.text)
            let pooling = pieceOfCaption ? spans.filter { $0.kind != .name && $0.kind != .acronym } : spans
            for span in pooling where pooled.insert(span.kind.rawValue + "|" + span.unit + "|" + span.key).inserted {
                pools[span.kind, default: []].append(Pooled(span: span, group: sentence.group, section: sentence.section,
                                                            isNamedTerm: [.term, .acronym].contains(span.kind) && lexicon.entryIndex(for: span.text) != nil,
                                                            wordCount: span.text.split(separator: " ").count))
            }
            // "It was described by …" leans on the sentence before: joined to it, it stands.
            // Only onto the sentence that opens the paragraph or item (its subject is what "It"
            // means there), and only once.
            if sentence.stemProblem == "dangling reference", let before = previous, before.group == sentence.group,
               before.index == sentence.index - 1, before.stemProblem == nil, before.opensBlock, !before.joined,
               spans.contains(where: { $0.weight >= QuestionFactory.minimumAnswerWeight && !$0.isModifier }),
               (before.text + " " + sentence.text).split(separator: " ").count <= ExamSentence.stemWords.upperBound {
                sentence.text = before.text + " " + sentence.text
                sentence.stemProblem = nil
                sentence.joined = true
                hosts.insert(before.index)
                // The sentence before is asked only inside this one, with its answers: two stems
                // would repeat it.
                if let at = candidates.lastIndex(where: { $0.sentence == before.index }) {
                    let earlier = candidates.remove(at: at)
                    for span in earlier.spans where !spans.contains(where: { $0.key == span.key }) { spans.append(span) }
                }
            }
            // "At P = $25, Qd = 50 and Qs = 70. There is a surplus of 20 units": a number worked
            // out from the line before is asked with that line, its givens.
            if sentence.stemProblem == nil, let before = previous, before.group == sentence.group,
               before.index == sentence.index - 1, before.stemProblem == "formula", !before.joined,
               spans.contains(where: { [.number, .percentage].contains($0.kind) && !$0.isModifier }),
               (before.text + " " + sentence.text).split(separator: " ").count <= ExamSentence.stemWords.upperBound {
                sentence.text = before.text + " " + sentence.text
                sentence.joined = true
            }
            for span in spans { mentions[Self.identity(span, lexicon: lexicon), default: 0] += 1 }
            for span in spans where span.kind == .name && span.role != "other" { roleVotes[span.key, default: [:]][span.role, default: 0] += 1 }
            // A product line of a review ("… Sun Lotion SPF 50 £2 for 50ml, from …") is asked as
            // the statement of its price.
            if sentence.stemProblem != nil, !sentence.isListItem, let line = PriceLines.statement(sentence.text),
               let form = NumberForm(line.price) {
                // Below `strongWeight`: prices fill an exam after the article's own statements.
                var price = AnswerSpan(text: line.price, kind: .number, weight: 5)
                price.unit = form.prefix + form.suffix.lowercased()
                let rank = sentence.index < ranking.scores.count ? ranking.scores[sentence.index] : 0
                candidates.append(Candidate(sentence: sentence.index, text: line.text, spans: [price],
                                            score: 2 * rank, section: sentence.section, group: sentence.group))
                continue
            }
            var reference = !spans.isEmpty && sentence.stemProblem == nil ? ExamSentence.referenceProblem(sentence.text) : nil
            // "About 180 copies were printed" after "The Gutenberg Bible is …": asked joined to the
            // sentence that names the whole, or not at all.
            if let reason = reference, !sentence.joined,
               let host = UnnamedWhole.host(for: sentence, reason: reason, previous: previous, opener: groupOpener, used: hosts) {
                let joined = host.text + " " + sentence.text
                if joined.split(separator: " ").count <= ExamSentence.stemWords.upperBound, ExamSentence.referenceProblem(joined) == nil {
                    sentence.text = joined
                    sentence.joined = true
                    reference = nil
                    hosts.insert(host.index)
                    if let at = candidates.lastIndex(where: { $0.sentence == host.index }) {
                        let earlier = candidates.remove(at: at)
                        for span in earlier.spans where !spans.contains(where: { $0.key == span.key }) { spans.append(span) }
                    }
                }
            }
            guard !spans.isEmpty, sentence.stemProblem == nil, reference == nil else { continue }
            // "… with 42 lines per column, so it is also called the 42-line Bible": a key the rest
            // of the stem still says is option material only.
            for s in spans.indices where !spans[s].isModifier && KeyEchoes.givesAway(spans[s], in: sentence.text) {
                spans[s].isModifier = true
            }
            let rank = sentence.index < ranking.scores.count ? ranking.scores[sentence.index] : 0
            candidates.append(Candidate(sentence: sentence.index, text: sentence.text, spans: spans,
                                        score: 2 * rank, section: sentence.section, group: sentence.group))
        }
        func role(of span: AnswerSpan) -> String {
            guard span.kind == .name, !span.text.hasPrefix("The "), let votes = roleVotes[span.key],
                  let best = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return span.role }
            return best.key
        }
        for (kind, items) in pools {
            pools[kind] = items.map { item in
                var item = item
                item.span.role = role(of: item.span)
                return item
            }
        }
        for c in candidates.indices {
            for s in candidates[c].spans.indices { candidates[c].spans[s].role = role(of: candidates[c].spans[s]) }
        }
        // What the text keeps coming back to matters more than what it mentions once, and
        // what the key-term ranking lists matters more than what it leaves out.
        let ranks = KeyTermRanks(terms: keyTerms.map(\.term), lexicon: lexicon)
        // A one-word term in a fifth of the sentences is what the whole text is about
        // ("forces" in notes on Newton's laws): any reader fills it in.
        let topicMentions = max(6, all.count / 5)
        // The subject the title names ("The First World War" in notes of that title) is
        // what every reader already knows: options only.
        let titleKeys = TitleSubject.keys(of: document)
        let longestTitleKey = titleKeys.map(\.count).max() ?? 0
        for c in candidates.indices {
            for s in candidates[c].spans.indices {
                let span = candidates[c].spans[s]
                // Lengths first: folding every span's words would cost more than the rest of this loop.
                if !titleKeys.isEmpty, [.term, .name, .acronym].contains(span.kind), span.text.count <= longestTitleKey + 6,
                   case let key = ExamLexicon.key(span.text), titleKeys.contains(where: { TitleSubject.names(key, titleKey: $0) }) {
                    candidates[c].spans[s].isModifier = true
                }
                if ranks.isBuildingBlock(span, lexicon: lexicon) { candidates[c].spans[s].isModifier = true }
                if span.kind == .term, !span.isDefinedHere, !span.text.contains(" "), span.text.first?.isLowercase == true,
                   (mentions[Self.identity(span, lexicon: lexicon)] ?? 1) >= topicMentions {
                    candidates[c].spans[s].isModifier = true
                }
                candidates[c].spans[s].weight += Self.repetitionBonus(span, mentions: mentions[Self.identity(span, lexicon: lexicon)] ?? 1)
                    + ranks.adjustment(for: span, lexicon: lexicon)
            }
            candidates[c].spans.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.text.count > $1.text.count }
            candidates[c].score += Self.bestAnswerWeight(candidates[c])
        }
        // Sentences with a defined term, a date or a number with its unit come first.
        let strong = candidates.filter { Self.bestAnswerWeight($0) >= Self.strongWeight }
        let weak = candidates.filter { Self.bestAnswerWeight($0) < Self.strongWeight }
        self.candidates = Array((Self.interleaved(strong, limit: maxCandidates) + Self.interleaved(weak, limit: maxCandidates))
            .prefix(maxCandidates))
        for (kind, items) in pools where kind == .term || kind == .acronym {
            pools[kind] = items.map { item in
                var item = item
                item.written = DistractorPicker.caseForm(item.span, lexicon: lexicon, midSentenceCapitals: midSentenceCapitals,
                                                         lowercaseWords: lowercaseWords)
                item.style = DistractorPicker.style(item.written)
                return item
            }
        }
        self.pools = pools
        self.evidence = OptionEvidence(sentences: all.map(\.text), terms: ((pools[.term] ?? []) + (pools[.acronym] ?? [])).map(\.span.text),
                                       names: (pools[.name] ?? []).map(\.span.text), fullNames: fullNames,
                                       units: Set((pools[.number] ?? []).map(\.span.unit).filter { !$0.isEmpty }))

        var ids: [String: Int] = [:]
        for (id, term) in document.vocabulary.enumerated() { ids[term] = id }
        termIds = ids
        // Arrays indexed by term id, and a last-seen marker instead of a set per sentence:
        // this runs over every sentence of the document.
        var index = Array(repeating: [Int](), count: document.vocabulary.count)
        var lastSeen = Array(repeating: -1, count: document.vocabulary.count)
        for (sentence, terms) in document.terms.enumerated() {
            for term in terms where lastSeen[term] != sentence {
                lastSeen[term] = sentence
                index[term].append(sentence)
            }
        }
        sentencesWithTerm = index
    }

    /// The weight of the best span a question may ask about (a span kept for options only,
    /// such as a trivial blank or the title's subject, does not make a sentence worth asking).
    static func bestAnswerWeight(_ candidate: Candidate) -> Double {
        candidate.spans.first(where: { !$0.isModifier })?.weight ?? 0
    }

    /// "A 10 kg box is pushed …", "the 0.15 kg ball": a sentence of a worked example that sets
    /// up its object with a number; its numbers are the givens, not facts to recall.
    static func setsUpExample(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        // "A patient has …", "Suppose a car …": an indefinite subject or a supposition is made up.
        if let first = words.first.map({ Tokenizer.fold(String($0)).filter(\.isLetter) }),
           ["a", "an", "suppose", "assume", "consider", "imagine"].contains(first),
           words.count > 1, words[1].first?.isLowercase == true || words[1].first?.isNumber == true {
            return true
        }
        return words.indices.dropLast().contains { i in
            ["a", "an", "the"].contains(Tokenizer.fold(String(words[i]))) && words[i + 1].first?.isNumber == true
        }
    }

    /// Blocks (paragraphs) whose first unit opens with an example label ("Example 2:",
    /// "Worked example.", "**Exercise**:"), however it is written (`ExamSentence.isExampleLabel`).
    /// List items are left out: a list of examples states facts. The value says whether the
    /// label is "Worked example" or "Exercise" (made up throughout) rather than "Example".
    static func exampleBlocks(_ units: [TextUnit]) -> [Int: Bool] {
        var out: [Int: Bool] = [:]
        var previousBlock: Int? = nil
        for unit in units {
            defer { previousBlock = unit.block }
            guard unit.block != previousBlock, unit.kind == .sentence else { continue }
            // Cheap first look: the label's first word (past any "**") starts with e/E or w/W.
            guard let first = unit.text.first(where: { $0 != "*" && $0 != "_" }), "eEwW".contains(first) else { continue }
            guard ExamSentence.isExampleLabel(unit.text) else { continue }
            let word = unit.text.split(separator: " ").first.map { Tokenizer.fold(String($0)).filter(\.isLetter) } ?? ""
            out[unit.block] = word == "worked" || word == "exercise"
        }
        return out
    }

    /// The capitalised words the text writes outside quotation marks (each in `nameCore` form).
    static func unquotedCapitals(_ texts: [String]) -> Set<String> {
        var out = Set<String>()
        for text in texts {
            let words = text.split(separator: " ").map(String.init)
            let quoted = Antonyms.quotedWords(words)
            for (i, word) in words.enumerated() where !quoted[i] && word.first(where: \.isLetter)?.isUppercase == true {
                let core = nameCore(word)
                if core.first?.isUppercase == true { out.insert(core) }
            }
        }
        return out
    }

    /// A word's letters without a possessive ending: "Eastwood's" → "Eastwood", "O'Hara" → "OHara".
    static func nameCore(_ word: String) -> String {
        ExamLexicon.withoutPossessive(word.trimmingAny(of: ".,;:!?)(\"“”‘’'")).filter(\.isLetter)
    }

    /// Capitalised plurals the text writes after "the" ("the Romans"): a whole
    /// people or group, which any reader puts in a blank about it.
    static func groupNouns(_ texts: [String]) -> Set<String> {
        var out = Set<String>()
        for text in texts {
            let words = text.split(separator: " ")
            for i in words.indices.dropLast() where words[i] == "the" || i == 0 && words[i] == "The" {
                let word = words[i + 1]
                let core = word.filter(\.isLetter)
                guard core.count >= 4, core.first?.isUppercase == true, core.hasSuffix("s"), core.dropFirst().allSatisfy(\.isLowercase) else { continue }
                let next = i + 2 < words.count ? words[i + 2] : ""
                if next.first?.isUppercase == true, word.last?.isLetter == true { continue }
                out.insert(core)
            }
        }
        return out
    }

    /// Whether a capitalised term is half of a longer name here ("Isaac Newton" for "Newton").
    static func isPartOfName(_ span: AnswerSpan, in text: String) -> Bool {
        guard span.kind == .term || span.kind == .name, span.text.first?.isUppercase == true,
              let range = WholeWord.range(of: span.text, in: text) else { return false }
        let before = text[..<range.lowerBound]
        if before.hasSuffix(" "), let previous = before.dropLast().split(separator: " ").last,
           previous.first?.isUppercase == true, previous.last?.isLetter == true,
           !StopWords.english.contains(Tokenizer.fold(String(previous))) {
            return true
        }
        let after = text[range.upperBound...]
        if after.first == " ", let next = after.dropFirst().split(separator: " ").first,
           next.first?.isUppercase == true, next.count > 1, next.dropFirst().allSatisfy({ !$0.isUppercase || !$0.isLetter }) {
            return true
        }
        return false
    }

    /// Whether a one-word lowercase term stands right before a noun it modifies.
    static func modifiesNextNoun(_ span: AnswerSpan, in text: String) -> Bool {
        guard span.kind == .term, !span.text.contains(" "), span.text.first?.isLowercase == true,
              let range = WholeWord.range(of: span.text, in: text) else { return false }
        let rest = text[range.upperBound...]
        guard rest.first == " " else { return false }
        let next = rest.dropFirst().prefix(while: { $0 != " " })
        guard let word = SpanExtractor.words(String(next)).first else { return false }
        return SpanExtractor.isModifiedNoun(word) && word.core.first?.isNumber != true
    }

    /// One key for all names of a term, or the span's own key.
    static func identity(_ span: AnswerSpan, lexicon: ExamLexicon) -> String {
        if span.kind == .term || span.kind == .acronym, let entry = lexicon.entryIndex(for: span.text) { return "#\(entry)" }
        return span.kind.rawValue + "|" + span.key
    }

    /// Terms and multi-word names the text mentions in several sentences rise a little.
    /// Numbers and dates are facts however often they occur.
    static func repetitionBonus(_ span: AnswerSpan, mentions: Int) -> Double {
        switch span.kind {
        case .term, .acronym:
            return span.weight >= 8 && mentions >= 3 ? 0.5 : 0
        case .name:
            return !span.isPerson && span.text.contains(" ") && mentions >= 2 ? 1.5 : 0
        default:
            return 0
        }
    }

    /// Best first within each section, then one from each section in turn (sections in
    /// the order of their best candidate), so questions spread over the whole text.
    static func interleaved(_ candidates: [Candidate], limit: Int) -> [Candidate] {
        var bySection: [String: [Candidate]] = [:]
        var order: [String] = []
        for candidate in candidates {
            let key = candidate.section ?? ""
            if bySection[key] == nil { order.append(key) }
            bySection[key, default: []].append(candidate)
        }
        var queues = order.map { key in
            (bySection[key] ?? []).sorted { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
        }
        var out: [Candidate] = []
        var round = 0
        while out.count < limit {
            var any = false
            // Within a round, the better candidates first.
            var batch: [Candidate] = []
            for q in queues.indices where round < queues[q].count {
                batch.append(queues[q][round])
                any = true
            }
            if !any { break }
            batch.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
            out.append(contentsOf: batch.prefix(limit - out.count))
            round += 1
        }
        queues.removeAll()
        return out
    }

    /// Runs of two to four capitalised words not at a sentence's start, without punctuation between.
    /// - Parameter lowercaseWords: the words the text also writes in lower case. A sentence's
    ///   first word starts a name ("Lewis Hamilton has …") only when it is not one of them,
    ///   not a stop word, the next word is capitalised too, and no name found inside a
    ///   sentence ends in the same word ("Earlier Robertson" beside "Neil Robertson").
    static func capitalRuns(_ texts: [String], lowercaseWords: Set<String> = []) -> Set<String> {
        var out = Set<String>()
        var openingRuns = Set<String>()
        for text in texts {
            var run: [String] = []
            var runOpens = false
            func flush() {
                if (2...4).contains(run.count) {
                    let name = run.joined(separator: " ")
                    if runOpens { openingRuns.insert(name) } else { out.insert(name) }
                }
                run.removeAll()
                runOpens = false
            }
            let words = text.split(separator: " ")
            for (position, word) in words.enumerated() {
                let core = Self.core(of: word)
                var capital = position > 0 && isCapitalised(core)
                if position == 0, !lowercaseWords.isEmpty, isCapitalised(core), word.last?.isLetter == true,
                   words.count > 1, isCapitalised(Self.core(of: words[1])),
                   !lowercaseWords.contains(core.lowercased()), !StopWords.english.contains(core.lowercased()) {
                    capital = true
                    runOpens = true
                }
                if capital { run.append(String(core.hasSuffix("'s") || core.hasSuffix("’s") ? core.dropLast(2) : core[...])) }
                else { flush(); continue }
                // "Australia's Neil Robertson": a possessive ends the name it belongs to.
                if core.hasSuffix("'s") || core.hasSuffix("’s") { flush(); continue }
                // "Thirty Years' War": a plural possessive before a capitalised word goes on.
                let goesOn = (word.hasSuffix("s'") || word.hasSuffix("s’")) && position + 1 < words.count
                    && isCapitalised(Self.core(of: words[position + 1]))
                if word.last.map({ !$0.isLetter }) == true, !goesOn { flush() }
            }
            flush()
        }
        // "Mr Guffick" names no first name: it does not stand against "Ian Guffick".
        let lastWords = Set(out.filter { name in
            name.split(separator: " ").first.map { !QuestionFactory.isTitle(String($0)) } ?? true
        }.compactMap { $0.split(separator: " ").last })
        for name in openingRuns where name.split(separator: " ").last.map({ !lastWords.contains($0) }) == true {
            out.insert(name)
        }
        return out
    }

    private static func isCapitalised(_ core: String) -> Bool {
        core.first?.isUppercase == true && core.count > 1 && core.dropFirst().contains(where: \.isLowercase)
    }

    private static func core(of word: Substring) -> String {
        word.filter { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
    }

    /// Capitalised words standing alone (not next to another capitalised word) inside sentences.
    /// Prepositions before a place written alone ("in Wales", "throughout Europe").
    static let placePrepositions: Set<String> = ["in", "across", "throughout", "near"]

    static func loneNames(_ texts: [String]) -> Set<String> {
        var out = Set<String>()
        for text in texts {
            let words = SpanExtractor.words(text)
            for (i, word) in words.enumerated() where word.position > 0 && word.core.first?.isUppercase == true && word.core.count > 2 {
                // ("Thirty Years' War": a plural possessive joins the words of a name.)
                let previousCapital = i > 0 && words[i - 1].core.first?.isUppercase == true
                    && (words[i - 1].trailing.isEmpty || SpanExtractor.isPluralPossessive(words[i - 1]))
                let nextCapital = i + 1 < words.count && words[i + 1].core.first?.isUppercase == true
                    && (word.trailing.isEmpty || SpanExtractor.isPluralPossessive(word))
                if !previousCapital && !nextCapital && word.core.dropFirst().allSatisfy(\.isLowercase) { out.insert(word.core) }
            }
        }
        return out
    }

    /// Whether `statement` (a sentence with `value` put in) is also what some other
    /// sentence of the document says: then it is not a false statement, and `value` is no
    /// distractor. "Stated" means another sentence contains every term of `value` and at
    /// least 60% of the statement's terms.
    func isStatedElsewhere(_ statement: String, value: String, source: Int) -> Bool {
        var extractor = TermExtractor()
        let valueTerms = extractor.terms(value).compactMap { termIds[$0] }
        // A value the document never uses cannot be stated in it.
        guard !valueTerms.isEmpty else { return false }
        // The value's own terms say nothing about whether the rest is stated elsewhere:
        // sibling list items share a shape ("X: a block can go to …").
        let statementTerms = Set(extractor.terms(statement).compactMap { termIds[$0] }).subtracting(valueTerms)
        guard !statementTerms.isEmpty else { return false }
        // Walk the rarest term's sentences and check the others in place: no big sets built.
        let lists = Set(valueTerms).map { sentencesWithTerm[$0] }.sorted { $0.count < $1.count }
        guard let rarest = lists.first else { return false }
        let uniqueValueTerms = Set(valueTerms)
        for other in rarest where other != source {
            let terms = document.terms[other]
            guard uniqueValueTerms.allSatisfy({ terms.contains($0) }) else { continue }
            let overlap = statementTerms.reduce(0) { $0 + (terms.contains($1) ? 1 : 0) }
            if Double(overlap) >= 0.8 * Double(statementTerms.count) { return true }
        }
        return false
    }
}

extension ExamMaterial {
    /// Each key term's names (the term without a bracketed abbreviation, and its aliases),
    /// reachable from any one of them.
    static func names(of keyTerms: [KeyTerm]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for keyTerm in keyTerms where !keyTerm.aliases.isEmpty {
            var base = keyTerm.term
            if base.hasSuffix(")"), let open = base.lastIndex(of: "("), open > base.startIndex {
                base = String(base[..<open]).trimmingWhitespace()
            }
            let names = [base] + keyTerm.aliases
            for name in names {
                let key = ExamLexicon.key(name)
                guard !key.isEmpty, out[key] == nil else { continue }
                out[key] = names
            }
        }
        return out
    }
}

/// Runs `read` on every sentence, in chunks on every core for a long text; results in order.
/// Unchecked Sendable because chunks run at once: each writes only its own slots.
private final class SpanReading: @unchecked Sendable {
    let sentences: [ExamSentence]
    let read: (ExamSentence) -> [AnswerSpan]
    let slots: UnsafeMutableBufferPointer<[AnswerSpan]>

    init(sentences: [ExamSentence], read: @escaping (ExamSentence) -> [AnswerSpan], slots: UnsafeMutableBufferPointer<[AnswerSpan]>) {
        self.sentences = sentences
        self.read = read
        self.slots = slots
    }

    func fill(chunk: Int, of chunks: Int) {
        for position in stride(from: chunk, to: sentences.count, by: chunks) { slots[position] = read(sentences[position]) }
    }

    static func spans(of sentences: [ExamSentence], read: @escaping (ExamSentence) -> [AnswerSpan]) -> [[AnswerSpan]] {
        var out = [[AnswerSpan]](repeating: [], count: sentences.count)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        out.withUnsafeMutableBufferPointer { buffer in
            let work = SpanReading(sentences: sentences, read: read, slots: buffer)
            guard sentences.count >= 64, cores > 1 else { return work.fill(chunk: 0, of: 1) }
            let chunks = min(sentences.count, cores * 4)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in work.fill(chunk: chunk, of: chunks) }
        }
        return out
    }
}
