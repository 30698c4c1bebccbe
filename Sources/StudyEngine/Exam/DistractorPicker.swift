import Foundation
import StudyModel

/// Chooses wrong options of the same kind as the answer, drawn from the document.
///
/// Rules: a distractor differs from the answer and from the other distractors (after
/// folding case, accents and thousands separators), is not part of the answer or the
/// other way round ("Louis" vs "Louis XVI"), does not appear in the question's sentence
/// (it would be an obvious misfit), and does not turn the sentence into something the
/// document states elsewhere (then it would be right too). Difficulty orders the pool:
/// hard prefers look-alikes (near numbers, same length), easy prefers far ones. When the
/// document has too few numbers, believable ones are made from the answer in the same
/// written form; names and terms are never invented.
struct DistractorPicker {
    var material: ExamMaterial
    var difficulty: Question.Difficulty
    /// Whether the document is a news story (see `QuestionFactory.looksLikeNewsStory`): its
    /// name options keep to the kind the text marks (`newsNameKindMatches`).
    var isNewsStory = false

    /// - Parameter forStatement: the value replaces the answer in a true/false statement:
    ///   then only a close sibling makes a false statement that teaches (a term of the same
    ///   list or section, another person for a person, another place for a place).
    /// - Parameter otherBlanks: for a multiple-answer question, the other blanks (each
    ///   answer with the stem in which only its blank is open): every option must fit each
    ///   blank as well, or grammar and kind tell which option goes where.
    func pick(for answer: AnswerSpan, in candidate: ExamMaterial.Candidate, stem: String, blank: String,
              count: Int, excluding: [String] = [], forStatement: Bool = false,
              sameKind: ((String) -> Bool)? = nil, otherBlanks: [(answer: AnswerSpan, stem: String)] = [],
              rng: inout SeededRandom) -> [String] {
        var chosen: [String] = []
        var keys = Set((material.lexicon.names(of: answer.text) + excluding).map(AnswerSpan.key))
        var chosenEntries = Set<Int>()
        var fit = blankFit(answer, candidate: candidate, stem: stem, blank: blank, forStatement: forStatement, sameKind: sameKind)

        // Options written like the answer: a capital only where the answer has one at the start of the stem.
        let capitalise = stem.hasPrefix(blank) && answer.text.first?.isUppercase == true
        var pool = pool(for: answer)
        if forStatement {
            switch answer.kind {
            case .term, .acronym:
                pool = pool.filter { ($0.group == candidate.group || $0.section == candidate.section && candidate.section != nil)
                    && !material.headingKeys.contains($0.span.key) }
            case .name:
                if !(answer.role == "person" || answer.role == "place") { pool = [] }
            default:
                break
            }
        }
        // A person the text marks as one ("goalkeeper Sam Webb") has as options the other
        // people it marks so, whatever role one sentence gave them (a full name with full names).
        if answer.kind == .name, !forStatement, fit.kind.answerIsMarkedPerson {
            let words = min(answer.text.split(separator: " ").count, 2)
            let known = Set(pool.map(\.span.key))
            pool += (material.pools[.name] ?? []).filter {
                material.evidence.personNames.contains($0.span.text) && !known.contains($0.span.key) && min($0.wordCount, 2) == words
            }
        }
        fit.countKin(in: pool, forStatement: forStatement)
        // The other blanks: their own pools say what is of their kind.
        let others: [(fit: BlankFit, keys: Set<String>?)] = otherBlanks.map { other in
            var otherFit = blankFit(other.answer, candidate: candidate, stem: other.stem, blank: blank, forStatement: false, sameKind: nil)
            let otherPool = self.pool(for: other.answer)
            otherFit.countKin(in: otherPool, forStatement: false)
            let numeric = [.year, .number, .percentage].contains(other.answer.kind)
            return (otherFit, numeric ? nil : Set(otherPool.map { AnswerSpan.key(caseForm($0.span)) }))
        }

        let sameSection = sameSectionScope(for: answer, candidate: candidate, stem: stem, blank: blank)
        let nameHead = commonHead(ofName: answer)
        let familyHead = sharedHead(of: answer) ?? nameHead
        func accept(_ value: String) -> Bool {
            let key = AnswerSpan.key(value)
            guard !key.isEmpty, !keys.contains(key) else { return false }
            if Self.restatesQuantity(value, scope: sameSection) { return false }
            if !Self.keepsHead(value, head: familyHead) { return false }
            let entry = material.lexicon.entryIndex(for: value)
            if let entry, chosenEntries.contains(entry) { return false }
            guard allows(value, fit, candidate: candidate) else { return false }
            guard newsNameKindMatches(value, answer: answer, answerIsMarkedPerson: fit.kind.answerIsMarkedPerson) else { return false }
            // "Ms Price" and "Ann Price": two options that share a name may be one person.
            // ("Thirty Years' War" and "Eighty Years' War" are two wars.)
            if answer.kind == .name, nameHead == nil {
                let words = Set(Tokenizer.foldedWords(value)).subtracting(StopWords.english)
                if chosen.contains(where: { !words.isDisjoint(with: Tokenizer.foldedWords($0)) }) { return false }
            }
            for other in others {
                if let otherKeys = other.keys, !otherKeys.contains(key) { return false }
                if !allows(value, other.fit, candidate: candidate) { return false }
            }
            keys.insert(key)
            if let entry { chosenEntries.insert(entry) }
            chosen.append(value)
            return true
        }

        // Inside a sentence a term keeps its case (checked on the pool, before the costly part).
        if [.term, .acronym].contains(answer.kind), !stem.hasPrefix(blank), let a = answer.text.first {
            pool = pool.filter { $0.written.first?.isUppercase == a.isUppercase }
        }
        // Names and terms are never invented: a pool too small for the count cannot give
        // enough options, so the checks below (the costly part) are not run at all.
        if pool.count < count, ![.year, .number, .percentage].contains(answer.kind) { return [] }
        for span in fit.kind.markedKindFirst(ordered(pool, answer: answer, candidate: candidate, rng: &rng)) where chosen.count < count {
            let text = caseForm(span)
            _ = accept(capitalise && [.term, .acronym].contains(answer.kind) ? text.capitalisedFirst : text)
        }
        // A number inside a name ("type 2 diabetes") has only the text's own siblings.
        if chosen.count < count, [.year, .number, .percentage].contains(answer.kind), fit.labelSiblings == nil {
            let made = fit.isDay ? inventedDays(answer, rng: &rng) : invented(answer: answer, hedge: fit.hedge, rng: &rng)
            for value in made where chosen.count < count {
                _ = accept(value)
            }
        }
        // Options where only the key is a stranger to the story give it away.
        if chosen.count == count, count > 1, fit.kind.keyIsOnlyStranger(chosen) { return [] }
        return chosen
    }

