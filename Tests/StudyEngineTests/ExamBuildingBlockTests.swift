import Testing
import StudyModel
@testable import StudyEngine

/// A word the text only uses inside its longer terms is a building block, not a key term:
/// the ranking does not lift it above the text's dates, numbers and defined terms (issue 8,
/// "never a generic noun").
@Suite struct ExamBuildingBlockTests {
    static let notes = """
    # Markets

    ## Determinants

    - **Income.** For a normal good, demand rises when income rises.
    - **Tastes.** Fashion moves demand too.

    ## Elasticities

    **Income elasticity of demand** (YED) compares the change in quantity with the change in income. \
    A **luxury** is a good with a YED above 1. \
    Demand is more elastic when the good takes a large share of income or is a luxury.
    """

    @Test func aWordThatQualifiesLongerTermsIsNoAnswerOfItsOwn() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.notes))
        let ranks = KeyTermRanks(terms: ["income", "luxury", "income elasticity of demand"], lexicon: material.lexicon)
        #expect(ranks.isBuildingBlock(AnswerSpan(text: "income", kind: .term, weight: 8), lexicon: material.lexicon))
        #expect(!ranks.isBuildingBlock(AnswerSpan(text: "luxury", kind: .term, weight: 8), lexicon: material.lexicon))
        // In the exam, "income" stays for options only; "luxury" is still asked.
        let spans = material.candidates.flatMap(\.spans)
        #expect(spans.contains { $0.text.lowercased() == "income" })
        let income = spans.filter { $0.text.lowercased() == "income" }
        #expect(income.allSatisfy { $0.isModifier })
        #expect(spans.contains { $0.text == "luxury" && !$0.isModifier })
    }

    @Test func aDefinedWordStaysAKeyTerm() throws {
        let text = """
        # Markets

        **Demand** is the relationship between price and the quantity buyers want. \
        The **law of demand** says that quantity falls as price rises.
        """
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let ranks = KeyTermRanks(terms: ["demand", "law of demand"], lexicon: material.lexicon)
        #expect(!ranks.isBuildingBlock(AnswerSpan(text: "demand", kind: .term, weight: 8), lexicon: material.lexicon))
    }
}

/// An abbreviation the text spells out is a term it teaches: it is not pushed below the
/// text's dates like a nickname the ranking does not list.
@Suite struct ExamSpelledOutAbbreviationTests {
    @Test func aSpelledOutAbbreviationKeepsItsWeight() throws {
        let text = """
        # Transport

        BBR (Bottleneck Bandwidth and Round-trip propagation time), published in 2016, models the path. \
        The old scheme was called "sawtooth" by its critics in 1990.
        """
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let ranks = KeyTermRanks(terms: [], lexicon: material.lexicon)
        let bbr = AnswerSpan(text: "BBR", kind: .acronym, weight: 8)
        #expect(KeyTermRanks.isSpelledOut(bbr, lexicon: material.lexicon))
        #expect(ranks.adjustment(for: bbr, lexicon: material.lexicon) == 0)
        // A lone capitalised label the text does not spell out still falls below the dates.
        let label = AnswerSpan(text: "Transport", kind: .term, weight: 8)
        #expect(!KeyTermRanks.isSpelledOut(label, lexicon: material.lexicon))
    }
}
