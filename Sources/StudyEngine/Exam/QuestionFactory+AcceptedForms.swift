import Foundation
import StudyModel

/// The answers a fill-in accepts, with what the whole text knows beyond one sentence: the
/// forms `AcceptedAnswers` reads from the term or name, a name's initials and the name an
/// abbreviation spells when the text writes them, a person without a title, and none that
/// the stem itself shows ("the agency" after "news agency _____").
extension QuestionFactory {
    /// - Parameter candidate: the sentence asked about, for its section heading (the term's longer name).
    func accepted(_ span: AnswerSpan, in candidate: ExamMaterial.Candidate?) -> [String] {
        var forms = allForms(span, in: candidate)
        func add(_ form: String) {
            if !forms.contains(where: { Tokenizer.fold($0) == Tokenizer.fold(form) }) { forms.append(form) }
        }
        // "US" for "United States": the name's initials, when the text itself writes them.
        if let initials = Self.initials(ofName: span.text), material.midSentenceCapitals.contains(initials) {
            add(initials)
        }
        if [.name, .acronym, .term].contains(span.kind) {
            let words = span.text.split(separator: " ").map(String.init)
            // "European Union" for "EU": the one name of the text whose initials these are.
            if words.count == 1, span.text.count >= 2, span.text.allSatisfy({ $0.isUppercase || $0.isNumber }) {
                let expansions = material.fullNames.filter { Self.initials(ofName: $0) == span.text }
                if expansions.count == 1, let expansion = expansions.first { add(expansion) }
            }
            // "Hanson" and "David Hanson" for "Mr Hanson": the person without the title.
            if words.count == 2, Self.isTitle(words[0]) {
                add(words[1])
                let names = material.fullNames.filter { name in name.split(separator: " ").first.map { !Self.isTitle(String($0)) } ?? false }
                if let full = AcceptedAnswers.fullName(of: words[1], among: names, loneNames: material.loneNames),
                   !surnameIsAFamilys(words[1]) { add(full) }
            }
        }
        for form in textForms(span) { add(form) }
        let texts = Array(material.sentences.lazy.map(\.text).prefix(800))
        // "Barack Obama", "Cameron", "London Mayor": the person as the text itself writes them.
        if span.kind == .name {
            let isPerson = span.isPerson || span.role == "person" || material.evidence.personNames.contains(span.text)
            for form in AcceptedAnswers.personForms(of: span.text, forms: forms, fullNames: material.fullNames,
                                                    loneNames: material.loneNames, sentences: texts, isPerson: isPerson) { add(form) }
        }
        // "Great Depression" for "Depression": the text's one longer name for it.
        if [.term, .name].contains(span.kind), let longer = AcceptedAnswers.longerCapitalisedName(of: span.text, sentences: texts) {
            add(longer)
        }
        // "porn star" for "18-year-old porn star": an age or count before a noun describes the
        // one meant; the noun alone names the same.
        if span.kind == .term, let rest = AcceptedAnswers.withoutLeadingAge(span.text) { add(rest) }
        // "the **Meiji** era": the term the text bolds is what a reader learns and writes.
        if let candidate, let bold = boldCore(of: span.text, in: candidate) { add(bold) }
        if span.kind == .term, let candidate,
           let body = AcceptedAnswers.actingBody(of: span.text, stem: candidate.text,
                                                 sentences: Array(material.sentences.lazy.map(\.text).prefix(800))) {
            add(body)
        }
        // "commute" for "morning commute", where the text writes "the commute" and no other kind.
        if span.kind == .term, let head = AcceptedAnswers.headAlone(of: span.text, sentences: texts,
                                                                    termsByHead: material.evidence.termsByHead),
           !(candidate.map { HeadInStem.shows(head: head, answer: span.text, in: $0.text) } ?? false) {
            add(head)
        }
        // "Stockton and Darlington" for "Stockton and Darlington Railway" when the stem says "railway".
        if [.term, .name].contains(span.kind), let candidate,
           let short = AcceptedAnswers.withoutGenericHead(span.text, stem: candidate.text) {
            add(short)
        }
        // "Hebridean Celtic Festival" for "HebCelt" and back, when the text writes both.
        if [.name, .acronym, .term].contains(span.kind) {
            for form in AcceptedAnswers.clippedForms(of: span.text, names: material.fullNames, words: material.midSentenceCapitals
                .union(material.fullNames.filter { !$0.contains(" ") })) { add(form) }
        }
        // "United Kingdom" for "UK": a country's or a body's well-known other names.
        if [.name, .acronym, .term].contains(span.kind) {
            for name in AcceptedAnswers.wellKnownNames(of: span.text) { add(name) }
        }
        // "Altcourse" for "HMP Altcourse", when the text writes the name short too.
        if span.kind == .name, let short = AcceptedAnswers.withoutNamePrefix(span.text, sentences: texts, fullNames: material.fullNames) {
            add(short)
        }
        // "consulship" for "Consul" where the stem asks for an office.
        if [.term, .name].contains(span.kind), let candidate,
           let office = AcceptedAnswers.officeName(of: span.text, stem: candidate.text, documentWords: material.documentWords) {
            add(office)
        }
        // What a named step does ("water splitting" for "photolysis") and a quantity's
        // appositive ("one third" for "33,000 J"): the same thing in other words. Like every
        // lower-case form, they are dropped below when the stem itself shows them (then they
        // are copied, not known).
        if [.term, .number, .percentage].contains(span.kind) {
            let raw = Array(material.document.sentences.lazy.map(\.text).prefix(800))
            let same = span.kind == .term ? AcceptedAnswers.namedStepForms(of: span.text, sentences: raw)
                : AcceptedAnswers.quantityAppositive(of: span.text, sentences: raw)
            for form in same { add(form) }
        }
        guard let candidate, forms.count > 1 else { return forms }
        // A lower-case form whose own words the stem already shows is copied, not known:
        // "humanoid" in "The humanoid, known as _____" for "Ham"; "the agency" and "agency Tass"
        // in "news agency _____" for "Tass". Brackets are left out: the stem drops the answer's
        // other name given there ("(cwnd)").
        var shown = "", depth = 0
        for character in candidate.text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { shown.append(character) }
        }
        return [forms[0]] + forms.dropFirst().filter { form in
            form.first?.isLowercase != true || !Self.stemShows(form, answer: span.text, stem: shown)
        }
    }

    /// The bold part of an answer that is a bold term with one word outside the bold
    /// ("Meiji era" from "the **Meiji** era"), read from the candidate's sentence and the one
    /// before it (a sentence may be asked joined to it); nil when there is none.
    func boldCore(of answer: String, in candidate: ExamMaterial.Candidate) -> String? {
        let answerWords = answer.split(separator: " ").map(String.init)
        guard answerWords.count >= 2, candidate.text.contains(answer) else { return nil }
        let units = material.document.sentences
        for index in [candidate.sentence - 1, candidate.sentence] where units.indices.contains(index) {
            let raw = units[index].text
            guard raw.contains("**") || raw.contains("__") else { continue }
            for piece in ExamInlineMarkup(raw).emphasised {
                let words = piece.split(separator: " ").map(String.init)
                guard !words.isEmpty, words.count == answerWords.count - 1 else { continue }
                // The one word outside the bold sits at either end, next to the bold as the
                // text writes it ("**Meiji** era"); a bold name of its own ("**Meiji
                // Restoration**") holds no such part.
                let outside: String
                if Array(answerWords.prefix(words.count)) == words, let last = answerWords.last {
                    outside = last
                    guard ["**", "__"].contains(where: { raw.contains($0 + piece + $0 + " " + outside) }) else { continue }
                } else if Array(answerWords.suffix(words.count)) == words, let first = answerWords.first {
                    outside = first
                    guard ["**", "__"].contains(where: { raw.contains(outside + " " + $0 + piece + $0) }) else { continue }
                } else {
                    continue
                }
                return piece
            }
        }
        return nil
    }

    /// Whether the stem already shows a form's own words (those not in the answer): one
    /// word anywhere ("agency" in "news agency _____"), two or more as the same run of
    /// words ("state news agency"). Words spread over the stem ("light-independent … the
    /// light-dependent reactions") are no copy of "light-independent reactions". Hyphens
    /// are dropped on both sides, so a form and its unhyphenated spelling get one verdict.
    static func stemShows(_ form: String, answer: String, stem: String) -> Bool {
        func words(_ text: String) -> [String] {
            Tokenizer.foldedWords(text.replacingOccurrences(of: "-", with: "")).map(ExamLexicon.singular)
        }
        let answerWords = Set(words(answer))
        let own = words(form).filter { !StopWords.english.contains($0) && !answerWords.contains($0) }
        guard !own.isEmpty else { return false }
        let stemWords = words(stem).filter { !StopWords.english.contains($0) && !answerWords.contains($0) }
        if own.count == 1 { return stemWords.contains(own[0]) }
        guard stemWords.count >= own.count else { return false }
        return (0...(stemWords.count - own.count)).contains { Array(stemWords[$0..<($0 + own.count)]) == own }
    }

    /// The other names the whole text gives beyond the term's own words
    /// (`AcceptedAnswers+TextForms`): a heading's subtitle, a definition's genus, a person's
    /// name behind an office, the lower-case tail of a long name.
    fileprivate func textForms(_ span: AnswerSpan) -> [String] {
        var out: [String] = []
        let texts = material.sentences.lazy.map(\.text)
        if [.term, .acronym, .name].contains(span.kind) {
            var bodies: [String: [String]] = [:]
            for sentence in material.sentences.prefix(2000) {
                if let section = sentence.section, section.contains(":") { bodies[section, default: []].append(sentence.text) }
            }
            for (heading, body) in bodies.sorted(by: { $0.key < $1.key }) {
                if let subtitle = AcceptedAnswers.headingSubtitle(of: span.text, heading: heading, body: body) { out.append(subtitle) }
            }
        }
        if span.kind == .term { out += AcceptedAnswers.definitionGenus(of: span.text, sentences: Array(texts.prefix(800))) }
        if span.kind == .term, let head = AcceptedAnswers.ofPhraseHead(of: span.text, sentences: Array(texts.prefix(800))) {
            out.append(head)
        }
        if [.term, .name].contains(span.kind), let short = AcceptedAnswers.methodName(of: span.text, people: material.fullNames) {
            out.append(short)
        }
        if span.kind == .name {
            // "Nicky Morgan" for "Education Secretary Nicky Morgan"; "Morgan" too when the text
            // calls the person so.
            if let person = AcceptedAnswers.nameAfterOffice(span.text) {
                out.append(person)
                if let last = person.split(separator: " ").last.map(String.init), material.loneNames.contains(last) { out.append(last) }
            }
            if let tail = AcceptedAnswers.lowercaseTail(of: span.text, sentences: Array(texts.prefix(800)), fullNames: material.fullNames) {
                out.append(tail)
            }
        }
        return out
    }

    /// "Mr", "Dr", "President": a title written before a name (`SpanExtractor.titles`).
    static func isTitle(_ word: String) -> Bool {
        SpanExtractor.titles.contains(Tokenizer.fold(word.trimmingAny(of: ".")))
    }

    /// "US" for "United States", "NHS" for "National Health Service": the initials of a name
    /// of two to five capitalised words (`ExamLexicon.initials`, linking words skipped), or nil.
    static func initials(ofName name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        let capitalised = words.filter { !ExamLexicon.connectors.contains(Tokenizer.fold($0)) }
        guard (2...5).contains(capitalised.count),
              capitalised.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) }) else { return nil }
        return ExamLexicon.initials(words).uppercased()
    }

    fileprivate func allForms(_ span: AnswerSpan, in candidate: ExamMaterial.Candidate?) -> [String] {
        AcceptedAnswers.forms(of: span, lexicon: material.lexicon, loneNames: material.loneNames,
                              documentWords: material.documentWords,
                              fullNames: material.fullNames.subtracting(material.evidence.fusedNames),
                              keyTermNames: material.keyTermNames[ExamLexicon.key(span.text)] ?? [],
                              otherDates: span.kind == .year ? (material.pools[.year] ?? []).map(\.span.text) : [],
                              heading: candidate?.section,
                              sentences: span.kind == .term && span.text.split(separator: " ").count >= 3
                                || span.kind == .name && !span.text.contains(" ") ? material.sentences.map(\.text) : [])
    }
}

extension QuestionFactory {
    /// Whether the text gives a surname to more than one person: under two titles ("Lord
    /// Janner" and "Mr Janner", father and son) or inside a longer surname ("Janner-Klausner").
    /// Then "Lord Janner" is not the one full name the text writes with it ("Daniel Janner"
    /// is the son), and a fill-in must not accept that name for him.
    func surnameIsAFamilys(_ surname: String) -> Bool {
        let names = material.fullNames.union(material.evidence.personNames)
        let titled = names.filter { name in
            let words = name.split(separator: " ")
            return words.count == 2 && words[1] == surname && Self.isTitle(String(words[0]))
        }
        if Set(titled.compactMap { $0.split(separator: " ").first }).count > 1 { return true }
        return names.contains { name in
            name.split(separator: " ").contains { $0 != surname && ($0.hasPrefix(surname + "-") || $0.hasSuffix("-" + surname)) }
        }
    }
}

