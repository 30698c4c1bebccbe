import Testing
import StudyModel
@testable import StudyEngine

@Suite struct ExamTests {
    func draft(_ text: String, count: Int = 12, types: [Question.Kind] = Question.Kind.allCases,
               difficulty: Question.Difficulty = .medium, seed: UInt64 = 0) throws -> ExamDraft {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: types, difficulty: difficulty),
                          seed: seed).generate(from: text)
    }

    @Test(arguments: Fixtures.all)
    func questionsAreValid(text: String) throws {
        let exam = try draft(text)
        // Short fixtures: only terms, names, dates and numbers are asked (no generic words),
        // so a paragraph of plain prose gives fewer than the 12 asked for.
        #expect(exam.questions.count >= 5)
        #expect(Set(exam.questions.map(\.id)).count == exam.questions.count)
        #expect(Set(exam.questions.map(\.prompt)).count == exam.questions.count)
        #expect(Set(exam.questions.map(\.sourceSentence)).count == exam.questions.count)
        let document = try StudyDocument(text: text)
        let sentences = Set(document.sentences.map(\.text))
        for q in exam.questions {
            // The source is a sentence of the document, or one joined to the sentence it leans on.
            #expect(sentences.contains(q.sourceSentence) || sentences.contains { q.sourceSentence.hasPrefix($0 + " ") },
                    "source sentence must come from the document")
            switch q.kind {
            case .multipleChoice:
                #expect(q.options.count == 4 && q.correctOptions.count == 1)
                let answer = q.options[q.correctOptions[0]]
                #expect(WholeWord.contains(answer, in: q.sourceSentence), "answer supported by source")
                #expect(!WholeWord.contains(answer, in: q.prompt), "answer not in stem")
                let keys = q.options.map(AnswerSpan.key)
                #expect(Set(keys).count == 4, "options differ")
                for (i, option) in q.options.enumerated() where i != q.correctOptions[0] {
                    #expect(!WholeWord.contains(option, in: q.sourceSentence), "distractor \(option) not in source")
                }
            case .multipleAnswer:
                #expect(q.correctOptions.count >= 2 && q.options.count > q.correctOptions.count)
                #expect(Set(q.options.map(AnswerSpan.key)).count == q.options.count)
                for i in q.correctOptions {
                    #expect(WholeWord.contains(q.options[i], in: q.sourceSentence))
                    #expect(!WholeWord.contains(q.options[i], in: q.prompt))
                }
            case .trueFalse:
                #expect(q.options == ["True", "False"] && q.correctOptions.count == 1)
                let statementIsSource = q.prompt.contains(q.sourceSentence)
                #expect(statementIsSource == (q.correctOptions == [0]))
            case .fillInBlank:
                #expect(q.prompt.contains(QuestionFactory.blank))
                let answer = try #require(q.acceptedAnswers.first)
                #expect(WholeWord.contains(answer, in: q.sourceSentence))
                #expect(!WholeWord.contains(answer, in: q.prompt))
                // The stem with the answer put back reads as the source sentence (other names of
                // the answer in brackets are left out of the stem, "a"/"an" become "a(n)").
                let stem = q.prompt.dropFirst("Fill in the blank: \"".count).dropLast()
                let restored = stem.replacingOccurrences(of: QuestionFactory.blank, with: answer)
                    .replacingOccurrences(of: "a(n) ", with: "").replacingOccurrences(of: "A(n) ", with: "")
                #expect(Tokenizer.foldedWords(restored).allSatisfy(Set(Tokenizer.foldedWords(q.sourceSentence)).contains))
            }
        }
    }

    @Test func everyKindIsMade() throws {
        let exam = try draft(Fixtures.all.joined(separator: "\n\n"), count: 20)
        #expect(Set(exam.questions.map(\.kind)) == Set(Question.Kind.allCases))
        #expect(exam.questions.count == 20)
        #expect(exam.notes.isEmpty)
    }

    @Test func falseStatementsAreFalse() throws {
        // Many seeds so that false statements are made; each must differ from every sentence.
        let text = Fixtures.frenchRevolution
        let document = try StudyDocument(text: text)
        var falseCount = 0
        for seed in 0..<8 as Range<UInt64> {
            for q in try draft(text, count: 8, types: [.trueFalse], seed: seed).questions where q.correctOptions == [1] {
                falseCount += 1
                let statement = String(q.prompt.dropFirst("True or false: \"".count).dropLast())
                #expect(!document.sentences.contains { $0.text == statement })
                #expect(statement != q.sourceSentence)
            }
        }
        #expect(falseCount > 0)
    }

    @Test func distractorsThatWouldBeTrueAreRejected() throws {
        // "Paris" and "Lyon" both host a university founded in 1200 ... a question on one city
        // must not offer the other as a wrong answer.
        let text = """
        The old university in Paris was founded around 1200 by scholars. The old university in Lyon was founded around 1200 by scholars too. \
        Marseille is a port on the Mediterranean coast. Toulouse is known for aircraft building. Nantes lies on the Loire river. \
        Bordeaux exports wine to many countries. Lille is close to the Belgian border.
        """
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let source = try #require(material.document.sentences.firstIndex { $0.text.contains("in Paris") })
        #expect(material.isStatedElsewhere("The old university in Lyon was founded around 1200 by scholars.", value: "Lyon", source: source))
        #expect(!material.isStatedElsewhere("The old university in Nantes was founded around 1200 by scholars.", value: "Nantes", source: source))
    }

    @Test func sameInputSameExamAndSeedChangesShuffle() throws {
        let a = try draft(Fixtures.tcp)
        let b = try draft(Fixtures.tcp)
        #expect(a == b)
        let c = try draft(Fixtures.tcp, seed: 99)
        #expect(c.questions.map(\.options) != a.questions.map(\.options) || c.questions.map(\.prompt) != a.questions.map(\.prompt))
    }

    @Test func tooSmallDocumentGivesFewerQuestionsWithANote() throws {
        let exam = try draft("Marie Curie won the Nobel Prize in 1903. She later won a second prize in 1911 for chemistry.", count: 10)
        #expect(exam.questions.count < 10 && !exam.questions.isEmpty)
        #expect(exam.notes.contains { $0.contains("of 10 questions") })
        let none = try draft("hello there", count: 5)
        #expect(none.questions.isEmpty)
        #expect(throws: EngineError.self) { try none.makeExam(owner: "u", contentId: "c", title: "T") }
    }

    @Test func configurationIsChecked() {
        #expect(throws: EngineError.self) { try draft(Fixtures.tcp, count: 0) }
        #expect(throws: EngineError.self) { try draft(Fixtures.tcp, types: []) }
        #expect(throws: EngineError.self) { try ExamReport.parseTypes("mc,essay") }
        #expect((try? ExamReport.parseTypes("mc, tf,fill_in_blank")) == [.multipleChoice, .trueFalse, .fillInBlank])
    }

    @Test func onlyRequestedTypes() throws {
        let exam = try draft(Fixtures.photosynthesis, count: 5, types: [.fillInBlank])
        #expect(exam.questions.allSatisfy { $0.kind == .fillInBlank })
        #expect(exam.questions.allSatisfy { $0.difficulty == .medium })
        let hard = try draft(Fixtures.primes, count: 4, difficulty: .hard)
        #expect(hard.questions.allSatisfy { $0.difficulty == .hard })
    }

    @Test func examEntityValidates() throws {
        let exam = try draft(Fixtures.primes).makeExam(owner: "u1", contentId: "c1", title: "Primes")
        try exam.validate()
    }

    @Test func numbersKeepTheirWrittenForm() {
        let form = NumberForm("£1,200.50m")
        #expect(form?.value == 1200.5)
        #expect(form?.written(2400) == "£2,400.00m")
        #expect(NumberForm("17,000")?.written(8500) == "8,500")
    }
}
