import Foundation
import StudyModel

/// The answers a fill-in accepts, with what the whole text knows beyond one sentence: the
/// forms `AcceptedAnswers` reads from the term or name, a name's initials and the name an
/// abbreviation spells when the text writes them, a person without a courtesy title, and
/// none that the stem itself shows ("the agency" after "news agency _____").
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
            // "Hanson" and "David Hanson" for "Mr Hanson": the person without the courtesy title.
            if words.count == 2, Self.courtesyTitles.contains(words[0].trimmingAny(of: ".")) {
                add(words[1])
                let names = material.fullNames.filter { name in
                    name.split(separator: " ").first.map { !Self.courtesyTitles.contains(String($0)) } ?? false
                }
                if let full = AcceptedAnswers.fullName(of: words[1], among: names) { add(full) }
            }
        }
        // "The humanoid, known as _____": a lower-case other name the stem itself shows is
        // copied, not known ("humanoid" for "Ham").
        if let candidate, forms.count > 1 {
            let spanWords = Set(Tokenizer.foldedWords(span.text).map(ExamLexicon.singular))
            // Brackets are left out: the stem drops the answer's other name given there ("(cwnd)").
            var shown = "", depth = 0
            for character in candidate.text {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { shown.append(character) }
            }
            let sentenceWords = Set(Tokenizer.foldedWords(shown).map(ExamLexicon.singular)).subtracting(spanWords)
            forms = [forms[0]] + forms.dropFirst().filter { form in
                guard form.first?.isLowercase == true else { return true }
                let words = Tokenizer.foldedWords(form).map(ExamLexicon.singular).filter { !StopWords.english.contains($0) }
                return words.isEmpty || !words.allSatisfy(sentenceWords.contains)
            }
        }
        // "news agency _____": the role the stem already writes before the blank is no answer
        // ("the agency"), nor a part of one ("agency Tass").
        guard span.kind == .name, let candidate, let role = Self.word(before: span.text, in: candidate.text),
              role.count >= 4, role.allSatisfy(\.isLowercase) else { return forms }
        return forms.filter { form in
            let words = form.lowercased().split(separator: " ")
            return !words.contains(Substring(role))
        }
    }

    /// Titles written before a surname ("Mr Hanson", "Dr Kujala"): general English usage.
    static let courtesyTitles: Set<String> = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Prof", "Professor",
                                              "Lord", "Lady"]

    /// "US" for "United States", "NHS" for "National Health Service": the capitals of a
    /// name of two to five capitalised words (small linking words skipped), or nil.
    static func initials(ofName name: String) -> String? {
        let words = name.split(separator: " ").filter { !["of", "and", "for", "the"].contains($0) }
        guard (2...5).contains(words.count),
              words.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) }) else { return nil }
        return String(words.compactMap(\.first))
    }

    /// The word right before the first whole-word occurrence of `phrase` in `text`.
    static func word(before phrase: String, in text: String) -> String? {
        var searchStart = text.startIndex
        while let range = text.range(of: phrase, range: searchStart..<text.endIndex) {
            let beforeOK = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if beforeOK, after.map({ !$0.isLetter }) ?? true {
                let head = String(text[..<range.lowerBound]).trimmingWhitespace()
                return head.split(separator: " ").last.map(String.init)
            }
            searchStart = range.upperBound
        }
        return nil
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
