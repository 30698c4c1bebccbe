import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Answers favour what the text marks as key, and fill-ins accept every name the text gives.
@Suite struct ExamSalienceTests {
    static let notes = """
    # Reliable Transport

    ## Windows

    The **congestion window** (cwnd) limits how much data a sender may have in flight. \
    Together the two rules are called additive increase, multiplicative decrease (AIMD): add a little, halve on loss. \
    AIMD keeps flows fair, and AIMD is still the rule in most stacks.

    ## Timers

    The **retransmission timeout** (RTO) is the time a sender waits for an acknowledgement. \
    A timeout is treated as a severe signal by every sender. \
    The RTO has a minimum of 1 second, and each 1,460 bytes segment costs about 30.5 kJ per mole in our silly analogy.
    """

    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    @Test func aCommaInsideALongFormStaysPartOfTheTerm() throws {
        let long = ExamLexicon.longForm(for: "AIMD", before: ["called", "additive", "increase,", "multiplicative", "decrease"])
        #expect(long == "additive increase, multiplicative decrease")
        let lexicon = try material(Self.notes).lexicon
        let names = lexicon.names(of: "AIMD")
        #expect(names.contains("additive increase, multiplicative decrease"))
        let span = AnswerSpan(text: "additive increase, multiplicative decrease", kind: .term)
        let forms = AcceptedAnswers.forms(of: span, lexicon: lexicon, loneNames: [])
        #expect(forms.contains("AIMD"))
        #expect(forms.contains("additive increase multiplicative decrease"))
    }

    @Test func aShortFormOfOneLongerTermAcceptsThatTermsNames() throws {
        let lexicon = try material(Self.notes).lexicon
        let forms = AcceptedAnswers.forms(of: AnswerSpan(text: "timeout", kind: .term), lexicon: lexicon, loneNames: [])
        #expect(forms.contains("retransmission timeout"))
        #expect(forms.contains("RTO"))
        // "window" ends two terms ("congestion window" and none other here) but is asked as itself
        // only when exactly one longer term ends in it.
        let two = ExamLexicon(sentences: [], headings: [], properWords: [])
        #expect(AcceptedAnswers.headOf("window", lexicon: two).isEmpty)
    }

    @Test func numbersWithAPerUnitAcceptTheSlashAndTheMainUnit() {
        let forms = AcceptedAnswers.numberForms("30.5 kJ per mole")
        #expect(forms.contains("30.5 kJ/mole"))
        #expect(forms.contains("30.5 kJ"))
    }

    @Test func rankedKeyTermsOutweighDatesAndUnrankedEmphasisFallsBelowThem() throws {
        let lexicon = try material(Self.notes).lexicon
        let ranks = KeyTermRanks(terms: ["congestion window (cwnd)", "retransmission timeout (RTO)"], lexicon: lexicon)
        #expect(ranks.rank(of: AnswerSpan(text: "cwnd", kind: .acronym), lexicon: lexicon) == 0)
        #expect(ranks.rank(of: AnswerSpan(text: "RTO", kind: .acronym), lexicon: lexicon) == 1)
        let ranked = AnswerSpan(text: "congestion window", kind: .term, weight: 8)
        #expect(ranked.weight + ranks.adjustment(for: ranked, lexicon: lexicon) > 7)
        let unranked = AnswerSpan(text: "severe signal", kind: .term, weight: 8)
        #expect(unranked.weight + ranks.adjustment(for: unranked, lexicon: lexicon) < 7)
        // Dates and numbers keep their weight.
        let date = AnswerSpan(text: "1988", kind: .year, weight: 7)
        #expect(ranks.adjustment(for: date, lexicon: lexicon) == 0)
    }

    @Test func multipleAnswerGroupsHoldOnlyDefinedOrRankedTerms() throws {
        let questions = try ExamGenerator(configuration: Exam.Configuration(questionCount: 10, questionTypes: [.multipleAnswer]))
            .generate(from: Self.notes).questions
        let lexicon = try material(Self.notes).lexicon
        for q in questions where q.answerKind == "term" {
            for i in q.correctOptions {
                #expect(lexicon.entry(for: q.options[i]) != nil, "passing mention as an answer: \(q.options[i])")
            }
        }
    }
}
