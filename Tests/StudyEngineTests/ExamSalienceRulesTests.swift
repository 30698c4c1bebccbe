import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// What an exam asks first (issue 8, answer salience): the text's key terms and defined terms,
/// then names, dates and numbers; a false statement swaps a sibling value before an opposite;
/// one computed question per ten; never the language of a gloss, never the generic head of the
/// text's longer terms outside its definition.
@Suite struct ExamSalienceRulesTests {
    static let division = """
    # Cell Division

    ## Two Kinds of Division

    **Mitosis** is the division that always makes two identical daughter cells for growth and repair.
    **Meiosis** is the division that makes four different sex cells with half the chromosomes.
    **Binary fission** is the division by which bacteria split into two cells.

    ## Stages

    **Prophase** is the stage in which the chromosomes condense and become visible.
    **Metaphase** is the stage in which the chromosomes line up at the middle of the cell.
    **Anaphase** is the stage in which the sister chromatids are pulled apart.
    """

    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    func candidate(_ text: String, spans: [AnswerSpan], sentence: Int = 900) -> ExamMaterial.Candidate {
        ExamMaterial.Candidate(sentence: sentence, text: text, spans: spans, score: 1, section: nil, group: 900)
    }

    // MARK: - False statements

    @Test func aFalseItemSwapsASiblingTermBeforeAnOpposite() throws {
        let material = try material(Self.division)
        let factory = QuestionFactory(material: material, difficulty: .medium)
        var rng = SeededRandom(text: "swap", salt: 1)
        // The sentence offers both: the term "Mitosis" (siblings Meiosis, Binary fission) and "always".
        let both = try #require(material.candidates.first { $0.text.hasPrefix("Mitosis is") })
        let made = try #require(factory.trueFalse(both, used: [], falseOnly: true, rng: &rng)?.0)
        #expect(made.correctOptions == [1])
        #expect(made.originalSpan == "Mitosis")
        #expect(made.replacementSpan != "never")
    }

    @Test func anOppositeIsOnlyTheFallbackPass() throws {
        let factory = QuestionFactory(material: try material(Self.division), difficulty: .medium)
        var rng = SeededRandom(text: "swap", salt: 2)
        // Only an opposite to swap: the pass that looks for a sibling swap passes this sentence
        // over (another sentence may have one); the fallback pass makes the opposite.
        let onlyOpposite = candidate("The number of cells in young tissue increases quickly during growth.", spans: [])
        #expect(factory.trueFalse(onlyOpposite, used: [], falseOnly: true, rng: &rng) == nil)
        let fallback = try #require(factory.antonymFalse(onlyOpposite, used: [])?.0)
        #expect(fallback.originalSpan == "increases")
        #expect(fallback.replacementSpan == "decreases")
        // The generator tries the sibling pass first, the opposite only after it.
        let passes = ExamGenerator.Pass.passes(for: .trueFalse, moreTrueThanFalse: true, fillInFallback: true)
        #expect(passes.firstIndex(of: .strict) ?? 9 < passes.firstIndex(of: .antonym) ?? -1)
        let coin = ExamGenerator.Pass.passes(for: .trueFalse, moreTrueThanFalse: false, fillInFallback: true)
        #expect(coin.first == .normal && coin.last == .antonym)
    }

    @Test func aSentenceThatCanBeTrueIsNotMadeFalseByAnOpposite() throws {
        let factory = QuestionFactory(material: try material(Self.division), difficulty: .medium)
        // A strong focus with no sibling to swap, and an opposite: true, or nothing, never the opposite.
        let text = "Walther Flemming saw that chromosomes always split lengthwise."
        let strong = candidate(text, spans: [AnswerSpan(text: "Walther Flemming", kind: .name, weight: 6, isPerson: true)])
        for salt in 0..<8 as Range<UInt64> {
            var rng = SeededRandom(text: text, salt: salt)
            if let made = factory.trueFalse(strong, used: [], rng: &rng)?.0 {
                #expect(made.originalSpan != "always", "opposite swapped in the coin pass")
            }
        }
    }

    // MARK: - Computed questions

