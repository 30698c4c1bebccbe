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
        #expect(!DefinitionGenus.fits(swap: "water cycle", category: "place", material: material))
        #expect(DefinitionGenus.fits(swap: "Condensation", category: "process", material: material))
        let stem = "A(n) _____ is a place where water is stored."
        #expect(DefinitionGenus.settleOpening(stem, swap: "water cycle", blank: "_____", material: material)
                == "The water cycle is a place where water is stored.")
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
