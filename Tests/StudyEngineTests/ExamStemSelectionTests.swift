import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Third round of judged patterns, each on a text written for the test: which sentences
/// become stems (captions run into sentences, stems that point outside themselves, quotes
/// with no speaker) and where the blank falls (half of a pair, a compound's head, a gloss,
/// the outlet credited, a term ending in its verb, an illustrative or worked-example number).
@Suite struct ExamStemSelectionTests {
    func sentence(_ text: String) -> ExamSentence {
        ExamSentence(unit: TextUnit(index: 0, text: text, kind: .sentence, block: 0), index: 0, group: 0)
    }

    func stemProblem(_ text: String) -> String? {
        let read = sentence(text)
        return read.stemProblem ?? ExamSentence.referenceProblem(read.text)
    }

    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    /// Every answer the material would ask in the sentence holding `marker`.
    func askable(_ material: ExamMaterial, in marker: String) -> [String] {
        material.candidates.filter { $0.text.contains(marker) }
            .flatMap { $0.spans.filter { $0.weight >= QuestionFactory.minimumAnswerWeight && !$0.isModifier }.map(\.text) }
    }

    @Test func captionsRunIntoSentencesAreCutOff() {
        let fused = sentence("Two paintings by Claude Monet on show at the city museum in Leeds, England: Blue and green are the commonest colours in his work from 1890, it has been found.")
        #expect(fused.text == "Blue and green are the commonest colours in his work from 1890, it has been found.")
        #expect(fused.stemProblem == nil)
        let label = sentence("Garden Gold Compost £4.50 for 40 litres, from Homebase CLAIMS: Peat-free compost made from green waste collected by councils.")
        #expect(label.text == "Peat-free compost made from green waste collected by councils.")
        // A definition head before its colon stays: it is the term.
        let definition = sentence("Newton's first law: An object keeps its velocity unless a force acts on it.")
        #expect(definition.text.hasPrefix("Newton's first law:"))
        // A caption note between commas marks a caption.
        #expect(stemProblem("Tom Riley, centre, was last seen on Friday at his sister's flat in Hull.") == "caption")
    }

    @Test func captionNamesAreNoDistractors() throws {
        let text = """
        Anna Berg and her husband Carl Berg reported their son Ivo Berg missing on Monday. Ivo Berg was last seen at the harbour in Bergen on Friday evening. Police in Oslo said Ivo Berg had spoken to Lena Holm. Olaf Dahl, left, said in March that Lena had met Carl and his brother Ivo Berg then says he never went home. The harbour master Per Lund told reporters the boat was gone.
        """
        let names = (try material(text).pools[.name] ?? []).map(\.span.text)
        #expect(!names.contains("Ivo Berg then"))
        #expect(!names.contains { $0.hasSuffix(" then") })
        #expect(names.contains("Per Lund"))
    }

    @Test func stemsThatPointOutsideThemselvesAreNotUsed() {
        for text in [
            "The chart above is based on 12,400 records for the years 1900-2000.",
            "The graph shows a clear rise in sales of blue paint after 1990.",
            "Since then Maria hasn't been seen at the office or at her flat in Leeds.",
            "Then, the program sorts the records by date and prints them in a table.",
            "Meanwhile other shops say their prices are lower than anyone else's.",
            "For example the sharp rise of sales at the time of the Great Exhibition, might reflect a trend.",
            "The council did not respond to the claims, and the mayor refused to resign.",
            "You can get the same vitamin D and calcium from cheaper tablets in any shop.",
            "Athenians even counted their years by naming the archon in office.",
            "'I'd say there are cheaper tablets that would work just as well.'",
        ] {
            #expect(stemProblem(text) != nil, "used as a stem: \(text)")
        }
        for text in [
            "Children are more likely to burn as their skin is still developing.",
            "'Vitamin D is made in the skin when it is exposed to sunlight.",
            "'I made a map of the old rail lines of Wales,' said Dylan Evans, a student at Bangor University.",
            "The two shops charge the same price as the market does on Saturdays.",
            "Dylan Evans, a student at Bangor University who drew the map, said the lines closed in 1963.",
        ] {
            #expect(stemProblem(text) == nil, "refused: \(text)")
        }
        // A quote piece loses its quotation marks.
        #expect(sentence("'Vitamin D is made in the skin when it is exposed to sunlight.").text == "Vitamin D is made in the skin when it is exposed to sunlight.")
    }

    @Test func blanksDoNotFallOnHalfOfAPairOrAGloss() throws {
        let text = """
        # Markets

        A **market** is a place where buyers and sellers meet. **Supply** is the amount sellers offer at each price. **Demand** is the amount buyers want at each price. The supply and demand model explains how a market price forms. A **surplus** is an excess of supply over demand; a **shortage** is an excess of demand over supply.

        - At P = $8, Qd = 30 and Qs = 45. There is a surplus (excess supply) of 15 units, so sellers cut prices.

        Sunscreens block UVA and UVB rays. Most creams give the same UVA and UVB protection as dearer ones.
        """
        let m = try material(text)
        #expect(!askable(m, in: "model explains").contains("supply"))
        #expect(!askable(m, in: "model explains").contains("demand"))
        #expect(!askable(m, in: "Sunscreens block").contains("UVA"))
        #expect(!askable(m, in: "Sunscreens block").contains("UVB"))
        // The worked number is asked with its givens, and never the word in the gloss.
        let surplus = m.candidates.first { $0.text.contains("There is a surplus") }
        #expect(surplus?.text.hasPrefix("At P = $8") == true)
        #expect(askable(m, in: "There is a surplus").contains("15 units"))
        #expect(!askable(m, in: "There is a surplus").contains("supply"))
    }