    static let workedExamples = """
    # Elasticity

    ## Price Elasticity

    **Price elasticity of demand** (PED) measures how strongly quantity responds to price. \
    Economists quote its absolute value. \
    The **midpoint method** divides each change by the average of the two values.

    **Example 1.** The price of a cinema ticket rises from $8 to $12 and sales fall from 300 to 200.

    - % change in quantity = −100 ÷ 250 = −40%
    - % change in price = 4 ÷ 10 = +40%

    **Example 2.** The price of a coffee rises from $2 to $3 and sales fall from 90 to 70.

    - % change in quantity = −20 ÷ 80 = −25%
    - % change in price = 1 ÷ 2.5 = +40%

    **Example 3.** The price of a magazine rises from $5 to $7 and sales fall from 60 to 50.

    - % change in price = 2 ÷ 6 ≈ +33.3%

    ## Revenue

    **Total revenue** is price times quantity. \
    Alfred Marshall described elasticity in 1890 in his Principles of Economics. \
    A **price ceiling** is a legal maximum price, such as rent control. \
    A **price floor** is a legal minimum price, such as a minimum wage. \
    A **normal good** is one whose demand rises with income. \
    An **inferior good** is one whose demand falls as income rises. \
    **Substitutes** are goods used in place of each other, such as tea and coffee. \
    **Complements** are goods used together, such as printers and ink. \
    The first minimum wage law was passed in New Zealand in 1894.
    """

    @Test func aTenQuestionExamAsksOneComputedQuestion() throws {
        #expect(ExamGenerator.maxExtras(questionCount: 10) == 1)
        #expect(ExamGenerator.maxExtras(questionCount: 20) == 2)
        let extras = ExtraQuestions.make(material: try material(Self.workedExamples), kinds: [.fillInBlank], difficulty: .medium)
        #expect(extras.count >= 2, "the text should give several computed questions")
        for seed in 0..<3 as Range<UInt64> {
            let questions = try ExamGenerator(configuration: Exam.Configuration(questionCount: 10, questionTypes: [.multipleChoice, .fillInBlank, .trueFalse]),
                                              seed: seed).generate(from: Self.workedExamples).questions
            let computed = questions.filter { $0.prompt.hasPrefix("The notes say:") }
            #expect(computed.count == 1, "computed questions: \(computed.map(\.prompt))")
            // A worked example's givens are asked only through its computed question.
            for q in questions where !q.prompt.hasPrefix("The notes say:") {
                #expect(!q.sourceSentence.contains(" rises from $"), "givens asked: \(q.prompt)")
            }
        }
    }

    // MARK: - Glosses and generic heads

