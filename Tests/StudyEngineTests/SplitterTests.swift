import Testing
@testable import StudyEngine

@Suite struct SplitterTests {
    let splitter = SentenceSplitter()

    func sentences(_ text: String) -> [String] {
        splitter.split(text).units.filter { $0.kind != .heading }.map(\.text)
    }

    @Test func abbreviationsDoNotEndSentences() {
        let text = "Dr. Smith met Prof. Jones at 5 p.m. on Friday. They discussed e.g. enzymes, i.e. proteins, etc. and more. See Fig. 3 and No. 12 for details."
        #expect(sentences(text) == [
            "Dr. Smith met Prof. Jones at 5 p.m. on Friday.",
            "They discussed e.g. enzymes, i.e. proteins, etc. and more.",
            "See Fig. 3 and No. 12 for details.",
        ])
    }

    @Test func abbreviationAtSentenceEndStillSplitsBeforeAnOpener() {
        #expect(sentences("He moved to the U.S. The move was hard.") == ["He moved to the U.S.", "The move was hard."])
        #expect(sentences("The U.S. Army arrived.") == ["The U.S. Army arrived."])
        #expect(sentences("They sold pens, paper, etc. The shop closed.") == ["They sold pens, paper, etc.", "The shop closed."])
    }

    @Test func decimalsAndInitials() {
        #expect(sentences("Pi is about 3.14 and e is 2.718. Next sentence here.") == ["Pi is about 3.14 and e is 2.718.", "Next sentence here."])
        #expect(sentences("The Hobbit was written by J. R. R. Tolkien in 1937. It sold well.") ==
                ["The Hobbit was written by J. R. R. Tolkien in 1937.", "It sold well."])
        #expect(sentences("George W. Bush spoke. He left.") == ["George W. Bush spoke.", "He left."])
    }

    @Test func quotesAndBracketsAfterTheFullStop() {
        #expect(sentences("He said \"Stop.\" Then he left.") == ["He said \"Stop.\"", "Then he left."])
        #expect(sentences("It was odd (very odd.) Nobody knew why.") == ["It was odd (very odd.)", "Nobody knew why."])
        #expect(sentences("She wrote ‘I agree.’ Others did not.") == ["She wrote ‘I agree.’", "Others did not."])
    }

    @Test func ellipsesQuestionsAndExclamations() {
        #expect(sentences("Wait... What happened? Nothing! Really.") == ["Wait...", "What happened?", "Nothing!", "Really."])
        #expect(sentences("I think… maybe not.") == ["I think… maybe not."])
    }

    @Test func listsAreTheirOwnUnits() {
        let text = """
        Steps of the method:
        - Collect the samples
        - Dry them at 60 degrees
        1. Weigh each sample
        2) Record the mass
        """
        let units = splitter.split(text).units
        let items = units.filter { $0.kind == .listItem }.map(\.text)
        #expect(items == ["Collect the samples", "Dry them at 60 degrees", "Weigh each sample", "Record the mass"])
    }

    @Test func headingsAreContextNotSentences() {
        let text = "# Cell biology\n\nCells are small. They divide.\n\n## Mitosis\nMitosis makes two cells."
        let units = splitter.split(text).units
        #expect(units.filter { $0.kind == .heading }.map(\.text) == ["Cell biology", "Mitosis"])
        #expect(units.first { $0.text == "Mitosis makes two cells." }?.section == "Mitosis")
        #expect(units.first { $0.text == "They divide." }?.section == "Cell biology")
    }

    @Test func codeBlocksAreSkipped() {
        let text = """
        Intro sentence about loops.

        ```swift
        for i in 0..<10 { print(i). }
        ```

            let x = 1. let y = 2.

        Closing sentence about loops.
        """
        let split = splitter.split(text)
        #expect(split.units.map(\.text) == ["Intro sentence about loops.", "Closing sentence about loops."])
        #expect(split.skippedCodeBlocks == 2)
    }

    @Test func hardWrapsJoinAndBlankLinesSplit() {
        let text = "The mitochondrion is the\npowerhouse of the cell\n\nand this starts a new paragraph"
        #expect(sentences(text) == ["The mitochondrion is the powerhouse of the cell", "and this starts a new paragraph"])
        #expect(sentences("One line.\r\nSecond line continues\r\nhere.") == ["One line.", "Second line continues here."])
    }

    @Test func captionsGluedToTheNextSentenceAreCut() {
        let text = "Kilmarnock went unbeaten during Locke's first six games in charge of the club He has impressed the chairman with his results this season."
        let result = sentences(text)
        #expect(result.count == 2)
        #expect(result.first == "Kilmarnock went unbeaten during Locke's first six games in charge of the club")
        let quoted = sentences("The club will confirm Gary Locke as the new manager on Friday ‘I’d be over the moon to get it,’ said Locke.")
        #expect(quoted.count == 2)
        let labelled = sentences("Half of the kite took to the sky in Chongqing last Saturday Skilful: The kite weighs 200 kilograms and needs three flyers.")
        #expect(labelled.last?.hasPrefix("Skilful:") == true)
    }

    @Test func aTitleAfterItsVerbIsNoCaptionSeam() {
        // A capitalised "The" after a verb, with a capital after it, opens a work's title.
        let title = "Linus Pauling (1901–1994) published The Nature of the Chemical Bond in 1939 and won a Nobel Prize."
        #expect(sentences(title) == [title])
        let prince = "Niccolò Machiavelli, a former official, wrote The Prince in 1513 while in exile."
        #expect(sentences(prince) == [prince])
        let founded = "He worked as a photographer for years before he co-founded The Flash Pack, a tour company."
        #expect(sentences(founded) == [founded])
        // A caption seam after a noun still cuts, also before a capitalised name.
        let seam = sentences("Workers cleared the roof of the prison in Liverpool The Prison Service said the haul was large.")
        #expect(seam.count == 2)
    }

    @Test func runOnTextIsCapped() {
        let runOn = (0..<500).map { "word\($0)" }.joined(separator: " ")
        let result = sentences(runOn)
        #expect(result.count >= 500 / 60)
        #expect(result.allSatisfy { $0.split(separator: " ").count <= 60 })
        #expect(result.joined(separator: " ") == runOn)
        let cjk = String(repeating: "光合作用是植物利用光能的过程", count: 100)
        #expect(sentences(cjk).allSatisfy { $0.count <= 400 })
    }

    @Test func gluedFullStopSplits() {
        #expect(sentences("Some proteins such as APOE.But the researchers found more.") ==
                ["Some proteins such as APOE.", "But the researchers found more."])
        #expect(sentences("Open the file main.swift and config.json now.").count == 1)
    }

    @Test func cjkFullStopsSplitWithoutSpaces() {
        #expect(sentences("光合作用是植物的过程。它需要阳光！对吗？") == ["光合作用是植物的过程。", "它需要阳光！", "对吗？"])
    }

    @Test func emptyAndWhitespaceGiveNoUnits() {
        #expect(splitter.split("").units.isEmpty)
        #expect(splitter.split(" \n\n\t ").units.isEmpty)
    }
}
