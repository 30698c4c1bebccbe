import Foundation
import StudyModel

/// Questions generated from a document, with notes on anything that fell short.
public struct ExamDraft: Sendable, Hashable, Codable {
    public var questions: [Question]
    /// Why fewer questions than asked were made, or which kinds could not be made.
    public var notes: [String]
    public var configuration: Exam.Configuration

    public init(questions: [Question], notes: [String], configuration: Exam.Configuration) {
        self.questions = questions
        self.notes = notes
        self.configuration = configuration
    }

    /// An `Exam` entity ready to store. Throws `EngineError.notEnoughMaterial` when no
    /// question could be made (an exam needs at least one).
    public func makeExam(owner: String, contentId: String, title: String) throws -> Exam {
        guard !questions.isEmpty else {
            throw EngineError.notEnoughMaterial("no sentence has a name, number, date or key term to ask about.")
        }
        return Exam(owner: owner, contentId: contentId, title: title, questions: questions, configuration: configuration)
    }
}

/// Offline, deterministic exam generation.
///
/// Sentences are taken best first (a TextRank ranking with a light position prior so the
/// whole text is covered), at most one question per sentence and per answer. Kinds are
/// dealt round-robin from `configuration.questionTypes`; when a kind cannot be made from
/// what is left, the others fill in. Options are shuffled with a generator seeded by the
/// document and `seed`, so the same document and settings give the same exam.
public struct ExamGenerator: Sendable {
    public var configuration: Exam.Configuration
    /// Changes the shuffles and true/false choices while keeping them reproducible.
    public var seed: UInt64

    public init(configuration: Exam.Configuration = Exam.Configuration(), seed: UInt64 = 0) {
        self.configuration = configuration
        self.seed = seed
    }