    @Test func blanksDoNotFallOnTheOutletTheVerbOrAnIllustration() {
        func problem(_ text: String, _ answer: String, _ kind: AnswerSpan.Kind) -> String? {
            SpanFilters.problem(AnswerSpan(text: answer, kind: kind), in: text)
        }
        #expect(problem("The family are worried because Tom has lost his job, reports BBC News.", "BBC News", .name) != nil)
        #expect(problem("According to Reuters the talks ended on Monday without a deal.", "Reuters", .name) != nil)
        #expect(problem("Then the program read the colour values from each file.", "program read", .term) != nil)
        #expect(problem("A good with YED above 1, such as cruises with a YED of 2.1, is a luxury.", "2.1", .number) != nil)
        #expect(problem("Annual office: magistrates held power for one year only.", "Annual office", .term) != nil)
        let pairs = SpanFilters.repeatedPairs(["The contact force acts along the surface.", "Friction is a contact force."])
        #expect(SpanFilters.problem(AnswerSpan(text: "force", kind: .term), in: "Friction is the contact force that opposes sliding.",
                                    repeatedPairs: pairs) != nil)
        // An apposition written once is no compound: "the green pigment chlorophyll".
        #expect(SpanFilters.problem(AnswerSpan(text: "chlorophyll", kind: .term), in: "The green pigment chlorophyll absorbs red light.",
                                    repeatedPairs: pairs) == nil)
        #expect(problem("Her daughter, Anna 'Chickadee' Cardwell, lives in Atlanta.", "Cardwell", .name) != nil)
        // Fair blanks stay.
        #expect(problem("The Treaty of Versailles was signed in 1919 by Germany and the Allies.", "1919", .year) == nil)
        #expect(problem("Friction is a force that opposes sliding between two surfaces.", "Friction", .term) == nil)
        #expect(problem("The mitochondria release energy in the cell.", "energy", .term) == nil)
    }

    @Test func theTopicWordAndAPeopleAreNoBlanks() throws {
        var lines = ["# Forces", ""]
        lines.append("The Greeks thought that forces were needed to keep things moving.")
        lines.append("A **force** is a push or a pull measured in newtons.")
        for i in 1...12 {
            lines.append("In case \(i) the forces on the cart act in line number \(i) of the diagram sheet today.")
        }
        lines.append("Galileo showed that forces change motion rather than keep it going.")
        lines.append("Greeks even built machines to lift stones for their temples.")
        let m = try material(lines.joined(separator: "\n"))
        #expect(!askable(m, in: "Galileo showed").contains("forces"))
        #expect(!askable(m, in: "were needed").contains("Greeks"))
    }

    @Test func aWorkedExampleGivesNoInputNumbers() throws {
        let text = """
        # Motion

        **Example 2: a cart.** A 4 kg cart is pushed with a force of 12 N along a level track. The cart reaches a speed of 6 m/s after two seconds.

        A **newton** is the force that gives 1 kg an acceleration of 1 m/s². The speed of sound in air is about 340 m/s at room temperature.
        """
        let m = try material(text)
        #expect(!askable(m, in: "is pushed").contains("12 N"))
        #expect(askable(m, in: "speed of sound").contains("340 m/s"))
    }
}

/// News under-generation: a review's product lines (captions, not sentences) are asked as
/// statements of their price; a unit symbol before a noun stays the number's unit.
@Suite struct ExamPriceLineTests {
    static let review = """
    Are expensive garden tools worth the money? We asked a head gardener, Ruth Moss of Kew Gardens in London, for her verdict. Spear Fork Deluxe £34.99 for the long-handled model, from garden centres VERDICT: 'A solid fork with a lifetime guarantee. 'It feels heavy after an hour.' 7/10 Budget Digger Spade £9 for one spade, from Aldi stores VERDICT: 'Good value, but the blade bends in clay soil.' 6/10 Kent Steel Hoe £22.50 for 1.5m handle, from Homebase VERDICT: 'Sharp and light.' 8/10 Moss said most tools last longer when they are cleaned and oiled after use.
    """

    @Test func aProductLineBecomesAPriceStatement() {
        let line = PriceLines.statement("8/10 Kent Steel Hoe £22.50 for 1.5m handle, from Homebase")
        #expect(line?.text == "Kent Steel Hoe costs £22.50 for 1.5m handle.")
        #expect(line?.price == "£22.50")
        #expect(PriceLines.statement("Most tools cost about £20 in a garden centre.") == nil)
        #expect(PriceLines.statement("At P = $25, Qd = 50 and Qs = 70.") == nil)
    }

    @Test func aReviewGivesPriceQuestions() throws {
        var configuration = Exam.Configuration()
        configuration.questionCount = 6
        let draft = try ExamGenerator(configuration: configuration).generate(from: Self.review)
        let prompts = draft.questions.map(\.prompt)
        #expect(prompts.contains { $0.contains(" costs ") })
        #expect(draft.questions.count >= 3)
        for question in draft.questions { #expect(QuestionCheck.problems(question).isEmpty, "\(question.prompt)") }
    }

    @Test func aUnitSymbolIsNoQualifier() throws {
        let document = try StudyDocument(text: "The 0.15 kg baseball arrives at 40 m/s and leaves the bat at 30 m/s in the opposite direction.")
        let material = ExamMaterial(document: document)
        let spans = (material.pools[.number] ?? []).map(\.span.text)
        #expect(spans.contains("0.15 kg"))
        #expect(!spans.contains("0.15 kg baseball"))
    }
}
