import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Lecture-notes faults a judge found in a second round (issue 8), each shown gone on a
/// small text written for the test: the givens of a worked example whose bold label is a
/// sentence of its own asked as a fact, a bold term rejected when the answer adds a word
/// to it, a city swapped in for a country that acts, and an office's body ("-ate")
/// rejected where the text has it act.
@Suite struct ExamNotesRoundTwoTests {
    static func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    static func notes(label: String) -> String {
        """
        # Kidney Function

        ## Clearance

        **Renal clearance** is the volume of plasma cleared of a substance per minute. \
        Creatinine clearance is used by doctors to estimate the filtration rate of both kidneys.

        \(label)A patient has a urine creatinine concentration of 1.25 mg/mL, a urine flow rate of 1.5 mL/min \
        and a plasma creatinine concentration of 0.02 mg/mL.

        The kidneys filter about 180 litres of plasma per day in a healthy adult.
        """
    }

    /// Number spans of the "A patient has …" sentence that may be asked.
    static func askableGivens(_ material: ExamMaterial) -> [String] {
        material.candidates.filter { $0.text.contains("A patient has") }
            .flatMap { $0.spans.filter { [.number, .percentage].contains($0.kind) && !$0.isModifier }.map(\.text) }
    }

    @Test("fault 1: a bold 'Worked example.' label of its own makes the paragraph's numbers givens")
    func aLabelOfItsOwnOpensAnExample() throws {
        // Without a label the same sentence is a statement whose numbers may be asked (the test can fail).
        #expect(!Self.askableGivens(try Self.material(Self.notes(label: ""))).isEmpty)
        for label in ["**Worked example.** ", "Worked example: ", "**Example 2.** ", "Exercise: "] {
            let material = try Self.material(Self.notes(label: label))
            #expect(Self.askableGivens(material).isEmpty, "\(label): \(Self.askableGivens(material))")
            // The other paragraphs' numbers stay facts.
            let fact = material.candidates.first { $0.text.contains("180 litres") }
            #expect(fact?.spans.contains { $0.kind == .number && !$0.isModifier } == true)
        }
        // A worked example is made up throughout: a later sentence's numbers are givens too;
        // under a plain "Example" label only a set-up sentence's are.
        let factory = """
        # Probability

        ## Total Probability

        The **law of total probability** adds the chances of an event over every way it can happen.

        LABELA factory has two machines. Machine A makes 600 light bulbs per day, of which 2% are defective.

        The first quality charts were drawn by Walter Shewhart in 1924 at Bell Labs.
        """
        func machineGivens(_ label: String) throws -> [String] {
            try Self.material(factory.replacingOccurrences(of: "LABEL", with: label)).candidates
                .filter { $0.text.contains("Machine A makes") }
                .flatMap { $0.spans.filter { [.number, .percentage].contains($0.kind) && !$0.isModifier }.map(\.text) }
        }
        #expect(try machineGivens("**Worked example.** ").isEmpty)
        #expect(!(try machineGivens("")).isEmpty)
        // A list of examples states facts: its items open no example paragraph.
        let list = try StudyDocument(text: "# Notes\n\n- Example: a bee is an insect.\n- Example: a spider is no insect.\n")
        #expect(ExamMaterial.exampleBlocks(list.sentences).isEmpty)
    }

    @Test("fault 1: the computed question of a labelled worked example is still made")
    func theComputedQuestionStays() throws {
        let text = """
        # Elasticity

        ## Price Changes

        **Price elasticity of demand** measures how strongly quantity responds to a change in price.

        **Worked example.** The price of a cinema ticket rises from $8 to $12 and sales fall from 300 to 200. \
        The percentage change in price is 50%.
        """
        let extras = ExtraQuestions.make(material: try Self.material(text), kinds: [.fillInBlank], difficulty: .medium)
        #expect(extras.contains { $0.question.prompt.contains("from $8 to $12") }, "\(extras.map(\.question.prompt))")
    }

