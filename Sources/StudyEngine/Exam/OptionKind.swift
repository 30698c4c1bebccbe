/// Whether a value is an option of the answer's kind in one stem, from what the text says
/// about both (`OptionEvidence`):
/// - a term's options are terms the text treats as its kin (coordinated with it, governed
///   by the same word, or named by the same head noun) when the text gives any evidence
///   for the answer: "consuls" has "praetors" and "quaestors" ("elected …"), not
///   "plebiscites"; "Newton's third law" has other laws, not "net force";
/// - a unit ("N·s", written after numbers) is no option for a quantity ("impulse");
/// - a name after a preposition ("Hospital in _____") has options the text writes after
///   the same preposition: towns, not the shops it buys "from";
/// - a person's options are people the text names for themselves: not a name fused from two
///   people by a caption run into a sentence, not someone the stem already names under
///   another name (the subject herself);
/// - a swap into a false statement must have been written next to the same word as the
///   answer ("conserves momentum" → only what the text says is conserved), or the false
///   statement reads as nonsense.
struct OptionKind {
    let answer: AnswerSpan
    let material: ExamMaterial
    let forStatement: Bool
    /// The preposition right before the blank, for names that are not people.
    let preposition: String?
    var requireKin: Bool
    /// Whether the pool holds any kin of the answer by the text's own evidence; then only
    /// kin are options (two laws and a force give the law away), else marked terms of the
    /// same paragraph stand in.
    var hasEnoughKin = false
    /// The answer's names (a term is kin to an option under any of them: "PED" is "price elasticity of demand").
    let answerNames: [String]
    /// Keys of the answer's names, and of the terms the text treats as its kin.
    let answerKeys: Set<String>
    let kinKeys: Set<String>
    /// Whether the answer is itself a unit (then units are its siblings).
    private(set) var answerIsUnitValue = false
    /// Capitalised words of the stem (the answer blanked).
    let stemCapitals: Set<String>
    /// Content words right before and after the blank (for statements).
    let leftWord: String?
    /// For a name, the word right before the blank ("manager _____"): people the text gives
    /// that role are the first options.
    let roleBefore: String?
    let rightWord: String?
    /// A naming verb right before the blank with the word before it ("is called _____").
    let namingContext: String?
    /// A verb right before the blank ("conserves _____"), for options of a term without kin.
    let governor: String?
    /// The verb right after a blank that opens the stem ("_____ infects and destroys …"): a
    /// swap into a false statement must be something the text says does that too.
    let subjectVerb: String?
    /// For a question (not a statement) on a term without kin: other evidence that a value is
    /// of the answer's kind (the factory's "_____ is the theory that …" category check).
    var sameKind: ((String) -> Bool)? = nil
    /// Whether the answer is a name the text writes as "the X" (a venue, a body), not a person.
    let answerIsThing: Bool
    /// Whether a name (not a person) stands in the statement as a verb's subject ("…, _____
    /// had become a major power"): then a swap must be a name the text writes as an actor too.
    let nameIsSubject: Bool
    /// A directional preposition before the blank ("along the _____"), for statements: a swap
    /// must be something the text writes after it too (`OptionEvidence.slotPrepositions`).
    let slotPreposition: String?
    /// Whether the answer is a class the text files other terms under (see `OptionEvidence.classTerms`).
    let answerIsClass: Bool
    /// Whether the answer names a process: by its ending ("evaporation", "weathering") or by
    /// the text's own definition ("Runoff is the flow of water over …").
    let answerIsProcess: Bool

    var evidence: OptionEvidence { material.evidence }

