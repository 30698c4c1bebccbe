import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// Stem, blank and answer faults independent judges found (tags C, T and A of the rubric),
/// each on a small text written for the test: list labels leaking into stems, photo
/// captions fused with the next line, dangling references, trivial or open blanks, and
/// fill-in keys that reject the full name or the role the text gives a person.
@Suite struct ExamStemFaultsTests {
    func exam(_ text: String, count: Int = 20, types: [Question.Kind] = Question.Kind.allCases) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: count, questionTypes: types), seed: 0)
            .generate(from: text).questions
    }

    // MARK: - List labels

    @Test func listLabelsAreReadAsProse() {
        let cases: [(String, String, String?)] = [
            ("Allergy", "Allergy: an allergy is an immune response to a harmless substance such as pollen.",
             "An allergy is an immune response to a harmless substance such as pollen."),
            ("Platelets", "Platelets: small cell fragments that help the blood to clot.",
             "Platelets are small cell fragments that help the blood to clot."),
            ("Plasma", "Plasma: the pale yellow liquid part of blood.", "Plasma is the pale yellow liquid part of blood."),
            ("Veins", "Veins: carry blood back to the heart and contain valves.",
             "Veins carry blood back to the heart and contain valves."),
            ("Red blood cells", "Red blood cells: these cells carry oxygen bound to haemoglobin.",
             "Red blood cells carry oxygen bound to haemoglobin."),
            ("Capillaries", "Capillaries: the walls are one cell thick, so substances pass across them.",
             "In capillaries, the walls are one cell thick, so substances pass across them."),
            ("Transform boundaries", "Transform boundaries: plates move past each other along a fault.",
             "In transform boundaries, plates move past each other along a fault."),
            ("Veto", "Veto: a tribune could block the action of any magistrate.",
             "Veto means that a tribune could block the action of any magistrate."),
            ("Dictator", "Dictator: in an emergency the consuls could appoint a dictator for six months.",
             "In an emergency the consuls could appoint a dictator for six months."),
            ("Tribal Assembly", "Tribal Assembly: citizens voted in tribes based on where they lived.",
             "In the Tribal Assembly, citizens voted in tribes based on where they lived."),
            ("Regeneration", "Regeneration: most of the sugar is rearranged to rebuild the acceptor.",
             "In regeneration, most of the sugar is rearranged to rebuild the acceptor."),
            ("Three duplicate ACKs", "Three duplicate ACKs: fast retransmit, window halved.", nil),
            ("Timeout", "Timeout: cwnd = 1 MSS, back to slow start.", nil),
            ("Alliances", "Alliances: Europe was split into two armed camps.", nil),
            ("Reduction", "Reduction: ATP and NADPH convert the products into sugar.",
             "In reduction, ATP and NADPH convert the products into sugar."),
            ("Subduction", "Subduction: the denser oceanic plate sinks beneath the lighter plate.", nil),
            // No prose form: a pronoun that points elsewhere, or a label of the notes themselves.
            ("Glaciers", "Glaciers: he measured them every summer for ten years.", nil),
            ("Note", "Note: the exam covers the first four chapters of the book.", nil),
        ]
        for (head, clean, expected) in cases {
            #expect(ListItemProse.prose(head: head, clean: clean) == expected, "\(clean)")
        }
    }

    static let notes = """
    # The Immune System

    ## Barriers and cells

    - Allergy: an allergy is an immune response to a harmless substance, called an allergen, such as pollen.
    - Phagocytes: white blood cells that engulf and digest invading microbes in the blood.
    - Transform boundaries: plates slide past each other along a fault in the crust.
    - Antibodies: these proteins bind to one particular antigen on a microbe.

    The adaptive immune system learns to recognise a new microbe after a first infection. \
    Lymphocytes make antibodies that the adaptive immune system can recognise again years later. \
    Rolling a patient onto their side keeps the airway open during a seizure.
    """

    @Test func noStemKeepsAListLabelOrItsColon() throws {
        let questions = try exam(Self.notes)
        #expect(!questions.isEmpty)
        for question in questions {
            // The quoted statement, without the instruction in front ("True or false: ").
            let stem = question.prompt.drop(while: { $0 != "\"" })
            #expect(!stem.contains(": "), "label in stem: \(question.prompt)")
            #expect(!stem.hasPrefix("\"Allergy"), "\(question.prompt)")
            #expect(!stem.contains("are plates slide"), "\(question.prompt)")
        }
    }

    // MARK: - Trivial and open blanks

    @Test func anAnswerThatSharesItsStemWithAStemWordIsNotBlanked() {
        let text = "An allergy is a reaction to a harmless substance called an allergen by the body."
        #expect(SpanFilters.problem(AnswerSpan(text: "allergen", kind: .term), in: text) == "given away")
        // Words that only open alike are no give-away ("transport" and "transpiration").
        let other = "Water moves up the stem by transpiration, a form of transport in plants."
        #expect(SpanFilters.problem(AnswerSpan(text: "transpiration", kind: .term), in: other) == nil)
    }

    @Test func halfOfARepeatedCompoundIsNotBlanked() {
        let sentences = ["The adaptive immune system learns to recognise a microbe.",
                         "Lymphocytes make antibodies that the adaptive immune system can recognise."]
        let pairs = SpanFilters.repeatedPairs(sentences)
        #expect(SpanFilters.problem(AnswerSpan(text: "immune system", kind: .term), in: sentences[1], repeatedPairs: pairs)
            == "half of a compound")
        #expect(SpanFilters.problem(AnswerSpan(text: "antibodies", kind: .term), in: sentences[1], repeatedPairs: pairs) == nil)
    }

    @Test func theObjectOfAnOpeningGerundIsNotBlanked() {
        let text = "Rolling a patient onto their side keeps the airway open during a seizure."
        #expect(SpanFilters.problem(AnswerSpan(text: "patient", kind: .term), in: text) == "open blank")
        #expect(SpanFilters.problem(AnswerSpan(text: "airway", kind: .term), in: text) == nil)
    }

    @Test func examOnNotesAsksNoTrivialBlank() throws {
        for question in try exam(Self.notes, types: [.fillInBlank]) {
            let key = question.acceptedAnswers.first ?? ""
            #expect(Tokenizer.fold(key) != "patient", "\(question.prompt)")
            #expect(Tokenizer.fold(key) != "immune system", "\(question.prompt)")
            #expect(Tokenizer.fold(key) != "allergen", "\(question.prompt)")
        }
    }

    @Test func aNumbersUnitIsNeverAnAdjectiveOrAnAdverb() {
        let extractor = SpanExtractor(properWords: [], terms: [], lexicon: ExamLexicon(sentences: [], headings: [], properWords: []))
        let plates = extractor.numbers(SpanExtractor.words("The lithosphere is broken into about 15 major tectonic plates."))
        #expect(plates.map(\.text) == ["15"])
        let quake = extractor.numbers(SpanExtractor.words("A magnitude 7 earthquake therefore releases more energy."))
        #expect(quake.map(\.text) == ["7"])
        let crust = extractor.numbers(SpanExtractor.words("The crust is between 5 km and 70 km thick."))
        #expect(crust.map(\.text) == ["5 km", "70 km"])
    }

    // MARK: - Captions and dangling references

    static let article = """
    Hendry beats Walsh to reach the semi-final

    Stephen Hendry beat Mark Walsh 13-9 on Tuesday to reach the semi-finals of the World Championship at the Crucible Theatre in Sheffield.

    Hendry in action against Walsh during their quarter-final at the Crucible Theatre in Sheffield
    Walsh had led 5-3 after the first session but struggled with his long potting in the evening.

    The seven-time champion will face Graham Dott, who beat Ding Junhui 13-11 earlier in the day.

    The match committee said the above-mentioned frame would be replayed on Wednesday morning.

    The warning from Eirian Williams could be the end of Sunday's matter.

    Referee Eirian Williams was praised for his handling of a disputed foul, and referee Eirian Williams will take charge of the final.

    Graham Dott won the title in 2006 and the final will be played over four sessions, with the winner receiving £500,000.
    """

    @Test func aCaptionLineIsSplitFromTheNextLine() {
        let units = ((try? StudyDocument(text: Self.article))?.sentences ?? []).map(\.text)
        #expect(units.contains(where: { $0.hasPrefix("Walsh had led 5-3") }), "\(units)")
        #expect(!units.contains(where: { $0.contains("Sheffield Walsh") }), "\(units)")
        // A hard-wrapped paragraph stays one sentence.
        let wrapped = "The heart pumps blood through\nthe arteries to every organ of the\nbody, and the veins bring it back."
        #expect((try? StudyDocument(text: wrapped))?.sentences.count == 1)
    }

    @Test func danglingReferencesAreNotStems() {
        #expect(MissingReferent.problem("The match committee said the above-mentioned frame would be replayed on Wednesday.") != nil)
        #expect(MissingReferent.problem("The warning from Eirian Williams could be the end of Sunday's matter.") != nil)
        #expect(MissingReferent.problem("The decision to replay the frame was made by the committee.") == nil)
        #expect(MissingReferent.problem("The seven-time champion will face Graham Dott in the semi-final.") != nil)
        let conclusion = "The cardiac output is therefore 4800 ml per minute."
        #expect(ExamSentence.problem(raw: conclusion, clean: conclusion) == "dangling reference")
    }

    @Test func newsExamHasNoCaptionOrDanglingStem() throws {
        for question in try exam(Self.article) {
            #expect(!question.prompt.contains("Sheffield Walsh"), "\(question.prompt)")
            #expect(!question.prompt.contains("above-mentioned"), "\(question.prompt)")
            #expect(!question.prompt.contains("Sunday's matter"), "\(question.prompt)")
        }
    }

    @Test func aWorkedExampleResultCarriesItsGivens() throws {
        let text = """
        # Cardiac output

        Cardiac output is the volume of blood the heart pumps in one minute, stroke volume times heart rate.

        Worked example: a resting athlete has a stroke volume of 80 ml and a heart rate of 60 beats per minute. The cardiac output is therefore 4800 ml per minute.
        """
        for question in try exam(text) {
            #expect(!question.prompt.contains("Worked example:"), "\(question.prompt)")
            if question.prompt.contains("is therefore") {
                #expect(question.prompt.contains("80 ml") || question.prompt.contains("stroke volume of"), "\(question.prompt)")
            }
        }
    }

    // MARK: - Accepted answers

    @Test func aSurnameKeyAcceptsTheFullNameAndTheRole() {
        #expect(AcceptedAnswers.fullName(of: "Robertson", among: ["Neil Robertson", "Australia Neil Robertson"]) == "Neil Robertson")
        #expect(AcceptedAnswers.fullName(of: "Williams", among: ["Venus Williams", "Serena Williams"]) == nil)
        #expect(ExamMaterial.capitalRuns(["The title went to Australia's Neil Robertson in the end."]) == ["Neil Robertson"])
        let sentences = ["The foul was given by referee Olivier Marteel in the second half.",
                         "Marteel later showed a red card to the captain."]
        let forms = AcceptedAnswers.roleForms(of: "Marteel", fullName: "Olivier Marteel", sentences: sentences)
        #expect(forms.contains("referee Olivier Marteel"))
        #expect(forms.contains("the referee"))
        // A role the text gives two people names neither alone.
        let two = sentences + ["The other referee Anna Berg stayed on the line."]
        #expect(!AcceptedAnswers.roleForms(of: "Marteel", fullName: "Olivier Marteel", sentences: two).contains("the referee"))
    }

    @Test func gradingAcceptsTheFullNameOfASurnameKey() throws {
        let text = """
        Neil Robertson won the Masters final at Alexandra Palace in London on Sunday evening.

        The title went to Australia's Neil Robertson after a final frame lasting forty minutes.

        Robertson said the win was the best of his career, after a season of injuries.

        The foul was given by referee Olivier Marteel in the second session of the match.

        Marteel later warned the crowd about noise during the deciding frame of the final.
        """
        let questions = try exam(text, types: [.fillInBlank])
        for question in questions where question.acceptedAnswers.first == "Robertson" {
            #expect(question.acceptedAnswers.contains("Neil Robertson"), "\(question.acceptedAnswers)")
            #expect(!question.acceptedAnswers.contains("Australia Neil Robertson"), "\(question.acceptedAnswers)")
        }
        for question in questions where question.acceptedAnswers.first == "Marteel" {
            #expect(question.acceptedAnswers.contains(where: { TypedAnswerMatcher.matches("referee Olivier Marteel", expected: $0) }),
                    "\(question.acceptedAnswers)")
        }
    }
}