    @Test func theLanguageOfAGlossIsNoAnswer() throws {
        let text = "Economists assume ceteris paribus, Latin for \"other things being equal\", in every model."
        #expect(QuestionFactory.isGlossLanguage(AnswerSpan(text: "Latin", kind: .name), in: text))
        #expect(QuestionFactory.isGlossLanguage(AnswerSpan(text: "Greek", kind: .name),
                                                in: "The word comes from geo (Greek for 'earth') and graphy."))
        // A name followed by "for" in another sense stays an answer.
        #expect(!QuestionFactory.isGlossLanguage(AnswerSpan(text: "Marshall", kind: .name),
                                                 in: "The prize went to Marshall for \"services to economics\" in 1890."))
        let notes = """
        # Geography Words

        ## Terms

        Geographers use the word terra, Latin for "land", in many names. \
        Geography comes from geo, Greek for "earth", and graphy, Greek for "writing". \
        The Royal Geographical Society was founded in London in 1830. \
        **Latitude** is the distance north or south of the equator, measured in degrees. \
        **Longitude** is the distance east or west of the prime meridian at Greenwich.
        """
        let questions = try ExamGenerator(configuration: Exam.Configuration(questionCount: 10, questionTypes: [.fillInBlank, .multipleChoice]))
            .generate(from: notes).questions
        #expect(!questions.isEmpty)
        for q in questions {
            let answers = q.kind == .fillInBlank ? q.acceptedAnswers : q.correctOptions.map { q.options[$0] }
            #expect(!answers.contains("Latin") && !answers.contains("Greek"), "gloss language asked: \(q.prompt)")
        }
    }

    static let markets = """
    # Markets

    ## Supply

    Supply is the relationship between price and the quantity sellers are willing to offer. \
    The **law of supply** states that a higher price leads to a larger quantity supplied. \
    **Price elasticity of supply** (PES) measures how strongly quantity supplied responds to price. \
    Supply is usually more elastic in the long run than in the short run.

    ## Momentum

    **Momentum** is mass times velocity. \
    The **law of conservation of momentum** says that the total momentum of an isolated system stays constant.
    """

    @Test func theGenericHeadOfLongerTermsRanksBelowThem() throws {
        let material = try material(Self.markets)
        let terms = ["supply", "law of supply", "price elasticity of supply (PES)", "momentum", "law of conservation of momentum"]
        let ranks = KeyTermRanks(terms: terms, lexicon: material.lexicon)
        let supply = AnswerSpan(text: "Supply", kind: .term, weight: 10, isDefinedHere: true)
        #expect(ranks.isGenericHead(supply))
        #expect(supply.weight + ranks.adjustment(for: supply, lexicon: material.lexicon) < ExamMaterial.strongWeight)
        // Outside its definition it is options only.
        #expect(ranks.isBuildingBlock(AnswerSpan(text: "Supply", kind: .term, weight: 9), lexicon: material.lexicon))
        // One family only ("conservation of momentum" inside "law of conservation of momentum"): a term of its own.
        let momentum = AnswerSpan(text: "Momentum", kind: .term, weight: 10, isDefinedHere: true)
        #expect(!ranks.isGenericHead(momentum))
        #expect(momentum.weight + ranks.adjustment(for: momentum, lexicon: material.lexicon) > 7)
        // The longer terms keep their rank.
        let law = AnswerSpan(text: "law of supply", kind: .term, weight: 9)
        #expect(law.weight + ranks.adjustment(for: law, lexicon: material.lexicon) > 7)
        #expect(KeyTermRanks.genericHeads(of: ["net force", "normal force", "force"]) == ["force"])
        // A named document comes before the year it came out.
        let rfc = AnswerSpan(text: "RFC 5681", kind: .identifier, weight: 6)
        let year = AnswerSpan(text: "2009", kind: .year, weight: 7)
        #expect(rfc.weight + ranks.adjustment(for: rfc, lexicon: material.lexicon)
                > year.weight + ranks.adjustment(for: year, lexicon: material.lexicon))
        #expect(KeyTermRanks.genericHeads(of: ["conservation of momentum", "law of conservation of momentum"]).isEmpty)
    }

    @Test func aKeyPhraseAroundAOneWordTermIsTheWhole() throws {
        let text = """
        # Markets

        ## Demand

        Demand is the relationship between price and the quantity buyers purchase. \
        The law of demand says that buyers purchase less at a higher price.
        """
        let material = try material(text)
        let extractor = SpanExtractor(properWords: [], terms: ["law of demand"], lexicon: material.lexicon)
        let law = try #require(material.sentences.first { $0.text.hasPrefix("The law of demand") })
        let spans = extractor.spans(in: law)
        #expect(spans.contains { $0.text == "law of demand" })
        #expect(!spans.contains { $0.text == "demand" })
        // Where the one-word term is defined, it stays the answer.
        let definition = try #require(material.sentences.first { $0.text.hasPrefix("Demand is") })
        #expect(extractor.spans(in: definition).contains { $0.text == "Demand" && $0.isDefinedHere })
        // A ranked phrase counts as a key term when it ends on a noun, not on a verb or a day.
        #expect(KeyTermRanks.isPlainPhrase("inferior good"))
        #expect(KeyTermRanks.isPlainPhrase("price ceiling"))
        #expect(!KeyTermRanks.isPlainPhrase("panel noted"))
        #expect(!KeyTermRanks.isPlainPhrase("last Saturday"))
    }

    // MARK: - Terms before numbers

    @Test func multipleChoiceDoesNotPassOverAKeyTermForANumber() throws {
        let text = """
        # Rome

        ## Offices

        The **consul** was the highest regular office; minimum age 42. \
        The **praetor** was the judicial office below the consul. \
        The **quaestor** managed public money and the treasury. \
        The **aedile** looked after temples, markets and games. \
        The Senate had about 300 members in 150 BC, and 600 members after 81 BC.
        """
        let material = try material(text)
        var factory = QuestionFactory(material: material, difficulty: .medium)
        factory.fillInFallback = true
        let consul = try #require(material.candidates.first { $0.text.contains("minimum age 42") })
        var rng = SeededRandom(text: "mc", salt: 3)
        if let (question, _) = factory.multipleChoice(consul, used: [], rng: &rng) {
            let answers = question.kind == .fillInBlank ? question.acceptedAnswers : question.correctOptions.map { question.options[$0] }
            #expect(!answers.contains("42"), "number asked over the defined term: \(question.prompt)")
        }
        // Without the fill-in fallback pass, the sentence gives no multiple-choice question on 42.
        var strictRng = SeededRandom(text: "mc", salt: 3)
        if let (question, _) = factory.multipleChoice(consul, used: [], fallback: false, rng: &strictRng) {
            #expect(!question.correctOptions.map { question.options[$0] }.contains("42"))
        }
    }
}