    init(answer: AnswerSpan, candidate: ExamMaterial.Candidate, stem: String, blank: String, material: ExamMaterial,
         forStatement: Bool) {
        self.answer = answer
        self.material = material
        self.forStatement = forStatement
        let tokens = stem.split(separator: " ")
        let at = tokens.firstIndex(where: { $0.contains(blank) })
        func core(_ token: Substring) -> String {
            ExamLexicon.singular(Tokenizer.fold(String(token.filter { $0.isLetter || $0 == "-" })))
        }
        func endsClause(_ token: Substring) -> Bool { token.last.map { ",;:.!?()\"“”".contains($0) } ?? false }
        var preposition: String? = nil
        var left: String? = nil
        var right: String? = nil
        var subjectVerb: String? = nil
        var namingContext: String? = nil
        var nameIsSubject = false
        if let at {
            let opener = at > 0 && OptionEvidence.clauseOpeners.contains(core(tokens[at - 1]))
                && (!["and", "but", "so", "then"].contains(core(tokens[at - 1])) || at > 1 && tokens[at - 2].hasSuffix(","))
            if at == 0 || endsClause(tokens[at - 1]) || opener,
               at + 1 < tokens.count, !endsClause(tokens[at]), OptionEvidence.isFiniteVerb(tokens[at + 1]) {
                nameIsSubject = true
            }
            if at > 0, !endsClause(tokens[at - 1]) {
                let word = core(tokens[at - 1])
                if OptionEvidence.prepositionWords.contains(word) { preposition = word }
                // ("pores called _____": a naming verb says nothing of the kind of what it names
                // by itself; with the word before it, it does: "step is called", "leaves called".)
                if OptionEvidence.namingVerbs.contains(Tokenizer.fold(String(tokens[at - 1])).filter(\.isLetter)) {
                    namingContext = OptionEvidence.namingContext(before: at >= 2 && !endsClause(tokens[at - 2]) ? core(tokens[at - 2]) : "",
                                                                 verb: word)
                } else if OptionEvidence.isContent(word) {
                    left = word
                }
            }
            // The word after counts only when the answer describes it ("external _____ force");
            // a verb after a subject ("_____ splits a table") is the claim a swap makes false.
            if at + 1 < tokens.count, !endsClause(tokens[at]) {
                let raw = Tokenizer.fold(String(tokens[at + 1].filter { $0.isLetter || $0 == "-" }))
                let word = core(tokens[at + 1])
                let verbLike = raw.hasSuffix("s") || raw.hasSuffix("ed") || CommonVerbs.all.contains(raw)
                if OptionEvidence.isContent(word), !verbLike { right = word }
                if at == 0 || at == 1 && ["the", "a", "an", "a(n)"].contains(Tokenizer.fold(String(tokens[0]))),
                   verbLike, raw.count > 2, !StopWords.english.contains(raw), tokens[at + 1].first?.isLowercase == true {
                    subjectVerb = word
                }
            }
        }
        let isTerm = [.term, .acronym].contains(answer.kind)
        var slotPreposition: String? = nil
        if isTerm, forStatement, let at {
            var j = at - 1
            if j >= 0, !endsClause(tokens[j]), ["the", "a", "an"].contains(Tokenizer.fold(String(tokens[j]))) { j -= 1 }
            if j >= 0, !endsClause(tokens[j]) {
                let word = Tokenizer.fold(String(tokens[j].filter(\.isLetter)))
                if OptionEvidence.directionalPrepositions.contains(word) { slotPreposition = word }
            }
        }
        self.slotPreposition = slotPreposition
        self.preposition = answer.kind == .name && !answer.isPerson && answer.role != "person"
            && preposition.map(OptionEvidence.placePrepositions.contains) == true ? preposition : nil
        self.leftWord = isTerm ? left : nil
        self.roleBefore = answer.kind == .name ? left : nil
        // A verb right before the blank governs it ("conserves", "elected").
        if isTerm, let left, let raw = at.map({ Tokenizer.fold(String(tokens[$0 - 1]).filter(\.isLetter)) }),
           raw.hasSuffix("s") && !raw.hasSuffix("ss") || raw.hasSuffix("ed"), !OptionEvidence.namingVerbs.contains(raw) {
            self.governor = left
        } else {
            self.governor = nil
        }
        self.rightWord = isTerm ? right : nil
        self.namingContext = isTerm ? namingContext : nil
        self.subjectVerb = isTerm && forStatement ? subjectVerb : nil
        self.answerIsClass = isTerm && material.evidence.classTerms.contains(ExamLexicon.key(answer.text))
        self.answerIsProcess = answer.kind != .term || Self.namesProcess(answer.text) || answer.text.hasSuffix("ing")
            || DefinitionGenus.of(answer.text, in: material).map { Self.processGenera.contains($0.head) } ?? false
        self.answerIsThing = answer.kind == .name && Self.isThing(answer.text, evidence: material.evidence)
        self.nameIsSubject = forStatement && answer.kind == .name && !answer.isPerson && answer.role != "person" && nameIsSubject
        self.requireKin = isTerm
        self.answerNames = isTerm ? material.lexicon.names(of: answer.text) : [answer.text]
        let ownKeys = Set(answerNames.map(ExamLexicon.key))
        self.answerKeys = ownKeys
        self.kinKeys = isTerm ? Set(ownKeys.flatMap { material.evidence.kin(of: $0) }).subtracting(ownKeys) : []
        var capitals = Set<String>()
        for token in tokens where !token.contains(blank) {
            let word = String(token.filter { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" })
            let clean = word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word.filter { $0 != "'" && $0 != "’" }
            if clean.first?.isUppercase == true, clean.count > 2 { capitals.insert(clean) }
        }
        self.stemCapitals = capitals
        self.answerIsUnitValue = isTerm && Self.isUnit(answer.text, material: material)
    }


    /// Whether a term is a unit: the text writes it after a number, it is written with a
    /// unit's dot or slash ("N·s", "kg/m³"), or it is made of unit names ("newton-second").
    static func isUnit(_ text: String, material: ExamMaterial) -> Bool {
        material.lexicon.names(of: text).contains { name in
            if material.evidence.units.contains(AnswerSpan.key(name)) { return true }
            if name.contains("·") || name.count <= 8 && name.contains("/") { return true }
            let parts = name.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
            return !parts.isEmpty && parts.allSatisfy { AcceptedAnswers.unitSymbols[$0.lowercased()] != nil }
        }
    }

    /// A name that is not a place: a person, or a name the text gives no role (often a
    /// person too, "Sugar Bear"); the same-person and stranger checks hold for both.
    var isPerson: Bool { answer.kind == .name && (answer.isPerson || answer.role != "place") }

    func fits(_ value: String) -> Bool {
        if evidence.fusedNames.contains(value) { return false }
        switch answer.kind {
        case .term, .acronym:
            if !answerIsUnitValue, Self.isUnit(value, material: material) { return false }
            // "Each _____ is built from four polypeptide chains" (antibody): a process named by
            // a "-tion" noun ("opsonisation", "complement activation") is no option for a thing;
            // only one option would fit the sentence. (A process may still have a "cycle" or
            // another process without such an ending among its options.)
            if answer.kind == .term, !answerIsProcess, Self.namesProcess(value) { return false }
            // "the autoimmune disease" (a class the text files things under) for "HIV" (a member).
            if evidence.classTerms.contains(ExamLexicon.key(value)) != answerIsClass { return false }
            if requireKin {
                // Options for a question: kin when the text shows the answer any; statements
                // (a swap that must read as a sensible claim) fall back to marked terms of the
                // same paragraph only.
                guard isKin(value) || !hasEnoughKin && (forStatement ? definedSiblings(value) : sharesContext(value)) else { return false }
                // "conserves _____": with no kin to go by, an option must be something the
                // text says is conserved too, or the sentence reads as nonsense with it.
                if !hasEnoughKin, !forStatement, let governor, !evidence.stands(value, after: governor) { return false }
            }
            if forStatement {
                // "_____ is the relationship between …": only another defined term makes a false definition.
                if answer.isDefinedHere, (material.lexicon.entry(for: value)?.strength ?? 0) < 2 { return false }
                if isKindOfAnswer(value) { return false }
                if let leftWord, !evidence.stands(value, after: leftWord) { return false }
                // "meets the boundary along the _____": only what the text writes after "along".
                if let slotPreposition, evidence.slotPrepositions[ExamLexicon.key(value)]?.contains(slotPreposition) != true { return false }
                if let rightWord, !evidence.stands(value, before: rightWord) { return false }
                // "_____ infects and destroys helper T cells": only what the text says infects
                // (or opens a sentence with that verb) is a sensible false subject.
                // (Parallel definitions, "A **bloom filter** answers …", "A **hash index** maps …", are
                // exempt: swapping them tests which definition goes with which term.)
                if let subjectVerb, !evidence.stands(value, before: subjectVerb), !evidence.opens(value, before: subjectVerb),
                   !(evidence.opensSentences(answer.text) && evidence.opensSentences(value)
                     && (material.lexicon.entry(for: value)?.strength ?? 0) >= 2) { return false }
            }
        case .name:
            if let preposition, evidence.prepositions[value]?.contains(preposition) != true { return false }
            // "Nagasaki had become a major power" for "Japan": a place the text only puts
            // things in is no actor.
            if nameIsSubject, !evidence.subjectNames.contains(value) { return false }
            if isPerson, evidence.isNamed(value, in: stemCapitals) { return false }
            // "Crystal Palace" or "Bet Championship" (a club the text calls a "side") for a player:
            // a name the text marks as a body is no option for a person, nor the other way round.
            if answerIsMarkedPerson, evidence.bodyNames.contains(value) { return false }
            if evidence.bodyNames.contains(answer.text), evidence.personNames.contains(value) { return false }
            if answerIsMarkedPerson || evidence.bodyNames.contains(answer.text), evidence.leagueNames.contains(value) { return false }
            // A venue or body ("the Crucible Theatre") and a person are never options of each other.
            if Self.isThing(value, evidence: evidence) != answerIsThing { return false }
            // A group or a set of things ("US Presidents", "eight Academy Awards") and one
            // person or body are never options of each other.
            if evidence.isGroup(value) != evidence.isGroup(answer.text) { return false }
            // "Labour MP", "SNP MPs" for "Daniel Janner": a name written as a person's is
            // offered only with names written so, and the other way round.
            // ("Thirty Years' War" for "Wars of Religion" is written otherwise but names the
            // same kind of thing: namesakes by a common-noun head are exempt.)
            if answer.role != "place", PersonNameShape.fits(value) != PersonNameShape.fits(answer.text),
               !Self.sharesCommonHead(value, answer: answer.text, material: material) { return false }
        default:
            break
        }
        return true
    }

    /// Whether `value` is a namesake of a name with a common-noun head ("Thirty Years' War"
    /// for "Wars of Religion", see `DistractorPicker.commonHead(ofName:)`).
    static func sharesCommonHead(_ value: String, answer: String, material: ExamMaterial) -> Bool {
        guard let head = DistractorPicker.commonHead(ofName: answer, lowercaseWords: material.lowercaseWords) else { return false }
        return OptionEvidence.head(of: ExamLexicon.key(value)) == head
    }

    /// Whether a term's head noun is a process noun made from a verb: "-ation", "-ition",
    /// "-sion", "-isation", "-ysis", "-osis" ("neutralisation", "complement activation",
    /// "erosion", "photolysis", "osmosis").
    /// Genus nouns of a definition that make the term a process.
    static let processGenera: Set<String> = ["process", "movement", "change", "flow", "conversion", "transfer", "stage",
                                             "phase", "reaction", "method", "technique", "cycle", "loss", "release",
                                             "breakdown", "formation", "transport", "exchange", "response"]

    static func namesProcess(_ term: String) -> Bool {
        guard let head = term.split(separator: " ").last.map({ Tokenizer.fold(String($0)).filter(\.isLetter) }), head.count > 6 else { return false }
        return ["ation", "ition", "ution", "sion", "ction", "ysis", "osis", "esis"].contains { head.hasSuffix($0) }
    }

    /// Whether the answer is a name the text marks as a person's (a title, a speech verb, a
    /// role noun before the full name; see `OptionEvidence.personNames`).
    var answerIsMarkedPerson: Bool {
        answer.kind == .name && (answer.role == "person" || evidence.personNames.contains(answer.text))
    }

    /// Pooled names in the picker's order, those with evidence of the answer's kind first: for
    /// a person the names the text marks as people's, for a body those it marks as bodies.
    /// Names with no evidence either way come after, so they are offered only when too few
    /// marked ones fit (issue 8, D: "Crystal Palace" offered among players).
    func markedKindFirst(_ pool: [AnswerSpan]) -> [AnswerSpan] {
        guard answer.kind == .name else { return pool }
        let marked: (AnswerSpan) -> Bool
        if answerIsMarkedPerson {
            // "manager _____": another manager the text names is the best option of all.
            if let roleBefore, pool.contains(where: { evidence.personRoles[$0.text]?.contains(roleBefore) == true }) {
                let sameRole: (AnswerSpan) -> Bool = { evidence.personRoles[$0.text]?.contains(roleBefore) == true }
                let person: (AnswerSpan) -> Bool = { $0.role == "person" || evidence.personNames.contains($0.text) }
                return pool.filter(sameRole) + pool.filter { !sameRole($0) && person($0) } + pool.filter { !sameRole($0) && !person($0) }
            }
            marked = { $0.role == "person" || evidence.personNames.contains($0.text) }
        } else if evidence.bodyNames.contains(answer.text) {
            marked = { evidence.bodyNames.contains($0.text) }
        } else {
            return pool
        }
        return pool.filter(marked) + pool.filter { !marked($0) }
    }

    /// Whether the text treats a name as a thing (a place, venue, body or paper), never a
    /// person: it writes it with an article ("The Mail", "at the Crucible Theatre"), with a
    /// lowercase link word ("House of Representatives"), or after "in"/"at" ("in Downing Street").
    static func isThing(_ name: String, evidence: OptionEvidence) -> Bool {
        if name.hasPrefix("The ") || evidence.articleNames.contains(name) || evidence.thingNames.contains(name) { return true }
        if name.split(separator: " ").dropFirst().contains(where: { $0.first?.isLowercase == true }) { return true }
        return !(evidence.prepositions[name] ?? []).isDisjoint(with: thingPrepositions)
    }

    /// Prepositions only places take ("from", "to" and "by" take people too).
    static let thingPrepositions: Set<String> = ["in", "at", "near", "into", "across", "outside"]

    /// For a term the text gives no kin: the text writes the value in the stem's own slot
    /// (after the word before the blank, before the word after it), or the factory's category
    /// evidence says so. A mere bold term of the same paragraph ("tsunamis" for a layer of the
    /// earth) is of no known kind: then the sentence is asked another way.
    func sharesContext(_ value: String) -> Bool {
        if let sameKind, sameKind(value) { return true }
        // Terms the text defines in parallel: both open sentences of one paragraph or list.
        if definedSiblings(value) { return true }
        if let leftWord, evidence.stands(value, after: leftWord) { return true }
        if let namingContext, evidence.stands(value, afterNaming: namingContext) { return true }
        if let rightWord, evidence.stands(value, before: rightWord) { return true }
        return false
    }

    /// Two terms the text marks (bold, defined, abbreviated) in the same paragraph or list ("A **B-tree** is …", "A **hash index** maps …"): a run of them is a list of
    /// things of one kind.
    /// Whether the text calls the value a kind of the answer ("Friction, the contact force
    /// that …" for "force"): then "Friction is a vector" is as true as "Force is a vector".
    func isKindOfAnswer(_ value: String) -> Bool {
        let answerWords = Tokenizer.foldedWords(answer.text).map(ExamLexicon.singular)
        guard let head = answerWords.count == 1 ? answerWords.first : OptionEvidence.head(of: ExamLexicon.key(answer.text)) else { return false }
        return evidence.writes(head, after: value)
    }

    /// Whether a pooled value is the answer's kin by the text's evidence (under any name).
    func isKin(_ value: String) -> Bool {
        guard !kinKeys.isEmpty else { return false }
        return material.lexicon.names(of: value).contains { kinKeys.contains(ExamLexicon.key($0)) }
    }

    func definedSiblings(_ value: String) -> Bool {
        guard let a = material.lexicon.entry(for: answer.text), let b = material.lexicon.entry(for: value),
              a.strength >= 2, b.strength >= 2 else { return false }
        // One paragraph or list, and names of about one length: "luxury" is no sibling of the
        // "income elasticity of demand" its list item defines it with.
        let gap = abs(a.text.split(separator: " ").count - b.text.split(separator: " ").count)
        // Defined in parallel: both open sentences of the text ("A **B-tree** is …", "A **hash
        // index** maps …"); a term mentioned mid-sentence ("can cause **tsunamis**") is of no
        // known kind next to one that does ("lies the **asthenosphere**").
        return a.group == b.group && gap <= 1 && evidence.opensSentences(a.text) && evidence.opensSentences(b.text)
    }

    /// A person mentioned in one or two sentences among options that are all the story's
    /// main people: the key is the only stranger, so it gives itself away.
    func keyIsOnlyStranger(_ chosen: [String]) -> Bool {
        guard isPerson else { return false }
        let key = evidence.prominence(answer.text)
        guard key <= 2 else { return false }
        return chosen.allSatisfy { evidence.prominence($0) >= 3 }
    }
}
