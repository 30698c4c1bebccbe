import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// News exams, round sixteen of judging (issue 8), on short texts written for the test in
/// the style of a news story: options of a name keep to the kind the text marks, a word's
/// opposite is not swapped where the word states an aim, a "He" run is not credited to a
/// group, a speaker is no key beside any verb that attributes a quote, a possessive is no
/// role noun for a fill-in, a body before "said" is no person, and a surname with an inner
/// capital or a name with initials in front is accepted alone.
@Suite struct ExamNewsJudgeSixteenTests {
    func questions(_ text: String, count: Int = 8, types: [Question.Kind] = [.multipleChoice, .fillInBlank, .trueFalse],
                   seed: UInt64 = 0) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: types), seed: seed)
            .generate(from: text).questions
    }

    static let story = """
    Border guards stopped two men carrying packs of stolen watches near the Maple Creek crossing on Tuesday, officials said.
    Early on Wednesday morning, Nathan Brandt, a Canadian citizen, was arrested by the Lakeview police.
    The officers took the other man, identified as Carl Weber, into custody immediately.
    Mr Brandt and Mr Weber were driving a rented van from Winnipeg to Denver when they were stopped.
    Investigators later arrested a local woman, Ann Kessler, who they say planned to pick the two men up at the border.
    Ms Kessler told agents they had been listening to police radio on a mobile phone, according to the complaint.
    Mr Brandt said he had been paid 500 dollars for the trip.
    A spokesman for the guards said the watches had been stolen from a shop in Winnipeg.
    The van was later found in Denver by local police.
    """

    // MARK: D — a person's options are people the text marks as people

    @Test func aMarkedPersonGetsNoPlaceAsAnOptionInAStory() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.story))
        var factory = QuestionFactory(material: material, difficulty: .medium)
        factory.isNewsStory = QuestionFactory.looksLikeNewsStory(material)
        #expect(factory.isNewsStory)
        let candidate = try #require(material.candidates.first { $0.text.contains("Nathan Brandt, a Canadian citizen") })
        let span = try #require(candidate.spans.first { $0.text == "Nathan Brandt" })
        let stem = try #require(factory.stem(candidate, blanking: [span]))
        var rng = SeededRandom(text: "test", salt: 0)
        let options = factory.picker.pick(for: span, in: candidate, stem: stem, blank: QuestionFactory.blank, count: 3, rng: &rng)
        // Only two other people are marked (Carl Weber, Ann Kessler): no third option, and never a place.
        #expect(!options.contains("Winnipeg"))
        #expect(!options.contains("Denver"))
        #expect(!options.contains("Maple Creek"))
        #expect(options.count < 3)
    }

    @Test func noMultipleChoiceOnAPersonOffersAPlace() throws {
        for seed in UInt64(0)..<4 {
            for question in try questions(Self.story, seed: seed) where question.kind == .multipleChoice {
                let options = question.options
                if options.contains(where: { ["Nathan Brandt", "Carl Weber", "Ann Kessler", "Ms Kessler"].contains($0) }) {
                    #expect(!options.contains(where: { ["Winnipeg", "Denver", "Maple Creek", "Lakeview"].contains($0) }))
                }
            }
        }
    }

    // MARK: F — an aim's opposite is absurd, not false

    @Test func aWordStatingAnAimIsNotSwapped() {
        #expect(Antonyms.swapOne(in: "Extra salt was added to increase the flavour of the stew.") == nil)
        #expect(Antonyms.swapOne(in: "The club itself is trying to be as positive as possible.") == nil)
        // A trend or a forecast keeps its swap: its opposite is a plain falsehood.
        #expect(Antonyms.swapOne(in: "Ferry fares are expected to rise again next spring.")?.replacement == "fall")
        #expect(Antonyms.swapOne(in: "The harbour fees increased sharply last year.")?.replacement == "decreased")
    }

    // MARK: K — a "He" run after a group is no person's run

    @Test func aGroupOpeningTheSentenceStartsNoHeRun() throws {
        let words = "Officials said the pilot met the mayor in October.".split(separator: " ")
        #expect(PronounRun.personSubject(words, placeWords: [], lowercaseWords: ["officials", "said"]) == nil)
        #expect(PronounRun.personSubject("Hogwood studied keyboard at Cambridge.".split(separator: " "),
                                         placeWords: [], lowercaseWords: ["studied"]) == "Hogwood")
        let text = "The pilot was charged on Monday, the officials said. Officials said the pilot met the mayor in October. " +
            "He joined the navy in February of 2012. The mayor said the case would be heard in May."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        #expect(!material.sentences.contains { $0.text.hasPrefix("Officials joined") })
    }

    // MARK: C — who said a quote is no key, whatever verb attributes it

    @Test func aSpeakerBesideAnyVerbOfSpeechIsNoKey() {
        #expect(QuestionFactory.isQuoteAttribution("\"The ice is thinning faster in the south,\" _____ emphasised."))
        #expect(QuestionFactory.isQuoteAttribution("\"We will not close the port,\" _____ stressed on Monday."))
        #expect(!QuestionFactory.isQuoteAttribution("The ice report was written by _____ and two colleagues."))
    }

    // MARK: K — a possessive names no kind for a news fill-in

    @Test func aPossessiveBeforeTheBlankIsNoRoleNoun() {
        #expect(!QuestionFactory.rolesBlank("The government's _____, which is handling the sale, wants a buyer."))
        #expect(QuestionFactory.rolesBlank("The state news agency _____ reported the sale on Monday."))
    }

    @Test func aBodyBeforeSaidIsNoPerson() throws {
        let text = "Prof Ann Bell from the University of Leeds said the test still had to be checked. " +
            "Ann Bell said the test could be used in clinics within a decade. The University of Leeds is building a new lab."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        #expect(!material.evidence.personNames.contains("University of Leeds"))
    }

    // MARK: A — a surname the text writes alone is accepted

    @Test func aSurnameWithAnInnerCapitalIsAccepted() {
        #expect(AcceptedAnswers.onlyPersonWithSurname("Rory McKay", among: ["Rory McKay"]) == "McKay")
        #expect(PersonNameShape.fitsWithInitials("AP McKay"))
        #expect(PersonNameShape.fitsWithInitials("J.K. Rowling"))
        #expect(!PersonNameShape.fitsWithInitials("BBC News"))
        let forms = AcceptedAnswers.personForms(of: "AP McKay", forms: ["AP McKay"], fullNames: ["AP McKay"], loneNames: ["McKay"],
                                                sentences: ["The trophy will go to AP McKay on Saturday.", "McKay rode his last race."])
        #expect(forms.contains("McKay"))
        // A surname only ever written after a title ("Ms Kessler told agents") is accepted alone too.
        let titled = AcceptedAnswers.personForms(of: "Ann Kessler", forms: ["Ann Kessler"], fullNames: ["Ann Kessler"], loneNames: [],
                                                 sentences: ["Police arrested a local woman, Ann Kessler, on Friday.",
                                                             "Ms Kessler told agents she had been listening to the radio."])
        #expect(titled.contains("Kessler"))
        #expect(AcceptedAnswers.surnameStandsAlone("McKay", in: "Wright will hand over McKay’s trophy."))
        #expect(!AcceptedAnswers.surnameStandsAlone("McKay", in: "The trophy goes to Rory McKay on Saturday."))
    }
}
