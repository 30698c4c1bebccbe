import Testing
import StudyModel
@testable import StudyEngine

/// Faults an independent judge found on fresh texts (issue 8, round 15): a false statement
/// that is still true ("more than 180 CDs" for "more than 200"), a money answer graded only in
/// one spelling ("£30bn" but not "£30 billion"), and a person known only by a role ("The
/// conductor founded the _____").
@Suite struct ExamJudgeFifteenTests {
    @Test("a value given as a bound or an estimate is never swapped for a false statement")
    func hedgedValuesAreNotSwapped() {
        #expect(SwapChecks.isHedgedValue(stem: "The orchestra made more than _____, including a cycle.", blank: "_____", kind: .number))
        #expect(SwapChecks.isHedgedValue(stem: "Ghiberti won the contest around _____.", blank: "_____", kind: .year))
        #expect(SwapChecks.isHedgedValue(stem: "The bridge carries up to _____ a day.", blank: "_____", kind: .number))
        #expect(!SwapChecks.isHedgedValue(stem: "Prices rose from 3 to _____ in a year.", blank: "_____", kind: .number))
        #expect(!SwapChecks.isHedgedValue(stem: "The band made _____ in ten years.", blank: "_____", kind: .number))
        #expect(!SwapChecks.isHedgedValue(stem: "It was founded around _____ by monks.", blank: "_____", kind: .term))
    }

    static let orchestraNotes = """
    # The Hill Consort

    ## History

    The Hill Consort was founded in 1968 by the harpsichordist Anna Reyes. It made more than 150 recordings of baroque music.
    Around 1985 the consort began touring abroad, and it played in 40 countries by 2000.
    The consort gave its 1,000th concert in 2004 in Leeds, a city where it recorded 12 albums.
    Anna Reyes retired in 2010 and handed the consort to the violinist Tom Baker.
    """

    @Test("true/false items never swap 'more than 150' or 'around 1985'")
    func trueFalseKeepsHedgedValues() throws {
        for seed in 1...10 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: Self.orchestraNotes)
            for question in exam.questions where question.correctOptions == [1] {
                #expect(!question.prompt.contains("more than") || question.prompt.contains("more than 150"), "seed \(seed): \(question.prompt)")
                #expect(!question.prompt.contains("Around") || question.prompt.contains("Around 1985"), "seed \(seed): \(question.prompt)")
            }
        }
    }

    @Test("money with a glued scale is graded by value: '£30bn' = '£30 billion' = '30 billion'; '£390m' = '390 million'")
    func gluedScalesGradeByValue() {
        #expect(TypedAnswerMatcher.matches("£30 billion", expected: "£30bn"))
        #expect(TypedAnswerMatcher.matches("30 billion", expected: "£30bn"))
        #expect(TypedAnswerMatcher.matches("£30 bn", expected: "£30bn"))
        #expect(TypedAnswerMatcher.matches("390 million", expected: "£390m"))
        #expect(TypedAnswerMatcher.matches("390m", expected: "£390m"))
        #expect(!TypedAnswerMatcher.matches("£31bn", expected: "£30bn"))
        // Without money, a glued "m" may be metres: it stays as written.
        #expect(!TypedAnswerMatcher.matches("100 million", expected: "100m"))
    }

    @Test("a sentence about a person known only by a role ('The conductor founded …') is no stem")
    func roleOnlyPersonIsNoStem() {
        #expect(MissingReferent.problem("The conductor founded the orchestra in 1973 and led it for 30 years.") != nil)
        #expect(MissingReferent.problem("The researcher found that the drug halved the risk.") != nil)
        #expect(MissingReferent.problem("The conductor Anna Reyes founded the orchestra in 1973.") == nil)
        #expect(MissingReferent.problem("The cell membrane controls what enters the cell.") == nil)
    }
}
