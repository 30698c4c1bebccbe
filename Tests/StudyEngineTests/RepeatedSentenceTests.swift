import Testing
import StudyModel
@testable import StudyEngine

/// A text that repeats a sentence (a news caption or pull quote, sometimes with a word changed)
/// gets one question on it, not two that give each other's answers away (issue 8).
@Suite struct RepeatedSentenceTests {
    @Test("a sentence the text repeats, nearly word for word, is asked about once")
    func repeatedSentenceIsAskedOnce() throws {
        let text = """
        The Harbour Trust was founded in 1998 by the engineer Dana Holt in Portland, Oregon. \
        Its first project restored the old ferry pier at a cost of $4 million. \
        Volunteers from Salem and Eugene joined the project in 2001. \
        The pier reopened to the public in May 2003 after five years of work. \
        The Harbour Trust was founded in 1998 by the engineer Dana Holt in Portland, USA. \
        Today the trust employs 40 people and runs three museums.
        """
        for seed in 1...5 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 8, questionTypes: [.fillInBlank, .trueFalse]),
                                         seed: UInt64(seed)).generate(from: text)
            let onFounding = exam.questions.filter { $0.prompt.contains("founded") }
            #expect(onFounding.count <= 1, "seed \(seed): \(onFounding.map(\.prompt))")
            #expect(exam.questions.count >= 4)
        }
    }

    @Test("two different sentences that share a subject are both still askable")
    func differentSentencesAreNoEchoes() {
        var echoes = SentenceEchoes()
        let first = echoes.repeats("The Harbour Trust was founded in 1998 by the engineer Dana Holt.", index: 0)
        #expect(!first)
        echoes.record("The Harbour Trust was founded in 1998 by the engineer Dana Holt.", index: 0)
        let again = echoes.repeats("The Harbour Trust was founded in 1998 by the engineer Dana Holt in the USA.", index: 4)
        let other = echoes.repeats("The Harbour Trust restored the ferry pier at a cost of $4 million.", index: 1)
        let short = echoes.repeats("It was founded.", index: 2)
        #expect(again)
        #expect(!other)
        #expect(!short)
    }
}
