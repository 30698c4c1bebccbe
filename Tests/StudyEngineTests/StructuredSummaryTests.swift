import Testing
import StudyModel
@testable import StudyEngine

/// Summaries of notes with sections, news lead bias, dangling references, Markdown and key
/// terms (issue #8, deliverable 7). The texts are written for these tests.
@Suite struct StructuredSummaryTests {
    /// Lecture notes whose first section is long and central, so that a lead-biased summary
    /// would stay in it and miss the later sections.
    static let volcanoNotes = """
    # Volcanoes

    *Earth Science, Lecture 5*

    A volcano is an opening in the crust through which molten rock, gas and ash escape. Volcanoes form where \
    magma rises from the mantle. Magma that reaches the surface is called lava. Most volcanoes sit on plate \
    boundaries. Volcanoes shape the land and the climate.

    ## Magma and Eruptions

    Magma is molten rock stored in a **magma chamber** under the volcano. Magma rich in silica is thick and traps \
    gas, so its eruptions are explosive. Magma poor in silica is runny and lets gas escape, so its eruptions are \
    gentle. The gas in magma is mostly water vapour and carbon dioxide. Pressure from the gas drives every eruption. \
    It builds up until the rock above the chamber breaks.

    ## Types of Volcano

    A shield volcano is a broad, gentle cone built from runny basalt lava flows. Mauna Loa in Hawaii is the largest \
    shield volcano on Earth. A stratovolcano is a steep cone made of alternating layers of lava and ash, such as \
    Mount Fuji.

    ## Volcanic Hazards

    A pyroclastic flow is a fast avalanche of hot gas and ash that can travel at 700 km/h. A lahar is a mudflow of \
    volcanic ash and water. In 79 AD the eruption of Vesuvius buried the town of Pompeii under ash.

    ## Monitoring Volcanoes

    Seismometers record the small earthquakes that come before many eruptions. Tiltmeters measure how the ground \
    swells as magma rises. Scientists also sample the gases that escape from vents.
    """

    static let sections = ["Magma and Eruptions", "Types of Volcano", "Volcanic Hazards", "Monitoring Volcanoes"]

    /// The section of each summary sentence, found through the document's units.
    func sectionsOf(_ summary: ExtractiveSummary, in text: String) throws -> [String?] {
        let document = try StudyDocument(text: text)
        return summary.sentences.map { document.split.units[$0.unitIndex].section }
    }