    /// What one blank of a stem allows: the option kind and the limits the stem sets.
    struct BlankFit {
        var answer: AnswerSpan
        var stem: String
        var blank: String
        var kind: OptionKind
        var answerEntry: Int?
        /// "on March _____": a day of the month has only days as options (1–31), never "38".
        var isDay: Bool
        /// "Henry Moseley (1887–1915) … in _____": years outside the life the stem gives are
        /// ruled out by the stem itself, so options stay inside it.
        var lifespan: ClosedRange<Int>?
        /// The years a year-like answer's options may name (`yearEra`).
        var era: ClosedRange<Int>?
        /// Stems of the stem's content words when the answer shares one ("The _____ means that
        /// countries tied to gold" for "gold standard"): then options must share one too, or
        /// the echo alone points at the key.
        var echoWords: Set<String>?
        var latestYear: Int?
        var compared: ComparedValue?
        var labelSiblings: Set<String>?
        /// "more than _____", "around _____": how far options must keep from the key.
        var hedge: NumberHedge?

        /// The evidence indexes only pooled terms: any kin it knows is a pooled value. A
        /// statement's pool is one paragraph or section (small): its kin are counted there.
        mutating func countKin(in pool: [ExamMaterial.Pooled], forStatement: Bool) {
            guard kind.requireKin else { return }
            kind.hasEnoughKin = !kind.kinKeys.isEmpty
                && (!forStatement || pool.contains { kind.kinKeys.contains(ExamLexicon.key($0.span.text)) })
        }
    }

