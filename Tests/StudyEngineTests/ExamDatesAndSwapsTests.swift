import Testing
import StudyModel
@testable import StudyEngine

/// Year options from the answer's era, numbers of the answer's role, term options that do not
/// leave the key as the only echo of the stem, and swaps that fit a preposition's slot
/// (judge 12, tags D and F).
@Suite struct ExamDatesAndSwapsTests {
    func material(_ text: String) throws -> ExamMaterial {
        ExamMaterial(document: try StudyDocument(text: text))
    }

    func options(_ material: ExamMaterial, sentence: String, answer: String, forStatement: Bool = false) -> [String]? {
        guard let c = material.candidates.first(where: { $0.text.contains(sentence) }),
              let span = c.spans.first(where: { $0.text == answer }),
              let stem = QuestionFactory(material: material, difficulty: .medium).stem(c, blanking: [span]) else { return nil }
        var rng = SeededRandom(text: "t", salt: 1)
        return DistractorPicker(material: material, difficulty: .medium)
            .pick(for: span, in: c, stem: stem, blank: QuestionFactory.blank, count: forStatement ? 1 : 3,
                  forStatement: forStatement, rng: &rng)
    }

    @Test func aMedievalYearGetsNoModernYears() throws {
        let m = try material("""
        # The Stone Bridge

        The first wooden bridge over the river was built in 1190 by the town guild. \
        The mason Odo of Wend rebuilt it in stone in 1205 but never finished the towers. \
        The towers were added in 1231 by the bishop.

        The bridge was restored in 1998, and it was listed as a monument in 2011.
        """)
        let picked = try #require(options(m, sentence: "Odo of Wend rebuilt", answer: "1205"))
        #expect(picked.count == 3)
        #expect(!picked.contains("1998") && !picked.contains("2011"))
        let years = picked.compactMap { Int($0) }
        #expect(years.count == 3 && years.allSatisfy { (1100...1300).contains($0) })
    }

    @Test func aYearInsideTheTitlesPeriodGetsOptionsInsideIt() throws {
        let d = try StudyDocument(text: """
        # The Long Strike, 1902–1910

        The 1902 strike closed every mill in the valley for a year. Wages fell by a third, and the union grew. \
        The owners gave way in 1910. A second strike in 1951 was short.
        """)
        let m = ExamMaterial(document: d)
        let picker = DistractorPicker(material: m, difficulty: .medium)
        let span = AnswerSpan(text: "1902 strike", kind: .number, unit: "strike")
        let era = picker.yearEra(span, stem: "The _____ closed every mill in the valley for a year.", blank: "_____", section: nil)
        #expect(era == 1902...1910)
    }

    @Test func aPlainValueOfOneOrMoreGetsNoSineAndNoMantissa() throws {
        let m = try material("""
        # Bending light

        The **bend index** of a clear material is the ratio of two speeds, so it is always 1 or more. \
        Typical values are 1.33 for water, 1.52 for glass and 2.42 for diamond. \
        In a worked example the sine of the angle is 0.483. \
        Light travels through water at about 2.26 × 10⁸ m/s.
        """)
        let picked = try #require(options(m, sentence: "it is always", answer: "1"))
        #expect(!picked.contains("0.483"))
        #expect(!picked.contains("2.26"))
        #expect(m.evidence.mantissas.contains("2.26"))
    }

    @Test func aSwapAfterAlongMustBeWrittenAfterAlong() throws {
        let m = try material("""
        # Rails

        The **gauge line** is the line along which the wheels run. The **check rail** is the rail beside the points. \
        The **fish plate** is the plate that joins two rails.

        A train that moves along the gauge line keeps its speed. Workers walk along the cess path. \
        The **cess path** is the path beside the track.
        """)
        #expect(m.evidence.slotPrepositions["gauge line"]?.contains("along") == true)
        let swapped = options(m, sentence: "A train that moves along", answer: "gauge line", forStatement: true) ?? []
        #expect(!swapped.contains("check rail") && !swapped.contains("fish plate"))
    }

    @Test func aTermEchoedByTheStemGetsOptionsThatEchoItToo() throws {
        let picker = DistractorPicker.echoWords(AnswerSpan(text: "silver rule", kind: .term),
                                                stem: "The _____ means that towns tied to silver could not print money.", blank: "_____")
        let echo = try #require(picker)
        #expect(DistractorPicker.contentStems("inflation").isDisjoint(with: echo))
        #expect(DistractorPicker.echoWords(AnswerSpan(text: "inflation", kind: .term),
                                           stem: "The _____ means that towns tied to silver could not print money.", blank: "_____") == nil)
    }
}
