import Testing
import StudyModel
@testable import StudyEngine

/// False statements a reader rejects without the text: circular swaps and non-persons in a
/// person's place (issue 8, F).
@Suite struct SwapChecksTests {
    @Test("a swap that repeats a word of the rest of the statement is circular; a sibling that differs is not")
    func circularSwaps() {
        let stem = "_____ is a polymer built from units called nucleotides."
        #expect(SwapChecks.isCircular(swap: "Nucleotide", original: "Deoxyribonucleic acid", stem: stem, blank: "_____"))
        #expect(!SwapChecks.isCircular(swap: "Ribonucleic acid", original: "Deoxyribonucleic acid", stem: stem, blank: "_____"))
        let law = "Newton's _____ says that the law holds for every body."
        #expect(!SwapChecks.isCircular(swap: "second law", original: "first law", stem: law, blank: "_____"))
    }

    @Test("names written as people's names pass; companies and abbreviations do not")
    func personNames() {
        for name in ["Justine Dawson", "Mark McDaniel", "Sinead O'Neill", "Anna Smith-Jones", "J Smith"] {
            #expect(PersonNameShape.fits(name), "\(name)")
        }
        for name in ["TurnON Britain", "BBC", "NASA Goddard", "", "iPhone"] {
            #expect(!PersonNameShape.fits(name), "\(name)")
        }
    }

    @Test("an exam never swaps a company into a person's place, nor a term into its own definition")
    func examStatements() throws {
        let text = """
        Orgasmic meditation was founded by US entrepreneur Nicole Daedone in 2001. \
        The company TurnON Britain runs classes in London. \
        Justine Dawson leads the classes in London. \
        Nicole Daedone grew up in California and started teaching in San Francisco. \
        Deoxyribonucleic acid is a polymer built from units called nucleotides. \
        Each nucleotide holds a sugar, a phosphate and a base. \
        Ribonucleic acid carries the code to the ribosome.
        """
        for seed in 1...8 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: text)
            for question in exam.questions where question.correctOptions == [1] {
                #expect(question.replacementSpan != "TurnON Britain", "seed \(seed): \(question.prompt)")
                #expect(!(question.prompt.contains("called nucleotides") && question.replacementSpan?.lowercased().hasPrefix("nucleotide") == true),
                        "seed \(seed): \(question.prompt)")
            }
        }
    }

    @Test("a number swapped in must be of the original's scale")
    func numberScale() throws {
        let span = AnswerSpan(text: "900,000 people", kind: .number)
        #expect(SwapChecks.isOutOfScale(swap: "50 people", original: span))
        #expect(!SwapChecks.isOutOfScale(swap: "700,000 people", original: span))
        #expect(!SwapChecks.isOutOfScale(swap: "150,000 people", original: span))
    }
}
