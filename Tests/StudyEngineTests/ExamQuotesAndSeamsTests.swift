import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Stems from news quotes and fused captions (judge round 15), and a bare noun that points
/// back to the thing named in full before ("The effect was proposed …"), each on a small
/// text written for the test.
@Suite struct ExamQuotesAndSeamsTests {
    func sentences(_ text: String) -> [String] {
        SentenceSplitter().split(text).units.filter { $0.kind != .heading }.map(\.text)
    }

    func sentence(_ text: String) -> ExamSentence {
        ExamSentence(unit: TextUnit(index: 0, text: text, kind: .sentence, block: 0), index: 0, group: 0)
    }

    func exam(_ text: String, count: Int = 20) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: Question.Kind.allCases), seed: 0)
            .generate(from: text).questions
    }

    // MARK: - A quote's introducer

    @Test func aNameBeforeItsVerbOfSpeechIsNoCaptionLabel() {
        let text = "Talking to a local radio station on Monday, violinist Dame Nora Blake said: \"Many of the best players learnt their craft with him. \"He was a patient teacher."
        let result = sentences(text)
        // The name is never cut from its verb of speech ("Dame Nora" + "Blake said: …").
        #expect(result.contains(where: { $0.contains("Dame Nora Blake said:") }), "\(result)")
        #expect(!result.contains(where: { $0.hasSuffix("Dame Nora") }), "\(result)")
        // A caption label still cuts: "… last Saturday Skilful: The kite …".
        #expect(LongSentenceCutter.isCaptionLabel(before: Array("Saturday".unicodeScalars)[...],
                                                  label: ["Skilful:", "The", "kite"].map { Array($0.unicodeScalars)[...] }))
    }

    @Test func aSentenceThatOnlyOpensAQuoteIsNoStem() {
        let text = "Talking to a local radio station, violinist Dame Nora Blake said: \"Many of the best players learnt their craft with him."
        #expect(StemRepair.introducerProblem(text) == "quote introducer")
        #expect(sentence(text).stemProblem != nil)
        // A whole quote inside the sentence, or a colon after no verb of speech, is left alone.
        #expect(StemRepair.introducerProblem("Dame Nora Blake said: \"He was the best teacher of his generation.\"") == nil)
        #expect(StemRepair.introducerProblem("The report listed three causes: floods, drought and fire.") == nil)
    }

    @Test func theSentenceAfterAQuoteIntroducerIsPartOfTheQuote() throws {
        // The mark before "The choir's" closes the paragraph before; "added: "…" opens a quote
        // that the next sentence goes on with.
        let text = "The choir gave its last concert under Tom Hale on Sunday after forty years. \"He was a great friend of early music and of every singer in the choir. \"The choir's new director Ann Lee added: \"Everyone here is saddened by the news of the passing of Tom Hale. Tom Hale left a fine legacy for the choir when the conductor retired in 2006 after a long career."
        let document = try StudyDocument(text: text)
        let read = ExamSentence.make(document, only: Array(0..<document.sentences.count))
        let middle = try #require(read.first(where: { $0.text.hasPrefix("Tom Hale left") }))
        #expect(middle.stemProblem == "unattributed quote")
    }

    // MARK: - Quote paragraphs

    static let quoteParagraphs = """
    The Northland council set its budget for next year on Tuesday, with spending of £410m on roads and schools. Council leader Ruth Ogilvy said: "Ahead of the vote, it is time the council listened to the people of the region. "Northland needs a council that spends less time praising itself and more time fixing the roads. "The Harbour Party will offer a real alternative to the cuts, with different choices on housing and transport."

    The budget will be debated again in March, when the council meets in the Guildhall of Porthaven.
    """

    @Test func quoteParagraphsKeepTheirNamesOutOfBlanks() throws {
        let document = try StudyDocument(text: Self.quoteParagraphs)
        let read = ExamSentence.make(document, only: Array(0..<document.sentences.count))
        let piece = try #require(read.first(where: { $0.text.hasPrefix("Northland needs") }))
        #expect(piece.isQuotePiece)
        #expect(!(read.first(where: { $0.text.hasPrefix("The Northland council") })?.isQuotePiece ?? true))
        for question in try exam(Self.quoteParagraphs) {
            #expect(!question.prompt.contains("_____ needs a council"), "\(question.prompt)")
            #expect(!question.prompt.contains("The _____ will offer"), "\(question.prompt)")
            #expect(!question.prompt.contains("_____ will offer a real alternative"), "\(question.prompt)")
        }
    }

    // MARK: - Caption seams

    @Test func aContractedOpenerOpensACaptionSeam() {
        let text = "A vendor balances baskets of fruit on a small bike in Hue, Vietnam There's only one way to carry a broken bike across the city."
        let result = sentences(text)
        #expect(result.count == 2, "\(result)")
        #expect(result.last?.hasPrefix("There's only one way") == true)
        #expect(sentences("The old bridge over the river Wye It's been closed to lorries since the spring floods.").count == 2)
    }

    @Test func aCaptionFusedBeforeAnIngOpenerIsNoStem() {
        #expect(StemRepair.fusedCaption("In Leeds all that is needed to move a sofa is two wheels and some clever packing Getting around on two wheels is a way of life in the city."))
        #expect(sentence("In Leeds all that is needed to move a sofa is two wheels and some clever packing Getting around on two wheels is a way of life.").stemProblem == "caption")
        // A town after a verb or a preposition, and a name after a capital, are no seam.
        #expect(!StemRepair.fusedCaption("The band visited Reading and Slough on their first tour of the south."))
        #expect(!StemRepair.fusedCaption("The festival moved to Reading in the summer of 1971 after a dispute."))
        #expect(!StemRepair.fusedCaption("The poem was written by Rudyard Kipling during his years in India."))
        // A name that ends like an -ing form is no opener.
        #expect(!StemRepair.fusedCaption("The museum shows how the early Viking settlers farmed the valley."))
        #expect(StemRepair.fusedCaption("Crowds fill the old market each morning Walking through the stalls is the best way to see it."))
    }

    @Test func aRunOnCutAtItsWordLimitIsNoStem() {
        // The splitter cuts a run-on of more than 60 words hard; a piece that ends on "in"
        // says nothing whole.
        #expect(sentence("Getting around town on two wheels is a way of life for families in").stemProblem == "fragment")
        #expect(sentence("Getting around town on two wheels is a way of life for families in Hue.").stemProblem == nil)
        #expect(sentence("Getting around town on two wheels is a way of life for families in Hue").stemProblem == nil)
    }

    // MARK: - A bare noun pointing back

    static let effectNotes = """
    # Sound

    The **Kessler effect** is the change in the pitch of a bell when the bell swings towards or away from the listener. It is heard in church towers.

    The effect was proposed by the Danish physicist Anna Kessler in 1871. Today the Kessler effect is used in the tuning of carillons.
    """

    @Test func aBareNounThatNamesTheThingBeforeIsNoStemAlone() throws {
        let document = try StudyDocument(text: Self.effectNotes)
        let read = ExamSentence.make(document, only: Array(0..<document.sentences.count))
        let bare = try #require(read.first(where: { $0.text.hasPrefix("The effect was proposed") }))
        #expect(bare.stemProblem == "dangling reference")
        for question in try exam(Self.effectNotes) {
            #expect(!question.prompt.contains("The effect was proposed"), "\(question.prompt)")
        }
        // "The effect of heat on …" names the effect itself; with no full name before, the bare
        // noun is kept.
        #expect(!ExamSentence.namesOnlyTheNoun("The effect of heat on the bell is small.", before: "The Kessler effect is a change."))
        #expect(!ExamSentence.namesOnlyTheNoun("The effect was first seen in 1871.", before: "Bells swing in the towers of old churches."))
        #expect(ExamSentence.namesOnlyTheNoun("The theory was tested in 1919.", before: "Einstein's general theory of relativity predicts bent light."))
    }
}
