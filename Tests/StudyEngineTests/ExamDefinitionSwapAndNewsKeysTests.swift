import Testing
import StudyModel
@testable import StudyEngine

/// False definitions of the same kind only, news fill-ins without ambiguous name keys, and
/// news options of the key's kind (issue 8: judge rounds 13 and 14, F, K and D).
@Suite struct ExamDefinitionSwapAndNewsKeysTests {
    static let waterNotes = """
    # The Water Cycle

    ## Basics

    - The **water cycle** is the movement of water between the oceans, the air and the land.
    - A **water reservoir** is a place where water is stored, such as a lake or an aquifer.
    - **Evaporation** is the process by which liquid water turns into vapour.
    - **Condensation** is the process by which vapour turns back into liquid droplets.
    - An **aquifer** is a layer of rock that holds groundwater.
    - Rivers carry about 40,000 cubic kilometres of water to the sea each year.
    """

    @Test("a defined term's genus and article come from its own definition")
    func genusOfDefinition() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.waterNotes))
        #expect(DefinitionGenus.of("water cycle", in: material) == DefinitionGenus(article: "the", head: "movement"))
        #expect(DefinitionGenus.of("Evaporation", in: material)?.head == "process")
        #expect(!DefinitionGenus.fits(swap: "water cycle", category: "place", original: "water reservoir", material: material))
        #expect(DefinitionGenus.fits(swap: "Condensation", category: "process", original: "Evaporation", material: material))
        let stem = "A(n) _____ is a place where water is stored."
        #expect(DefinitionGenus.settleOpening(stem, swap: "water cycle", blank: "_____", material: material)
                == "The water cycle is a place where water is stored.")
    }

    static let bondNotes = """
    # Bonds

    ## Covalent bonding

    - A **covalent bond** is a shared pair of electrons between two atoms, usually two non-metals.
    - An **ionic bond** is an electrostatic attraction between oppositely charged ions.
    - Covalent substances form two kinds of structure:
      - **simple molecular** (e.g. H₂O, CO₂): low melting points, weak forces between molecules
      - **giant covalent** (e.g. diamond, SiO₂): very high melting points
    - A **dative bond** is a shared pair of electrons that both come from the same atom.
    """

    @Test("a term the text defines as 'X is a …' swaps only with terms defined so too, never with a bare list label")
    func definedTermsSwapOnlyWithDefinedTerms() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.bondNotes))
        #expect(!DefinitionGenus.fits(swap: "simple molecular", category: "pair", original: "covalent bond", material: material))
        #expect(!DefinitionGenus.fits(swap: "giant covalent", category: "pair", original: "covalent bond", material: material))
        #expect(DefinitionGenus.fits(swap: "dative bond", category: "pair", original: "covalent bond", material: material))
        for seed in 1...8 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: Self.bondNotes)
            for question in exam.questions {
                #expect(!question.prompt.contains("simple molecular is") && !question.prompt.contains("giant covalent is"),
                        "seed \(seed): \(question.prompt)")
            }
        }
    }

    @Test("a false definition swaps in only a term the text defines as the same kind of thing")
    func falseDefinitionsKeepTheGenus() throws {
        for seed in 1...8 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: Self.waterNotes)
            for question in exam.questions where question.correctOptions == [1] {
                // "a place", "a layer of rock": only a reservoir or an aquifer is one.
                #expect(!question.prompt.contains("cycle is a place"), "seed \(seed): \(question.prompt)")
                #expect(!question.prompt.lowercased().contains("condensation is a layer"), "seed \(seed): \(question.prompt)")
                #expect(!question.prompt.contains("reservoir is a layer"), "seed \(seed): \(question.prompt)")
                #expect(!question.prompt.contains("A water cycle") && !question.prompt.contains("A condensation"),
                        "seed \(seed): \(question.prompt)")
                // "such as a lake or an evaporation": an example slot keeps its kind too.
                #expect(!question.prompt.contains(" an evaporation") && !question.prompt.contains(" a condensation"),
                        "seed \(seed): \(question.prompt)")
            }
        }
    }

    static let prisonStory = """
    Inspectors found 40 mobile phones hidden on the roof of Fenwick Prison in Leeds, a report said on Monday.
    The prison, run by the private firm Castor, holds 900 inmates and has struggled with drugs for years.
    Castor insists that Fenwick runs a strict search operation and that the drones are being stopped.
    Governor Ann Price said staff had found 12 packages of cannabis in a single week in March.
    Ms Price told reporters that drones were now the main way drugs reached the wings.
    Fenwick opened in 1995 and was the first private prison in the north to be run by Castor.
    Union leader Mark Dale said the staff at Fenwick were working 14-hour shifts.
    Speaking for the firm, Tom Hale argued that the roof was searched every day.
    Mr Hale told the hearing that Castor had hired 30 more officers this year.
    """

    @Test("a news fill-in never blanks a place or body (any noun phrase of the story fits); people the text marks stay")
    func newsFillInKeys() throws {
        var people = 0
        for seed in 1...4 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 7, questionTypes: [.fillInBlank, .multipleChoice]),
                                         seed: UInt64(seed)).generate(from: Self.prisonStory)
            for question in exam.questions where question.kind == .fillInBlank {
                for place in ["Leeds", "Fenwick", "Fenwick Prison", "Castor"] {
                    #expect(!question.acceptedAnswers.contains(place), "seed \(seed): \(question.prompt)")
                }
                if question.acceptedAnswers.contains("Mark Dale") || question.acceptedAnswers.contains("Ann Price") { people += 1 }
            }
        }
        #expect(people > 0)
        // "Mr Hale told …" marks the full name "Tom Hale" as a person's.
        let story = ExamMaterial(document: try StudyDocument(text: Self.prisonStory))
        #expect(story.evidence.personNames.contains("Tom Hale"))
        #expect(!story.evidence.personNames.contains("Fenwick Prison"))
    }

    @Test("notes are no news story; a role noun before the blank names the kind of its key")
    func notesKeepPlaceFillIns() throws {
        let notes = """
        # Treaties

        - The Treaty of Versailles was signed in Paris in 1919 after the First World War.
        - The Treaty of Utrecht was signed in Utrecht in 1713 and ended a war over Spain.
        - The Treaty of Vienna was signed in Vienna in 1815 after the wars with France.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(!QuestionFactory.looksLikeNewsStory(material))
        let story = ExamMaterial(document: try StudyDocument(text: Self.prisonStory))
        #expect(QuestionFactory.looksLikeNewsStory(story))
        // A role noun before the blank says which kind of name fills it; "that _____" does not.
        #expect(QuestionFactory.rolesBlank("According to the state news agency _____, six attempts were made."))
        #expect(!QuestionFactory.rolesBlank("Castor insists that _____ runs a strict search operation."))
        #expect(!QuestionFactory.rolesBlank("Inspectors found phones on the roof of the prison in _____, a report said."))
    }

    static let matchReport = """
    Harbour City beat Kingsford Rovers 2-1 on Saturday to go top of the table, manager Dan Moore said.
    Striker Leo Grant scored twice for Harbour City before half-time in front of 12,000 fans.
    Kingsford goalkeeper Sam Webb saved a penalty from midfielder Joe Carr in the 80th minute.
    The Premier Division side Kingsford Rovers had won their previous five games before the defeat.
    Captain Tom Blake said the Premier Division title was now within reach.
    Also chasing the title are Westfield Athletic, Eastbrook United and Northgate Albion, with six games left.
    Defender Paul Reed said the team had worked hard all week on set pieces.
    Moore said Sam Webb had been the best player on the pitch for the visitors.
    Leo Grant has now scored 18 goals this season, the most in the Premier Division.
    """

    @Test("a player's options are people and a club's options are clubs, by the text's own marks")
    func newsOptionsOfTheKeysKind() throws {
        let players: Set<String> = ["Leo Grant", "Sam Webb", "Joe Carr", "Paul Reed", "Dan Moore", "Tom Blake"]
        let clubs: Set<String> = ["Harbour City", "Kingsford Rovers", "Westfield Athletic", "Eastbrook United", "Northgate Albion"]
        var checked = 0
        for seed in 1...4 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 7, questionTypes: [.multipleChoice]),
                                         seed: UInt64(seed)).generate(from: Self.matchReport)
            for question in exam.questions where question.kind == .multipleChoice {
                // Two options that share a name ("Ms Price", "Ann Price") may be one person.
                let surnames = question.options.compactMap { $0.split(separator: " ").last }
                #expect(Set(surnames).count == surnames.count, "seed \(seed): \(question.options)")
                guard let key = question.correctOptions.first.map({ question.options[$0] }) else { continue }
                let group = players.contains(key) ? players : clubs.contains(key) ? clubs : nil
                guard let group else { continue }
                checked += 1
                for option in question.options {
                    #expect(group.contains(option), "seed \(seed): \(option) offered for \(key) in \(question.prompt)")
                }
            }
        }
        #expect(checked > 0)
    }
}

/// A body whose name ends in a place the story uses alone ("Forest Agency Wales" beside "in
/// Wales") is no person: no person's key, no surname forms ("Wales") as accepted answers.
@Suite struct PlaceEndedBodyTests {
    static let story = """
    Farmers in Wales planted 90 hectares of new woodland last year, a report said on Tuesday.
    Half of the forest is managed by Forest Agency Wales with the other half owned by private firms.
    Timber is worth more than 450 million pounds a year to the economy across Wales, the report said.
    Industry leader Martin Hale said 20,000 hectares a year were needed to meet the targets.
    Mr Hale said the planting rules were too slow and told ministers to act quickly.
    Ministers said they were encouraging landowners to plant 5,000 hectares of trees by 2030.
    Conservation groups said commercial conifer forests were bad for wildlife in Wales.
    """

    @Test("a name ending in a word the story uses alone as a place is no person")
    func placeEndedBodyIsNoPerson() throws {
        for seed in 1...6 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6), seed: UInt64(seed))
                .generate(from: Self.story)
            for question in exam.questions {
                // Neither the body nor the place is a news fill-in ("across _____" names no kind),
                // and "Wales" never stands for the body or the body for "Wales".
                #expect(!(question.kind == .fillInBlank && question.acceptedAnswers.contains { $0.hasSuffix("Wales") }),
                        "seed \(seed): \(question.prompt) \(question.acceptedAnswers)")
                #expect(question.answerKind != "person" || !question.options.contains("Forest Agency Wales"),
                        "seed \(seed): \(question.prompt)")
            }
            #expect(AcceptedAnswers.longerCapitalisedName(of: "Wales", sentences: Self.story.split(separator: "\n").map(String.init)) == nil)
        }
        let material = ExamMaterial(document: try StudyDocument(text: Self.story))
        let spans = material.candidates.flatMap(\.spans).filter { $0.text == "Forest Agency Wales" }
        #expect(!spans.isEmpty)
        #expect(spans.allSatisfy { !$0.isPerson })
    }
}
