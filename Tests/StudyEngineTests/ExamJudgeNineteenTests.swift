import Testing
import StudyModel
@testable import StudyEngine

/// Faults an independent judge found in round 19 (issue 8): definition swaps across kinds in
/// the past tense ("A humanism was a grant …", F); related headlines glued onto a story and
/// list items made of participle phrases used as stems (C).
@Suite struct ExamJudgeNineteenTests {
    static let medievalNotes = """
    # The Medieval Church

    ## Key ideas

    - **Tithes.** A tithe was a tax of one tenth of a peasant's produce, paid to the parish church.
    - **Monasticism.** Monasticism was the religious movement in which monks and nuns lived apart from the world under a rule.
    - **Pilgrimage.** A pilgrimage was a journey to a holy place such as Canterbury or Santiago de Compostela.
    - **Relics.** A relic was an object linked to a saint, such as a bone or a piece of clothing.
    - **Excommunication.** Excommunication was the punishment that cut a person off from the sacraments of the Church.
    - **Crusades.** The Crusades were a series of wars fought between 1096 and 1291 to win back Jerusalem.
    """

    @Test("a past-tense definition has a genus, and its head is the phrase's last noun ('the religious movement')")
    func pastTenseGenusHead() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.medievalNotes))
        #expect(DefinitionGenus.of("Monasticism", in: material)?.head == "movement")
        #expect(DefinitionGenus.of("tithe", in: material)?.head == "tax")
        #expect(QuestionFactory.definitionCategory("A(n) _____ was a tax of one tenth of a peasant's produce.") == "tax")
        #expect(QuestionFactory.definitionCategory("_____ was the religious movement in which monks lived apart.") == "movement")
        #expect(!DefinitionGenus.fits(swap: "Monasticism", category: "tax", original: "tithe", material: material))
    }

    @Test("a term of another kind never takes a past-tense definition's place in a false statement")
    func noCrossKindPastTenseSwap() throws {
        let kinds = ["tithe": "tax", "monasticism": "movement", "pilgrimage": "journey", "relic": "object",
                     "excommunication": "punishment"]
        for seed in 1...12 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: Self.medievalNotes)
            for question in exam.questions where question.correctOptions == [1] {
                let prompt = question.prompt.lowercased()
                for (term, genus) in kinds where prompt.contains("\(term) was") || prompt.contains("\(term)s were") {
                    #expect(prompt.contains("was a \(genus)") || prompt.contains("was an \(genus)") || prompt.contains("was the \(genus)")
                            || !kinds.values.contains { prompt.contains(" \($0) ") }, "seed \(seed): \(question.prompt)")
                }
                #expect(!prompt.hasPrefix("true or false: \"a monasticism") && !prompt.hasPrefix("true or false: \"an excommunication"),
                        "seed \(seed): \(question.prompt)")
            }
        }
    }

    @Test("a list item of names with participle phrases states nothing; a clause after them still does")
    func participlePhraseListItems() {
        #expect(AppositiveListItem.isFragment("The Index of Forbidden Books, first issued in 1559, and the Roman Inquisition, set up in 1542."))
        #expect(AppositiveListItem.isFragment("The Royal Mint, moved to Wales in 1968."))
        #expect(!AppositiveListItem.isFragment("The Royal Society, founded in 1660, published the first scientific journal."))
        #expect(!AppositiveListItem.isFragment("Mitochondria, the powerhouses of the cell, produced ATP for the muscle."))
    }

    static let gluedNews = """
    The city council has approved a plan to close the central bus station by 2028. Councillors voted 31 to 12 in favour of the plan on Tuesday evening. The station, opened in 1964, handles about 9,000 passengers a day. Council leader Maria Evans said the site would become housing and a public park. Bus operators say they were not consulted and warned that fares could rise by 15%. A new interchange will be built next to the railway station at a cost of £42m. Council leader Maria Evans approves Central Railway InterchangeBus operators attack Maria Evans over Hilltown Station closureThe bus station that shaped a city
    """

    @Test("headlines glued onto the end of a story are no statement and no stem")
    func gluedHeadlinesAreNoStems() throws {
        #expect(ExamSentence.hasGluedWord("Council approves plan for new railway interchangeOperators warn of higher fares"))
        #expect(!ExamSentence.hasGluedWord("McDonald and the iPhone were in the news"))
        let material = ExamMaterial(document: try StudyDocument(text: Self.gluedNews))
        #expect(material.candidates.contains { $0.text.contains("Maria Evans said") })
        for candidate in material.candidates {
            #expect(!candidate.text.contains("InterchangeBus"), "\(candidate.text)")
        }
    }

    @Test("a sentence that calls a person only by a role or an age ('The stopper almost beat …') is no stem")
    func personEpithetsDangle() throws {
        #expect(ExamSentence.namesOnlyTheKind("The stopper almost produced a moment for the cup annals on Wednesday.", people: true))
        #expect(ExamSentence.namesOnlyTheKind("The 25-year-old joined the club in 2019.", people: true))
        #expect(!ExamSentence.namesOnlyTheKind("The man who founded the club died in 1950.", people: true))
        #expect(!ExamSentence.namesOnlyTheKind("The stopper almost produced a moment.", people: false))
        let story = """
        Rovers manager Gary Bowyer has said his side will not sell their best players this summer. Goalkeeper Simon Eastwood went up for a late corner against Liverpool in Wednesday's replay.
        The stopper almost produced a moment for the history books when his shot deep into stoppage time almost beat Simon Mignolet in the Liverpool goal.
        Bowyer rejected advances for Jordan Rhodes and Rudy Gestede in the past two transfer windows.
        """
        let material = ExamMaterial(document: try StudyDocument(text: story))
        #expect(material.candidates.contains { $0.text.hasPrefix("Bowyer rejected") })
        #expect(material.sentences.first { $0.text.hasPrefix("The stopper") }?.stemProblem == "dangling reference")
    }

    @Test("a title's span of years is no part of its subject ('The Cold War, 1947–1991'), so the subject is no answer")
    func titleYearsAreNoPartOfTheSubject() throws {
        #expect(TitleSubject.subject(of: "The Cold War, 1947–1991") == "The Cold War")
        #expect(TitleSubject.subject(of: "The Hundred Years' War (1337–1453)") == "The Hundred Years' War")
        #expect(TitleSubject.subject(of: "Rome, 509–27 BC") == "Rome")
        #expect(TitleSubject.subject(of: "Supply, Demand and Elasticity") == "Supply, Demand and Elasticity")
        let notes = """
        # The Cold War, 1947–1991

        ## Origins

        The Cold War was a long rivalry between the United States and the Soviet Union that never became a direct war. The Berlin Wall, built in 1961, became the best-known symbol of the Cold War. The Marshall Plan gave about $13 billion in aid to western Europe from 1948. NATO was founded in 1949 and the Warsaw Pact in 1955.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(material.candidates.contains { !$0.spans.isEmpty })
        for candidate in material.candidates {
            #expect(!candidate.spans.contains { ExamLexicon.key($0.text) == "cold war" && !$0.isModifier }, "\(candidate.text)")
        }
    }

    static let warNotes = """
    # Europe after the Reformation

    ## Conflict

    Religious division led to long wars across Europe. The Society of Jesus was founded by Ignatius of Loyola in 1540. In France the Wars of Religion ended with the Edict of Nantes in 1598. The Peace of Augsburg in 1555 let each prince choose the faith of his lands. The Council of Trent met between 1545 and 1563. The Thirty Years' War devastated Germany and ended with the Peace of Westphalia in 1648. The Eighty Years' War ended Spanish rule over the Dutch Republic in 1648. The Schmalkaldic War was fought between 1546 and 1547.
    """

    @Test("a name whose head is a common noun ('Wars of Religion') has only namesakes of that kind as options")
    func namedThingsKeepTheirKind() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.warNotes))
        let picker = DistractorPicker(material: material, difficulty: .medium)
        let candidate = try #require(material.candidates.first { $0.text.hasPrefix("In France") })
        let span = try #require(candidate.spans.first { $0.text == "Wars of Religion" }, "\(candidate.spans.map(\.text))")
        #expect(picker.commonHead(ofName: span) == "war")
        let factory = QuestionFactory(material: material, difficulty: .medium)
        let stem = try #require(factory.stem(candidate, blanking: [span]))
        var rng = SeededRandom(text: "wars", salt: 1)
        let options = picker.pick(for: span, in: candidate, stem: stem, blank: QuestionFactory.blank, count: 3, rng: &rng)
        #expect(options.count >= 2, "\(options)")
        #expect(options.allSatisfy { $0.hasSuffix("War") }, "\(options)")
        let person = AnswerSpan(text: "Ignatius of Loyola", kind: .name, weight: 4)
        #expect(picker.commonHead(ofName: person) == nil)
    }

    @Test("a court or other body named before 'he' is no one the pronoun can stand for")
    func bodiesAreNoReferents() {
        #expect(MissingReferent.problem("Leeds Crown Court heard he emailed the woman a link to the video.") != nil)
        #expect(MissingReferent.problem("Mark Hill told Leeds Crown Court he had emailed the woman.") == nil)
    }

    @Test("a plural possessive inside a name keeps the name whole ('Thirty Years' War')")
    func pluralPossessiveNames() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.warNotes))
        let names = Set(material.pools[.name]?.map(\.span.text) ?? [])
        #expect(names.contains("Thirty Years' War") && !names.contains("War") && !names.contains("Thirty Years"), "\(names)")
        #expect(!(material.pools[.name] ?? []).contains { $0.span.text.hasSuffix("War") && $0.span.isPerson })
    }

    @Test("a title that lists its subjects names each of them, and none is an answer")
    func titleListsItsSubjects() throws {
        let listed = try StudyDocument(text: "# Rivers, Lakes and Wetlands\n\n## Rivers\n\nA river is a natural stream of fresh water that flows to the sea.\n")
        #expect(Set(TitleSubject.keys(of: listed)).isSuperset(of: ["river", "lake", "wetland"]))
        let single = try StudyDocument(text: "# Institutions of the Roman Republic\n\n## Consuls\n\nTwo consuls were elected every year.\n")
        #expect(TitleSubject.keys(of: single) == ["institution of the roman republic"])
        let notes = """
        # Rivers, Lakes and Wetlands

        ## Rivers

        A **river** is a natural stream of fresh water that flows towards a sea, a lake or another river. The **source** is the place where a river begins. A **tributary** is a smaller stream that joins a larger river. The **mouth** is the place where a river meets the sea.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        #expect(material.candidates.contains { $0.spans.contains { $0.text == "tributary" && !$0.isModifier } })
        for candidate in material.candidates {
            #expect(!candidate.spans.contains { ExamLexicon.key($0.text) == "river" && !$0.isModifier }, "\(candidate.text)")
        }
    }

    @Test("a gloss between the blank and its verb leaves the definition's genus ('_____, also called …, is a protein')")
    func glossBeforeTheCopula() {
        #expect(QuestionFactory.definitionCategory("A(n) _____, also called an immunoglobulin (Ig), is a Y-shaped protein made by plasma cells.") == "protein")
        #expect(QuestionFactory.definitionCategory("_____, in short, is a process by which cells divide.") == "process")
        #expect(QuestionFactory.definitionCategory("_____, Germany and Italy signed the pact.") == nil)
    }

    @Test("two key years a step apart get the years on either side as options, not far ones")
    func closeYearsGetNearOptions() {
        #expect(QuestionFactory.closeYearDistractors(keys: ["1815", "1816"], distractors: ["1790", "1902"]) == ["1814", "1817"])
        #expect(QuestionFactory.closeYearDistractors(keys: ["1815", "1816"], distractors: ["1813", "1902"]) == ["1813", "1902"])
        #expect(QuestionFactory.closeYearDistractors(keys: ["1949", "1961"], distractors: ["1953", "1955"]) == ["1953", "1955"])
    }

    @Test("a compound key whose word has a near twin in the stem ('aortic valve' beside 'aorta') is no answer")
    func nearTwinsPointAtTheKey() {
        #expect(KeyEchoes.namesRelative(of: "aortic valve", in: "The aortic valve lies between the left ventricle and the aorta."))
        #expect(!KeyEchoes.namesRelative(of: "left atrium", in: "Blood enters the left atrium and then the left ventricle."))
        #expect(!KeyEchoes.namesRelative(of: "transcription factor", in: "A transcription factor controls translation of the gene."))
        #expect(!KeyEchoes.namesRelative(of: "plasma cells", in: "Plasma cells make antibodies; each plasma cell lives for days."))
    }

    @Test("a list label over a clause with a relative clause inside ('an item that has been used … is likely …') gets no 'X is' prose")
    func labelOverAClauseIsNoNounPhrase() {
        #expect(ListItemProse.prose(head: "Temporal locality", clean: "Temporal locality: an item that has been used recently is likely to be used again soon.") == nil)
        #expect(ListItemProse.prose(head: "Plasma", clean: "Plasma: the pale yellow liquid that carries cells and is mostly water.")
                == "Plasma is the pale yellow liquid that carries cells and is mostly water.")
        #expect(ListItemProse.prose(head: "Platelets", clean: "Platelets: small cell fragments that help blood to clot.")
                == "Platelets are small cell fragments that help blood to clot.")
    }

    @Test("a speaker's tag with a colon and a quote ('Mrs Lane continued: \'Doctors said …\'') is direct speech, no true/false item")
    func taggedQuotesAreDirectSpeech() {
        #expect(Antonyms.isDirectSpeech("Mrs Lane continued: 'Doctors said his condition was inherited.'"))
        #expect(Antonyms.isDirectSpeech("The coach added: “We were the better side.”"))
        #expect(!Antonyms.isDirectSpeech("The treaty had one aim: peace in Europe."))
        #expect(Antonyms.isDirectSpeech("They have still been the second-top team and I think Derek deserves credit for that."))
        #expect(Antonyms.isDirectSpeech("We were the better side on the day."))
        #expect(!Antonyms.isDirectSpeech("The US and the USSR were rivals for four decades."))
    }

    static let causesNotes = """
    # Causes of the War

    ## Long-term causes

    - **Militarism** is the belief that a strong army and navy are the basis of national power.
    - **Imperialism** is the competition of great powers for colonies and markets.
    - **Nationalism** is the belief that each nation should have its own state.
    - An **alliance** is an agreement between states to help each other in war; Europe was split into two alliances.
    - **Fascism** is a movement that exalts the nation above the individual.

    ## The end of neutrality

    In 1917 Germany secretly offered Mexico an alliance against the United States. In 1914 Britain declared war on Germany after Belgium was invaded.
    """

    @Test("after 'a(n)' an -ism the text never counts is no option ('a militarism')")
    func uncountableNounsTakeNoArticle() throws {
        for seed in 1...10 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.multipleChoice]),
                                         seed: UInt64(seed)).generate(from: Self.causesNotes)
            for question in exam.questions {
                #expect(!question.options.contains { $0.hasPrefix("a ") && $0.hasSuffix("ism") }, "seed \(seed): \(question.options)")
            }
        }
    }

    static let cupStory = """
    Rovers should expect bids for their best players after their cup run, manager Gary Bowyer has said. Rovers were knocked out on Wednesday by a late goal from midfielder Philippe Coutinho. United manager Brendan Rodgers praised the home side after the match. Striker Jordan Rhodes was sold to Middlesbrough for £9m last year. Striker Rudy Gestede scored 20 goals for the club last season. Goalkeeper Simon Eastwood almost scored a late equaliser. City manager Steve Clarke said his side would also look at the Rovers players. Bowyer said he expected offers for more of his men in the summer.
    """

    @Test("'manager _____' has the other managers the story names as its first options")
    func roleBeforeTheBlankPicksThatRole() throws {
        let material = ExamMaterial(document: try StudyDocument(text: Self.cupStory))
        #expect(material.evidence.personRoles["Brendan Rodgers"]?.contains("manager") == true)
        let candidate = try #require(material.candidates.first { $0.text.hasPrefix("Rovers should expect") })
        let span = try #require(candidate.spans.first { $0.text == "Gary Bowyer" })
        let factory = QuestionFactory(material: material, difficulty: .medium)
        let stem = try #require(factory.stem(candidate, blanking: [span]))
        let picker = DistractorPicker(material: material, difficulty: .medium, isNewsStory: true)
        var rng = SeededRandom(text: "role", salt: 3)
        let options = picker.pick(for: span, in: candidate, stem: stem, blank: QuestionFactory.blank, count: 3, rng: &rng)
        #expect(options.contains("Brendan Rodgers") && options.contains("Steve Clarke"), "\(options)")
    }

    @Test("typed answers: a Latin or Greek singular for its plural, number words in a name, a surname alone")
    func aliasesTheJudgeTyped() {
        #expect(TypedAnswerMatcher.matches("atrium", expected: "Atria"))
        #expect(TypedAnswerMatcher.matches("the atria", expected: "atrium"))
        #expect(TypedAnswerMatcher.matches("nucleus", expected: "nuclei"))
        #expect(TypedAnswerMatcher.matches("vertebrae", expected: "vertebra"))
        #expect(TypedAnswerMatcher.matches("criterion", expected: "criteria"))
        #expect(TypedAnswerMatcher.matches("bacterium", expected: "bacteria"))
        #expect(TypedAnswerMatcher.matches("index", expected: "indices"))
        #expect(TypedAnswerMatcher.matches("hypothesis", expected: "hypotheses"))
        #expect(TypedAnswerMatcher.matches("viruses", expected: "virus"))
        #expect(!TypedAnswerMatcher.matches("less", expected: "lesson"))
        #expect(!TypedAnswerMatcher.matches("atrium", expected: "ventricle"))
        #expect(TypedAnswerMatcher.matches("95 Theses", expected: "Ninety-five Theses"))
        #expect(TypedAnswerMatcher.matches("ninety five theses", expected: "Ninety-five Theses"))
        #expect(TypedAnswerMatcher.matches("Ninety-five Theses", expected: "95 Theses"))
        #expect(!TypedAnswerMatcher.matches("85 Theses", expected: "Ninety-five Theses"))
        let forms = AcceptedAnswers.personForms(of: "Prime Minister Viktor Orban", forms: ["Prime Minister Viktor Orban", "Viktor Orban"],
                                                fullNames: ["Prime Minister Viktor Orban", "Viktor Orban", "Frans Timmermans"], loneNames: [],
                                                sentences: ["The Fidesz government of Prime Minister Viktor Orban is under pressure.",
                                                            "Commission deputy head Frans Timmermans warned of action."])
        #expect(forms.contains("Orban") && !forms.contains("Prime Minister"), "\(forms)")
        #expect(forms.contains("Prime Minister Orban") && forms.contains("PM Viktor Orban"), "\(forms)")
        // A place or event written like a person's name gives no "surname": "River" names nothing.
        let river = AcceptedAnswers.personForms(of: "Mississippi River", forms: ["Mississippi River"], fullNames: ["Mississippi River"],
                                                loneNames: [], sentences: ["Union boats controlled the Mississippi River by 1863."])
        #expect(!river.contains("River"), "\(river)")
    }

    @Test("a term's abbreviation with its head noun ('UVA wavelengths') is accepted")
    func abbreviationWithHeadNoun() throws {
        let text = """
        # Light and Skin

        ## Ultraviolet light

        - The skin is most sensitive to **ultraviolet wavelengths (UVA)** and to visible light.
        - Sunscreen blocks most ultraviolet wavelengths before they reach the skin.
        - UVA reaches deeper into the skin than visible light does.
        - A **photon** is a single packet of light energy.
        """
        let material = ExamMaterial(document: try StudyDocument(text: text))
        let span = AnswerSpan(text: "ultraviolet wavelengths", kind: .term, weight: 9)
        let forms = AcceptedAnswers.forms(of: span, lexicon: material.lexicon, loneNames: material.loneNames)
        #expect(forms.contains("UVA wavelengths"), "\(forms)")
    }

    static let immuneNotes = """
    # The Immune Response

    ## Structure

    An **antibody** is a Y-shaped protein made by plasma cells. Each antibody is built from four polypeptide chains held together by disulfide bonds. An **antigen** is any molecule that the immune system recognises as foreign. A **B cell** is a white blood cell that makes antibodies. A **T cell** is a white blood cell that matures in the thymus.

    ## How antibodies work

    - In **neutralisation**, antibodies cover the parts of a virus that it uses to enter cells.
    - In **opsonisation**, antibodies coat pathogens and mark them for phagocytes.
    - In **complement activation**, antibodies trigger a group of blood proteins that punch holes in bacteria.
    - In **agglutination**, antibodies clump pathogens together.
    """

    @Test("a thing's options are no processes ('opsonisation' for 'antibody'); a process keeps process options")
    func thingsHaveNoProcessOptions() throws {
        #expect(OptionKind.namesProcess("complement activation") && OptionKind.namesProcess("photolysis"))
        #expect(!OptionKind.namesProcess("antibody") && !OptionKind.namesProcess("citric acid cycle"))
        for seed in 1...10 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 6, questionTypes: [.multipleChoice]),
                                         seed: UInt64(seed)).generate(from: Self.immuneNotes)
            for question in exam.questions where question.correctOptions.first.map({ question.options[$0].lowercased() }) == "antibody" {
                #expect(!question.options.contains { OptionKind.namesProcess($0) }, "seed \(seed): \(question.options)")
            }
        }
    }

    @Test("'March 25' is one date to ask, with other dates as options, and '25 March' is accepted")
    func monthDayDates() throws {
        let story = """
        A man accused of fraud has pleaded not guilty in court. John Smith has been held in the county jail since his arrest on March 25. The offences took place between September 1 and March 22, according to the indictment. His bail was set at $1 million. The trial is due to start on June 14.
        """
        let material = ExamMaterial(document: try StudyDocument(text: story))
        let dates = Set(material.candidates.flatMap(\.spans).filter { $0.kind == .year }.map(\.text))
        #expect(dates.isSuperset(of: ["March 25", "September 1", "March 22", "June 14"]), "\(dates)")
        #expect(AcceptedAnswers.dateForms("March 25") == ["25 March"])
        #expect(AcceptedAnswers.dateForms("14 July") == ["July 14"])
        let picker = DistractorPicker(material: material, difficulty: .medium, isNewsStory: true)
        var rng = SeededRandom(text: "md", salt: 1)
        let invented = picker.invented(answer: try #require(material.candidates.flatMap(\.spans).first { $0.text == "March 25" }), rng: &rng)
        #expect(!invented.isEmpty && invented.allSatisfy { $0.hasPrefix("March ") }, "\(invented)")
    }

    @Test("'24.3 per cent' is one answer: no blank leaves 'cent' behind")
    func perCentIsOneAnswer() throws {
        let story = """
        By 2051 minority ethnic communities will make up 24.3 per cent of the population, compared with 12.8 per cent in 2011. The population will rise from 63.4 million to 77.4 million, the study found. Net migration now stands at just under 300,000 a year.
        """
        let material = ExamMaterial(document: try StudyDocument(text: story))
        let percentages = material.candidates.flatMap(\.spans).filter { $0.kind == .percentage }.map(\.text)
        #expect(percentages.contains("24.3 per cent") && !percentages.contains("24.3 per"), "\(percentages)")
        for seed in 1...6 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 4, questionTypes: [.multipleAnswer, .multipleChoice]),
                                         seed: UInt64(seed)).generate(from: story)
            for question in exam.questions { #expect(!question.prompt.contains("_____ cent"), "\(question.prompt)") }
        }
    }

    @Test("one word that ends a longer name ('the March to the Sea') is no answer")
    func halfOfANameIsNoAnswer() throws {
        let notes = """
        # The War in the West

        ## 1864

        In 1864 General William Sherman captured Atlanta and led the March to the Sea, destroying railways across Georgia. Sherman reached Savannah in December 1864. Grant fought Lee in Virginia for most of the year.
        """
        let material = ExamMaterial(document: try StudyDocument(text: notes))
        let spans = material.candidates.flatMap(\.spans)
        #expect(spans.contains { $0.text == "Atlanta" && !$0.isModifier })
        #expect(!spans.contains { $0.text == "Sea" && !$0.isModifier }, "\(spans.map(\.text))")
    }

    @Test("list items of a name with a relative clause or an adjective phrase state nothing")
    func nameWithRelativeClauseOrAdjectivePhrase() {
        #expect(AppositiveListItem.isFragment("Lightning, whose energy splits N₂ molecules so that the nitrogen combines with oxygen."))
        #expect(AppositiveListItem.isFragment("Ammonium (NH₄⁺), a positively charged ion held on clay and organic matter"))
        #expect(!AppositiveListItem.isFragment("Lightning, whose energy is huge, splits nitrogen molecules in the air."))
        #expect(!AppositiveListItem.isFragment("Mitochondria, the powerhouses of the cell, make ATP for the muscle."))
        #expect(!AppositiveListItem.isFragment("Robert E. Lee, the Confederate commander, surrendered at Appomattox in 1865."))
    }

    @Test("a term with a gloss in brackets after it is not swapped ('Nitrate (NH₄⁺)' refutes itself)")
    func glossedTermsAreNotSwapped() throws {
        let notes = """
        # Soil Nitrogen

        ## Forms of nitrogen

        - **Ammonium (NH₄⁺)** is a positively charged ion that is held on clay and organic matter.
        - **Nitrate (NO₃⁻)** is a negatively charged ion that dissolves in soil water and is easily leached.
        - **Nitrite (NO₂⁻)** is a short-lived ion that bacteria turn into nitrate.
        - **Urea** is a fertiliser that soil enzymes turn into ammonium within a few days.
        """
        for seed in 1...12 {
            let exam = try ExamGenerator(configuration: Exam.Configuration(questionCount: 4, questionTypes: [.trueFalse]),
                                         seed: UInt64(seed)).generate(from: notes)
            for question in exam.questions where question.correctOptions == [1] {
                // The swapped-in term never stands before the original's bracketed formula.
                let swapped = question.replacementSpan ?? ""
                #expect(swapped.isEmpty || !question.prompt.contains(swapped + " ("), "seed \(seed): \(question.prompt)")
            }
        }
    }

    @Test("small digits are digits when grading ('NO3-' = 'NO₃⁻', 'm/s2' = 'm/s²')")
    func smallDigitsAreDigits() {
        #expect(TypedAnswerMatcher.matches("NO3-", expected: "NO₃⁻"))
        #expect(TypedAnswerMatcher.matches("9.8 m/s2", expected: "9.8 m/s²"))
        #expect(!TypedAnswerMatcher.matches("NO2-", expected: "NO₃⁻"))
    }

    @Test("a maximum after the blank ('_____ from a potential 300', 'out of 20') keeps options below it")
    func maximumAfterTheBlank() {
        let blank = QuestionFactory.blank
        let score = AnswerSpan(text: "279", kind: .number)
        #expect(DistractorPicker.comparedValue(score, stem: "He scored an astonishing \(blank) from a potential 300 points.", blank: blank)
                == .init(pivot: 300, above: false))
        let mark = AnswerSpan(text: "17", kind: .number)
        #expect(DistractorPicker.comparedValue(mark, stem: "She scored \(blank) out of 20 in the test.", blank: blank)
                == .init(pivot: 20, above: false))
    }
}
