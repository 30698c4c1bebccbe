import Testing
import StudyModel
@testable import StudyEngine

/// The fill-in forms read from the whole text (issue 8, item 5): a heading's subtitle, the
/// genus of a definition, a person's name behind an office, the lower-case tail of a long
/// name, and what the stem already shows. Each rule with what it must not accept. The texts
/// are written for these tests.
@Suite struct AcceptedFormsRulesTests {
    // MARK: The stem shows a form only as a run of words

    @Test func aFormWhoseWordsAreScatteredOverTheStemIsKept() {
        let stem = "\"Heat-neutral\" is no promise: the _____ needs a steady supply of fuel from the heat-producing stages."
        #expect(!QuestionFactory.stemShows("heat-neutral stages", answer: "recovery loop", stem: stem))
        // The unhyphenated spelling gets the same verdict as the form as written.
        #expect(!QuestionFactory.stemShows("heatneutral stages", answer: "recovery loop", stem: stem))
        let copied = "A(n) _____ is a heat-neutral stage of the plant."
        #expect(QuestionFactory.stemShows("heat-neutral stage", answer: "recovery loop", stem: copied))
        #expect(QuestionFactory.stemShows("heatneutral stage", answer: "recovery loop", stem: copied))
    }

    @Test func aSingleWordTheStemShowsIsACopy() {
        let stem = "According to the port agency _____, the ferry was late."
        #expect(QuestionFactory.stemShows("the agency", answer: "Marlink", stem: stem))
        #expect(QuestionFactory.stemShows("agency Marlink", answer: "Marlink", stem: stem))
        #expect(!QuestionFactory.stemShows("the ferry operator", answer: "Marlink", stem: stem))
    }

    // MARK: A heading's subtitle

