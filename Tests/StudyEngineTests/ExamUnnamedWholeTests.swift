import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Stems independent judges could not read (tag C) or that gave their key away, each on a
/// text written for the test: a count of copies with no "of what", a measure with no "of
/// what", a demonstrative whose noun nothing introduced, and a key the rest of the stem repeats.
@Suite struct ExamUnnamedWholeTests {
    func stemProblem(_ sentence: String) -> String? {
        ExamSentence.problem(raw: sentence, clean: sentence) ?? ExamSentence.referenceProblem(sentence)
    }

    func exam(_ text: String, count: Int = 20) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: Question.Kind.allCases), seed: 0)
            .generate(from: text).questions
    }

    func stems(_ questions: [Question]) -> [String] {
        questions.map(\.prompt)
    }

    // MARK: - 1. A count of parts with nothing saying of what

    @Test func aBareCountOfPartsIsNoStemOnItsOwn() {
        for sentence in [
            "About 300 copies were sold in the first week, most of them in Dublin.",
            "Fewer than 12 copies survive today, and two of them are in museums.",
            "By 1900, nearly 4,000 members met every year in the old town hall.",
            "Only 40 complete versions exist, some with colour plates and some without.",
        ] {
            #expect(UnnamedWhole.problem(sentence) == UnnamedWhole.bareCount, "used as a stem: \(sentence)")
        }
        for sentence in [
            "About 300 copies of the atlas were sold in the first week in Dublin.",
            "The society had about 4,000 members who met every year in the town hall.",
            "About 300 people were sold tickets in the first week of the fair.",
        ] {
            #expect(UnnamedWhole.problem(sentence) == nil, "refused: \(sentence)")
        }
    }

    @Test func aBareCountIsAskedJoinedToTheItemThatNamesTheWhole() throws {
        let text = """
        # Old Maps

        ## The Harbour Atlas

        - The **Harbour Atlas** is a book of sea charts engraved in Antwerp, finished around 1570.
        - About 300 copies were printed, some on linen paper and some on thick card.
        - Its charts show depths in fathoms along the coasts of the North Sea.

        ## Engraving

        - **Copperplate engraving** is a method of cutting lines into a copper sheet with a steel tool.
        - Engravers could finish about 2 plates per month in a busy workshop.
        """
        let questions = try exam(text)
        let counted = questions.filter { $0.prompt.contains("copies were printed") }
        #expect(!counted.isEmpty)
        for question in counted {
            #expect(question.prompt.contains("Harbour Atlas") || question.prompt.contains("_____ is a book of sea charts"),
                    "copies of what: \(question.prompt)")
        }
    }

    // MARK: - 2. "the" and a measure noun with nothing saying of what

    @Test func aBareMeasureIsNoStem() {
        for sentence in [
            "Before the factories opened, the concentration was about 12 parts per million.",
            "In 1850 the population was barely 9,000 people in the valley.",
            "After the new law, the rate fell to 4 percent within a decade.",
        ] {
            #expect(UnnamedWhole.problem(sentence) == UnnamedWhole.bareMeasure, "used as a stem: \(sentence)")
        }
        for sentence in [
            "Before the factories opened, the concentration of lead was about 12 parts per million.",
            "In 1850 the population of the valley was barely 9,000 people.",
            "The lead concentration rose in 1900, and the concentration was 30 ppm by 1950.",
            "A tax is the rate at which income is charged by the state.",
        ] {
            #expect(UnnamedWhole.problem(sentence) == nil, "refused: \(sentence)")
        }
    }

    @Test func aBareMeasureIsJoinedOnlyToASentenceThatNamesIt() throws {
        let named = """
        The salt concentration of the lake was measured by boat in 1962. Before the dam was built, the concentration was about 40 grams per litre.
        """
        let joined = try exam(named).filter { $0.prompt.contains("grams per litre") || $0.prompt.contains("40") }
        for question in joined where question.prompt.contains("Before the dam") {
            #expect(question.prompt.contains("salt concentration"), "concentration of what: \(question.prompt)")
        }
        let unnamed = """
        # Lakes

        - The old gauge shows concentration rising from about 20 grams per litre in 1962.
        - Before the dam was built, the concentration was about 40 grams per litre.
        - The **Kessel Dam** is a concrete wall across the river, finished in 1958.
        """
        for question in try exam(unnamed) {
            #expect(!question.prompt.contains("the concentration was"), "concentration of what: \(question.prompt)")
        }
    }

    // MARK: - 3. A demonstrative and a noun not introduced in the stem

    @Test func aDemonstrativeNounInsideAClauseNeedsItsNounBefore() {
        for sentence in [
            "The Harbour Board, founded in 1921, reports on the cost of these repairs.",
            "The Harbour Board, founded in 1921, reports on the cost of these changes.",
            "The Office for Harbour Repairs, founded in 1921, reports on the cost of these repairs.",
            "The museum, built in 1880, still keeps a record of those voyages in its library.",
            "In 1990, the council voted to fund this project with a new tax.",
        ] {
            #expect(stemProblem(sentence) != nil, "used as a stem: \(sentence)")
        }
        for sentence in [
            "Ships brought repairs to the harbour, and the board paid for these repairs in 1921.",
            "The walls cracked in the frost; these cracks were filled with lime mortar.",
            "A vaccine trains the immune system; this is called active immunity.",
        ] {
            #expect(stemProblem(sentence) == nil, "refused: \(sentence)")
        }
    }

    // MARK: - 4. A key the rest of the stem repeats

    @Test func aKeyWhoseNumberOrWordTheStemRepeatsIsNotAsked() {
        func span(_ text: String, _ kind: AnswerSpan.Kind) -> AnswerSpan { AnswerSpan(text: text, kind: kind, weight: 6) }
        let sentence = "It was cut with 36 cogs per wheel, so it is also called the 36-cog clock."
        #expect(KeyEchoes.givesAway(span("36 cogs per wheel", .number), in: sentence))
        #expect(KeyEchoes.givesAway(span("36-cog clock", .term), in: sentence))
        #expect(KeyEchoes.givesAway(span("water wheel", .term),
                                    in: "A water wheel turns the stones of a mill built with a wheel-driven shaft."))
        #expect(!KeyEchoes.givesAway(span("1570", .year), in: "The atlas was finished in 1570 with 36 charts."))
        #expect(!KeyEchoes.givesAway(span("15 kHz", .number), in: "Bats hear sounds from about 15 Hz to 15 kHz in the wild."))
        #expect(KeyEchoes.givesAway(span("12 bells", .number), in: "The tower held 12 bells, so it was named after its 12 bells by the monks."))
        // A definition that repeats the head noun on its own still asks something.
        #expect(!KeyEchoes.givesAway(span("boiling point", .term),
                                     in: "The boiling point is the point at which a liquid turns into a gas."))
        #expect(!KeyEchoes.givesAway(span("salt marsh", .term),
                                     in: "A salt marsh is a coastal wetland flooded by salt water at high tide."))
    }

    @Test func anExamDoesNotAskAKeyItsStemRepeats() throws {
        let text = """
        # Clocks

        - The **tower clock** of Wells was built around 1390 by monks of the cathedral.
        - Its great wheel was cut with 36 cogs per wheel, so it is also called the 36-cog clock.
        - A **verge escapement** is a mechanism that lets the wheels turn one tooth at a time.
        - The clock was moved to a museum in 1884 after 500 years of service.
        """
        for question in try exam(text) {
            let keys = question.acceptedAnswers.map { $0.lowercased() }
            if question.prompt.contains("36-cog") {
                #expect(!keys.contains(where: { $0.contains("36") }), "key given away: \(question.prompt)")
            }
        }
    }
}
