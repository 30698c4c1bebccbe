import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Unclean stems found in the twelfth review, on texts written for the test: a pronoun or
/// pointer with no referent, a photo caption or link headline fused with the story, a
/// sentence cut after a title abbreviation, and the middle of a quote with no speaker.
@Suite struct ExamStemsRoundThreeTests {
    func read(_ text: String) -> String? {
        let s = ExamSentence(unit: TextUnit(index: 0, text: text, kind: .sentence, block: 0), index: 0, group: 0)
        return s.stemProblem ?? ExamSentence.referenceProblem(s.text)
    }

    // MARK: 1. Pronouns and pointers with no referent

    @Test func objectPronounWithOnlyNamesBeforeIsRejected() {
        #expect(read("The Flemish astronomer Jan Verhoef described it in 1702 but never printed it.") != nil)
        #expect(read("Maria Lopez and Ken Ito won the Lister Medal in 1994 for isolating them.") != nil)
        // A noun the pronoun can stand for keeps the sentence.
        #expect(read("A prism splits white light and bends it by different amounts for each colour.") == nil)
        #expect(read("Farmers grow oats on poor soils and feed them to horses in winter.") == nil)
    }

    @Test func possessiveWithNothingPluralBeforeIsRejected() {
        #expect(read("Salinity, light and depth affect their growth, and divers monitor the reef every month.") != nil)
        #expect(read("Corals need warm water, and their growth slows below eighteen degrees.") == nil)
    }

    @Test func openingAndButHereAreDangling() {
        #expect(read("And now, as in the old days, the council treats the harbour as its main asset.") != nil)
        #expect(read("But that was long before the railway reached the valley in 1871.") != nil)
        #expect(read("But a tired Mayor Hill signed the harbour bill in 1871 after a long debate.") == nil)
        #expect(read("Here k is the spring constant and x is the stretch in metres.") != nil)
    }

    // MARK: 2. Captions and headlines fused with the story

    @Test func photoCaptionOpeningIsRejected() {
        #expect(read("A supporter walks past a bakery, next to a stall selling scarves The club had begun the match badly.") != nil)
        #expect(read("A catalyst lowers the activation energy of a reaction without being used up.") == nil)
    }

    @Test func listHeadlineIsRejected() {
        #expect(read("7 things to know about the harbour fire of 1911 In 1912, the council rebuilt the quay.") != nil)
    }

    @Test func captionRunIntoTheNextSentenceIsRejected() {
        #expect(read("Harbour Town admitted they must win back their supporters after the drop Tom Reeve scored a late penalty.") != nil)
        #expect(read("Residents gathered by the town hall to protest against the Marsh family Northgate's main office was painted overnight.") != nil)
        // A role noun before a name is no seam.
        #expect(read("The visitors were level until striker Tom Reeve scored a late penalty.") == nil)
    }

    // MARK: 3. Title abbreviations

    @Test func titleAfterHyphenDoesNotEndTheSentence() {
        let splitter = SentenceSplitter()
        let text = "In 2010, then-Gov. Maria Stone vetoed the harbour bill. The council objected."
        #expect(splitter.sentences(in: text) == ["In 2010, then-Gov. Maria Stone vetoed the harbour bill.", "The council objected."])
        #expect(splitter.sentences(in: "The ex-Sen. Paul Hart spoke first. Then came the vote.").count == 2)
    }

    // MARK: 4. A bare quote is no statement

    @Test func middleSentenceOfAQuoteIsNoStem() throws {
        let text = """
        The harbour board met on Monday to discuss the new quay and its cost to the town.

        One member, who asked not to be named, told the local paper: 'The quay is the only plan that works. Everybody knows what will happen to the fishing fleet next spring. If the board waits we will lose it.' The board will vote on the plan in March after a public meeting in the town hall.
        """
        let document = try StudyDocument(text: text)
        let sentences = ExamSentence.make(document, only: Array(document.sentences.indices))
        let middle = try #require(sentences.first { $0.text.hasPrefix("Everybody knows") })
        #expect(middle.stemProblem != nil)
        let after = try #require(sentences.first { $0.text.hasPrefix("The board will vote") })
        #expect(after.stemProblem == nil)
    }
}

extension ExamStemsRoundThreeTests {
    @Test func headlineRunIntoAYearIsCutOff() {
        let text = "The harbour fire destroyed the old quay. 7 things to know about the harbour fire of 1911 In 1912, the council rebuilt the quay with stone."
        let sentences = SentenceSplitter().sentences(in: text)
        #expect(sentences.last == "In 1912, the council rebuilt the quay with stone.")
        // Inside a sentence the preposition is lowercase and nothing is cut.
        #expect(SentenceSplitter().sentences(in: "The council rebuilt the quay in 1912 with stone from the valley.").count == 1)
    }
}

extension ExamStemsRoundThreeTests {
    @Test func namesKeepTheirPossessivesAndApposition() {
        // A country or club owns "their"; a name, a role and a name are one phrase.
        #expect(read("Norway did not escape a fine for their fans' behaviour in the final.") == nil)
        #expect(read("Harbour Town legend Tom Reeve has been named the new coach of the youth team.") == nil)
    }
}

extension ExamStemsRoundThreeTests {
    // MARK: 5. List labels turned into prose

    @Test func labelOfAnEventIsNoPlaceOrMeaning() {
        // A past event under a process label is no "In inflation, …".
        #expect(ListItemProse.prose(head: "Inflation", clean: "Inflation: bread prices rose by half between 1921 and 1923.") == nil)
        // A rule that repeats its label would give the blank away after "means that".
        #expect(ListItemProse.prose(head: "The silver standard", clean: "The silver standard: countries tied to silver could not print money freely.") == nil)
        // A present-tense process keeps its prose form.
        #expect(ListItemProse.prose(head: "Mitosis", clean: "Mitosis: the chromosomes are pulled apart into two nuclei.")
            == "In mitosis, the chromosomes are pulled apart into two nuclei.")
    }

    @Test func unnamedNewspaperIsNoReferent() {
        #expect(read("One trader, who asked not to be named, told the newspaper that the harbour would close.") != nil)
    }
}

extension ExamStemsRoundThreeTests {
    @Test func paragraphAfterWorkedStepsIsNoStem() throws {
        let text = """
        A block slides down a ramp that is 5 metres long in 2 seconds.

        1. speed = 5 ÷ 2 = 2.5 m/s.
        2. time for 10 metres = 10 ÷ 2.5 = 4 s.

        The block covers the ramp at 2.5 metres per second, a slow walking pace.

        Friction between the block and the ramp turns some of its energy into heat.
        """
        let document = try StudyDocument(text: text)
        let sentences = ExamSentence.make(document, only: Array(document.sentences.indices))
        let after = try #require(sentences.first { $0.text.hasPrefix("The block covers") })
        #expect(after.stemProblem != nil)
        let later = try #require(sentences.first { $0.text.hasPrefix("Friction") })
        #expect(later.stemProblem == nil)
    }
}
