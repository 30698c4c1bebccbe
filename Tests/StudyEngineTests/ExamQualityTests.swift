import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// One test per failure pattern seen in review (issue 8), each on a small text written for it.
@Suite struct ExamQualityTests {
    func exam(_ text: String, count: Int = 12, types: [Question.Kind] = Question.Kind.allCases, seed: UInt64 = 0) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: types), seed: seed)
            .generate(from: text).questions
    }

    /// Lecture notes in the usual shape: bold terms, abbreviations, a list of siblings, numbers with units.
    static let notes = """
    # Memory Hierarchy

    ## Caches

    A **cache** is a small, fast memory that keeps copies of recently used data close to the processor. \
    The **hit rate** is the share of accesses that find their data in the cache. \
    Modern processors have three levels of cache, and the first level usually holds 32 KB of data.

    Caches are organised in one of three ways:

    - **Direct-mapped cache**: every memory block can go to exactly one line.
    - **Fully associative cache**: a block can go to any line of the cache.
    - **Set-associative cache**: a block can go to any line of one small set.

    ## Main Memory

    Dynamic random-access memory (DRAM) stores each bit as charge in a tiny capacitor. \
    Static random-access memory (SRAM) keeps each bit in a circuit of six transistors and needs no refresh. \
    DRAM must be refreshed every 64 ms, because the charge slowly leaks away. \
    A typical access to main memory takes about 100 ns, while a first-level cache answers in about 1 ns.

    ## Virtual Memory

    The translation lookaside buffer (TLB) caches recent translations from virtual to physical addresses. \
    A page fault occurs when a program touches a page that is not in main memory. \
    Peter Denning described the working set model in 1968, and Denning later chaired the ACM. \
    Pages are usually 4 KB in size, although huge pages of 2 MB are also common.
    """

    static let compounds = ["direct-mapped cache", "fully associative cache", "set-associative cache", "main memory",
                            "dynamic random-access memory", "static random-access memory", "translation lookaside buffer",
                            "page fault", "hit rate", "working set model", "huge pages", "virtual memory"]

    static let functionWords: Set<String> = ["the", "a", "an", "of", "in", "to", "and", "is", "are", "with", "by", "for", "on"]

    @Test func blanksFallOnTermsNumbersAndNamesNeverOnFunctionWordsOrHalfCompounds() throws {
        let questions = try exam(Self.notes, count: 15, types: [.fillInBlank])
        #expect(questions.count >= 8)
        for q in questions {
            let answer = try #require(q.acceptedAnswers.first)
            #expect(!Self.functionWords.contains(answer.lowercased()), "trivial blank: \(answer)")
            #expect(!CommonVerbs.all.contains(answer.lowercased()), "verb as answer: \(answer)")
            #expect(q.answerKind != nil)
            // Half of a compound: no longer term of the text in the same sentence contains the answer.
            for longer in Self.compounds where longer != answer.lowercased() && WholeWord.contains(answer, in: longer) {
                #expect(!q.sourceSentence.lowercased().contains(longer), "half of a compound: \(answer) in \(q.sourceSentence)")
            }
        }
        let kinds = Set(questions.compactMap(\.answerKind))
        #expect(kinds.contains("term"))
        #expect(kinds.contains("number") || kinds.contains("date"))
    }

    @Test func distractorsAreOfTheAnswersKind() throws {
        for seed in 0..<4 as Range<UInt64> {
            for q in try exam(Self.notes, count: 12, types: [.multipleChoice], seed: seed) {
                let answer = q.options[q.correctOptions[0]]
                let shape = QuestionCheck.Shape(answer)
                for option in q.options {
                    #expect(QuestionCheck.Shape(option).isCompatible(with: shape), "\(option) beside \(answer)")
                }
                // A number keeps its unit: "64 ms" gets other milliseconds, not "32 KB".
                if shape.kind == .number {
                    #expect(q.options.allSatisfy { QuestionCheck.Shape($0).unit == shape.unit })
                }
            }
        }
    }

    @Test func siblingsFromTheSameListComeFirst() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.notes))
        let candidate = try #require(material.candidates.first { $0.text.hasPrefix("Direct-mapped cache") })
        let span = try #require(candidate.spans.first { $0.text == "Direct-mapped cache" })
        var rng = SeededRandom(seed: 1)
        let picker = DistractorPicker(material: material, difficulty: .medium)
        let picked = picker.pick(for: span, in: candidate, stem: "_____: every memory block can go to exactly one line.",
                                 blank: "_____", count: 2, rng: &rng)
        #expect(Set(picked.map { $0.lowercased() }) == ["fully associative cache", "set-associative cache"])
    }

    @Test func stemsCarryNoMarkdownAndNoDanglingReferences() throws {
        let text = """
        ## Cells

        The **mitochondrion** is the organelle that makes most of the cell's *ATP*. \
        They have their own DNA, which is inherited from the mother. \
        The `nucleus` holds the genome, about 3 billion base pairs in humans. \
        | Organelle | Role | \
        Like mitochondria, they have a double membrane. \
        **Ribosomes** build proteins from amino acids, and a human cell holds about 10 million of them. \
        The Golgi apparatus, described by Camillo Golgi in 1898, packages proteins for export.
        """
        for seed in 0..<3 as Range<UInt64> {
            for q in try exam(text, count: 8, seed: seed) {
                for piece in [q.prompt, q.sourceSentence] + q.options + q.acceptedAnswers {
                    #expect(!QuestionCheck.hasMarkup(piece), "markup in \(piece)")
                }
                let stem = QuestionCheck.quoted(q.prompt) ?? q.prompt
                #expect(!stem.hasPrefix("They ") && !stem.hasPrefix("Like mitochondria, they"))
                #expect(!stem.contains("Like mitochondria, they") || stem.hasPrefix("The "), "dangling sentence used alone")
            }
        }
    }

    @Test func falseStatementsSwapASiblingAndSayWhatChanged() throws {
        var falseCount = 0
        for seed in 0..<10 as Range<UInt64> {
            for q in try exam(Self.notes, count: 10, types: [.trueFalse], seed: seed) where q.correctOptions == [1] {
                falseCount += 1
                let original = try #require(q.originalSpan)
                let replacement = try #require(q.replacementSpan)
                let statement = try #require(QuestionCheck.quoted(q.prompt))
                // Exactly the recorded span changed, so the statement stays a sentence of the text's shape.
                #expect(q.sourceSentence.contains(original))
                #expect(statement.contains(replacement))
                #expect(statement != q.sourceSentence)
                // Same kind: a number for a number (same unit), a term for a term.
                #expect(QuestionCheck.Shape(replacement).isCompatible(with: QuestionCheck.Shape(original)))
            }
        }
        #expect(falseCount > 0)
    }

    @Test func fillInAcceptsEveryNameTheTextGives() throws {
        let questions = try exam(Self.notes, count: 20, types: [.fillInBlank])
        let dram = try #require(questions.first { $0.acceptedAnswers.contains("DRAM") || $0.acceptedAnswers.contains("Dynamic random-access memory") })
        #expect(dram.acceptedAnswers.contains("DRAM"))
        #expect(dram.acceptedAnswers.contains { $0.lowercased() == "dynamic random-access memory" })
        // The stem does not give the other name away.
        #expect(!dram.prompt.contains("DRAM") && !dram.prompt.lowercased().contains("dynamic random-access memory"))
        // The grader takes either name, with or without the hyphen.
        #expect(Grader.isCorrect(dram, QuestionResponse(text: "dynamic random access memory")))
        #expect(Grader.isCorrect(dram, QuestionResponse(text: "DRAM")))
    }

    @Test func acceptedAnswerFormsForNumbersDatesAndPeople() {
        let lexicon = ExamLexicon(sentences: [], headings: [], properWords: [])
        var number = AnswerSpan(text: "1,460 bytes", kind: .number)
        number.unit = "bytes"
        let forms = AcceptedAnswers.forms(of: number, lexicon: lexicon, loneNames: [])
        #expect(forms.contains("1460 bytes"))
        #expect(AcceptedAnswers.forms(of: AnswerSpan(text: "10 segments", kind: .number), lexicon: lexicon, loneNames: [])
            .contains("ten segments"))
        #expect(AcceptedAnswers.forms(of: AnswerSpan(text: "28 June 1914", kind: .year), lexicon: lexicon, loneNames: [])
            .contains("June 28, 1914"))
        var person = AnswerSpan(text: "Peter Denning", kind: .name)
        person.isPerson = true
        #expect(AcceptedAnswers.forms(of: person, lexicon: lexicon, loneNames: ["Denning"]).contains("Denning"))
        #expect(TypedAnswerMatcher.matches("3 duplicate ACKs", expected: "three duplicate ACKs"))
        #expect(TypedAnswerMatcher.matches("1460 bytes", expected: "1,460 bytes"))
        #expect(!TypedAnswerMatcher.matches("1461 bytes", expected: "1,460 bytes"))
        #expect(TypedAnswerMatcher.matches("chloroplast", expected: "chloroplasts"))
    }

    @Test func numbersAreAsked() throws {
        let questions = try exam(Self.notes, count: 20)
        #expect(questions.filter { $0.answerKind == "number" }.count >= 2)
    }

    @Test func examsStoredBeforeTheNewFieldsStillDecode() throws {
        let old = """
        {"id":"q1","kind":"fill_in_blank","prompt":"Fill in the blank: \\"_____ is red.\\"","options":[],"correctOptions":[],
         "acceptedAnswers":["Mars"],"sourceSentence":"Mars is red.","difficulty":"medium","points":1}
        """
        let question = try JSONDecoder().decode(Question.self, from: Data(old.utf8))
        #expect(question.answerKind == nil && question.originalSpan == nil)
    }

    @Test func answerSheetsGradeWithTheAppsGrader() throws {
        let questions = try exam(Self.notes, count: 8)
        let report = ExamReport(file: "n.md", draft: ExamDraft(questions: questions, notes: [], configuration: .init()))
        let parsed = try AnswerSheet.questions(from: Data(try report.renderJSON().utf8))
        #expect(parsed == questions)
        var answers: [String: Any] = [:]
        for q in questions {
            switch q.kind {
            case .fillInBlank: answers[q.id] = q.acceptedAnswers.last ?? ""
            case .multipleAnswer: answers[q.id] = q.correctOptions.map { AnswerSheet.letter($0) }
            case .multipleChoice, .trueFalse: answers[q.id] = q.options[q.correctOptions[0]]
            }
        }
        let data = try JSONSerialization.data(withJSONObject: answers)
        let graded = Grader.grade(questions: questions, responses: try AnswerSheet.responses(from: data, questions: questions))
        #expect(graded.correctCount == questions.count)
        #expect(throws: AnswerSheet.Problem.self) {
            try AnswerSheet.responses(from: Data(#"{"q99": "a"}"#.utf8), questions: questions)
        }
        #expect(throws: AnswerSheet.Problem.self) { try AnswerSheet.questions(from: Data("not json".utf8)) }
    }

    @Test func providerQuestionsPassTheSameChecks() {
        let clean = Question(id: "q1", kind: .multipleChoice, prompt: "Which answer fills the blank? \"DRAM must be refreshed every _____.\"",
                             options: ["64 ms", "32 ms", "128 ms", "16 ms"], correctOptions: [0], sourceSentence: "s")
        #expect(QuestionCheck.problems(clean).isEmpty)
        var markup = clean
        markup.prompt = "Which answer fills the blank? \"**DRAM** must be refreshed every _____.\""
        #expect(!QuestionCheck.problems(markup).isEmpty)
        var mixed = clean
        mixed.options = ["64 ms", "time", "long", "shortage"]
        #expect(!QuestionCheck.problems(mixed).isEmpty)
        let trivial = Question(id: "q2", kind: .fillInBlank, prompt: "Fill in the blank: \"DRAM _____ refreshed.\"",
                               acceptedAnswers: ["is"], sourceSentence: "s")
        #expect(!QuestionCheck.problems(trivial).isEmpty)
    }

    @Test func adversarialInputsGiveCleanExamsOrClearNotes() throws {
        #expect(throws: EngineError.emptyDocument) { try exam("") }
        #expect(throws: EngineError.emptyDocument) { try exam("  \n\t ") }
        let inputs = [
            "Marie Curie won the Nobel Prize in Physics in 1903.",
            "- **Iron**: 7.87 g/cm3\n- **Copper**: 8.96 g/cm3\n- **Gold**: 19.3 g/cm3\n- **Lead**: 11.3 g/cm3",
            "| Metal | Density |\n|---|---|\n| Iron | 7.87 |\n| Gold | 19.3 |",
            "```swift\nlet x = 1\n```\n\n    indented code",
            "光合作用是植物利用光能的过程。 Фотосинтез происходит в хлоропластах. The **Calvin cycle** was mapped by Melvin Calvin in 1950 at Berkeley.",
        ]
        for text in inputs {
            let draft = try ExamGenerator(configuration: .init(questionCount: 5)).generate(from: text)
            #expect(!draft.questions.isEmpty || !draft.notes.isEmpty)
            for q in draft.questions {
                #expect(QuestionCheck.problems(q).isEmpty, "\(q.prompt): \(QuestionCheck.problems(q))")
            }
        }
    }
}
