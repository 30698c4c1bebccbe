import Testing
import StudyModel
@testable import StudyEngine

/// Faults found judging fresh lecture notes (issue 8, round 16): a year fused with the noun
/// phrase after it ("by _____ took half" for "1788 interest payments"), a list item that is a
/// name and an appositive with no verb ("The Girondins, moderate deputies …"), a distractor
/// the text itself gives for the same quantity ("7 km" for the crust under the oceans), and a
/// compound's head accepted where the stem itself uses the head ("attribute" for "prime
/// attribute" in "An attribute that … is called a _____").
@Suite struct ExamNotesJudgeSixteenTests {
    static let debtNotes = """
    # A Royal Debt

    ## The Crisis

    Wars had doubled the royal debt, and by 1788 interest payments took about half of the state's income.
    A poor harvest in 1788 then pushed the price of bread to its highest level in decades.
    The king called the assembly in 1789 after the treasury ran out of money.
    In 2000 samples taken from the archive, the clerks found 40 forged receipts.
    """

    @Test("a year after 'by'/'in' is a year, not a count of the noun phrase after it")
    func yearAfterPrepositionIsAYear() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.debtNotes))
        let spans = material.candidates.flatMap(\.spans)
        #expect(!spans.contains { $0.text.hasPrefix("1788 interest") })
        #expect(spans.contains { $0.text == "1788" && $0.kind == .year })
        #expect(YearAfterPreposition.isYear(number: "1788", previous: "by", next: "interest"))
        // A plural straight after the number is what it counts.
        #expect(!YearAfterPreposition.isYear(number: "2000", previous: "in", next: "samples"))
        #expect(!YearAfterPreposition.isYear(number: "1788", previous: "paid", next: "interest"))
    }

    @Test("a list item 'The Name, noun phrase who …' with no verb of its own is no stem")
    func appositiveListItemIsAFragment() throws {
        #expect(AppositiveListItem.isFragment("The Girondins, moderate deputies from the provinces who favoured war but feared Paris."))
        #expect(AppositiveListItem.isFragment("The Jacobins, radical deputies led by Maximilien Robespierre, who relied on the sans-culottes."))
        #expect(!AppositiveListItem.isFragment("Mitochondria, the powerhouses of the cell, make most of its ATP."))
        #expect(!AppositiveListItem.isFragment("In 1792, France declared war on Austria and Prussia."))
        #expect(!AppositiveListItem.isFragment("The Girondins, moderate deputies, were expelled in June 1793."))
        let notes = """
        # Factions

        ## The Convention

        The Convention was divided between two groups:

        - The **Girondins**, moderate deputies from the provinces who favoured a spreading war but feared the power of Paris.
        - The **Jacobins**, radical deputies led by Maximilien Robespierre, who relied on the support of the working people.

        In June 1793 the Jacobins expelled the Girondin leaders from the Convention.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(!material.candidates.contains { $0.text.hasPrefix("The Girondins, moderate") || $0.text.hasPrefix("The Jacobins, radical") })
    }

    @Test("a number the same section gives for the same quantity is no distractor")
    func sameQuantityIsNoDistractor() throws {
        let crust = """
        # The Crust

        ## Layers

        The crust is thin, between 5 km thick under the oceans and about 70 km under mountains.
        Oceanic crust is made mostly of basalt and is about 7 km thick.
        The mantle reaches down to a depth of about 2,900 km.
        """
        let material = ExamMaterial(document: try StudyDocument(text: crust))
        let picker = DistractorPicker(material: material, difficulty: .medium)
        let candidate = try #require(material.candidates.first { $0.text.hasPrefix("The crust is thin") })
        let answer = try #require(candidate.spans.first { $0.text == "5 km" })
        let stem = candidate.text.replacingOccurrences(of: "5 km", with: "_____")
        let scope = picker.sameSectionScope(for: answer, candidate: candidate, stem: stem, blank: "_____")
        #expect(DistractorPicker.restatesQuantity("7 km", scope: scope))
        #expect(!DistractorPicker.restatesQuantity("9 km", scope: scope))
        // A value from a sentence about something else stays an option.
        #expect(!DistractorPicker.restatesQuantity("2,900 km", scope: scope))
        let notes = """
        # The Crust

        ## Layers

        The crust is the thin outer skin, between 5 km thick under the oceans and about 70 km thick under high mountains.
        Oceanic crust is made mostly of basalt and is about 7 km thick under the deep oceans.
        The lithosphere is about 100 km thick and includes the crust and the uppermost mantle.
        The asthenosphere lies between 100 km and 350 km below the surface.
        Continental crust is about 35 km thick on average.
        """
        for seed in 1...8 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.multipleChoice, .multipleAnswer]),
                                         seed: UInt64(seed)).generate(from: notes)
            for question in exam.questions where question.sourceSentence.hasPrefix("The crust is the thin outer skin") {
                #expect(!question.options.contains("7 km"), "seed \(seed): \(question.prompt) \(question.options)")
            }
        }
    }

    @Test("a compound's head is not accepted when the stem itself uses the head alone")
    func headShownInStemIsNotAccepted() throws {
        #expect(HeadInStem.shows(head: "attribute", answer: "prime attribute",
                                 in: "An attribute that belongs to some candidate key is called a prime attribute."))
        #expect(!HeadInStem.shows(head: "commute", answer: "morning commute", in: "The morning commute in Hanoi is slow."))
        let notes = """
        # Keys

        ## Attributes

        In the relational model a column is an attribute, and a row is a tuple.
        An attribute that belongs to some candidate key is called a prime attribute.
        The candidate key is a minimal set of attributes that identifies each row.
        Each attribute takes its values from a domain, such as the set of valid dates.
        """
        var asked = 0
        for seed in 1...6 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 4, questionTypes: [.fillInBlank]),
                                         seed: UInt64(seed)).generate(from: notes)
            for question in exam.questions where question.acceptedAnswers.first == "prime attribute" {
                asked += 1
                #expect(!question.acceptedAnswers.contains("attribute"), "seed \(seed): \(question.acceptedAnswers)")
            }
        }
        #expect(asked > 0)
    }

    @Test("an antonym swap keeps the part of speech and never breaks a list or a result's direction")
    func antonymSwapsStayFair() {
        // A verb list: "gain" is a verb here, and "loss" would garble it.
        #expect(Antonyms.swapOne(in: "Metals tend to gain, lose or share electrons in reactions.") == nil)
        #expect(Antonyms.swapOne(in: "Atoms gain electrons in reduction.") == nil)
        #expect(Antonyms.swapOne(in: "The firm reported a gain in profit.")?.replacement == "loss")
        // A comparative that states a result or purpose reads as nonsense when swapped.
        #expect(Antonyms.swapOne(in: "Decomposition splits a table into two or more smaller tables.") == nil)
        #expect(Antonyms.swapOne(in: "Denormalisation trades consistency work for faster reads.") == nil)
        #expect(Antonyms.swapOne(in: "Memory cells make the secondary response faster.") == nil)
        // A property claim after a linking verb or before "than" is a fair false statement.
        #expect(Antonyms.swapOne(in: "Macrophages are larger, live longer and pass on antigens.")?.replacement == "smaller")
        #expect(Antonyms.swapOne(in: "Light travels faster than sound.")?.replacement == "slower")
        #expect(Antonyms.swapOne(in: "On a mountain top the air pressure is much lower.")?.replacement == "higher")
    }

    @Test("'it' at a clause end with only plurals, counted units and adjectives before it points at an earlier sentence")
    func itWithOnlyPluralsBeforeIsMissingReferent() {
        #expect(MissingReferent.problem("For measles, about 95 percent of people must be immune to reach it.") != nil)
        #expect(MissingReferent.problem("Plants absorb water through their roots and use it to make sugar.") == nil)
        #expect(MissingReferent.problem("The lens bends the light and focuses it on the retina.") == nil)
    }

    @Test("when the text names two other terms with the answer's head noun, every option has that head")
    func optionsKeepTheFamilyHead() {
        func byHead(_ terms: [String]) -> [String: Set<String>] {
            var out: [String: Set<String>] = [:]
            for term in terms {
                let key = ExamLexicon.key(term)
                if let head = OptionEvidence.head(of: key) { out[head, default: []].insert(key) }
            }
            return out
        }
        let answer = AnswerSpan(text: "convergent boundary", kind: .term, weight: 10)
        let head = DistractorPicker.sharedHead(of: answer, termsByHead: byHead(["convergent boundary", "divergent boundary",
                                                                                 "transform boundary", "crust", "hotspot"]))
        #expect(head == "boundary")
        #expect(DistractorPicker.keepsHead("divergent boundary", head: head))
        #expect(!DistractorPicker.keepsHead("crust", head: head))
        // One sibling only: the head says nothing about a family, any kin may stand in.
        #expect(DistractorPicker.sharedHead(of: answer, termsByHead: byHead(["divergent boundary", "crust", "hotspot"])) == nil)
        #expect(DistractorPicker.keepsHead("crust", head: nil))
    }

    @Test("summaries write a 'Label: text' list item as prose and give a pointing key-term sentence its antecedent")
    func summaryListItemsAndPointers() throws {
        #expect(SummaryListItem.prose("First Estate: the clergy, who paid almost no taxes.", kind: .listItem)
            == "First Estate is the clergy, who paid almost no taxes.")
        #expect(SummaryListItem.prose("Note: the clergy paid no taxes.", kind: .listItem) == "Note: the clergy paid no taxes.")
        #expect(SummaryListItem.prose("Ratio: 3 to 1 in most years.", kind: .sentence) == "Ratio: 3 to 1 in most years.")
        let notes = """
        # The Oath

        ## June 1789

        The deputies of the Third Estate met in Versailles in May 1789 to discuss taxes and the debt.
        Locked out of their hall, the deputies gathered in an indoor tennis court and swore not to separate until France had a constitution. This promise is known as the Tennis Court Oath.

        ## Afterwards

        The king gave way a week later and ordered the other estates to join the assembly.
        The Tennis Court Oath became a symbol of the revolution for later generations of French people.
        """
        let summary = try Summarizer(options: SummaryOptions(type: .keyTerms)).summarize(notes)
        let oath = summary.keyTerms.first { $0.term.lowercased().contains("tennis court oath") }
        #expect(oath.map { !$0.sentence.hasPrefix("This promise") } ?? true, "\(String(describing: oath))")
        let document = try StudyDocument(text: notes)
        guard let at = document.sentences.firstIndex(where: { $0.text.hasPrefix("This promise") }) else {
            Issue.record("no pointing sentence")
            return
        }
        #expect(SummaryListItem.withAntecedent("This promise is known as the Tennis Court Oath.", index: at, document: document)
            .hasPrefix("Locked out of their hall"))
    }

    @Test("a date restated with a part left off ('September 1792' after '21 September 1792') is not asked twice")
    func restatedDateIsAskedOnce() throws {
        #expect(SameDate.isAsked("september 1792", used: ["21 september 1792"]))
        #expect(SameDate.isAsked("21 september 1792", used: ["september 1792"]))
        #expect(!SameDate.isAsked("september 1793", used: ["21 september 1792"]))
        #expect(!SameDate.isAsked("1792", used: ["21 september 1792"]))
        #expect(!SameDate.isAsked("21 september 1792", used: ["1792"]))
        let notes = """
        # The Republic

        ## 1792

        In April 1792 France declared war on Austria, and Prussia soon joined the fight against the revolution.
        A Paris crowd attacked the Tuileries Palace in August 1792 and the king was arrested.
        A new assembly, the National Convention, abolished the monarchy and declared France a republic on 21 September 1792.
        Louis XVI was tried for treason and executed by guillotine on 21 January 1793.

        ## Key Points

        - France became a republic in September 1792.
        - The king was executed in January 1793.
        """
        for seed in 1...6 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.multipleChoice, .fillInBlank]),
                                         seed: UInt64(seed)).generate(from: notes)
            let keys = exam.questions.map { question in
                question.kind == .fillInBlank ? (question.acceptedAnswers.first ?? "")
                    : question.correctOptions.map { question.options[$0] }.joined(separator: "|")
            }
            #expect(keys.filter { $0.contains("September 1792") }.count <= 1, "seed \(seed): \(keys)")
        }
    }

    @Test("a conversion into other units after a number ('3,700 metres, or roughly 2.3 miles') comes out of the stem")
    func conversionAppositiveIsRemoved() throws {
        #expect(ConversionAppositive.removed("The average depth of the ocean is about 3,700 metres, or roughly 2.3 miles.")
            == "The average depth of the ocean is about 3,700 metres.")
        #expect(ConversionAppositive.removed("The town lies 10 km, or about 6 miles, from the coast.")
            == "The town lies 10 km from the coast.")
        #expect(ConversionAppositive.removed("The cable is 5km, or 3 miles, long.") == "The cable is 5km long.")
        // No unit before, or no unit after: a choice, not a conversion.
        #expect(ConversionAppositive.removed("Each team has 11 players, or 15 in rugby union.")
            == "Each team has 11 players, or 15 in rugby union.")
        #expect(ConversionAppositive.removed("Cells may divide, or die, when damaged.") == "Cells may divide, or die, when damaged.")
        let notes = """
        # The Ocean

        ## Depths

        The average depth of the ocean is about 3,700 metres, or roughly 2.3 miles.
        The Mariana Trench reaches a depth of about 11,000 metres below the surface of the Pacific.
        Sunlight reaches down only about 200 metres into the water of the open ocean.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(material.candidates.contains { $0.text == "The average depth of the ocean is about 3,700 metres." })
        #expect(!material.candidates.contains { $0.text.contains("2.3 miles") })
    }

    @Test("the title's subject with a modifier left off ('immune system' in 'The Human Immune System') is options only")
    func titleSubjectTailIsNoAnswer() throws {
        #expect(TitleSubject.names("immune system", titleKey: "human immune system"))
        #expect(TitleSubject.names("congestion control", titleKey: "tcp congestion control"))
        #expect(!TitleSubject.names("system", titleKey: "human immune system"))
        #expect(!TitleSubject.names("roman republic", titleKey: "institution of the roman republic"))
        #expect(!TitleSubject.names("cellular respiration", titleKey: "photosynthesis and cellular respiration"))
        let notes = """
        # The Human Immune System

        ## Overview

        The immune system is the network of cells, tissues and organs that protects the body against infection.
        A pathogen is any organism or virus that causes disease in its host.
        An antigen is any molecule that the immune system recognises as foreign to the body.
        Phagocytosis is the process in which a cell engulfs a particle and digests it inside a vesicle.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        let spans = material.candidates.flatMap(\.spans).filter { $0.text == "immune system" }
        #expect(!spans.isEmpty && spans.allSatisfy(\.isModifier))
    }

    @Test("'Each step of one unit …' speaks of a scale named before: asked joined to that sentence")
    func incrementOfUnnamedScaleIsJoined() throws {
        #expect(UnnamedWhole.problem("Each step of one unit means about 32 times more energy released.") == UnnamedWhole.bareMeasure)
        #expect(UnnamedWhole.problem("Every rise of 10 degrees doubles the rate of the reaction.") == UnnamedWhole.bareMeasure)
        #expect(UnnamedWhole.problem("Each lymphocyte carries receptors for a single antigen.") == nil)
        #expect(UnnamedWhole.problem("Each of the three estates sent deputies to Versailles.") == nil)
        let notes = """
        # Earthquakes

        ## Size

        An **earthquake** is a sudden shaking of the ground caused by the release of stress along a fault.

        The size of an earthquake is given by the moment magnitude scale. Each step of one unit means about 32 times more energy released. The 1960 Valdivia earthquake in Chile, magnitude 9.5, is the strongest ever recorded.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(!material.candidates.contains { $0.text.hasPrefix("Each step") })
        #expect(material.candidates.contains { $0.text.hasPrefix("The size of an earthquake is given by the moment magnitude scale. Each step") })
    }

    @Test("a key term's sentence with a pronoun or pointer inside it ('Immunologists divide it …') leans back")
    func keyTermSentenceWithInnerPointerLeansBack() {
        #expect(SummaryListItem.leansBack("Immunologists divide it into two branches: innate immunity and adaptive immunity."))
        #expect(SummaryListItem.leansBack("The tool for spotting these problems is the functional dependency (FD)."))
        #expect(SummaryListItem.leansBack("This promise is known as the Tennis Court Oath."))
        #expect(!SummaryListItem.leansBack("An antibody is a Y-shaped protein that binds to one specific antigen."))
    }
}