    @Test("fault 2: a fill-in whose answer is a bold term and one more word accepts the bold term")
    func theBoldTermAloneIsAccepted() throws {
        let text = """
        # Modern Japan

        ## Restoration

        In 1868 the restoration of imperial rule was proclaimed in the name of the young Emperor Mutsuhito. \
        His reign is known as the **Meiji** era, meaning "enlightened rule". \
        The **Meiji Restoration** is the political revolution of 1868 that returned formal authority to the emperor. \
        Supporters of the old regime fought back in the **Boshin War**, but they were defeated in 1869.
        """
        let material = try Self.material(text)
        let candidate = try #require(material.candidates.first { $0.text.contains("Meiji era") })
        let factory = QuestionFactory(material: material, difficulty: .medium)
        #expect(factory.boldCore(of: "Meiji era", in: candidate) == "Meiji")
        let accepted = factory.accepted(AnswerSpan(text: "Meiji era", kind: .term), in: candidate)
        #expect(accepted.contains("Meiji"), "\(accepted)")
        let question = Question(id: "q", kind: .fillInBlank, prompt: "", acceptedAnswers: accepted, sourceSentence: candidate.text)
        #expect(Grader.isCorrect(question, QuestionResponse(text: "Meiji")))
        // Two words outside the bold, or an answer that is not the bold term's: no such form.
        #expect(factory.boldCore(of: "Meiji era rule", in: candidate) == nil)
        #expect(factory.boldCore(of: "young emperor", in: candidate) == nil)
        // A bold name of its own holds no bold part ("Meiji Restoration" is not "Meiji").
        let restoration = try #require(material.candidates.first { $0.text.contains("political revolution") })
        #expect(factory.boldCore(of: "Meiji Restoration", in: restoration) == nil)
    }

    static let japan = """
    # Modern Japan

    ## Trade and Power

    For two centuries Japan limited contact with foreigners. Trade was allowed only with the Dutch at Nagasaki. \
    Later the ports of Shimoda and Hakodate were opened to American ships.

    ## War

    By the end of the century, Japan had become a major power in the region. Japan defeated Russia in 1905. \
    Russia had expanded into Manchuria before the war. China lost the war of 1895 to Japan.
    """

    @Test("fault 3: a place the text only puts things in is no swap for a place that acts")
    func anActorIsSwappedOnlyForAnActor() throws {
        let material = try Self.material(Self.japan)
        #expect(material.evidence.subjectNames.contains("Japan"))
        #expect(material.evidence.subjectNames.contains("Russia"))
        #expect(!material.evidence.subjectNames.contains("Nagasaki"))
        let candidate = try #require(material.candidates.first { $0.text.contains("had become a major power") })
        let span = try #require(candidate.spans.first { $0.text == "Japan" }, "\(candidate.spans.map(\.text))")
        let stem = try #require(QuestionFactory(material: material, difficulty: .medium).stem(candidate, blanking: [span]))
        let kind = OptionKind(answer: span, candidate: candidate, stem: stem, blank: QuestionFactory.blank, material: material,
                              forStatement: true)
        #expect(kind.nameIsSubject)
        #expect(!kind.fits("Nagasaki"))
        #expect(!kind.fits("Hakodate"))
        for salt in 0..<6 as Range<UInt64> {
            var rng = SeededRandom(text: "swap", salt: salt)
            let swaps = DistractorPicker(material: material, difficulty: .medium)
                .pick(for: span, in: candidate, stem: stem, blank: QuestionFactory.blank, count: 3, forStatement: true, rng: &rng)
            for swap in swaps { #expect(material.evidence.subjectNames.contains(swap), "\(swap) swapped for Japan") }
        }
    }

    @Test("fault 4: the body an office makes is accepted where the text has it act")
    func theOfficesBodyIsAcceptedAsTheActor() {
        let sentences = ["The shogunate signed the treaty in 1854.", "Many samurai were angry that the shogun had given in."]
        #expect(AcceptedAnswers.actingBody(of: "shogun", stem: "Many samurai were angry that the shogun had given in.",
                                           sentences: sentences) == "shogunate")
        // Not when the text never has the body act, nor when the stem asks no actor.
        #expect(AcceptedAnswers.actingBody(of: "shogun", stem: "Many samurai were angry that the shogun had given in.",
                                           sentences: ["The shogunate's capital was Edo."]) == nil)
        #expect(AcceptedAnswers.actingBody(of: "shogun", stem: "Power passed to the shogun in 1603.", sentences: sentences) == nil)
    }
}
