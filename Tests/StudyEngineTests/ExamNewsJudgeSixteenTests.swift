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
    Officials say the guards stopped an attempt to move the watches from Canada to Spokane.
    According to the guards, the packs Mr Brandt and Mr Weber were carrying held a total of 58 watches.
    Mr Brandt said he had been paid 500 dollars for the trip.
    A spokesman for the guards said the watches had been stolen last month.
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
        // Only one other person is marked (Carl Weber): too few options, and never a place.
        #expect(!options.contains("Spokane"))
        #expect(!options.contains("Maple Creek"))
        #expect(!options.contains("Canada"))
        #expect(options.count < 3)
    }

    @Test func aNewsNameOptionKeepsToTheMarkedKind() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.story))
        let picker = DistractorPicker(material: material, difficulty: .medium, isNewsStory: true)
        let person = AnswerSpan(text: "Nathan Brandt", kind: .name, weight: 4)
        #expect(material.evidence.personNames.contains("Carl Weber"))
        #expect(picker.newsNameKindMatches("Carl Weber", answer: person, answerIsMarkedPerson: true))
        #expect(!picker.newsNameKindMatches("Spokane", answer: person, answerIsMarkedPerson: true))
        // A name the text does not mark takes no marked person as an option.
        let place = AnswerSpan(text: "Spokane", kind: .name, weight: 4)
        #expect(!picker.newsNameKindMatches("Carl Weber", answer: place, answerIsMarkedPerson: false))
        // Outside a story the picker's other checks decide.
        let notes = DistractorPicker(material: material, difficulty: .medium)
        #expect(notes.newsNameKindMatches("Spokane", answer: person, answerIsMarkedPerson: true))
    }

    @Test func noMultipleChoiceOnAPersonOffersAPlace() throws {
        for seed in UInt64(0)..<4 {
            for question in try questions(Self.story, seed: seed) where question.kind == .multipleChoice {
                let options = question.options
                if options.contains(where: { ["Nathan Brandt", "Carl Weber", "Mr Brandt", "Mr Weber"].contains($0) }) {
                    #expect(!options.contains(where: { ["Spokane", "Canada", "Maple Creek", "Lakeview"].contains($0) }))
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

    // MARK: C — sentences a page glued together are no stems

    @Test func gluedSentencesAreNoStems() {
        #expect(FusedSeams.problem("The club faced debts of about £90,000.They still owe over £30,000 to the tax office.") != nil)
        #expect(FusedSeams.problem("She taught at the Leeds college for years.\"Anna was a generous teacher,\" her head said.") != nil)
        #expect(FusedSeams.problem("Posted 12 May Last updated at 10:15 BSTPeter Hale and his wife won the race in Sonkajarvi.") != nil)
        #expect(FusedSeams.problem("But a shop nearby means your flat could sell for less In a study published today, a bank compared prices.") != nil)
        #expect(FusedSeams.problem("Visit site Like the rest of her family, the duchess is counting the days to the wedding.") != nil)
        #expect(FusedSeams.problem("She wore a striped linen skirt Earn your style stripes with the new range.") != nil)
        // Abbreviations, titles of works, numbers and names stay clean prose.
        #expect(FusedSeams.problem("The U.S. team won in Ph.D. style at the 2014 games in Oslo.") == nil)
        #expect(FusedSeams.problem("Truman Capote wrote In Cold Blood after a long stay in Kansas.") == nil)
        #expect(FusedSeams.problem("The firm sold 4.5 million PDFs and 12 CDs to schools in the UK.") == nil)
        #expect(FusedSeams.problem("Mr Hale said the race in Sonkajarvi was the hardest he had run.") == nil)
        let text = "The club faced debts of about £90,000.They still owe over £30,000 to the tax office, the chairman said."
        #expect(ExamSentence.referenceProblem(text) != nil)
    }

    // MARK: F — a word of a title keeps its opposite out

    @Test func aWordOfATitleIsNotSwapped() {
        #expect(Antonyms.swapOne(in: "Fall of the Empire: The Story of a City is available on DVD from today.") == nil)
        #expect(Antonyms.swapOne(in: "The Higher Wages Act was passed in 1998.") == nil)
        // Outside a title the word is swapped (a comparative after a linking verb; see AntonymContext).
        #expect(Antonyms.swapOne(in: "Fares were higher than in 2010, the report said.")?.replacement == "lower")
    }

    // MARK: D — a name that describes the noun after it is no person

    @Test func aNameBeforeANounIsNoPerson() throws {
        let text = "Mr Hale was accused of misleading voters in his former North Leeds constituency, the report said. " +
            "Mr Hale said he had done nothing wrong. His lawyer Sam Ortiz said the claims were false."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        #expect(!material.evidence.personNames.contains("North Leeds"))
        #expect(material.evidence.personNames.contains("Sam Ortiz"))
    }

    // MARK: T — half of a name joined by an ampersand is no blank

    @Test func halfOfAnAmpersandNameIsNoBlank() throws {
        let text = "Dover have been promoted and Hayes & Yeading will stay in the South League, the league said. " +
            "The league said Dover would play at home on Saturday. Its chairman said the decision was fair."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let factory = QuestionFactory(material: material, difficulty: .medium)
        #expect(factory.isPartOfLongerName("Yeading", in: "Dover have been promoted and Hayes & _____ will stay in the South League."))
    }

    // MARK: A — a titled surname the text gives to a family takes no relative's full name

    @Test func aTitledSurnameTakesNoRelativesFullName() throws {
        let text = "Lord Brannock signed a letter saying he wanted to remain a peer, officials said. " +
            "His son, Daniel Brannock, said the family would not comment. Mr Brannock said his father was unwell. " +
            "Lord Brannock was ruled unfit to face the charges in 2015, the court said."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let factory = QuestionFactory(material: material, difficulty: .medium)
        let candidate = try #require(material.candidates.first { $0.text.hasPrefix("Lord Brannock signed") })
        let span = try #require(candidate.spans.first { $0.text == "Lord Brannock" })
        #expect(!factory.accepted(span, in: candidate).contains("Daniel Brannock"))
    }

    @Test func aSurnameWithACurlyApostropheIsAPersonsName() {
        #expect(PersonNameShape.fits("Peter O’Neill"))
        #expect(AcceptedAnswers.onlyPersonWithSurname("Peter O’Neill", among: ["Peter O’Neill"]) == "O’Neill")
    }

    // MARK: D — a number's unit is no name or adjective

    @Test func aShortNameOrAdjectiveAfterANumberIsNoUnit() throws {
        #expect(SpanExtractor.isShortNonUnit("Rio"))
        #expect(SpanExtractor.isShortNonUnit("due"))
        #expect(!SpanExtractor.isShortNonUnit("mph"))
        #expect(!SpanExtractor.isShortNonUnit("kg"))
        let text = "The sprinter could still run at the 2016 Rio Games after her ban ends, her coach said. " +
            "She is one of the 99 due to race in the final on Sunday."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let spans = material.candidates.flatMap(\.spans).map(\.text)
        #expect(!spans.contains("2016 Rio"))
        #expect(!spans.contains("99 due"))
    }

    // MARK: D — a name that describes a noun is no key in a story

    @Test func aNameBeforeTheNounItDescribesIsNoNewsKey() {
        #expect(NewsNameModifier.blankModifiesNoun("Officers were attacked in a _____ parking lot on Monday.", blank: QuestionFactory.blank))
        #expect(NewsNameModifier.blankModifiesNoun("Delegates met at the _____ conference centre.", blank: QuestionFactory.blank))
        #expect(!NewsNameModifier.blankModifiesNoun("The _____ reported the sale on Monday.", blank: QuestionFactory.blank))
        #expect(!NewsNameModifier.blankModifiesNoun("The _____ said the sale was final.", blank: QuestionFactory.blank))
        #expect(!NewsNameModifier.blankModifiesNoun("He met _____ in the car park.", blank: QuestionFactory.blank))
    }

    // MARK: D — a name joined by "and" to a marked person is a person's

    @Test func aNameJoinedToAMarkedPersonIsAPersons() throws {
        let text = "The boy met former stars Neil Addison and Pablo Nero at the ground, his father said. " +
            "He also met the Royal Infirmary nurses who cared for him."
        let material = ExamMaterial(document: try StudyDocument(text: text))
        #expect(material.evidence.personNames.contains("Neil Addison"))
        #expect(material.evidence.personNames.contains("Pablo Nero"))
        #expect(!material.evidence.personNames.contains("Royal Infirmary"))
    }

    // MARK: C — more glued seams

    @Test func aLetterOrAQuoteGluedToTheNextSentenceIsASeam() {
        #expect(FusedSeams.problem("Ghana will face Togo in Group F.Should the Ghanaians win, they will reach the finals in Gabon.") != nil)
        #expect(FusedSeams.problem("We will build a future for the region and its clubs\"We are ready,\" said the chief.") != nil)
        #expect(FusedSeams.problem("Ms O'Neill was fined £3,000 at the court in Dungiven on Monday.") == nil)
    }

    // MARK: F — a ranked superlative keeps its opposite out

    @Test func aRankedSuperlativeIsNotSwapped() {
        #expect(Antonyms.swapOne(in: "Norway is the third smallest importer of the grain in Europe.") == nil)
        #expect(Antonyms.swapOne(in: "Bergen is one of the largest ports on the west coast.") == nil)
        #expect(Antonyms.swapOne(in: "Bergen has the largest fish market on the west coast.")?.replacement == "smallest")
    }

    @Test func aListThatLostItsLineBreaksIsNoStem() {
        #expect(FusedSeams.problem("Three players will take part: Ann Lee will play for Harbour RoversTom Hale is with Lake RangersSam Ode plays for Oslo.") != nil)
        #expect(FusedSeams.problem("The slides were made in PowerPoint and shared with the whole class on Monday.") == nil)
    }

    // MARK: C — a rank's abbreviation does not end the sentence

    @Test func aRankBeforeANameEndsNoSentence() throws {
        let text = "The woman was hurt hours after driving her son and his friend, Army Spc. Leo Vance, to a match, " +
            "according to court papers. Det. Insp. Ann Reid said the case was closed."
        let document = try StudyDocument(text: text)
        #expect(document.sentences.count == 2)
        #expect(document.sentences.first?.text.contains("Army Spc. Leo Vance, to a match") == true)
    }

    @Test func aFourWordLabelBeforeAColonIsACaption() {
        #expect(CaptionMarks.looksLikeCaption("Lost at sea tonight: Ann Reid, 54, was rescued off the coast on Friday."))
        #expect(!CaptionMarks.looksLikeCaption("The coach said: Ann Reid, 54, was rescued off the coast on Friday."))
    }

    // MARK: A — a caption's party run into a name is no full name

    @Test func aNameRunIntoAPartyIsNotTheFullName() {
        let names: Set<String> = ["Gordon Brown", "Labour Brown"]
        #expect(AcceptedAnswers.fullName(of: "Brown", among: names) == nil)
        #expect(AcceptedAnswers.fullName(of: "Brown", among: names, loneNames: ["Labour", "Brown"]) == "Gordon Brown")
    }

    // MARK: T — a verb phrase is no term

    @Test func aVerbPhraseIsNoTerm() {
        let arrived = AnswerSpan(text: "police arrived", kind: .term, weight: 4)
        #expect(SpanFilters.problem(arrived, in: "When the police arrived, the family started shouting.") == "verb in the term")
        let faced = AnswerSpan(text: "faced widespread criticism", kind: .term, weight: 4)
        #expect(SpanFilters.problem(faced, in: "The council has faced widespread criticism since the vote.") == "verb in the term")
        let modified = AnswerSpan(text: "genetically modified", kind: .term, weight: 4)
        #expect(SpanFilters.problem(modified, in: "Some crops are sold as genetically modified in the shops.") != "verb in the term")
        let hairdresser = AnswerSpan(text: "retired hairdresser", kind: .term, weight: 4)
        #expect(SpanFilters.problem(hairdresser, in: "The retired hairdresser prefers to go out dancing.") == nil)
    }
}

