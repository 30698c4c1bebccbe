import Testing
import StudyModel
@testable import StudyEngine

/// Two answer-selection rules (issue 8): the subject the title names is no answer (every
/// reader knows what the notes are about), and a law named after its discoverer keeps its
/// other names when the text also writes it without the discoverer ("the first law").
@Suite struct ExamTitleAndPossessorTests {
    static let war = """
    # The Great Siege: Causes and Course

    The Great Siege (1565) drew in every power of the sea and left the island ruined.

    ## The Landing

    The fleet landed at Marsaxlokk on 18 May 1565 with about 40,000 men. \
    The knights held Fort Saint Elmo for 31 days under Jean de Valette. \
    The **relief force** (the Gran Soccorso) arrived on 7 September 1565 and ended the Great Siege.
    """

    @Test func theTitleSubjectIsReadFromTheTitleUpToItsColon() throws {
        let document = try StudyDocument(text: Self.war)
        #expect(TitleSubject.key(of: document) == ExamLexicon.key("The Great Siege"))
        #expect(TitleSubject.subject(of: "TCP – an overview") == "TCP")
        // Without a `#` title there is no subject to leave out.
        let plain = try StudyDocument(text: "The Great Siege (1565) drew in every power of the sea. It ended in September.")
        #expect(TitleSubject.key(of: plain) == nil)
    }

    @Test func theTitleSubjectIsNeverAnAnswer() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.war))
        for candidate in material.candidates {
            for span in candidate.spans where ExamLexicon.key(span.text) == ExamLexicon.key("Great Siege") {
                #expect(span.isModifier, "\(span.text) in \(candidate.text)")
            }
        }
        let draft = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.fillInBlank]))
            .generate(from: Self.war)
        #expect(!draft.questions.isEmpty)
        for question in draft.questions {
            #expect(question.acceptedAnswers.first.map(ExamLexicon.key) != ExamLexicon.key("Great Siege"), "\(question.prompt)")
        }
    }

    @Test func aSentenceIsRatedByTheAnswerItCanAsk() {
        var title = AnswerSpan(text: "Great Siege", kind: .name, weight: 9)
        title.isModifier = true
        let date = AnswerSpan(text: "1565", kind: .year, weight: 5)
        let candidate = ExamMaterial.Candidate(sentence: 0, text: "", spans: [title, date], score: 0, section: nil, group: 0)
        #expect(ExamMaterial.bestAnswerWeight(candidate) == 5)
    }

    static let laws = """
    # Motion

    **Kepler's first law** (the law of ellipses): every planet moves on an ellipse with the Sun at one focus. \
    The first law replaced the circles of earlier astronomers. \
    Tycho Brahe had measured the orbit of Mars for 20 years.
    """

    @Test func aLawWithoutItsDiscovererKeepsItsOtherNames() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.laws))
        let names = material.lexicon.names(of: "first law")
        #expect(names.contains("law of ellipses"))
        let forms = AcceptedAnswers.forms(of: AnswerSpan(text: "first law", kind: .term), lexicon: material.lexicon, loneNames: [])
        #expect(forms.contains("law of ellipses"))
        #expect(forms.contains(where: { Tokenizer.fold($0) == Tokenizer.fold("Kepler's first law") }))
    }

    @Test func aNameTwoLawsShareWithoutTheirDiscoverersStaysUnknown() throws {
        let text = """
        # Laws

        **Kepler's first law** (the law of ellipses) describes orbits. \
        **Newton's first law** (the law of inertia) describes rest and steady motion.
        """
        let material = ExamMaterial(document: try StudyDocument(text: text))
        #expect(material.lexicon.entry(for: "first law") == nil)
        #expect(ExamLexicon.withoutPossessor("Newton's first law") == "first law")
        #expect(ExamLexicon.withoutPossessor("Newton's law") == nil)
        #expect(ExamLexicon.withoutPossessor("the cell membrane") == nil)
    }
}
