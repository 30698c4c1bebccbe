import Testing
import StudyModel
@testable import StudyEngine

/// Options of the answer's own kind, as judged on news and notes (issue 8, deliverable 2,
/// rubric tag D): every blank of a multiple-answer question gets options of its kind, groups
/// and awards are no options for a person, a number inside a name is not perturbed, a year
/// stays within the story's time and the stem's range, a compared number stays on its side,
/// and a name the stem already shows is no option.
@Suite struct ExamDistractorKindTests {
    static let sorting = """
    # Sorting algorithms

    ## Comparison sorts

    **Quicksort** is usually the fastest sort in practice, but a poor choice of **pivot** can make it slow. \
    **Merge sort** splits the list into halves and merges the sorted halves. **Heapsort** builds a heap and removes \
    the largest item again and again. **Bubble sort** swaps neighbouring items that are in the wrong order. \
    **Insertion sort** inserts each item into a sorted prefix. The **pivot** is the item that quicksort compares every other item with.
    """

    static let actor = """
    The veteran actor Harold Finch has died at the age of 81, his family announced on Monday.
    Finch was nominated for a total of seven Academy Awards during his career and won three Golden Globes.
    His last film features Laura Bright, Simon Hale, Mark Dunne and Peter Vane alongside Finch.
    The film also brought the voices of Laura Bright and Simon Hale to a younger audience.
    Critics praised Mark Dunne and Peter Vane for their work on the film.
    The voices of Harold Finch and Peter Vane were recorded in a single week.
    Former US Presidents sent messages of sympathy, and the US President called him a national treasure.
    """

    static let twins = """
    Researchers in Finland followed 1,200 pairs of twins for more than 30 years.
    Twins who exercised regularly had less body fat than their less active siblings, the study found.
    Regular exercise was linked to a lower risk of type 2 diabetes and to better memory.
    The researchers measured the fitness of each twin on 14 separate occasions.
    The lead author said that even 20 minutes of brisk walking a day made a difference.
    """

    static let twinsWithSibling = twins + "\nThe study did not include twins with type 1 diabetes, which starts in childhood."

    static let fighters = """
    The number of foreign fighters joining militant groups rose by 71 per cent between the middle of 2014 and March 2015, a report found.
    The report was presented to the Security Council in March 2015 by a panel of experts.
    The panel said fighters had come from more than 100 countries since 2011.
    In 2012 only a few thousand fighters were thought to be active in the region.
    Officials first raised the alarm about foreign recruits in 2013.
    The panel's previous report, published in 2010, had warned of the risk.
    The panel will publish its next report in 2017.
    """

    static let population = """
    Britain's population will rise from 63.4 million to 77.4 million by 2051, according to a new study.
    The study was carried out by researchers at the University of Leeds in 2015.
    The number of people aged over 65 will grow from 10.8 million to 19.2 million over the same period.
    The population of Scotland is expected to stay at about 5.3 million.
    The researchers said the number of households would rise by 6.1 million.
    London's population alone will reach 11.2 million, the study found.
    """

    static let film = """
    The actor Peter O’Toole made his last film shortly before he died, his agent confirmed.
    O’Toole said the film had been a joy to make.
    The film features Laura Bright, Simon Hale and Mark Dunne alongside O’Toole.
    Laura Bright praised the director, Anna Pike, for her patience.
    Simon Hale and Mark Dunne both trained at the same drama school.
    Anna Pike said the film would open in cinemas in the spring.
    """

    static let water = """
    # The water cycle

    **Evaporation** turns liquid water into water vapour. **Transpiration** is the loss of water vapour from plants, \
    mostly through tiny pores in the leaves called **stomata**. Rock that lets water through only very slowly is called an **aquitard**. \
    A **watershed** is the boundary between two drainage basins. An **aquifer** is rock that stores water and lets it through.
    """

    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    /// Options for `answer` in the sentence holding `sentence`, over several seeds.
    func options(_ m: ExamMaterial, sentence: String, answer: String, count: Int = 8, salts: Range<UInt64> = 0..<4) throws -> [[String]] {
        let c = try #require(m.candidates.first { $0.text.contains(sentence) })
        let span = try #require(c.spans.first { $0.text == answer }, "\(c.spans.map(\.text))")
        let stem = try #require(QuestionFactory(material: m, difficulty: .medium).stem(c, blanking: [span]))
        return salts.map { salt in
            var rng = SeededRandom(text: "k", salt: salt)
            return DistractorPicker(material: m, difficulty: .medium)
                .pick(for: span, in: c, stem: stem, blank: QuestionFactory.blank, count: count, rng: &rng)
        }
    }