    @Test func aHeadingSubtitleNamesTheTermWhenTheBodyUsesItAsOneUnit() {
        let body = ["Kirchhoff's current law says that the charge flowing into a node equals the charge flowing out.",
                    "Every inflow–outflow balance at a node is one equation."]
        #expect(AcceptedAnswers.headingSubtitle(of: "Kirchhoff's current law", heading: "The Current Law: Inflow and Outflow",
                                                body: body) == "inflow and outflow")
        // Written out in the body counts too.
        let spelled = ["The rule of give and take holds at every node."]
        #expect(AcceptedAnswers.headingSubtitle(of: "junction rule", heading: "Junction Rule: Give and Take", body: spelled)
                == "give and take")
    }

    @Test func aTopicSubtitleIsNoName() {
        // The body writes the subtitle as a topic of the term.
        let body = ["Economists still argue about the causes and effects of inflation."]
        #expect(AcceptedAnswers.headingSubtitle(of: "inflation", heading: "Inflation: Causes and Effects", body: body) == nil)
        // Written out, but not where it names the term: a description.
        let growth = ["This exponential growth continues until the first loss."]
        #expect(AcceptedAnswers.headingSubtitle(of: "fast start", heading: "Fast Start: Exponential Growth", body: growth) == nil)
        // The body never uses the subtitle's words together.
        let apart = ["Rising costs are one cause. The effects fall on savers."]
        #expect(AcceptedAnswers.headingSubtitle(of: "inflation", heading: "Inflation: Causes and Effects", body: apart) == nil)
        // An "-ing" description, an article, a label, or a heading about something else.
        let window = ["Growing the window quickly fills the growing window."]
        #expect(AcceptedAnswers.headingSubtitle(of: "fast start", heading: "Fast Start: Growing the Window", body: window) == nil)
        #expect(AcceptedAnswers.headingSubtitle(of: "osmosis", heading: "Osmosis: An Overview", body: ["An overview of osmosis."]) == nil)
        #expect(AcceptedAnswers.headingSubtitle(of: "osmosis", heading: "Diffusion: Push and Pull", body: ["push-pull"]) == nil)
    }

    // MARK: A definition's genus

    @Test func theGenusOfADefinitionWithTheTermsOtherWordIsAnotherName() {
        let sentences = ["Roads differ a lot.", "A speed limit is a legal maximum speed; drivers above it are fined."]
        #expect(AcceptedAnswers.definitionGenus(of: "speed limit", sentences: sentences) == ["legal maximum speed", "maximum speed"])
        let plural = ["Wage floors are the lowest wages an employer may pay."]
        #expect(AcceptedAnswers.definitionGenus(of: "wage floor", sentences: plural) == ["lowest wages"])
    }

    @Test func aWiderKindIsNoOtherName() {
        // The genus shares the term's own head: a wider kind.
        #expect(AcceptedAnswers.definitionGenus(of: "exothermic reaction",
                                                sentences: ["An exothermic reaction is a chemical reaction that releases heat."]).isEmpty)
        // The genus's head is not in the term.
        #expect(AcceptedAnswers.definitionGenus(of: "static friction",
                                                sentences: ["Static friction is a friction force that holds a resting object."]).isEmpty)
        // One word, a phrase cut by "of", or no definition at all.
        #expect(AcceptedAnswers.definitionGenus(of: "kinetic energy", sentences: ["Kinetic energy is the energy of motion."]).isEmpty)
        #expect(AcceptedAnswers.definitionGenus(of: "tax bracket", sentences: ["A tax bracket is a range of income."]).isEmpty)
        #expect(AcceptedAnswers.definitionGenus(of: "speed limit", sentences: ["The speed limit rose to a maximum speed."]).isEmpty)
    }

    @Test func aGenusTheStemShowsIsNotAccepted() {
        // The definition itself as the stem: the genus would be copied from it.
        #expect(QuestionFactory.stemShows("maximum speed", answer: "speed limit", stem: "A(n) _____ is a legal maximum speed."))
        #expect(!QuestionFactory.stemShows("maximum speed", answer: "speed limit", stem: "Drivers above the _____ are fined."))
    }

    // MARK: A person behind an office

    @Test func theNameAfterAnOfficeIsThePerson() {
        #expect(AcceptedAnswers.nameAfterOffice("Transport Minister Alan Pike") == "Alan Pike")
        #expect(AcceptedAnswers.nameAfterOffice("Chief Inspector Mary Ann Wells") == "Mary Ann Wells")
        #expect(AcceptedAnswers.nameAfterOffice("Health Secretary Dr Ruth Ames") == "Ruth Ames")
        // No office word, or nothing but a surname left.
        #expect(AcceptedAnswers.nameAfterOffice("University College London") == nil)
        #expect(AcceptedAnswers.nameAfterOffice("Transport Minister Pike") == nil)
        #expect(AcceptedAnswers.nameAfterOffice("Royal Navy Command") == nil)
        // A place named after a title.
        #expect(AcceptedAnswers.nameAfterOffice("Prince Albert Road") == nil)
    }

    @Test func theNameBehindAnOfficeIsAcceptedInAGeneratedExam() throws {
        let text = """
        A ferry company has been fined after a crossing in a storm left forty passengers hurt. \
        The fine was set by a panel of three judges sitting in Hull on Monday. \
        Sam Irving, acting on behalf of Transport Minister Alan Pike, ordered a review of every crossing this winter. \
        The company said it would appeal against the fine within a month. \
        Passengers said the crew had done their best in the storm.
        """
        var checked = 0
        for seed in 0..<8 as Range<UInt64> {
            let questions = try ExamGenerator(configuration: Exam.Configuration(questionCount: 5, questionTypes: [.fillInBlank]),
                                              seed: seed).generate(from: text).questions
            for question in questions where question.acceptedAnswers.first == "Transport Minister Alan Pike" {
                checked += 1
                #expect(question.acceptedAnswers.contains("Alan Pike"), "\(question.acceptedAnswers)")
                // The surname alone names him too: no one else in the text is a Pike (issue 8,
                // judge round 19 rejected "Orban" for "Prime Minister Viktor Orban" as a fault).
                #expect(question.acceptedAnswers.contains("Pike"), "\(question.acceptedAnswers)")
                // The office alone names no one.
                #expect(!question.acceptedAnswers.contains("Transport Minister"), "\(question.acceptedAnswers)")
            }
        }
        #expect(checked > 0, "no question on the minister was made")
    }

    // MARK: A long name's lower-case tail

    @Test func theTailTheTextUsesAloneIsAccepted() {
        let sentences = ["The team hoped to set a new land speed record in the desert.",
                         "The land speed record had stood for twelve years.",
                         "Judges confirmed that the car had broken the Desert Land Speed Record."]
        #expect(AcceptedAnswers.lowercaseTail(of: "Desert Land Speed Record", sentences: sentences, fullNames: []) == "land speed record")
    }

    @Test func aTailUsedOnceOrSharedOrOfOneWordIsNotAccepted() {
        let once = ["The car broke the Desert Land Speed Record.", "No land speed record lasts."]
        #expect(AcceptedAnswers.lowercaseTail(of: "Desert Land Speed Record", sentences: once, fullNames: []) == nil)
        // Never after "the": a kind, not this record.
        let generic = ["Any land speed record is hard.", "A land speed record needs a long desert."]
        #expect(AcceptedAnswers.lowercaseTail(of: "Desert Land Speed Record", sentences: generic, fullNames: []) == nil)
        // Another name of the text ends in the same words: the tail would not say which.
        let both = ["The land speed record fell.", "It was the land speed record of the year."]
        #expect(AcceptedAnswers.lowercaseTail(of: "Desert Land Speed Record", sentences: both,
                                              fullNames: ["Desert Land Speed Record", "Salt Flats Land Speed Record"]) == nil)
        // Two words leave a one-word tail.
        let republic = ["The republic fell.", "Nobody saved the republic."]
        #expect(AcceptedAnswers.lowercaseTail(of: "Roman Republic", sentences: republic, fullNames: []) == nil)
    }

    // MARK: A role before a name

    @Test func noPluralPrepositionOrIngWordIsARole() {
        let sentences = ["In the pictures Peter Blake can be seen laughing.",
                         "The film features Ann Lee alongside Blake.",
                         "Many actors, including Blake, came.",
                         "The painter Peter Blake was there."]
        let forms = AcceptedAnswers.roleForms(of: "Blake", fullName: "Peter Blake", sentences: sentences)
        #expect(forms.contains("painter Peter Blake"))
        #expect(!forms.contains { $0.contains("pictures") || $0.contains("alongside") || $0.contains("including") }, "\(forms)")
        #expect(AcceptedAnswers.isRoleNoun("referee") && AcceptedAnswers.isRoleNoun("boss"))
        #expect(!AcceptedAnswers.isRoleNoun("pictures") && !AcceptedAnswers.isRoleNoun("alongside"))
    }

    // MARK: A method's short name

    @Test func aMethodIsAlsoCalledByItsCapitalisedName() {
        #expect(AcceptedAnswers.methodName(of: "Big O notation", people: []) == "Big O")
        #expect(AcceptedAnswers.methodName(of: "Monte Carlo method", people: ["Monte Carlo"]) == "Monte Carlo")
        // One capitalised word is a person or a place; so is a name whose word ends a person's name.
        #expect(AcceptedAnswers.methodName(of: "Bohr model", people: []) == nil)
        #expect(AcceptedAnswers.methodName(of: "Calvin Benson model", people: ["Melvin Calvin"]) == nil)
        #expect(AcceptedAnswers.methodName(of: "Calvin Benson cycle", people: []) == nil)
        #expect(AcceptedAnswers.methodName(of: "Hale Barnes method", people: ["Ada Barnes"]) == nil)
        #expect(AcceptedAnswers.methodName(of: "Big O", people: []) == nil)
    }

    // MARK: Grading a courtesy title

    @Test func aCourtesyTitleBeforeTheNameIsTheSamePerson() {
        let question = Question(id: "q", kind: .fillInBlank, prompt: "p", acceptedAnswers: ["Hartley"], sourceSentence: "s", points: 1)
        func grade(_ text: String) -> Bool { Grader.isCorrect(question, QuestionResponse(text: text)) }
        #expect(grade("Mr Hartley") && grade("mrs. hartley") && grade("Dr Hartley") && grade("Hartley"))
        #expect(!grade("Lady Hartley") && !grade("Mr Hanson") && !grade("Mr"))
    }
}