    @Test func briefCoversEverySectionInOrder() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .brief)).summarize(Self.volcanoNotes)
        let found = try sectionsOf(summary, in: Self.volcanoNotes)
        for section in Self.sections { #expect(found.contains(section), "brief misses \(section)") }
        #expect(summary.sentences.count <= 5)
        let indexes = summary.sentences.map(\.unitIndex)
        #expect(indexes == indexes.sorted())
    }

    @Test func bulletPointsCoverEverySection() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .bulletPoints)).summarize(Self.volcanoNotes)
        let found = try sectionsOf(summary, in: Self.volcanoNotes)
        for section in Self.sections { #expect(found.contains(section), "bullets miss \(section)") }
    }

    @Test func shortSummaryStaysWithinTheAskedLength() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .brief, sentences: 2)).summarize(Self.volcanoNotes)
        #expect(summary.sentences.count == 2)
        let found = try sectionsOf(summary, in: Self.volcanoNotes)
        // Two sections, not two sentences of the same one.
        #expect(Set(found.compactMap { $0 }).count == 2)
    }

    @Test func newsKeepsItsLeadBias() throws {
        let news = """
        The city council of Northbridge voted on Tuesday to close the old harbour bridge to cars from June. \
        The vote followed a report that found deep cracks in two of the bridge's steel supports. \
        Engineers said the bridge could still carry pedestrians and cyclists safely for several years. \
        Local shop owners warned that the closure would cut the number of visitors to the harbour market. \
        The council promised a free shuttle bus between the car parks and the market. \
        A new bridge is planned, but the council has not yet found the money to build it. \
        Residents will be able to comment on the plans at a public meeting next month. \
        The harbour bridge was opened in 1931 and carried about 20,000 cars a day before the vote.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .brief)).summarize(news)
        #expect(summary.sentences.count == 3)
        #expect(summary.sentences.first?.unitIndex == 0)
    }

    @Test func newsOpeningThatPointsForwardMayStandAlone() throws {
        let news = """
        It is not just the harbour bridge that Northbridge will close to cars this summer, the council said on Tuesday. \
        The old market street will also become a zone for pedestrians and cyclists from the start of June. \
        Engineers found deep cracks in two of the bridge's steel supports during a routine check in March. \
        Local shop owners warned that the closures would cut the number of visitors to the harbour market. \
        The council promised a free shuttle bus between the car parks and the market.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .brief, sentences: 3)).summarize(news)
        #expect(summary.sentences.first?.unitIndex == 0, "\(summary.sentences.map(\.text))")
    }

    @Test func noDanglingReferenceWithoutItsAntecedent() throws {
        for text in Fixtures.all + [Self.volcanoNotes] {
            for type in [Summary.SummaryType.brief, .bulletPoints, .detailed] {
                let summary = try Summarizer(options: SummaryOptions(type: type)).summarize(text)
                let document = try StudyDocument(text: text)
                let chosen = Set(summary.sentences.map(\.unitIndex))
                for sentence in summary.sentences {
                    let unit = document.split.units[sentence.unitIndex]
                    guard DanglingReference.startsWithReference(unit.text) else { continue }
                    let before = document.split.units[..<sentence.unitIndex].last { $0.kind != .heading }
                    // The text's first sentence has nothing before it to lean on.
                    #expect(before.map { chosen.contains($0.index) } ?? true, "dangling: \(unit.text)")
                }
            }
        }
        #expect(DanglingReference.startsWithReference("It builds up until the rock breaks."))
        #expect(DanglingReference.startsWithReference("**These** forces cancel."))
        #expect(DanglingReference.startsWithReference("Together they explain how forces change motion."))
        #expect(DanglingReference.startsWithReference("\"It was a disaster,\" she said."))
        #expect(!DanglingReference.startsWithReference("Italy joined the war in 1915."))
        #expect(!DanglingReference.startsWithReference("Together the two rules are called AIMD."))
    }

    @Test func summaryTextHasNoMarkdown() throws {
        let notes = """
        # Cells

        ## Parts

        - **Nucleus**: holds the cell's *DNA* and controls the cell.
        - **Ribosomes** build proteins from `amino acids`, following the code in messenger RNA.
        - The **cell membrane** controls what enters and leaves the cell.

        ## Division

        Mitosis is the division of one cell into __two identical cells__. Meiosis makes four cells with half the \
        chromosomes, for reproduction.
        """
        for type in [Summary.SummaryType.brief, .bulletPoints, .keyTerms] {
            let summary = try Summarizer(options: SummaryOptions(type: type)).summarize(notes)
            #expect(!summary.sentences.isEmpty)
            for text in summary.sentences.map(\.text) + summary.keyTerms.flatMap({ [$0.term, $0.sentence] }) {
                #expect(!text.contains("**") && !text.contains("__") && !text.contains("`") && !text.contains("*"),
                        "Markdown left in: \(text)")
            }
        }
    }

    @Test func inlineMarkdownIsRemovedOnlyWhereItIsMarkup() {
        #expect(InlineMarkdown.strip("**Inertia** is *the* tendency") == "Inertia is the tendency")
        #expect(InlineMarkdown.strip("Use `git log` and [the docs](https://x.org).") == "Use git log and the docs.")
        #expect(InlineMarkdown.strip("2 * 3 = 6 and F_net = m × a") == "2 * 3 = 6 and F_net = m × a")
        #expect(InlineMarkdown.strip("The answer is _____.") == "The answer is _____.")
        #expect(InlineMarkdown.strongSpans("**Veto**: a tribune could block **any** law").map(\.text) == ["Veto", "any"])
    }

    /// Notes where generic words ("two", "KB", "slow", "good") are frequent but no teacher
    /// would list them, and the real terms are marked the usual ways.
    static let cachingNotes = """
    # Caches

    ## Memory Hierarchy

    A cache is a small, fast memory that keeps copies of data the processor used recently. Main memory is slow, \
    so every good design puts two or three levels of cache between the processor and memory. A level-one cache \
    holds 32 KB, a level-two cache 256 KB, and a shared cache 8 MB or more. Two rules decide how well a cache works.

    - **Temporal locality**: data used now is likely to be used again soon.
    - **Spatial locality**: data near recently used data is likely to be used soon.

    ## Hits and Misses

    A cache hit is a request that the cache can answer. A cache miss is a request that must go to slow main \
    memory, which takes about 100 ns instead of 1 ns. The hit rate is the share of requests that are hits. \
    Two misses in a row are common when a program starts, and a good hit rate is above 95 percent.

    ## Replacement

    When the cache is full, a replacement policy decides which line to evict. The least recently used (LRU) \
    policy evicts the line that has gone unused longest. The LRU policy is good for loops, and two simple \
    alternatives are random and first-in, first-out (FIFO) replacement. A slow policy is no good for a fast cache.
    """

    @Test func keyTermsAreWhatATeacherWouldList() throws {
        let summary = try Summarizer(options: SummaryOptions(type: .keyTerms, sentences: 8)).summarize(Self.cachingNotes)
        let terms = summary.keyTerms.map { $0.term.lowercased() }
        #expect(terms.count == 8)
        for generic in ["two", "kb", "slow", "good", "mb", "ns"] {
            #expect(!terms.contains(generic), "generic word as key term: \(generic)")
        }
        let expected = ["temporal locality", "spatial locality", "cache hit", "cache miss", "hit rate",
                        "least recently used (lru)", "replacement policy"]
        let found = expected.filter { terms.contains($0) }
        #expect(found.count >= 5, "found only \(found) in \(terms)")
        for term in summary.keyTerms {
            // Each term comes with a sentence of the notes that uses it.
            let short = term.term.split(separator: "(").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
            #expect(term.sentence.lowercased().contains(short), "\(term.term): \(term.sentence)")
        }
    }

    @Test func abbreviationsAreMatchedToTheirSpelledOutTerm() {
        let words = TermEvidence.words("The sender keeps a congestion window (cwnd) and the Transmission Control Protocol (TCP) header.")
        let found = TermEvidence.abbreviations(words).map { "\($0.0)|\($0.1 ?? "")" }
        #expect(found == ["congestion window|cwnd", "Transmission Control Protocol|TCP"])
        // A name in brackets is no abbreviation of the words before it.
        #expect(TermEvidence.abbreviations(TermEvidence.words("It was later renamed (Reno) by the team.")).isEmpty)
    }
}
