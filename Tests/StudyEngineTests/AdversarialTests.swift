import Foundation
import Testing
import StudyModel
@testable import StudyEngine

@Suite struct AdversarialTests {
    @Test func tenMegabytesAreSummarisedAndExamined() throws {
        var text = ""
        let base = Fixtures.all.joined(separator: "\n\n")
        var copy = 0
        while text.utf8.count < 10 * 1_048_576 {
            // Vary each copy a little so that the document is not one paragraph repeated.
            text += base.replacingOccurrences(of: "1789", with: String(1000 + copy % 900)) + "\n\n"
            copy += 1
        }
        let document = try StudyDocument(text: text)
        let summary = Summarizer(options: SummaryOptions(type: .brief)).summarize(document)
        let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 20)).generate(from: document)
        // The copies repeat `#` and `##` headings, so these are notes with sections: the brief
        // summary takes one sentence per section, at most 5.
        #expect(summary.sentences.count == 5)
        #expect(exam.questions.count == 20)
        // Speed is measured by `make bench` (engine_summarize_1mb, engine_exam20_1mb), not here.
    }

    @Test func onlyCodeOnlyHeadingsAndOnlyList() throws {
        let code = try ExamGenerator().generate(from: "```\nfunc f() {}\n```")
        #expect(code.questions.isEmpty && !code.notes.isEmpty)
        let headings = try Summarizer().summarize("# Title\n\n## Another title")
        #expect(headings.sentences.isEmpty)
        let list = try ExamGenerator(configuration: .init(questionCount: 3)).generate(
            from: "- Paris is the capital of France since 987\n- Berlin is the capital of Germany since 1990\n- Rome is the capital of Italy since 1871\n- Madrid is the capital of Spain since 1561")
        #expect(!list.questions.isEmpty)
    }

    @Test func mixedScriptsWork() throws {
        let text = """
        Photosynthesis converts light into chemical energy in plants. 光合作用是植物利用光能把二氧化碳和水转化为糖的过程。\
        Фотосинтез происходит в хлоропластах растительных клеток. Chlorophyll absorbs red and blue light in 1779 experiments.
        """
        let summary = try Summarizer(options: SummaryOptions(sentences: 2)).summarize(text)
        #expect(summary.sentences.count == 2)
        let terms = try Summarizer(options: SummaryOptions(type: .keyTerms)).summarize(text)
        #expect(terms.type == .keyTerms)
        _ = try ExamGenerator(configuration: .init(questionCount: 4)).generate(from: text)
    }

    @Test func reportsRenderAndEncode() throws {
        let files = ["a.md": Fixtures.tcp, "b.md": ""]
        let report = SummaryReport.make(files: ["a.md", "b.md"], options: SummaryOptions()) { name in
            try #require(files[name])
        }
        #expect(report.hasErrors)
        #expect(report.entries[0].error == nil && report.entries[0].sentences.count == 3)
        #expect(report.entries[1].error?.contains("empty") == true)
        let text = report.renderText()
        #expect(text.contains("== a.md ==") && text.contains("error:"))
        let json = try report.renderJSON()
        let decoded = try JSONDecoder().decode(SummaryReport.self, from: Data(json.utf8))
        #expect(decoded == report)

        let exam = try ExamReport.make(file: "t.md", configuration: .init(questionCount: 5)) { _ in Fixtures.tcp }
        #expect(exam.questions.count == 5)
        let rendered = exam.renderText()
        #expect(rendered.contains("1. [") && rendered.contains("Answer:") && rendered.contains("Source:"))
        #expect(!exam.renderText(showAnswers: false).contains("Answer:"))
        #expect(try JSONDecoder().decode(ExamReport.self, from: Data(exam.renderJSON().utf8)) == exam)
    }
}
