import Testing
@testable import StudyEngine

/// The rules that make `key_terms` a list a teacher would write (issue #8, deliverable 7):
/// each term once under one name, no pieces of longer terms, no nicknames or page words
/// ahead of defined terms, and symbols as other names. The texts are written for these tests.
@Suite struct KeyTermRulesTests {
    func keyTerms(_ text: String, count: Int = 15) throws -> [KeyTerm] {
        let document = try StudyDocument(text: text)
        let ranking = SentenceRanker(tuning: RankingTuning()).rank(document, summaryLength: 3)
        return KeyTermExtractor().extract(document, ranking: ranking, count: count)
    }

    func names(_ terms: [KeyTerm]) -> [String] { terms.map { $0.term.lowercased() } }

    static let cellNotes = """
    # Energy in Cells

    ## The Cycle

    Pyruvate enters the matrix and joins the Krebs cycle (also called the citric acid cycle). The citric acid cycle \
    turns twice for each glucose. Each turn of the Krebs cycle releases carbon dioxide. The Krebs cycle also makes NADH.

    ## Oxygen

    Oxygen is the final electron acceptor of the chain. Without O2 the chain stops, and the cell turns to \
    fermentation. Fermentation is the pathway that recycles NADH when no oxygen is present. Oxygen enters by diffusion.
    """

    @Test func aTermIsListedOnceUnderOneOfItsNames() throws {
        let terms = try keyTerms(Self.cellNotes)
        let listed = names(terms)
        let cycles = listed.filter { $0 == "krebs cycle" || $0 == "citric acid cycle" }
        #expect(cycles.count == 1, "listed: \(listed)")
    }

    @Test func abbreviationsSpelledOutMakeTheSameName() {
        let expansions = ["ack": "acknowledgement"]
        let short = KeyTermExtractor.nameKeys(of: ["duplicate ACK"], expansions: expansions)
        let long = KeyTermExtractor.nameKeys(of: ["duplicate acknowledgements"], expansions: expansions)
        #expect(!short.isDisjoint(with: long))
        #expect(KeyTermExtractor.nameKeys(of: ["selective ACK"], expansions: expansions).isDisjoint(with: long))
    }

    @Test func aChemicalFormulaTheTextWritesIsAnotherName() throws {
        let oxygen = try #require(try keyTerms(Self.cellNotes).first { $0.term.lowercased() == "oxygen" })
        #expect(oxygen.aliases.contains("O2"))
        // Without the formula in the text, no symbol is made up.
        let plain = Self.cellNotes.replacingOccurrences(of: "Without O2 the chain stops", with: "Without it the chain stops")
        let other = try #require(try keyTerms(plain).first { $0.term.lowercased() == "oxygen" })
        #expect(!other.aliases.contains("O2") && !other.aliases.contains("O"))
    }

    @Test func formulasFollowTheNamingRules() {
        #expect(ChemicalNames.formulas(of: "oxygen") == ["O2", "O"])
        #expect(ChemicalNames.formulas(of: "sodium") == ["Na"])
        #expect(ChemicalNames.formulas(of: "carbon dioxide") == ["CO2"])
        #expect(ChemicalNames.formulas(of: "carbon monoxide") == ["CO"])
        #expect(ChemicalNames.formulas(of: "dinitrogen tetroxide") == ["N2O4"])
        #expect(ChemicalNames.formulas(of: "sodium chloride") == ["NaCl"])
        #expect(ChemicalNames.formulas(of: "photosynthesis").isEmpty)
        #expect(ChemicalNames.formulas(of: "carbon fixation").isEmpty)
    }

    static let warNotes = """
    # The Long War

    The First World War was a war of many fronts. The First World War changed Europe. The First World War was fought on many fronts. Historians still study the \
    First World War closely.

    ## A World War

    An armistice is an agreement to stop fighting while a peace treaty is negotiated. The armistice took effect in \
    the autumn. The region was often called the "powder keg of the south" by diplomats. The general called it the \
    "blackest day of the whole long northern campaign" in his diary.
    """

    @Test func aPieceOfAPickedTermUsedOnlyInsideItIsNotListed() throws {
        let listed = names(try keyTerms(Self.warNotes))
        #expect(listed.contains("first world war"))
        #expect(!listed.contains("world war"), "listed: \(listed)")
    }

    @Test func mostlyInsideCountsUses() throws {
        let document = try StudyDocument(text: "The page table maps pages. A page table lives in memory. A page holds data. "
                                         + "Each page has a number. The page size is fixed. A page can move.")
        let index = TermIndex(document: document, pool: Array(document.sentences.indices))
        #expect(!KeyTermExtractor.isMostlyInside("page", "page table", index: index), "page is used alone more often")
        #expect(KeyTermExtractor.isMostlyInside("table", "page table", index: index))
    }