    func blankFit(_ answer: AnswerSpan, candidate: ExamMaterial.Candidate, stem: String, blank: String,
                  forStatement: Bool, sameKind: ((String) -> Bool)?) -> BlankFit {
        var kind = OptionKind(answer: answer, candidate: candidate, stem: stem, blank: blank, material: material,
                              forStatement: forStatement)
        kind.sameKind = sameKind
        return BlankFit(answer: answer, stem: stem, blank: blank, kind: kind,
                        answerEntry: material.lexicon.entryIndex(for: answer.text),
                        isDay: Self.isDayOfMonth(answer, stem: stem, blank: blank),
                        lifespan: answer.kind == .year ? Self.yearRange(in: stem, around: answer.text) : nil,
                        era: yearEra(answer, stem: stem, blank: blank, section: candidate.section),
                        echoWords: Self.echoWords(answer, stem: stem, blank: blank),
                        latestYear: latestOptionYear(answer, stem: stem),
                        compared: Self.comparedValue(answer, stem: stem, blank: blank),
                        labelSiblings: labelSiblings(answer, stem: stem, blank: blank),
                        hedge: NumberHedge.before(blank: blank, in: stem, kind: answer.kind))
    }

    /// Whether `value` may fill the blank of `fit` as a wrong option.
    func allows(_ value: String, _ fit: BlankFit, candidate: ExamMaterial.Candidate) -> Bool {
        let answer = fit.answer, stem = fit.stem, blank = fit.blank
        let key = AnswerSpan.key(value)
        if AnswerSpan.key(answer.text) == key { return false }
        if answer.key.contains(key) || key.contains(answer.key) { return false }
        let entry = material.lexicon.entryIndex(for: value)
        if let entry, entry == fit.answerEntry { return false }
        if !fit.kind.fits(value) { return false }
        // Names sharing a word may name the same person or place ("Mr Wang", "Wang Dongming").
        if answer.kind == .name, !Set(Tokenizer.foldedWords(value)).subtracting(StopWords.english)
            .isDisjoint(with: Tokenizer.foldedWords(answer.text)) { return false }
        // A term one of whose names holds the answer's words (or the other way round) may
        // name the same thing ("market-clearing price" is the "equilibrium price" for "equilibrium").
        if [.term, .acronym].contains(answer.kind), let other = material.lexicon.entry(for: value) {
            let answerWords = Set(Tokenizer.foldedWords(answer.text).map(ExamLexicon.singular)).subtracting(StopWords.english)
            for name in [other.text] + other.aliases {
                let nameWords = Set(Tokenizer.foldedWords(name).map(ExamLexicon.singular)).subtracting(StopWords.english)
                if !answerWords.isEmpty, !nameWords.isEmpty, answerWords.isSubset(of: nameWords) || nameWords.isSubset(of: answerWords) {
                    return false
                }
            }
        }
        // Inside a sentence a term keeps its case: "Isaac momentum" or "offered Mexico a
        // verdun" shows at a glance which option is wrong.
        if [.term, .acronym].contains(answer.kind), !stem.hasPrefix(blank),
           let a = answer.text.first, let v = value.first, a.isUppercase != v.isUppercase { return false }
        if WholeWord.contains(value, in: candidate.text) { return false }
        // "offered Mexico a(n) _____" (an alliance): an -ism or -ness the text never counts
        // ("militarism") takes no article, so "a militarism" gives itself away.
        if stem.contains("a(n) " + blank) || stem.contains("A(n) " + blank), isUncountable(value) { return false }
        if let echo = fit.echoWords, Self.contentStems(value).isDisjoint(with: echo) { return false }
        if let v = NumberForm(value)?.value, let a = answer.numericValue, v == a { return false }
        if fit.isDay, !Self.isDayNumber(value) { return false }
        // "0.7" among "340" and "65": an amount of another scale is ruled out at a glance.
        if SwapChecks.isOutOfScale(swap: value, original: answer) { return false }
        if let lifespan = fit.lifespan {
            guard let year = Self.yearValue(value), lifespan.contains(year) else { return false }
        }
        // "Snellius rediscovered it in _____" (1621): no 1966; a year-like answer never has "0".
        if let era = fit.era {
            guard let year = Self.optionYear(value), era.contains(year) else { return false }
        }
        if answer.kind == .number, answer.unit.isEmpty, let a = answer.numericValue, let v = NumberForm(value)?.value {
            // "n is always 1 or more": a sine ("0.483") or a zero is no option for a plain value of one or more.
            if a >= 1, v < 1 { return false }
            // "2.26" of "2.26 × 10⁸ m/s" measures a speed: a mantissa only for a mantissa.
            let answerIsMantissa = stem.contains(blank + " ×") || stem.contains(blank + " x ")
            if material.evidence.mantissas.contains(value) != answerIsMantissa { return false }
        }
        // "the probability stays at 0.5": a bare fraction of one has fractions of one as options, never "3".
        if answer.unit.isEmpty, answer.kind == .number, let a = answer.numericValue, a > 0, a < 1,
           let v = NumberForm(value)?.value, !(v > 0 && v < 1) { return false }
        // "outed in _____" in a 2015 story: no 2016 or 2024.
        if let latest = fit.latestYear, let year = Self.yearValue(value), year > latest { return false }
        // "rise from 63.4 million to _____": only values above 63.4 million.
        if let compared = fit.compared {
            guard let v = Self.comparable(value, kind: answer.kind), v != compared.pivot, (v > compared.pivot) == compared.above else { return false }
        }
        // "more than _____" (12 km): no 10 km, which the text implies; "around _____" (100 ns): no 80 ns.
        if let hedge = fit.hedge, let a = Self.comparable(answer.text, kind: answer.kind) {
            guard let v = Self.comparable(value, kind: answer.kind), hedge.allows(v, key: a) else { return false }
        }
        // "type _____ diabetes": only a type the text names.
        if let siblings = fit.labelSiblings {
            guard let number = value.split(separator: " ").first.map(String.init), siblings.contains(number) else { return false }
        }
        let statement = stem.replacingOccurrences(of: blank, with: value)
        if material.isStatedElsewhere(statement, value: value, source: candidate.sentence) { return false }
        return true
    }