    /// Checks the configuration; throws `EngineError.invalidOption` with what is allowed.
    public func validate() throws {
        guard (1...Exam.maxQuestions).contains(configuration.questionCount) else {
            throw EngineError.invalidOption("The number of questions must be between 1 and \(Exam.maxQuestions) (got \(configuration.questionCount)).")
        }
        guard !configuration.questionTypes.isEmpty else {
            throw EngineError.invalidOption("Choose at least one question type: \(Question.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// Generates from text. Throws `EngineError.emptyDocument` for blank text and
    /// `EngineError.invalidOption` for a bad configuration; a document too small for the
    /// count gives fewer questions and a note saying why.
    public func generate(from text: String) throws -> ExamDraft {
        try validate()
        return try generate(from: StudyDocument(text: text))
    }

    /// Generates from UTF-8 bytes, validating them first.
    public func generate(data: Data) throws -> ExamDraft {
        try generate(from: TextInput.decode(data))
    }

    public func generate(from document: StudyDocument) throws -> ExamDraft {
        try validate()
        let material = ExamMaterial(document: document)
        var factory = QuestionFactory(material: material, difficulty: configuration.difficulty)
        factory.fillInFallback = configuration.questionTypes.contains(.fillInBlank)
        factory.isNewsStory = QuestionFactory.looksLikeNewsStory(material)
        let opening = document.sentences.prefix(50).map(\.text).joined(separator: "\n")
        var rng = SeededRandom(text: opening, salt: seed)
        // Whether this document's true/false items lead with a false one: drawn per document
        // (from a generator of its own, so the other choices stay as they were), so that the
        // keys follow no order a student could learn ("the first is always true").
        var keyOrder = SeededRandom(text: opening, salt: seed ^ 0x5446_4b45)
        let falseFirst = keyOrder.below(2) == 0
        var types: [Question.Kind] = []
        for kind in configuration.questionTypes where !types.contains(kind) { types.append(kind) }

        var questions: [Question] = []
        var usedSentences = Set<Int>()
        var usedAnswers = Set<String>()
        var prompts = Set<String>()
        var echoes = SentenceEchoes()
        var exhausted = Set<Question.Kind>()
        // Sentences a strict pass found nothing in: answers used since only take spans away,
        // so a later strict pass of the same kind skips them (each try costs an option search).
        var strictMisses: [Question.Kind: Set<Int>] = [:]
        var slot = 0
        // Computed and table questions: at most one in ten, never first (a worked example's
        // arithmetic is one skill; the text's terms, names and dates are the rest). A text
        // whose sentences run out gets up to one in five (see after the loop).
        var extras = ExtraQuestions.make(material: material, kinds: types, difficulty: configuration.difficulty)
        let maxExtras = Self.maxExtras(questionCount: configuration.questionCount)
        var extrasUsed = 0
        // The sentences of the extras are kept for them: a worked example's givens ("rises
        // from $4 to $6") are no fact to recall, whether or not its computed question is asked.
        let reserved = Set(extras.compactMap(\.sentence))
        usedSentences.formUnion(reserved)
        while questions.count < configuration.questionCount && exhausted.count < types.count {
            let preferred = types[slot % types.count]
            slot += 1
            let order = [preferred] + types.filter { $0 != preferred }
            var made: (Question, [String])? = nil
            if questions.count >= 2, extrasUsed < maxExtras, extrasUsed * 10 <= questions.count - 2,
               let index = extras.firstIndex(where: { extra in
                   !extra.answers.contains(where: usedAnswers.contains)
                       && (extra.sentence.map { reserved.contains($0) || !usedSentences.contains($0) } ?? true)
               }) {
                let extra = extras.remove(at: index)
                made = (extra.question, extra.answers)
                if let sentence = extra.sentence { usedSentences.insert(sentence) }
                extrasUsed += 1
            }
            // More true items than false ones so far: first look for a sentence with a safe swap.
            let trueItems = questions.filter { $0.kind == .trueFalse && $0.correctOptions == [0] }.count
            let falseItems = questions.filter { $0.kind == .trueFalse && $0.correctOptions == [1] }.count
            kinds: for kind in order where !exhausted.contains(kind) && made == nil {
                for pass in Pass.passes(for: kind, moreTrueThanFalse: trueItems > falseItems,
                                        leadWithFalse: falseFirst && trueItems == falseItems, fillInFallback: factory.fillInFallback) {
                    for candidate in material.candidates where !usedSentences.contains(candidate.sentence) {
                        guard !echoes.repeats(candidate.text, index: candidate.sentence) else { continue }
                        if pass == .strict, strictMisses[kind]?.contains(candidate.sentence) == true { continue }
                        guard let result = build(kind, candidate, factory: factory, used: usedAnswers, pass: pass, rng: &rng) else {
                            if pass == .strict { strictMisses[kind, default: []].insert(candidate.sentence) }
                            continue
                        }
                        if !prompts.contains(Self.normalisedPrompt(result.0.prompt)) {
                            made = result
                            usedSentences.insert(candidate.sentence)
                            echoes.record(candidate.text, index: candidate.sentence)
                            break kinds
                        }
                    }
                }
                exhausted.insert(kind)
            }
            guard let (newQuestion, answers) = made else { break }
            var question = newQuestion
            question.id = "q\(questions.count + 1)"
            prompts.insert(Self.normalisedPrompt(question.prompt))
            usedAnswers.formUnion(answers)
            questions.append(question)
        }
        // A short text whose sentences ran out still gets its computed and table questions.
        let maxExtrasWhenShort = max(maxExtras, configuration.questionCount / 5)
        for extra in extras where questions.count < configuration.questionCount && extrasUsed < maxExtrasWhenShort
            && !extra.answers.contains(where: usedAnswers.contains) {
            var question = extra.question
            question.id = "q\(questions.count + 1)"
            usedAnswers.formUnion(extra.answers)
            questions.append(question)
            extrasUsed += 1
        }
        // Words of the text a typo could turn the answer into ("Clarke" for "Clark") are no typo.
        if questions.contains(where: { $0.kind == .fillInBlank }) {
            let candidates = AcceptedAnswers.nearMissCandidates(material.documentWords)
            questions = questions.map { AcceptedAnswers.withNearMisses($0, candidates: candidates) }
        }
        return ExamDraft(questions: questions, notes: notes(questions: questions, types: types, document: document,
                                                             material: material),
                         configuration: configuration)
    }

    /// Computed and table questions an exam of this length takes while it has sentences left:
    /// one per ten questions, at least one.
    static func maxExtras(questionCount: Int) -> Int {
        max(1, questionCount / 10)
    }

    /// One scan of the candidates for a question kind. Each kind's scans run in order until
    /// one makes a question.
    enum Pass {
        /// Multiple choice with options of the answer's kind only (no fill-in fallback); a
        /// false statement that swaps a value for a sibling (a term, name, date, number).
        case strict
        /// A false statement that swaps a word for its opposite ("absorbs" → "releases"):
        /// only when no sentence left offers a sibling swap.
        case antonym
        /// Anything the kind allows.
        case normal

        /// Multiple choice: a sentence with options of the answer's kind first, then the
        /// fill-in fallback (`QuestionFactory.fillInFallback`). True/false after more true
        /// items than false ones: a false statement that swaps a value, then one that swaps
        /// an opposite, then anything; else a true or value-swapped statement as the seeded
        /// coin says, then one that swaps an opposite.
        /// With `leadWithFalse` (as many true items as false ones, and this document's false
        /// items lead): a value-swapped false statement first, then as the coin says.
        static func passes(for kind: Question.Kind, moreTrueThanFalse: Bool, leadWithFalse: Bool = false,
                           fillInFallback: Bool) -> [Pass] {
            switch kind {
            case .trueFalse:
                if moreTrueThanFalse { return [.strict, .antonym, .normal] }
                return leadWithFalse ? [.strict, .normal, .antonym] : [.normal, .antonym]
            case .multipleChoice: return fillInFallback ? [.strict, .normal] : [.normal]
            case .fillInBlank, .multipleAnswer: return [.normal]
            }
        }
    }

    func build(_ kind: Question.Kind, _ candidate: ExamMaterial.Candidate, factory: QuestionFactory,
               used: Set<String>, pass: Pass = .normal, rng: inout SeededRandom) -> (Question, [String])? {
        switch kind {
        case .fillInBlank: return factory.fillInBlank(candidate, used: used)
        case .multipleChoice: return factory.multipleChoice(candidate, used: used, fallback: pass == .normal, rng: &rng)
        case .trueFalse:
            switch pass {
            case .strict: return factory.trueFalse(candidate, used: used, falseOnly: true, rng: &rng)
            case .antonym: return factory.antonymFalse(candidate, used: used)
            case .normal: return factory.trueFalse(candidate, used: used, rng: &rng)
            }
        case .multipleAnswer: return factory.multipleAnswer(candidate, used: used, rng: &rng)
        }
    }

    static func normalisedPrompt(_ prompt: String) -> String {
        Tokenizer.foldedWords(prompt).joined(separator: " ")
    }

    func notes(questions: [Question], types: [Question.Kind], document: StudyDocument, material: ExamMaterial) -> [String] {
        var notes: [String] = []
        let asked = configuration.questionCount
        if questions.count < asked {
            let usable = material.candidates.count
            if questions.isEmpty {
                notes.append("No question could be made: no sentence has a name, number, date or key term to ask about (\(document.sentences.count) sentence\(document.sentences.count == 1 ? "" : "s") found).")
            } else {
                notes.append("Made \(questions.count) of \(asked) questions: the document has only \(usable) sentence\(usable == 1 ? "" : "s") with something to ask about, one question each.")
            }
        }
        let made = Set(questions.map(\.kind))
        for kind in types where !made.contains(kind) && !questions.isEmpty {
            notes.append("No \(kind.rawValue.replacingOccurrences(of: "_", with: " ")) questions: \(Self.reason(kind))")
        }
        return notes
    }

    static func reason(_ kind: Question.Kind) -> String {
        switch kind {
        case .multipleChoice: return "the document has too few values of the same kind to make three wrong options."
        case .multipleAnswer: return "no sentence holds two or more values of the same kind."
        case .trueFalse, .fillInBlank: return "every usable sentence was already used by another question."
        }
    }
}