    @Test func quotedNicknamesAreWeakAndCutQuotesAreNoTerms() {
        let nick = TermEvidence.words("The region was often called the \"powder keg of the south\" by diplomats.")
        #expect(TermEvidence.quotedNames(nick) == ["powder keg of the south"])
        #expect(TermEvidence.definitions(nick).isEmpty, "a nickname is not a defined term")
        let cut = TermEvidence.words("The general called it the \"blackest day of the whole long northern campaign\" in his diary.")
        #expect(TermEvidence.quotedNames(cut).isEmpty)
        #expect(TermEvidence.definitions(TermEvidence.words("Inside are flattened sacs called thylakoids.")) == ["thylakoids"])
    }

    @Test func aDefinedTermRanksAboveANickname() throws {
        let listed = names(try keyTerms(Self.warNotes))
        let armistice = try #require(listed.firstIndex(of: "armistice"))
        if let nickname = listed.firstIndex(of: "powder keg of the south") { #expect(armistice < nickname) }
    }

    @Test func datedBoldNamesAreEvents() {
        #expect(TermEvidence.isDated("**Battle of the Delta (May 1802)**"))
        #expect(TermEvidence.isDated("Siege of Tor (1740–1741)"))
        #expect(!TermEvidence.isDated("**Congestion window (cwnd)**"))
        #expect(!TermEvidence.isDated("**Osmosis**"))
    }

    @Test func aSubjectThatDescribesATermIntroducedAfterTheVerbIsNoTerm() {
        let described = TermEvidence.definitions(TermEvidence.words(
            "A common choice is the maximum transmission unit (MTU), the largest frame a link carries."))
        #expect(!described.contains("common choice"))
        #expect(TermEvidence.definitions(TermEvidence.words("Inertia is the tendency of a body to keep its motion."))
            == ["Inertia"])
    }

    @Test func wordsForTheNotesThemselvesAreNoTerms() {
        #expect(KeyTermExtractor.namesThePage("lecture"))
        #expect(KeyTermExtractor.namesThePage("Worked example"))
        #expect(!KeyTermExtractor.namesThePage("page table"))
        #expect(!KeyTermExtractor.namesThePage("osmosis"))
    }

    @Test func aHeadingClauseIsNoTerm() throws {
        let text = """
        # Rivers

        ## How the Delta Formed

        A delta is a landform built from sediment where a river meets the sea. The delta formed over many centuries.
        """
        let document = try StudyDocument(text: text)
        let pool = Array(document.sentences.indices)
        let evidence = TermEvidence(document: document, pool: pool, index: TermIndex(document: document, pool: pool))
        let terms = evidence.candidates.map { $0.term.lowercased() }
        #expect(terms.contains("delta"))
        #expect(!terms.contains("delta formed") && !terms.contains("formed"), "candidates: \(terms)")
        #expect(TermEvidence.isPastForm("formed") && !TermEvidence.isPastForm("speed") && !TermEvidence.isPastForm("bed"))
    }

    @Test func aLoneNameTheTextKeepsUsingRanksBelowADefinedTerm() throws {
        let text = """
        # Trade

        Portugal traded with Brazil. Portugal sent ships each year. Portugal grew rich. Portugal lost its fleet later.

        A tariff is a tax on imported goods. Each country set its own rates.
        """
        let listed = names(try keyTerms(text))
        let tariff = try #require(listed.firstIndex(of: "tariff"))
        if let name = listed.firstIndex(of: "portugal") { #expect(tariff < name, "listed: \(listed)") }
    }

    /// The byte paths for ASCII give what the Character paths give (they are only faster).
    @Test func asciiFastPathsMatchTheGeneralPaths() {
        let pieces = ["(cwnd),", "\"powder", "keg\".", "Newton's", "3.14", "--", "", "x", "RuBisCO:", "(1914–1918)", "’s",
                      "co-operate;", "U-boats.", "...", "A", "(ATP)", "e.g.,"]
        for piece in pieces {
            let sub = Substring(piece)
            if let fast = TermEvidence.asciiWord(sub) {
                let slow = TermEvidence.characterWord(sub)
                #expect(fast.text == slow.text && fast.folded == slow.folded && fast.before == slow.before
                        && fast.after == slow.after, "piece \(piece)")
            }
            let fast = PhraseScanner.split(sub)
            let slow = PhraseScanner.splitCharacters(sub)
            #expect(fast.hasLeading == slow.hasLeading && fast.word == slow.word && fast.trailing == slow.trailing,
                    "piece \(piece)")
        }
        let openings = ["a huge supporter and has been invited", "PICTURED: the crowd", "iPhone sales rose", "Photosynthesis is",
                        "\"quoted start", "(bracketed) start", "CO2: a gas", "x: y", "", "...", "3 ways", "über alles",
                        "– dash then lower", String(repeating: "a", count: 90), String(repeating: "b", count: 79) + "Xy rest"]
        for text in openings {
            if let fast = SentenceRanker.asciiIsFragment(text) {
                #expect(fast == SentenceRanker.characterIsFragment(text), "opening \(text)")
            }
        }
        #expect(SentenceRanker.isFragment("a huge supporter and has been invited"))
        #expect(SentenceRanker.isFragment("PICTURED: the crowd at the gate"))
        #expect(!SentenceRanker.isFragment("iPhone sales rose again."))
    }
}
