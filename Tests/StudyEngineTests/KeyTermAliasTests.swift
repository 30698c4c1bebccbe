import Foundation
import Testing
@testable import StudyEngine

/// Other names of key terms (issue #8, deliverables 5 and 7), each pattern on a small text
/// written for these tests, and the news fragments the ranker demotes.
@Suite struct KeyTermAliasTests {
    func aliases(_ term: String, _ sentence: String, abbreviation: String? = nil,
                 words: Set<String> = []) -> [String] {
        TermAliases.find(term: term, abbreviation: abbreviation, sentences: [sentence], hasWord: { words.contains($0) })
    }

    @Test func nameAfterAlsoKnownAsOrAlsoCalled() {
        #expect(aliases("firn", "Above the line, snow turns into firn, also known as névé, before it becomes ice.") == ["névé"])
        #expect(aliases("terminal moraine", "The terminal moraine (also called the end moraine) marks the furthest advance.")
            == ["end moraine"])
    }

    @Test func nameAfterShortenedTo() {
        #expect(aliases("urban heat island", "Cities form an urban heat island, shortened to UHI, on still nights.") == ["UHI"])
        #expect(aliases("urban heat island", "Cities form an urban heat island, abbreviated to UHI, on still nights.") == ["UHI"])
    }

    @Test func bracketAfterALongerNameIsNotTheTermsName() {
        #expect(aliases("moraine", "The terminal moraine (also called the end moraine) marks the advance.").isEmpty)
        #expect(aliases("window", "The sender keeps a congestion window (cwnd) per connection.").isEmpty)
    }

    @Test func termNamedAfterAnotherName() {
        #expect(aliases("Krebs cycle", "Pyruvate joins the citric acid cycle, also called the Krebs cycle, in the matrix.")
            == ["citric acid cycle"])
    }

    @Test func orAppositionButNotAList() {
        #expect(aliases("basal sliding", "Basal sliding, or basal slip, is the movement of a glacier over its bed.")
            == ["basal slip"])
        // "snow, or water" closes a list of three: water is another thing, not another name.
        #expect(aliases("snow", "A crevasse can fill with ice, snow, or water.").isEmpty)
    }

    @Test func bracketedSymbolsAndNames() {
        #expect(aliases("equilibrium line altitude", "The equilibrium line altitude (ELA) divides the glacier.") == ["ELA"])
        #expect(aliases("ice velocity", "The ice velocity (v) is highest at the surface.").isEmpty, "one letter is no name")
        #expect(aliases("first law", "The first law (the law of inertia) says that motion needs no cause.")
            == ["law of inertia"])
        #expect(aliases("ablation zone", "Melting happens in the ablation zone (zona ablationis) below the line.")
            == ["zona ablationis"])
        // A symbol set off by commas, as notes often define one.
        #expect(aliases("mass balance", "The mass balance, mb, is the gain minus the loss.") == ["mb"])
    }

    @Test func bracketsThatNameNothing() {
        #expect(aliases("glacier", "The glacier (see Figure 2) moves slowly.").isEmpty)
        #expect(aliases("glacier", "The glacier (1850) was larger.").isEmpty)
        #expect(aliases("monarchy", "It kept a kind of monarchy (the consuls) inside the Republic.").isEmpty)
        #expect(aliases("rent", "A ceiling on rent (for example rent control) creates a shortage.").isEmpty)
        // "(PES)" after "elasticity of supply" abbreviates the longer term, not "supply".
        #expect(aliases("supply", "Price elasticity of supply (PES) is measured in percent.").isEmpty)
        // "cross-price elasticity" is a different term that ends in the same words.
        #expect(aliases("price elasticity", "The cross-price elasticity (XPE) compares two goods.").isEmpty)
    }

    @Test func otherGrammaticalNumberWhenTheTextUsesIt() {
        #expect(aliases("moraine", "A moraine is a ridge of debris.", words: ["moraines"]) == ["moraines"])
        #expect(aliases("moraine", "A moraine is a ridge of debris.", words: []).isEmpty)
        #expect(aliases("cirques", "Cirques are bowls.", words: ["cirque"]) == ["cirque"])
        // In "X of Y" the head noun is X.
        #expect(aliases("tribunes of the plebs", "The tribunes of the plebs were officers.", words: ["tribune"])
            == ["tribune of the plebs"])
        #expect(aliases("prices of related goods", "Prices of related goods matter.", words: []).isEmpty)
    }

    static let glacierNotes = """
    # Glaciers

    ## Ice

    A glacier is a persistent body of dense ice that moves under its own weight. The **equilibrium line altitude \
    (ELA)** divides the zone where snow builds up from the zone where it melts. Above the ELA, snow turns into firn, \
    also known as névé, before it becomes glacial ice. Firn is snow that has survived a summer melt season. \
    The ELA rises when summers get warmer.

    ## Movement

    Basal sliding, or basal slip, is the movement of a glacier over its bed. Basal sliding is fastest where \
    meltwater lubricates the bed. A moraine is a ridge of rock debris left by a glacier. Moraines mark where the \
    ice once stood, and the terminal moraine (also called the end moraine) marks its furthest advance.
    """

    @Test func keyTermsCarryTheirAliases() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .keyTerms, sentences: 8)).summarize(Self.glacierNotes)
        let byTerm = Dictionary(summary.keyTerms.map { ($0.term.lowercased(), $0.aliases) }, uniquingKeysWith: { a, _ in a })
        #expect(byTerm["equilibrium line altitude (ela)"]?.contains("ELA") == true, "\(byTerm)")
        // "firn, also known as névé": whichever is listed names the other.
        #expect(byTerm["firn"]?.contains("névé") == true || byTerm["névé"]?.contains("firn") == true, "\(byTerm)")
        // "the terminal moraine (also called the end moraine)" names that moraine, not every moraine.
        #expect(byTerm["moraine"].map { !$0.contains("end moraine") } ?? true, "\(byTerm)")
        // The text output names the other names too.
        #expect(summary.text.contains("firn (also: névé)") || summary.text.contains("névé (also: firn)"), "\(summary.text)")
    }

    @Test func keyTermsSavedWithoutAliasesStillRead() throws {
        let old = #"{"term":"firn","sentence":"Firn is old snow.","unitIndex":3,"score":1,"occurrences":2}"#
        let term = try JSONDecoder().decode(KeyTerm.self, from: Data(old.utf8))
        #expect(term.term == "firn" && term.aliases.isEmpty)
        let again = try JSONDecoder().decode(KeyTerm.self, from: JSONEncoder().encode(
            KeyTerm(term: "firn", sentence: "s", unitIndex: 0, score: 1, occurrences: 1, aliases: ["névé"])))
        #expect(again.aliases == ["névé"])
    }

    @Test func boldLabelIsExplainedByTheNextSentence() {
        #expect(KeyTermExtractor.isLabel("**Stage 2: The Krebs cycle.**", plain: "Stage 2: The Krebs cycle.", term: "Krebs cycle"))
        #expect(KeyTermExtractor.isLabel("Retransmission timeout (RTO).", plain: "Retransmission timeout (RTO).",
                                         term: "retransmission timeout"))
        #expect(!KeyTermExtractor.isLabel("The **Krebs cycle** turns twice for each glucose molecule.",
                                          plain: "The Krebs cycle turns twice for each glucose molecule.", term: "Krebs cycle"))
    }

    @Test func examplesAreNoKeyTerms() throws {
        #expect(KeyTermExtractor.isExample("coffee", in: "Substitutes are goods used in place of each other, such as tea and coffee."))
        #expect(KeyTermExtractor.isExample("bus travel", in: "An inferior good is one whose demand falls, for example bus travel."))
        #expect(!KeyTermExtractor.isExample("substitutes", in: "Substitutes are goods used in place of each other, such as tea."))
        #expect(!KeyTermExtractor.isExample("demand", in: "Goods such as tea are cheap; demand for them is steady."))
        // The colon after a list of examples opens no definition of its last item.
        #expect(TermEvidence.definitions(TermEvidence.words("Goods such as tea and coffee: a rise in price cuts demand.")).isEmpty)
        #expect(TermEvidence.definitions(TermEvidence.words("The war became a war of attrition: a strategy of wearing down.")) == ["war of attrition"])
        let notes = """
        # Markets

        ## Substitutes

        Substitutes are goods used in place of each other, such as tea and coffee: a rise in the price of coffee \
        raises the demand for tea, and cheaper coffee lowers it. Substitutes have a positive cross-price elasticity. \
        Complements are goods used together. The demand for a good falls when the price of its complement rises.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .keyTerms, sentences: 6)).summarize(notes)
        #expect(!summary.keyTerms.contains { $0.term.lowercased() == "coffee" }, "\(summary.keyTerms.map(\.term))")
    }

    @Test func newsFragmentsAndCaptionLabelsAreNotSentences() {
        #expect(SentenceRanker.isFragment("a huge supporter of the club, he has been invited to a home game."))
        #expect(SentenceRanker.isFragment("CLAIMS: The first cream to protect against infra-red light."))
        #expect(SentenceRanker.isFragment("PICTURED: The mayor at the opening"))
        #expect(!SentenceRanker.isFragment("The mayor opened the bridge on Tuesday."))
        #expect(!SentenceRanker.isFragment("iPhone sales rose by a third in the spring."))
        #expect(!SentenceRanker.isFragment("\"It was a disaster,\" she said."))
        #expect(!SentenceRanker.isFragment("Police: the driver was not hurt."))
    }

    @Test func newsSummarySkipsACutFragment() throws {
        let news = """
        The city council of Northbridge voted on Tuesday to close the old harbour bridge to cars from June. \
        The vote followed a report that found deep cracks in two of the bridge's steel supports and the harbour bridge closure. \
        PICTURED: The harbour bridge closure vote in the council of Northbridge on Tuesday with the bridge. \
        Engineers said the bridge could still carry pedestrians and cyclists safely for several years. \
        Local shop owners warned that the closure would cut the number of visitors to the harbour market.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .brief, sentences: 3)).summarize(news)
        #expect(!summary.sentences.contains { $0.text.hasPrefix("PICTURED") }, "\(summary.sentences.map(\.text))")
    }
}
