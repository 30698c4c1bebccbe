import Testing
import StudyModel
@testable import StudyEngine

/// Options and false-statement swaps of the answer's own kind, learned from the text's
/// evidence (issue 8, pattern D and F as judged): a term's options are its parallel terms
/// or none, a venue and a person are never options of each other, a day of the month has
/// days as options, and a class noun is never swapped in for a named member.
@Suite struct ExamSameKindOptionsTests {
    static let earth = """
    # Earthquakes and plate tectonics

    ## Measuring earthquakes

    **Magnitude** describes the energy released at the source of an earthquake. **Intensity** describes the effects at a particular place. \
    The Richter scale measures magnitude, while the Mercalli scale measures intensity. Seismographs record **P-waves**, **S-waves** and \
    **surface waves**. P-waves travel through solids and liquids, but S-waves travel only through solids.

    ## The restless crust

    The **lithosphere** is broken into seven or eight major plates. Beneath it lies the **asthenosphere**, a soft layer of the upper mantle. \
    The **mantle** lies between the crust and the core. Undersea earthquakes can cause **tsunamis**, which are long waves that cross whole oceans.

    ## Evidence for drift

    Alfred Wegener proposed **continental drift** in 1912. He pointed to fossils of **Mesosaurus** found in both South America and Africa. \
    In the 1960s Harry Hess described **seafloor spreading** at mid-ocean ridges. Magnetic stripes on the seafloor record reversals of the Earth's magnetic field.
    """

    static let final = """
    Ronnie O'Sullivan beat Judd Trump 18-12 to win the world snooker title at the Crucible Theatre in Sheffield on Monday.

    O'Sullivan, 44, won his sixth world title and said he was delighted to lift the trophy again. Trump, the defending champion, \
    had led 4-3 after the first session. The final, which took place on March 27, drew a crowd of 980 people to the Crucible Theatre, \
    the venue that has hosted the championship since 1977. Fans queued outside the Crucible Theatre before the session.

    Earlier in the tournament O'Sullivan defeated Mark Selby 17-16 in a tense semi-final. Selby had won the title in 2014, 2016 and 2017. \
    Kyren Wilson lost to O'Sullivan in the other semi-final. Trump had won the Masters at the Alexandra Palace in London in January. \
    Barry Hearn said the event would return to Sheffield next year. Hearn said ticket sales rose by 15 per cent.
    """

    static let immunity = """
    # The immune system

    **HIV** infects and destroys **helper T cells**. Without treatment, the infection leads to **AIDS**, in which the immune system fails. \
    An **autoimmune disease** occurs when the immune system attacks the body's own cells. **Type 1 diabetes** is an autoimmune disease \
    that destroys insulin-producing cells in the pancreas.

    **B cells** produce **antibodies**, proteins that bind to antigens. **Helper T cells** activate B cells and **killer T cells**. \
    Killer T cells destroy infected body cells. **Vaccines** train the immune system by exposing it to a harmless form of an antigen.
    """

    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    func options(_ material: ExamMaterial, sentence: String, answer: String, count: Int = 3, forStatement: Bool = false) -> [String]? {
        guard let c = material.candidates.first(where: { $0.text.contains(sentence) }),
              let span = c.spans.first(where: { $0.text == answer }),
              let stem = QuestionFactory(material: material, difficulty: .medium).stem(c, blanking: [span]) else { return nil }
        var rng = SeededRandom(text: "t", salt: 1)
        return DistractorPicker(material: material, difficulty: .medium)
            .pick(for: span, in: c, stem: stem, blank: QuestionFactory.blank, count: count, forStatement: forStatement, rng: &rng)
    }

    func exams(_ text: String, seeds: Range<UInt64> = 0..<4, types: [Question.Kind] = Question.Kind.allCases) throws -> [Question] {
        try seeds.flatMap { seed in
            try ExamGenerator(configuration: Exam.Configuration(questionCount: 8, questionTypes: types), seed: seed)
                .generate(from: text).questions
        }
    }

    @Test("terms defined in parallel ('X describes …', 'Y describes …') are kin; a bold term of another kind is not")
    func parallelDefinitionsAreKin() throws {
        let m = try material(Self.earth)
        #expect(m.evidence.areKin("Magnitude", "Intensity"))
        #expect(!m.evidence.areKin("Intensity", "tsunamis"))
        let picked = options(m, sentence: "describes the effects", answer: "Intensity", count: 8) ?? []
        #expect(picked.allSatisfy { $0.lowercased() == "magnitude" }, "\(picked)")
    }

