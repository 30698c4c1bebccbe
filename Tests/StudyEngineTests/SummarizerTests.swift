import Testing
import StudyModel
@testable import StudyEngine

@Suite struct SummarizerTests {
    @Test(arguments: Fixtures.all)
    func briefPicksThreeSentencesInDocumentOrder(text: String) throws {
        let summary = try Summarizer(options: SummaryOptions(type: .brief)).summarize(text)
        #expect(summary.sentences.count == 3)
        let indexes = summary.sentences.map(\.unitIndex)
        #expect(indexes == indexes.sorted())
        let document = try StudyDocument(text: text)
        // Every sentence is the author's own, unchanged but for inline Markdown.
        for sentence in summary.sentences {
            #expect(InlineMarkdown.strip(document.split.units[sentence.unitIndex].text) == sentence.text)
        }
        #expect(summary.text == summary.sentences.map(\.text).joined(separator: " "))
    }

    @Test(arguments: Fixtures.all)
    func rankingIsDeterministic(text: String) throws {
        let options = SummaryOptions(type: .detailed)
        let first = try Summarizer(options: options).summarize(text)
        for _ in 0..<3 {
            #expect(try Summarizer(options: options).summarize(text) == first)
        }
    }

    @Test func sentenceCountOption() throws {
        let text = Fixtures.frenchRevolution
        for n in 1...5 {
            let summary = try Summarizer(options: SummaryOptions(type: .brief, sentences: n)).summarize(text)
            #expect(summary.sentences.count == n)
        }
        #expect(throws: EngineError.self) { try Summarizer(options: SummaryOptions(sentences: 0)).summarize(text) }
    }

    @Test func detailedIsLongerThanBrief() throws {
        let text = Fixtures.all.joined(separator: "\n\n")
        let brief = try Summarizer(options: SummaryOptions(type: .brief)).summarize(text)
        let detailed = try Summarizer(options: SummaryOptions(type: .detailed)).summarize(text)
        let total = try StudyDocument(text: text).sentences.count
        #expect(detailed.sentences.count > brief.sentences.count)
        #expect(detailed.sentences.count <= max(4, total / 4 + 1))
    }

    @Test func bulletPointsAreTrimmedLines() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .bulletPoints, sentences: 4)).summarize(Fixtures.tcp)
        let lines = summary.text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("- ") && !$0.hasSuffix(".") })
        #expect(SummaryFormatter.bullet("However, the cell divides.") == "The cell divides")
    }

    @Test func keyTermsComeWithTheirSentence() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .keyTerms, sentences: 6)).summarize(Fixtures.photosynthesis)
        #expect(!summary.keyTerms.isEmpty && summary.keyTerms.count <= 6)
        for term in summary.keyTerms {
            #expect(term.sentence.lowercased().contains(term.term.lowercased()))
            #expect(!StopWords.english.contains(term.term.lowercased()))
        }
        let terms = summary.keyTerms.map { $0.term.lowercased() }
        #expect(terms.contains("calvin cycle") || terms.contains("thylakoids") || terms.contains("chloroplast"))
        #expect(Set(terms).count == terms.count)
    }

    @Test func stylesChangeFormOnly() throws {
        let text = "Enzymes (biological catalysts) speed up reactions in cells. They are proteins. Each enzyme fits one substrate. Temperature changes how fast enzymes work. Very high temperatures denature them."
        let academic = try Summarizer(options: SummaryOptions(type: .brief, style: .academic)).summarize(text)
        let simple = try Summarizer(options: SummaryOptions(type: .brief, style: .simple)).summarize(text)
        let concise = try Summarizer(options: SummaryOptions(type: .bulletPoints, style: .concise)).summarize(text)
        #expect(!simple.text.contains("("))
        #expect(academic.sentences.map(\.unitIndex) == simple.sentences.map(\.unitIndex))
        #expect(concise.sentences.count <= 3)
    }

    @Test func redundantSentencesAreNotRepeated() throws {
        let text = """
        The Nile is the longest river in Africa. The Nile is the longest river in Africa, experts say. \
        It flows north through eleven countries. Its delta is very fertile. Farmers have used its floods for thousands of years.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .brief, sentences: 3)).summarize(text)
        let nileCount = summary.sentences.filter { $0.text.hasPrefix("The Nile is the longest") }.count
        #expect(nileCount == 1)
    }

    @Test func awkwardInputs() throws {
        let one = try Summarizer().summarize("Only one sentence here.")
        #expect(one.sentences.map(\.text) == ["Only one sentence here."])
        let noPunctuation = try Summarizer().summarize("no punctuation at all just words about cells and energy")
        #expect(noPunctuation.sentences.count == 1)
        let list = try Summarizer(options: SummaryOptions(type: .bulletPoints)).summarize("- apples are red\n- bananas are yellow\n- grapes are green\n- lemons are sour")
        #expect(!list.sentences.isEmpty)
        let code = try Summarizer().summarize("```\nlet x = 1\nprint(x)\n```\n")
        #expect(code.sentences.isEmpty)
        #expect(code.notes.contains { $0.contains("no sentences") })
        let mixed = try Summarizer(options: SummaryOptions(sentences: 2)).summarize(
            "Photosynthesis makes sugar from light. 光合作用是植物利用光能的过程。Фотосинтез происходит в хлоропластах. Plants need light to grow.")
        #expect(mixed.sentences.count == 2)
    }

    @Test func makesAStorableSummary() throws {
        let summary = try Summarizer().summarize(Fixtures.primes)
        let entity = summary.makeSummary(owner: "u1", contentId: "c1")
        try entity.validate()
        #expect(entity.summaryText == summary.text)
        #expect(entity.metadata.engine == "offline")
    }
}
