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

    static let profile = """
    The violinist died at his home in York after a long illness, his family said on Monday.
    Marlow played with many orchestras around the world and was one of the best-known soloists of his time.
    Marlow studied violin in Vienna with Clara Stein and later in Paris with Jean Dupont.
    He was the music director of the Harrogate Festival from 1979 to 1995.
    His first recording was made in 1968 with the Leeds Chamber Orchestra.
    He taught at the Royal Northern College of Music for 20 years.
    "He was a generous teacher," said the cellist Ann Holt.
    He also wrote two books about Bach.
    """

    @Test("a run of 'He …' sentences right after one whose subject is a person is asked with the name written in")
    func pronounRunNamesItsSubject() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.profile))
        let texts = material.candidates.map(\.text)
        #expect(texts.contains { $0.hasPrefix("Marlow was the music director of the Harrogate Festival") })
        #expect(texts.contains { $0.hasPrefix("Marlow's first recording was made in 1968") })
        #expect(texts.contains { $0.hasPrefix("Marlow taught at the Royal Northern College") })
        // After a quote by someone else the run has ended: "He also wrote …" is not repaired,
        // and the opening "He died …" has no subject before it.
        #expect(!texts.contains { $0.contains("also wrote two books") })
        #expect(!texts.contains { $0.contains("died at his home") })
    }

    @Test("a two-word term's head is accepted where the text writes it alone and names no other kind of it")
    func headAloneIsAccepted() {
        let sentences = ["The morning commute in Hanoi is slow.", "The commute in Vietnam makes the Tube look easy."]
        #expect(AcceptedAnswers.headAlone(of: "morning commute", sentences: sentences, termsByHead: ["commute": ["morning commute"]]) == "commute")
        // Another kind of respiration: the head alone is open.
        #expect(AcceptedAnswers.headAlone(of: "cellular respiration", sentences: ["The respiration of yeast differs."],
                                          termsByHead: ["respiration": ["cellular respiration", "aerobic respiration"]]) == nil)
        // Never written alone: not given.
        #expect(AcceptedAnswers.headAlone(of: "tour companies", sentences: ["Unlike other tour companies we travel far."],
                                          termsByHead: [:]) == nil)
    }
}
