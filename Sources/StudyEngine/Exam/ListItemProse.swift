/// A list item written "Label: text" read as the sentence it stands for, so that a stem is
/// prose and not a label with a colon ("Allergy: an allergy is …"):
/// - the text names the label itself ("Allergy: an allergy is …") → the text alone;
/// - the text opens with a pronoun or "these cells" for the label → the label in its place
///   ("Red blood cells: these cells carry …" → "Red blood cells carry …");
/// - the text opens with a verb that agrees with the label → label + text
///   ("Veins: carry blood …" → "Veins carry blood …");
/// - the text is a noun phrase → label + "is"/"are" + text
///   ("Platelets: small cell fragments that …" → "Platelets are small cell fragments that …");
/// - the text is a clause with its own subject → "In label, text" for a plural or a process
///   ("Capillaries: the walls are one cell thick" → "In capillaries, the walls are …"),
///   "In the Label, text" for a name, "Label means that text" for a rule with a modal verb
///   ("Veto: a tribune could block …" → "Veto means that a tribune could block …"), and
///   otherwise none ("Bubonic plague: the most common form" is no "… means that …").
/// Anything else (a label that is no noun, a text that opens with a name) has no prose form
/// and is not used as a stem.
enum ListItemProse {
    static let articles: Set<String> = ["the", "a", "an"]
    static let pointers: Set<String> = ["this", "these", "those", "such", "the", "a", "an"]
    static let subjectPronouns: Set<String> = ["it", "they"]
    /// Words that open a relative or reduced clause inside a noun phrase: a verb after them
    /// belongs to the phrase, not to a clause of its own.
    static let phraseOpeners: Set<String> = ["that", "which", "who", "whose", "where", "whom", "used", "made", "called",
                                             "found", "known", "such", "e.g.", "especially", "including"]
    static let subordinators: Set<String> = ["until", "unless", "before", "after", "when", "while", "because", "if",
                                             "since", "once", "whereas", "although"]
    /// Finite forms that make a clause.
    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "has", "have", "had", "can", "could", "will",
                                           "would", "may", "might", "must", "should", "does", "do", "did", "cannot"]

    /// The prose form of `clean` ("Head: rest"), or nil when it has none.
    static func prose(head: String, clean: String) -> String? {
        guard let colon = clean.firstIndex(of: ":") else { return nil }
        let rest = clean[clean.index(after: colon)...].trimmingWhitespace()
        let restWords = rest.split(separator: " ").map(String.init)
        let headWords = head.split(separator: " ").map(String.init)
        guard restWords.count >= 2, let headLast = headWords.last else { return nil }
        // "Timeout: cwnd = 1 MSS, back to slow start": a formula has no prose form.
        if rest.contains(where: { "=+→←×÷≈<>".contains($0) }) { return nil }
        let folded = restWords.map { Tokenizer.fold($0).filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        let headFolded = headWords.map { Tokenizer.fold($0).filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        // "Note: …", "Step 2: …": the label names no thing the text is about.
        if ExamLexicon.labelWords.contains(headFolded.joined(separator: " "))
            || headFolded.contains(where: { $0.first?.isNumber == true }) {
            return nil
        }
        let headIsName = headWords.contains { $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isUppercase) }
            || headWords.dropFirst().contains { $0.first?.isUppercase == true }
        let headInText = headIsName ? head : lowercasedFirst(head)
        let plural = isPlural(Tokenizer.fold(headLast))

        // "an allergy is …": the text names the label itself.
        var start = 0
        if articles.contains(folded[0]) || ["this", "these", "those"].contains(folded[0]) { start = 1 }
        if start + headFolded.count <= folded.count,
           zip(folded[start..<(start + headFolded.count)], headFolded).allSatisfy({ sameWord($0, $1) }) {
            if start == 0 { return capitalisedFirst(rest) }
            if articles.contains(folded[0]) { return capitalisedFirst(rest) }
            // "these cells" for "Red blood cells": the label in place of the pointer.
            return head + " " + restWords[(start + headFolded.count)...].joined(separator: " ")
        }
        // "these cells carry …" for "Red blood cells": a pointer and the label's head noun.
        if ["this", "these", "those"].contains(folded[0]), folded.count > 2, sameWord(folded[1], Tokenizer.fold(headLast)) {
            return head + " " + restWords[2...].joined(separator: " ")
        }
        // "they carry …": a pronoun for the label.
        if subjectPronouns.contains(folded[0]), isVerb(folded[1]) {
            return head + " " + restWords[1...].joined(separator: " ")
        }
        // A text that points elsewhere or opens with a name has no prose form.
        if MissingReferent.personPronouns.contains(folded[0]) || MissingReferent.otherPronouns.contains(folded[0])
            || ["this", "these", "those"].contains(folded[0]) {
            return nil
        }
        let firstIsCommon = restWords[0].first?.isLowercase == true || StopWords.english.contains(folded[0])
        // "carry blood back …", "argued that …": a verb that agrees with the label.
        if firstIsCommon, isVerb(folded[0]) {
            guard agrees(verb: folded[0], plural: plural) else { return nil }
            return head + " " + lowercasedFirst(rest)
        }
        // A noun phrase: "the pale yellow liquid part of blood", "small cell fragments that …".
        if firstIsCommon, firstFiniteVerb(folded) == nil {
            // "the denser plate sinks beneath …": a word in "-s" that may be the verb of a clause
            // the lists do not know; read either way the stem could be ungrammatical, so none.
            if folded[0] == "the", mayBeVerb(folded) { return nil }
            // "relative mass about 1/1836, charge −1, found in shells": a list of attributes
            // (no article in front, parts split by commas) reads as no noun phrase.
            if !articles.contains(folded[0]), rest.contains(",") { return nil }
            // "an item that has been used recently is likely to be used again": a relative
            // clause and then the main verb is a clause, and "X is an item that … is likely …"
            // would say "is" twice.
            if hasVerbAfterRelativeClause(folded, raw: restWords) { return nil }
            return head + (plural ? " are " : " is ") + lowercasedFirst(rest)
        }
        // A text that opens with a name ("ATP and NADPH … convert …") is a clause with that
        // subject even where its verb is one the lists do not know.
        let verbAt = firstFiniteVerb(folded) ?? (firstIsCommon ? nil : restWords.count - 1)
        guard let verbAt, verbAt >= 1 else { return nil }
        // "fast retransmit, window halved": note fragments, not a clause.
        if restWords[..<verbAt].contains(where: { $0.hasSuffix(",") || $0.hasSuffix(";") || $0.hasSuffix(":") }) { return nil }
        // A clause that names the label itself ("in an emergency the consuls could appoint a
        // dictator" under "Dictator"): the label adds nothing.
        let restSet = Set(folded.map(ExamLexicon.singular))
        if headFolded.map(ExamLexicon.singular).allSatisfy(restSet.contains) { return capitalisedFirst(rest) }
        let body = firstIsCommon ? lowercasedFirst(rest) : rest
        // A clause with its own subject: where it holds ("In capillaries, the walls are …",
        // "In the Tribal Assembly, citizens voted …") or what the label means ("Veto means
        // that a tribune could block …").
        // A process or stage ("Regeneration", "Mitosis") is where the clause happens too.
        let process = ["tion", "sion", "sis", "ment", "ing"].contains { Tokenizer.fold(headLast).hasSuffix($0) }
        // ("Alliances: Europe was split …" is no "In alliances, Europe …": a named subject
        // is not inside the label.)
        // "In alliances, the North Atlantic Treaty Organization was founded …", "In the Berlin
        // Wall, … the GDR sealed …": a clause whose subject is a name is an event in its own
        // right, not something that happens inside the label.
        if restWords.prefix(verbAt).contains(where: { $0.first?.isUppercase == true }) && firstIsCommon { return nil }
        // "Censors: two senior ex-consuls elected every five years …" is a noun phrase with a
        // participle, not a clause: "In censors, two senior ex-consuls elected …" reads as
        // nonsense. After a counted or indefinite noun ("two …", "a …") an "-ed" verb is read
        // as finite only after a word that makes it so.
        if folded[verbAt].hasSuffix("ed"), !Self.auxiliaries.union(["be", "been", "being"]).contains(folded[verbAt - 1]),
           !subjectPronouns.contains(folded[verbAt - 1]), folded[0].first?.isNumber == true || AcceptedAnswers.numberWords.contains(folded[0]) || ["a", "an"].contains(folded[0]) {
            return nil
        }
        if plural { return firstIsCommon ? "In " + headInText + ", " + body : nil }
        // ("Deflation: consumer prices fell by a quarter …" tells what happened in history,
        // not what happens inside a process: "In deflation, consumer prices fell" is no prose.)
        if process, !headIsName, !isPastVerb(folded[verbAt]) { return "In " + headInText + ", " + body }
        if headIsName, headWords.count >= 2 {
            // A clause about other names ("… East Germans …, the GDR sealed …") is no event inside it.
            if restWords.contains(where: { $0.first?.isUppercase == true }) { return nil }
            return "In " + (headFolded.first == "the" ? head : "the " + head) + ", " + body
        }
        // "Veto: a tribune could block …", "Direct-mapped cache: every block can go to one
        // line": a rule stated with a modal verb about common nouns is what the label means.
        // Anything else is not ("Bubonic plague: the most common form" with a noun read as a
        // verb; "Public health: city governments slowly learned to act"; "Antibiotic
        // resistance: Alexander Fleming discovered …" is an example, not a meaning).
        let modals: Set<String> = ["can", "could", "may", "might", "must", "should", "will", "would", "cannot"]
        guard firstIsCommon, modals.contains(folded[verbAt]),
              !restWords.prefix(verbAt).contains(where: { $0.first?.isUppercase == true }) else { return nil }
        // "The gold standard: countries tied to gold could not …": a label that the clause
        // repeats gives itself away once it is blanked ("The _____ means that … gold …").
        let bodyWords = Set(folded.map(ExamLexicon.singular))
        if headFolded.contains(where: { $0.count > 3 && !StopWords.english.contains($0) && bodyWords.contains(ExamLexicon.singular($0)) }) {
            return nil
        }
        return head + " means that " + body
    }

    /// Whether a finite verb follows a relative clause's own verb without a comma or
    /// conjunction before it: "an item that has been used recently is likely …".
    static func hasVerbAfterRelativeClause(_ folded: [String], raw: [String]) -> Bool {
        let relatives: Set<String> = ["that", "which", "who", "whose"]
        let finite: Set<String> = ["is", "are", "was", "were", "has", "have", "can", "will", "may", "must", "does", "do",
                                   "could", "would", "should"]
        guard let relative = folded.firstIndex(where: relatives.contains),
              let own = folded.indices.dropFirst(relative + 1).first(where: { isVerb(folded[$0]) || folded[$0].hasSuffix("ed") }) else { return false }
        var at = own + 1
        // The relative clause's verb group: "has been used recently".
        while at < folded.count, !finite.contains(folded[at]),
              isVerb(folded[at]) || folded[at].hasSuffix("ed") || folded[at].hasSuffix("ly") { at += 1 }
        for i in at..<folded.count where finite.contains(folded[i]) {
            let before = raw[i - 1]
            return !before.hasSuffix(",") && !["and", "or", "but", "that", "which", "who"].contains(folded[i - 1]) && !before.hasSuffix(";")
        }
        return false
    }

    /// Past forms that tell an event rather than a rule ("fell", "was", "rose", "collapsed").
    static func isPastVerb(_ word: String) -> Bool {
        (word.count > 3 && word.hasSuffix("ed")) || ["was", "were", "had", "did", "fell", "rose", "grew", "became", "began",
                                                      "made", "took", "led", "went", "came", "saw", "won", "lost", "left",
                                                      "spread", "broke", "drove", "sank", "shrank"].contains(word)
    }

    /// Where the clause's own verb stands, or nil when the words form a noun phrase (verbs
    /// only after a relative word or a preposition).
    static func firstFiniteVerb(_ words: [String]) -> Int? {
        for (i, word) in words.enumerated() {
            if phraseOpeners.contains(word) { return nil }
            // "the time from sending a segment until its ACK comes back": a clause inside the
            // phrase. (At the start, "after leaving office a magistrate could …" is fronted.)
            if i > 0, subordinators.contains(word) { return nil }
            if auxiliaries.contains(word) { return i }
            // "plates slide past …": a plural noun and a bare word after it are subject and verb.
            if i == 1, isPlural(words[0]), !StopWords.english.contains(word), word.count > 2, word.allSatisfy(\.isLetter),
               !word.hasSuffix("s"), !word.hasSuffix("ed"), !word.hasSuffix("ly"), !word.hasSuffix("ing") { return i }
            // "plates move", "substances diffuse": a common verb after a word that is no article.
            if i > 0, CommonVerbs.all.contains(word), !word.hasSuffix("ing"), !articles.contains(words[i - 1]) { return i }
            // "citizens voted in tribes": a past form after a word that is no article, unless
            // it is a participle of the phrase ("a decree passed by the senate").
            if i > 0, word.count > 4, word.hasSuffix("ed"), !articles.contains(words[i - 1]),
               !StopWords.english.contains(words[i - 1]), i + 1 >= words.count || words[i + 1] != "by" { return i }
        }
        return nil
    }

    /// Whether a list item with no "Label:" colon is a noun phrase that states nothing: a
    /// phrase with a relative clause (`isRelativeNounPhrase`) or a name with an appositive
    /// (`AppositiveListItem.isFragment`). Such an item is no stem and no statement.
    static func statesNothing(_ text: String) -> Bool {
        isRelativeNounPhrase(text) || AppositiveListItem.isFragment(text)
    }

    /// Whether a list item with no label is a noun phrase with a relative clause and no
    /// clause of its own: "Political stability and a banking system that included the Bank of
    /// England, founded in 1694" lists a cause; it states nothing, so it is no true/false
    /// statement and no stem (a swap inside it could even stay true). Only the plain case is
    /// caught: no finite auxiliary anywhere, and the first word that stops the search for a
    /// verb is a relative word after a noun.
    static func isRelativeNounPhrase(_ text: String) -> Bool {
        let folded = text.split(separator: " ").map { Tokenizer.fold(String($0)).filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        guard folded.count >= 4, !folded.contains(where: auxiliaries.contains) else { return false }
        let relatives: Set<String> = ["that", "which", "who", "whose", "whom"]
        guard let at = folded.firstIndex(where: relatives.contains), at >= 2 else { return false }
        let before = Array(folded[..<at])
        // "… says that": a verb before the relative word makes a clause.
        guard firstFiniteVerb(before) == nil, !before.contains(where: { CommonVerbs.all.contains($0) || $0.hasSuffix("ed") }) else { return false }
        let previous = folded[at - 1]
        guard !StopWords.english.contains(previous), !previous.hasSuffix("ly") else { return false }
        // "… jenny that Hargreaves invented multiplied output": a second verb not set off by a
        // comma is the clause's own, after its subject and the relative clause.
        let raw = text.split(separator: " ").map(String.init)
        var verbs = 0
        for i in (at + 1)..<folded.count where CommonVerbs.all.contains(folded[i]) || folded[i].count > 4 && folded[i].hasSuffix("ed") {
            verbs += 1
            if verbs >= 2, !raw[i - 1].hasSuffix(",") { return false }
        }
        return true
    }

    /// Whether a word in "-s" after a content word and before a function word ("plate sinks
    /// beneath") could be a verb the lists miss.
    static func mayBeVerb(_ words: [String]) -> Bool {
        for i in 1..<max(1, words.count - 1) {
            let word = words[i]
            // After a relative word the verbs belong to the phrase ("the part that carries …").
            if phraseOpeners.contains(word) || subordinators.contains(word) { return false }
            guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else { continue }
            let before = words[i - 1], after = words[i + 1]
            if StopWords.english.contains(before) || before.hasSuffix("s") { continue }
            if ["that", "which", "who", "of", "and", "or"].contains(after) { continue }
            return true
        }
        return false
    }

    static func isVerb(_ word: String) -> Bool {
        guard !word.hasSuffix("ing") else { return false }
        return auxiliaries.contains(word) || CommonVerbs.all.contains(word)
    }

    /// "carry" after a plural label, "carries" after a singular one; past forms after either.
    static func agrees(verb: String, plural: Bool) -> Bool {
        if ["was", "had", "did"].contains(verb) || verb.hasSuffix("ed") || ["can", "could", "will", "would", "may", "might", "must", "should", "cannot"].contains(verb) {
            return true
        }
        if ["is", "has", "does"].contains(verb) { return !plural }
        if ["are", "have", "do", "were"].contains(verb) { return plural }
        let thirdPerson = verb.hasSuffix("s") && !verb.hasSuffix("ss")
        return plural ? !thirdPerson : thirdPerson
    }

    static func isPlural(_ word: String) -> Bool {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
    }

    /// The same word, or its singular or plural.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        a == b || ExamLexicon.singular(a) == ExamLexicon.singular(b)
    }

    static func capitalisedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The first letter in lower case, unless the first word is an abbreviation ("DNA").
    static func lowercasedFirst(_ text: String) -> String {
        guard let word = text.split(separator: " ").first, let first = word.first, first.isUppercase,
              !word.dropFirst().contains(where: \.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