    /// A single word in "-ism" or "-ness" that the text never writes in the plural.
    func isUncountable(_ value: String) -> Bool {
        let word = Tokenizer.fold(value)
        guard !word.contains(" "), word.hasSuffix("ism") || word.hasSuffix("ness") else { return false }
        return !material.documentWords.contains(word + "s") && !material.documentWords.contains(word + "es")
    }

    /// See `BlankFit.echoWords`: only for terms, nil when the answer shares no word with the stem.
    static func echoWords(_ answer: AnswerSpan, stem: String, blank: String) -> Set<String>? {
        guard [.term, .acronym].contains(answer.kind) else { return nil }
        let rest = contentStems(stem.replacingOccurrences(of: blank, with: " "))
        return contentStems(answer.text).isDisjoint(with: rest) ? nil : rest
    }

    /// Porter stems of a text's content words (three letters or more).
    static func contentStems(_ text: String) -> Set<String> {
        Set(Tokenizer.foldedWords(text).filter { $0.count >= 3 && !StopWords.english.contains($0) }.map(PorterStemmer.stem))
    }

    /// The span of years a life "(1887–1915)" or a decade "the 1970s" in `stem` gives, when
    /// `answer`'s year lies inside it.
    static func yearRange(in stem: String, around answer: String) -> ClosedRange<Int>? {
        guard let year = yearValue(answer) else { return nil }
        for word in stem.split(separator: " ") {
            let core = String(word).trimmingAny(of: "()[],;:.")
            let ends = core.split(whereSeparator: { "-–—".contains($0) }).map(String.init)
            if ends.count == 2, ends.allSatisfy(SpanExtractor.isYear), let from = Int(ends[0]), let to = Int(ends[1]),
               from < to, (from...to).contains(year) {
                return from...to
            }
            if core.hasSuffix("0s"), SpanExtractor.isYear(String(core.dropLast())), let start = Int(core.dropLast()),
               (start...(start + 9)).contains(year) {
                return start...(start + 9)
            }
        }
        return nil
    }

    /// The year a date or year answer names ("1908", "March 1908").
    static func yearValue(_ text: String) -> Int? {
        text.split(separator: " ").lazy.map(String.init).first(where: SpanExtractor.isYear).flatMap { Int($0) }
    }

