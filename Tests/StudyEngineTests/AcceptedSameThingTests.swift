import Testing
import StudyModel
@testable import StudyEngine

/// Fill-in forms that name the same thing in other words (issue 8): a name with or without
/// its abbreviated prefix, well-known names of countries and bodies, a definition's genus the
/// stem shows, an office's "-ship" noun, what a named step does, and a quantity's appositive.
/// Each rule with what it must not accept. The texts are written for these tests.
@Suite struct AcceptedSameThingTests {
    // MARK: A name's fuller form

    @Test func aNameWithItsAbbreviatedPrefixIsTheLongerForm() {
        let sentences = ["Visitors queued outside HMS Dauntless in the harbour.", "Dauntless sailed at dawn."]
        #expect(AcceptedAnswers.longerCapitalisedName(of: "Dauntless", sentences: sentences) == "HMS Dauntless")
        // Two different longer names leave it open.
        let two = sentences + ["The old RFA Dauntless was scrapped."]
        #expect(AcceptedAnswers.longerCapitalisedName(of: "Dauntless", sentences: two) == nil)
    }

    @Test func theShortNameIsAcceptedWhenTheTextWritesItAlone() {
        let sentences = ["Visitors queued outside HMS Dauntless in the harbour.", "Later that week Dauntless sailed at dawn."]
        #expect(AcceptedAnswers.withoutNamePrefix("HMS Dauntless", sentences: sentences, fullNames: ["HMS Dauntless"]) == "Dauntless")
        // Never written alone, or another name ends in it: no short form.
        #expect(AcceptedAnswers.withoutNamePrefix("HMS Dauntless", sentences: ["HMS Dauntless sailed."], fullNames: []) == nil)
        #expect(AcceptedAnswers.withoutNamePrefix("HMS Dauntless", sentences: sentences,
                                                  fullNames: ["HMS Dauntless", "RFA Dauntless"]) == nil)
        // A word for a kind of place says too little alone; no abbreviation in front, no rule.
        #expect(AcceptedAnswers.withoutNamePrefix("UCL Hospital", sentences: ["Hospital staff cheered."], fullNames: []) == nil)
        #expect(AcceptedAnswers.withoutNamePrefix("Lake Dauntless", sentences: sentences, fullNames: []) == nil)
    }

    // MARK: Well-known names

    @Test func aCountrysAbbreviationAndItsNamesAreOneAnswer() {
        #expect(Set(AcceptedAnswers.wellKnownNames(of: "UK")) == ["United Kingdom", "Britain", "Great Britain"])
        #expect(AcceptedAnswers.wellKnownNames(of: "U.K.").contains("United Kingdom"))
        #expect(AcceptedAnswers.wellKnownNames(of: "United Kingdom").contains("UK"))
        #expect(AcceptedAnswers.wellKnownNames(of: "the United States").contains("US"))
        #expect(AcceptedAnswers.wellKnownNames(of: "EU") == ["European Union"])
        #expect(AcceptedAnswers.wellKnownNames(of: "United Nations") == ["UN"])
        // "us" is a pronoun, "America" also names continents, and other names get nothing.
        #expect(AcceptedAnswers.wellKnownNames(of: "us").isEmpty)
        #expect(AcceptedAnswers.wellKnownNames(of: "America").isEmpty)
        #expect(AcceptedAnswers.wellKnownNames(of: "Canada").isEmpty)
    }

    // MARK: An office's "-ship" noun

    @Test func theOfficeNounAnswersABlankThatAsksForTheOffice() {
        let words: Set<String> = ["the", "wardenship", "warden", "was", "opened"]
        #expect(AcceptedAnswers.officeName(of: "Warden", stem: "_____ was the top office of the guild.", documentWords: words) == "wardenship")
        // The stem asks for the person, or the text never writes the office noun.
        #expect(AcceptedAnswers.officeName(of: "Warden", stem: "The _____ locked the gate.", documentWords: words) == nil)
        #expect(AcceptedAnswers.officeName(of: "Steward", stem: "_____ was the top office.", documentWords: words) == nil)
    }

    // MARK: What a named step does

    @Test func aNamedStepIsAlsoWhatItDoes() {
        let sentences = ["First the enzyme binds the sugar.", "Then the enzyme cuts sugar molecules.",
                         "This step is called glycolysis, and it frees energy."]
        let forms = AcceptedAnswers.namedStepForms(of: "glycolysis", sentences: sentences)
        #expect(forms.contains("sugar cutting"))
        #expect(forms.contains("cutting sugar"))
        #expect(forms.contains("cutting of sugar"))
        #expect(forms.contains("cutting sugar molecules"))
        // "known as" names too.
        let known = ["The pump moves sodium ions.", "This process is known as active transport."]
        #expect(AcceptedAnswers.namedStepForms(of: "active transport", sentences: known).contains("moving sodium"))
    }

    @Test func withoutTheNamingPatternNoStepForm() {
        // The name is not given by "This step is called": no form.
        let plain = ["Then the enzyme cuts sugar molecules.", "Glycolysis frees energy."]
        #expect(AcceptedAnswers.namedStepForms(of: "glycolysis", sentences: plain).isEmpty)
        // The clause before is no short "subject verbs object".
        let long = ["When it is warm, the enzyme quickly and reliably cuts the sugar into smaller pieces.",
                    "This step is called glycolysis."]
        #expect(AcceptedAnswers.namedStepForms(of: "glycolysis", sentences: long).isEmpty)
    }

    @Test func gerundsOfThirdPersonVerbs() {
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "splits") == "splitting")
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "releases") == "releasing")
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "fixes") == "fixing")
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "carries") == "carrying")
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "opens") == "opening")
        #expect(AcceptedAnswers.gerund(ofThirdPerson: "absorbs") == "absorbing")
    }

    // MARK: A quantity's appositive

    @Test func aFractionRightAfterTheNumberIsTheSameQuantity() {
        let sentences = ["Roughly 4,000 kg, one quarter of the whole load, fell into the river."]
        #expect(AcceptedAnswers.quantityAppositive(of: "4,000 kg", sentences: sentences) == ["one quarter"])
        let percent = ["Some 120 voters (40% of the village) stayed home."]
        #expect(AcceptedAnswers.quantityAppositive(of: "120 voters", sentences: percent) == ["40%"])
        let half = ["Only 9 m, half of the planned length, was built."]
        #expect(AcceptedAnswers.quantityAppositive(of: "9 m", sentences: half) == ["half"])
    }

    @Test func aNumberWithoutAnAppositiveFractionGetsNone() {
        // A list of other quantities, or a fraction that is no appositive ("of" missing).
        #expect(AcceptedAnswers.quantityAppositive(of: "4,000 kg", sentences: ["It lost 4,000 kg, one quarter later."]).isEmpty)
        #expect(AcceptedAnswers.quantityAppositive(of: "12 cars", sentences: ["We saw 12 cars, 30 vans and 2 buses."]).isEmpty)
    }

    // MARK: Through the exam and the grader

    @Test func theExamListsTheFormsAndTheGraderTakesThem() throws {
        let text = """
        ## Harbour

        Most ships in the UK are old. Visitors queued outside HMS Dauntless in the harbour. \
        Later that week Dauntless sailed to the UK coast with a crew of forty. \
        A harbour wall is a stone breakwater built across the mouth of the harbour. \
        The keeper lights the lamp every night. This task is called lamplighting, and it takes an hour. \
        Roughly 4,000 kg, one quarter of the whole cargo, fell into the river during the storm.
        """
        let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 12, questionTypes: [.fillInBlank]), seed: 1)
            .generate(from: text)
        var checked = 0
        for question in exam.questions {
            let answers = question.acceptedAnswers
            func accepts(_ typed: String) -> Bool {
                Grader.isCorrect(question, QuestionResponse(text: typed))
            }
            if answers.first == "UK" { #expect(answers.contains("United Kingdom")); #expect(accepts("Great Britain")); checked += 1 }
            if answers.first == "HMS Dauntless" { #expect(answers.contains("Dauntless")); checked += 1 }
            // Asked in the sentence that writes it, the appositive would be copied from the stem.
            if answers.first == "4,000 kg", question.prompt.contains("one quarter") { #expect(!accepts("one quarter")); checked += 1 }
        }
        #expect(checked >= 1)
    }
}
