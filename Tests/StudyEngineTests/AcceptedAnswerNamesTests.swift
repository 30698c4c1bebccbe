import Testing
import StudyModel
@testable import StudyEngine

/// Fill-in keys accept the other names a student may fairly write (issue 8, item 5): unit
/// symbols for unit names, a law without its discoverer's name, and the names the key-term
/// extractor found when the exam's own lexicon knows only one.
@Suite struct AcceptedAnswerNamesTests {
    let lexicon = ExamLexicon(sentences: [], headings: [], properWords: [])

    @Test func unitNamesAlsoAcceptTheirSymbols() {
        var energy = AnswerSpan(text: "30.5 kJ per mole", kind: .number)
        energy.unit = "kJ per mole"
        let forms = AcceptedAnswers.forms(of: energy, lexicon: lexicon, loneNames: [])
        #expect(forms.contains("30.5 kJ/mol"))
        #expect(forms.contains("30.5 kJ/mole"))
        var time = AnswerSpan(text: "20 seconds", kind: .number)
        time.unit = "seconds"
        #expect(AcceptedAnswers.forms(of: time, lexicon: lexicon, loneNames: []).contains("20 s"))
        // A unit with no symbol of its own gets none.
        var pages = AnswerSpan(text: "20 pages", kind: .number)
        pages.unit = "pages"
        #expect(!AcceptedAnswers.forms(of: pages, lexicon: lexicon, loneNames: []).contains(where: { $0.hasPrefix("20 p") && $0 != "20 pages" }))
    }

    @Test func aLawIsAlsoAcceptedWithoutItsDiscoverer() {
        let law = AnswerSpan(text: "Kepler's second law", kind: .term)
        #expect(AcceptedAnswers.forms(of: law, lexicon: lexicon, loneNames: []).contains("second law"))
        // One word left would say too little.
        let laws = AnswerSpan(text: "Kepler's laws", kind: .term)
        #expect(!AcceptedAnswers.forms(of: laws, lexicon: lexicon, loneNames: []).contains("laws"))
    }

    @Test func keyTermAliasesReachTheFillInKey() {
        let terms = [KeyTerm(term: "memory management unit (MMU)", sentence: "", unitIndex: 0, score: 1, occurrences: 2,
                             aliases: ["MMU"]),
                     KeyTerm(term: "page table", sentence: "", unitIndex: 1, score: 0.5, occurrences: 3)]
        let names = ExamMaterial.names(of: terms)
        #expect(names[ExamLexicon.key("memory management unit")] == ["memory management unit", "MMU"])
        #expect(names[ExamLexicon.key("MMU")] == ["memory management unit", "MMU"])
        #expect(names[ExamLexicon.key("page table")] == nil)
        let span = AnswerSpan(text: "memory management unit", kind: .term)
        let forms = AcceptedAnswers.forms(of: span, lexicon: lexicon, loneNames: [],
                                          keyTermNames: names[ExamLexicon.key(span.text)] ?? [])
        #expect(forms.first == "memory management unit")
        #expect(forms.contains("MMU"))
    }

    @Test func aKeyTermAliasFoundOnceIsAcceptedInAGeneratedExam() throws {
        let text = """
        # Virtual memory

        Each process sees its own address space. The memory management unit translates every virtual \
        address into a physical one, using the page table of the running process.

        ## Translation

        On a miss, the memory management unit (MMU) walks the page table in memory. The translation \
        lookaside buffer (TLB) caches recent translations so that most accesses need no walk. \
        A page fault occurs when the page is not in memory at all.
        """
        let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 12, questionTypes: [.fillInBlank]), seed: 1)
            .generate(from: text)
        let asked = exam.questions.filter { $0.acceptedAnswers.first?.lowercased() == "memory management unit" }
        #expect(!asked.isEmpty)
        for question in asked { #expect(question.acceptedAnswers.contains("MMU")) }
    }
}

@Suite struct DefinedWordKeyTests {
    func lexicon(_ text: String) throws -> ExamLexicon {
        let document = try StudyDocument(text: text)
        let sentences = ExamSentence.make(document, only: Array(0..<document.sentences.count))
        return ExamLexicon(sentences: sentences, headings: [], properWords: [])
    }

    @Test func aWordTheTextDefinesIsNotTakenForALongerTermEndingInIt() throws {
        let markets = try lexicon("""
        Demand is the relationship between the price of a good and the quantity buyers want. \
        **Income elasticity of demand (YED)** measures how demand responds to a change in income. \
        A good with a YED above 1 is a luxury.
        """)
        #expect(AcceptedAnswers.headOf("Demand", lexicon: markets).isEmpty)
        // A word the text never defines still stands for the one longer term ending in it.
        let tcp = try lexicon("""
        The retransmission timeout (RTO) is the time a sender waits for an acknowledgement. \
        After a timeout the sender starts again from one segment.
        """)
        #expect(AcceptedAnswers.headOf("timeout", lexicon: tcp).contains("RTO"))
    }
}

/// A numbered or lettered member of a series is no name on its own (issue 8, fill-in keys).
@Suite struct SeriesMemberKeyTests {
    @Test("'photosystem II' accepts PSII but not the bare numeral 'II'")
    func numeralIsNoName() throws {
        let text = """
        # Light

        In the light reactions, **photosystem II (PSII)** absorbs light at 680 nm and splits water. \
        Photosystem I then passes electrons on to the next carrier.

        The Calvin cycle fixes carbon dioxide into sugar in the stroma of the chloroplast.
        """
        let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.fillInBlank]), seed: 1)
            .generate(from: text)
        let asked = exam.questions.filter { $0.acceptedAnswers.first == "photosystem II" }
        #expect(!asked.isEmpty)
        for question in asked {
            #expect(question.acceptedAnswers.contains("PSII"))
            #expect(!question.acceptedAnswers.contains("II"))
        }
    }
}