    /// Values of the same kind and shape as the answer: numbers with the same unit, dates in
    /// the same format, labels with the same prefix, terms of the same style (abbreviation,
    /// singular or plural), defined terms before mere key terms, people before other names.
    func pool(for answer: AnswerSpan) -> [ExamMaterial.Pooled] {
        var kinds: [AnswerSpan.Kind] = [answer.kind]
        if answer.kind == .acronym { kinds.append(.term) }
        if answer.kind == .term { kinds.append(.acronym) }
        let all = kinds.flatMap { material.pools[$0] ?? [] }
        switch answer.kind {
        case .number, .percentage, .year, .identifier:
            return all.filter { $0.span.unit == answer.unit }
        case .term, .acronym:
            let style = Self.style(caseForm(answer))
            let defined = answer.weight >= 8
            // Options are terms the text names as such (bold, defined, abbreviated), or strong
            // key terms: a word that only ranks ("kinds", "evicts") is no sibling of anything.
            return all.filter { $0.style == style && (!defined || $0.span.weight >= 8)
                && ($0.isNamedTerm || $0.span.weight >= 5) }
        case .name:
            // "the Crucible Theatre": a venue or body the text writes with an article has as
            // options only other names it writes so, whatever role a sentence gave it.
            let things = material.evidence.articleNames
            if things.contains(answer.text) {
                let words = answer.text.split(separator: " ").count
                return all.filter { things.contains($0.span.text) && !$0.span.isPerson && $0.wordCount == words }
            }
            // A person's options are written as people's names ("TurnON Britain" is a company).
            let persons = all.filter { $0.span.isPerson == answer.isPerson && (!answer.isPerson || PersonNameShape.fits($0.span.text)) }
            // Every name with a known role keeps to it, whatever the two-word shape says (a
            // person named once in full and then "Roberts said"); an unmarked name (an airline,
            // a club) never gets people or places as options.
            if answer.role.isEmpty { return persons }
            let words = answer.text.split(separator: " ").count
            if answer.role == "person" {
                // A full name with full names, a surname with surnames.
                return all.filter { $0.span.role == "person" && PersonNameShape.fits($0.span.text)
                    && ($0.wordCount == min(words, 2) || words > 2 && $0.wordCount > 2) }
            }
            if answer.role == "other" {
                // An unmarked name (a club, a body, a title) has siblings only among names of the
                // same shape; single words ("Sky", "Family", "Derek") could be anything.
                guard words >= 2 else { return [] }
                return all.filter { $0.span.role == "other" && !$0.span.isPerson && $0.wordCount == words }
            }
            return all.filter { $0.span.role == answer.role }
        }
    }

    /// A term as it reads inside a sentence: "Photosynthesis" at a sentence start is "photosynthesis".
    func caseForm(_ span: AnswerSpan) -> String {
        Self.caseForm(span, lexicon: material.lexicon, midSentenceCapitals: material.midSentenceCapitals,
                      lowercaseWords: material.lowercaseWords)
    }

    static func caseForm(_ span: AnswerSpan, lexicon: ExamLexicon, midSentenceCapitals: Set<String>,
                         lowercaseWords: Set<String>) -> String {
        guard [.term, .acronym].contains(span.kind), let first = span.text.first, first.isUppercase,
              let entry = lexicon.entry(for: span.text), entry.text.first?.isLowercase == true,
              let firstWord = span.text.split(separator: " ").first, firstWord.dropFirst().allSatisfy({ !$0.isUppercase }),
              // "N·s" is a symbol, not a capitalised word.
              firstWord.dropFirst().first?.isLowercase == true,
              !midSentenceCapitals.contains(String(firstWord)) || lowercaseWords.contains(firstWord.lowercased().filter { $0.isLetter || $0 == "-" }) else {
            return span.text
        }
        return span.text.prefix(1).lowercased() + span.text.dropFirst()
    }