    @Test("fault 1: a multiple-answer option must fit every blank, not only the first ('Quicksort' and 'pivot')")
    func everyBlankGetsItsKind() throws {
        let m = try material(Self.sorting)
        let c = try #require(m.candidates.first { $0.text.contains("poor choice of") })
        let group = try ["Quicksort", "pivot"].map { name in try #require(c.spans.first { $0.text == name }, "\(c.spans.map(\.text))") }
        let factory = QuestionFactory(material: m, difficulty: .medium)
        let stem = try #require(factory.stem(c, blanking: group))
        let probes = try #require(DistractorPicker.singleBlankStems(stem, blank: QuestionFactory.blank, group: group, sentence: c.text))
        #expect(probes[0].hasPrefix(QuestionFactory.blank) && probes[0].contains("choice of pivot"), "\(probes)")
        let picker = DistractorPicker(material: m, difficulty: .medium)
        var rng = SeededRandom(text: "ma", salt: 1)
        // The first blank alone has sorts to offer; none of them is a pivot.
        let firstOnly = picker.pick(for: group[0], in: c, stem: probes[0], blank: QuestionFactory.blank, count: 2,
                                    excluding: group.map(\.text), rng: &rng)
        #expect(firstOnly.count == 2, "\(firstOnly)")
        rng = SeededRandom(text: "ma", salt: 1)
        let both = picker.pick(for: group[0], in: c, stem: probes[0], blank: QuestionFactory.blank, count: 2,
                               excluding: group.map(\.text), otherBlanks: [(answer: group[1], stem: probes[1])], rng: &rng)
        #expect(both.isEmpty, "\(both)")
        // Whole exams: no multiple-answer question pairs a sort with the pivot.
        for seed: UInt64 in 0..<6 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 8, questionTypes: [.multipleAnswer]), seed: seed)
                .generate(from: Self.sorting)
            for q in exam.questions where q.kind == .multipleAnswer {
                let keys = q.correctOptions.map { q.options[$0].lowercased() }
                #expect(!(keys.contains("pivot") && keys.contains("quicksort")), "\(q.prompt) \(q.options)")
            }
        }
    }

    @Test("fault 1 (one pool for every slot): a naming verb ('pores called _____') is no evidence of kind")
    func namingVerbsSayNothingOfKind() throws {
        let m = try material(Self.water)
        #expect(!m.evidence.areKin("stomata", "aquitard"))
        for picked in try options(m, sentence: "tiny pores in the leaves", answer: "stomata", count: 3) {
            #expect(!picked.contains("aquitard") && !picked.contains("watershed"), "\(picked)")
        }
    }

    @Test("fault 2: awards, groups and people are never options of each other")
    func groupsAreNoPeople() throws {
        let m = try material(Self.actor)
        #expect(m.evidence.isGroup("Academy Awards"))
        #expect(m.evidence.isGroup("Golden Globes"))
        #expect(m.evidence.isGroup("US Presidents"))
        #expect(!m.evidence.isGroup("Laura Bright"))
        let groups = ["Academy Awards", "Golden Globes", "US Presidents"]
        for picked in try options(m, sentence: "recorded in a single week", answer: "Peter Vane") {
            #expect(!picked.contains(where: groups.contains), "\(picked)")
        }
        for picked in try options(m, sentence: "nominated for a total of", answer: "Academy Awards") {
            #expect(!picked.contains { ["Laura Bright", "Simon Hale", "Mark Dunne", "Peter Vane", "Harold Finch"].contains($0) }, "\(picked)")
        }
    }

    @Test("fault 3: a number inside a name ('type 2 diabetes') gets only the text's own siblings")
    func numbersInsideNames() throws {
        let lone = try material(Self.twins)
        for picked in try options(lone, sentence: "lower risk of type", answer: "2 diabetes", count: 3) {
            #expect(picked.isEmpty, "\(picked)")
        }
        let siblings = try material(Self.twinsWithSibling)
        for picked in try options(siblings, sentence: "lower risk of type", answer: "2 diabetes", count: 1) {
            #expect(picked == ["1 diabetes"], "\(picked)")
        }
        // A count keeps its made-up neighbours ("14 separate occasions").
        for picked in try options(lone, sentence: "measured the fitness", answer: "14 separate occasions", count: 3) {
            #expect(picked.count == 3, "\(picked)")
        }
    }

    @Test("fault 4: a year option lies neither after the story's time nor outside the stem's range")
    func yearsStayInTheStory() throws {
        let m = try material(Self.fighters)
        #expect(m.evidence.latestNonFutureYear == 2015)
        #expect(m.evidence.latestYear == 2017)
        for picked in try options(m, sentence: "presented to the Security Council", answer: "March 2015") {
            #expect(picked.count >= 3, "\(picked)")
            #expect(picked.allSatisfy { (DistractorPicker.yearValue($0) ?? 9999) <= 2015 }, "\(picked)")
        }
        for picked in try options(m, sentence: "between the middle of", answer: "2014") {
            #expect(picked.count >= 3, "\(picked)")
            #expect(picked.allSatisfy { (Int($0) ?? 9999) < 2015 }, "\(picked)")
        }
    }

    @Test("fault 5: a number compared in the stem ('rise from X to _____') gets options on the answer's side of X")
    func comparedNumbersKeepTheirSide() throws {
        let blank = QuestionFactory.blank
        let risen = AnswerSpan(text: "77.4 million", kind: .number)
        #expect(DistractorPicker.comparedValue(risen, stem: "It will rise from 63.4 million to \(blank) by 2051.", blank: blank)
                == .init(pivot: 63.4e6, above: true))
        let start = AnswerSpan(text: "2014", kind: .year)
        #expect(DistractorPicker.comparedValue(start, stem: "between the middle of \(blank) and March 2015, it said.", blank: blank)
                == .init(pivot: 2015, above: false))
        let more = AnswerSpan(text: "250", kind: .number)
        #expect(DistractorPicker.comparedValue(more, stem: "It sold \(blank) more than 200 last year.", blank: blank)?.above == true)
        #expect(DistractorPicker.comparedValue(more, stem: "It sold \(blank) last year.", blank: blank) == nil)
        // A bare fraction of one ("probability stays at 0.5") keeps fractions of one as options.
        let coin = try material("""
        A fair coin was tossed 3 times and then 4 times by each student.
        Independent tosses have no memory, so the probability of heads stays at 0.5 on every toss.
        The chance of two heads in two tosses is 0.25, and of three heads in three tosses 0.125.
        """)
        for picked in try options(coin, sentence: "stays at", answer: "0.5", count: 3) {
            #expect(!picked.isEmpty && picked.allSatisfy { (NumberForm($0)?.value).map { $0 > 0 && $0 < 1 } == true }, "\(picked)")
        }
        let m = try material(Self.population)
        for picked in try options(m, sentence: "will rise from 63.4 million", answer: "77.4 million") {
            #expect(picked.count >= 3, "\(picked)")
            #expect(picked.allSatisfy { (DistractorPicker.comparable($0, kind: .number) ?? 0) > 63.4e6 }, "\(picked)")
        }
    }

    @Test("fault 6: a person the stem names ('alongside O’Toole') is no option")
    func nameInTheStemIsNoOption() throws {
        let m = try material(Self.film)
        let c = try #require(m.candidates.first { $0.text.contains("alongside O’Toole") })
        let kind = OptionKind(answer: AnswerSpan(text: "Laura Bright", kind: .name), candidate: c,
                              stem: "The film features \(QuestionFactory.blank), Simon Hale and Mark Dunne alongside O’Toole.",
                              blank: QuestionFactory.blank, material: m, forStatement: false)
        #expect(!kind.fits("Peter O’Toole"))
        #expect(kind.fits("Anna Pike"))
    }
}