    @Test("a term with no kin in the text gets no options from other kinds: the sentence is asked another way")
    func noWrongKindPadding() throws {
        let m = try material(Self.earth)
        for (sentence, answer) in [("Beneath it lies", "asthenosphere"), ("can cause", "tsunamis"), ("broken into", "lithosphere")] {
            let picked = options(m, sentence: sentence, answer: answer) ?? []
            #expect(!picked.contains { ["tsunamis", "magnitude", "continental drift", "Mesosaurus", "Harry Hess"].contains($0) && $0 != answer },
                    "\(answer): \(picked)")
        }
        // Whole exams: every option of a term question is a term, never a person or a fossil.
        for q in try exams(Self.earth) where q.kind == .multipleChoice && q.answerKind == "term" {
            #expect(!q.options.contains("Harry Hess") && !q.options.contains("Alfred Wegener"), "\(q.prompt) \(q.options)")
            let key = q.correctOptions.first.map { q.options[$0] } ?? ""
            #expect(!(["lithosphere", "asthenosphere", "mantle"].contains(key) && q.options.contains("tsunamis")), "\(q.prompt) \(q.options)")
        }
    }

    @Test("a venue the text writes as 'the X' and a person are never options of each other")
    func venuesAndPeopleKeepApart() throws {
        let m = try material(Self.final)
        #expect(m.evidence.articleNames.contains("Crucible Theatre"))
        #expect(!m.evidence.articleNames.contains("Judd Trump"))
        for q in try exams(Self.final, seeds: 0..<6) where q.kind == .multipleChoice || q.kind == .multipleAnswer {
            let people = ["Judd Trump", "Mark Selby", "Kyren Wilson", "Barry Hearn", "Trump", "Selby", "Hearn", "Wilson"]
            let hasVenue = q.options.contains("Crucible Theatre") || q.options.contains("Alexandra Palace")
            let hasPerson = q.options.contains(where: people.contains)
            #expect(!(hasVenue && hasPerson), "\(q.prompt) \(q.options)")
        }
        for answer in ["Judd Trump", "Mark Selby"] {
            let picked = options(m, sentence: "beat Judd Trump", answer: answer) ?? []
            #expect(!picked.contains("Crucible Theatre"), "\(picked)")
        }
    }

    @Test("a day of the month has days of a month as options")
    func daysOfTheMonth() throws {
        let m = try material(Self.final)
        let span = AnswerSpan(text: "27", kind: .number, weight: 5)
        #expect(DistractorPicker.isDayOfMonth(span, stem: "The final, which took place on March _____, drew a crowd.", blank: QuestionFactory.blank))
        #expect(!DistractorPicker.isDayOfMonth(span, stem: "A crowd of _____ people came.", blank: QuestionFactory.blank))
        let c = try #require(m.candidates.first { $0.text.contains("March 27") })
        let stem = "The final, which took place on March _____, drew a crowd of 980 people to the Crucible Theatre."
        for salt: UInt64 in 0..<6 {
            var rng = SeededRandom(text: "d", salt: salt)
            let picked = DistractorPicker(material: m, difficulty: .medium)
                .pick(for: span, in: c, stem: stem, blank: QuestionFactory.blank, count: 3, rng: &rng)
            #expect(picked.count == 3)
            #expect(picked.allSatisfy { Int($0).map { (1...31).contains($0) } == true }, "\(picked)")
        }
    }

    @Test("a class noun is never swapped in for a named member, and a swapped subject does what the verb says")
    func sensibleSwaps() throws {
        let m = try material(Self.immunity)
        #expect(m.evidence.classTerms.contains(ExamLexicon.key("autoimmune disease")))
        let swaps = options(m, sentence: "infects and destroys", answer: "HIV", forStatement: true) ?? []
        #expect(!swaps.contains { $0.lowercased().contains("autoimmune") }, "\(swaps)")
        for q in try exams(Self.immunity, seeds: 0..<8, types: [.trueFalse]) where q.correctOptions == [1] {
            let statement = q.prompt.lowercased()
            #expect(!statement.contains("autoimmune disease infects"), "\(q.prompt)")
            #expect(!(q.originalSpan == "HIV" && (q.replacementSpan ?? "").lowercased().contains("autoimmune")), "\(q.prompt)")
        }
    }

    @Test("a sentence without three same-kind options is asked as a fill-in, so the exam still reaches its count; an MC-only exam stays MC")
    func typeChoiceInsteadOfPadding() throws {
        var mixed: [Question] = []
        for seed: UInt64 in 0..<2 {
            let questions = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.multipleChoice, .fillInBlank]),
                                              seed: seed).generate(from: Self.earth).questions
            #expect(questions.count == 6, "\(questions.count) of 6")
            mixed += questions
        }
        #expect(mixed.contains { $0.kind == .fillInBlank && $0.sourceSentence.contains("describes the effects") })
        let onlyChoice = try exams(Self.earth, seeds: 0..<2, types: [.multipleChoice])
        #expect(onlyChoice.allSatisfy { $0.kind == .multipleChoice })
    }

    @Test("a name the text writes with an article, a link word or after 'in'/'at' is a thing, never an option for a person")
    func thingsAreNoPeople() throws {
        let m = try material("""
        Prime Minister Helen Marsh met Oscar Bellamy during a Kestrel Court dinner in May. Marsh said the talks went well, \
        The Ledger reported. Oscar Bellamy said he was pleased. Marsh later spoke in Kestrel Court to Anna Quill. \
        Anna Quill said the House of Delegates would vote soon. Bellamy praised Anna Quill and Helen Marsh.
        """)
        #expect(OptionKind.isThing("Kestrel Court", evidence: m.evidence))
        #expect(OptionKind.isThing("The Ledger", evidence: m.evidence))
        #expect(OptionKind.isThing("House of Delegates", evidence: m.evidence))
        #expect(!OptionKind.isThing("Anna Quill", evidence: m.evidence))
        #expect(!OptionKind.isThing("Oscar Bellamy", evidence: m.evidence))
    }
}