    /// How a term is written: abbreviation, capitalised name, plural or singular common noun.
    static func style(_ text: String) -> String {
        if ExamLexicon.isAbbreviation(text) { return "abbreviation" }
        let words = text.split(separator: " ")
        if words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }) { return "name" }
        guard let last = words.last.map(String.init) else { return "" }
        return ExamLexicon.singular(Tokenizer.fold(last)) != Tokenizer.fold(last) ? "plural" : "singular"
    }

    /// Siblings first (same list or paragraph), then the same section, then the rest; each
    /// tier in seeded order. Hard prefers look-alikes, easy far ones, within a tier.
    func ordered(_ pool: [ExamMaterial.Pooled], answer: AnswerSpan, candidate: ExamMaterial.Candidate,
                 rng: inout SeededRandom) -> [AnswerSpan] {
        let shuffled = rng.shuffled(pool)
        let answerWords = answer.text.split(separator: " ").count
        let tier: (ExamMaterial.Pooled) -> Int = { item in
            // Names match word for word ("JetBlue" with "Southwest", not "Los Angeles"); terms within one word.
            let gap = abs(item.wordCount - answerWords)
            let wordGap = gap > (answer.kind == .name ? 0 : 1) ? 1 : 0
            if item.group == candidate.group { return 0 + wordGap }
            if item.section == candidate.section { return 2 + wordGap }
            return 4 + wordGap
        }
        let distance: (AnswerSpan) -> Double = { span in
            if let v = span.numericValue, let a = answer.numericValue {
                return abs(log(abs(v) + 1) - log(abs(a) + 1))
            }
            return Double(abs(span.text.count - answer.text.count)) / 10
        }
        let hard = difficulty == .hard, easy = difficulty == .easy
        // Keys computed once per value (big documents have long pools); a stable sort on the
        // decorated array keeps the seeded order among equals.
        let decorated = shuffled.enumerated().map { offset, item in
            (offset: offset, span: item.span, tier: tier(item), distance: hard || easy ? distance(item.span) : 0)
        }
        return decorated
            .sorted { a, b in
                if a.tier != b.tier { return a.tier < b.tier }
                if a.distance != b.distance { return hard ? a.distance < b.distance : a.distance > b.distance }
                return a.offset < b.offset
            }
            .map(\.span)
    }

    /// Believable numbers in the answer's written form: nearby years, scaled amounts,
    /// shifted percentages.
    func invented(answer: AnswerSpan, hedge: NumberHedge? = nil, rng: inout SeededRandom) -> [String] {
        if answer.kind == .year, answer.unit.hasPrefix("d") || answer.unit == "my" || answer.unit == "md" {
            return inventedDates(answer, rng: &rng)
        }
        // "509 BC": the number is the first word.
        let words = answer.text.split(separator: " ")
        if answer.kind == .year, words.count == 2, let form = NumberForm(String(words[0])) {
            let steps: [Double] = [3, 5, 7, 10, 12, 15, 20, 25, 30]
            return rng.shuffled(steps).map { s in form.written(rng.below(2) == 0 ? form.value - s : form.value + s) + " " + words[1] }
                .filter { !$0.hasPrefix("-") && !$0.hasPrefix("0 ") }
        }
        guard let form = NumberForm(answer.text) else { return [] }
        let v = form.value
        var values: [Double]
        // "the 1929 crash", "the 2009 signing": a year read with the noun after it as a unit
        // gets other years as options, never 1447 or 2701.
        let yearShaped = answer.kind == .number && form.prefix.isEmpty && form.decimals == 0 && !form.grouped
            && SpanExtractor.isYear(String(Int(v)))
        switch answer.kind {
        case .year, .number where yearShaped:
            let steps: [Double] = [1, 2, 3, 5, 7, 10, 12, 15, 20, 25]
            values = rng.shuffled(steps).map { rng.below(2) == 0 ? v - $0 : v + $0 }
        case .number where hedge != nil, .percentage where hedge != nil:
            // A bound or an estimate: options well away from the key, on the open side.
            let step = form.decimals > 0 ? 0 : Self.roundingStep(v)
            values = rng.shuffled(hedge?.inventedFactors ?? []).map { factor in
                let raw = v * factor
                return step > 1 ? (raw / step).rounded() * step : (form.decimals == 0 ? raw.rounded() : raw)
            }
            var seen = Set<String>([form.written(v)])
            values = values.filter { $0 > 0 && (answer.kind != .percentage || v > 100 || $0 < 100) && seen.insert(form.written($0)).inserted }
        case .percentage:
            let steps: [Double] = [5, 10, 15, 20, 25, 30]
            values = rng.shuffled(steps).map { rng.below(2) == 0 ? v - $0 : v + $0 }.filter { $0 > 0 && (v > 100 || $0 < 100) }
        default:
            // 10–40% off, rounded as the key is ("88,400" gives hundreds): simple multiples
            // (×2, ×4, ÷2) point at the key as the base they were made from.
            let factors: [Double] = [0.6, 0.7, 0.75, 0.8, 0.9, 1.1, 1.2, 1.25, 1.3, 1.4]
            let step = form.decimals > 0 ? 0 : Self.roundingStep(v)
            values = rng.shuffled(factors).map { factor in
                let raw = v * factor
                return step > 1 ? (raw / step).rounded() * step : raw
            }
            if abs(v) < 20 && form.decimals == 0 { values = rng.shuffled([v + 1, v + 2, v - 1, v + 3, v - 2, v + 4]) }
            // "cache lines, usually 64 bytes": a power of two is a size a machine counts in, and
            // 38 or 77 beside it is struck out at a glance; other powers of two are not.
            if Self.isPowerOfTwo(v), v >= 16, form.decimals == 0 { values = rng.shuffled([v / 2, v * 2, v / 4, v * 4]) }
            var seen = Set<String>([form.written(v)])
            values = values.filter { seen.insert(form.written($0)).inserted }
            // A sign is part of the value: negative answers get negative distractors.
            values = values.filter { v < 0 ? $0 < 0 : $0 > 0 }
        }
        return values.map { form.written($0) }
    }

    /// Whether a whole positive number is a power of two (16, 64, 1024).
    static func isPowerOfTwo(_ value: Double) -> Bool {
        guard value >= 1, value == value.rounded(), value < 1e15 else { return false }
        let whole = Int(value)
        return whole & (whole - 1) == 0
    }

    /// The power of ten a whole number is rounded to, keeping at least two digits:
    /// 88,400 → 100, 12,000 → 1,000, 100 → 10, 22 → 1.
    static func roundingStep(_ value: Double) -> Double {
        var step = 1.0
        let whole = abs(value.rounded())
        while whole >= step * 100, (whole / (step * 10)).rounded() * step * 10 == whole { step *= 10 }
        return step
    }

    /// Whether the answer is a day of the month: a whole number from 1 to 31 written right
    /// after a month's name or right before one ("on March _____", "_____ March").
    static func isDayOfMonth(_ answer: AnswerSpan, stem: String, blank: String) -> Bool {
        guard [.number, .year].contains(answer.kind), isDayNumber(answer.text) else { return false }
        let tokens = stem.split(separator: " ")
        guard let at = tokens.firstIndex(where: { $0.contains(blank) }) else { return false }
        func isMonth(_ index: Int) -> Bool {
            tokens.indices.contains(index) && SpanExtractor.months.contains(Tokenizer.fold(String(tokens[index])).filter(\.isLetter))
        }
        return isMonth(at - 1) && !tokens[at - 1].contains(where: { ",.;:".contains($0) }) || isMonth(at + 1) && !tokens[at].hasSuffix(",")
    }

    /// "27", "3": a whole number a day of a month can be.
    static func isDayNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 2, text.allSatisfy(\.isNumber), let day = Int(text) else { return false }
        return (1...31).contains(day)
    }

    /// Days near the answer's, within the shortest month when the answer is.
    func inventedDays(_ answer: AnswerSpan, rng: inout SeededRandom) -> [String] {
        guard let day = Int(answer.text) else { return [] }
        let last = day <= 28 ? 28 : 31
        return rng.shuffled([1, 2, 3, 4, 5, 6, 7, -1, -2, -3, -4, -5, -6, -7]).map { day + $0 }
            .filter { (1...last).contains($0) }.map(String.init)
    }

    /// Dates in the answer's format: the same day and month in other years, or nearby days.
    func inventedDates(_ answer: AnswerSpan, rng: inout SeededRandom) -> [String] {
        var words = answer.text.split(separator: " ").map(String.init)
        guard let yearIndex = words.lastIndex(where: { SpanExtractor.isYear($0) }) ?? (["dm", "md"].contains(answer.unit) ? nil : 0) else {
            // "14 July" or "March 25": the day moves, the month stays.
            let dayIndex = answer.unit == "md" ? words.count - 1 : 0
            guard words.indices.contains(dayIndex), let day = Int(words[dayIndex]) else { return [] }
            return rng.shuffled([1, 2, 3, 5, 7, 9, -1, -2, -4, -6]).map { day + $0 }.filter { (1...28).contains($0) }
                .map { value in
                    var moved = words
                    moved[dayIndex] = String(value)
                    return moved.joined(separator: " ")
                }
        }
        guard let year = Int(words[yearIndex].filter(\.isNumber)) else { return [] }
        var out: [String] = []
        for step in rng.shuffled([1, 2, 3, 4, 5, 6, 8, 10]) {
            words[yearIndex] = String(rng.below(2) == 0 ? year - step : year + step)
            out.append(words.joined(separator: " "))
        }
        return out
    }
}
