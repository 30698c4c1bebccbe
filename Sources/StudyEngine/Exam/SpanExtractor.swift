/// Finds answer spans in a sentence: years, numbers, percentages, names (capitalised
/// word sequences), acronyms, and the document's key terms.
struct SpanExtractor {
    /// Words seen capitalised in the middle of a sentence somewhere in the document: the
    /// evidence that a capitalised first word of a sentence is a name, not just a capital.
    var properWords: Set<String>
    /// Key terms of the document, lowercase, longest first.
    var terms: [String]

    static let nameConnectors: Set<String> = ["of", "de", "du", "la", "le", "von", "van", "der", "da", "di", "del", "des"]
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Words of a sentence with punctuation split off.
    struct Word {
        var core: String
        var leading: String
        var trailing: String
        var position: Int
    }

    static func words(_ sentence: String) -> [Word] {
        var out: [Word] = []
        for (position, piece) in sentence.split(separator: " ").enumerated() {
            let leading = piece.prefix(while: { !$0.isLetter && !$0.isNumber && !"$£€¥".contains($0) })
            let rest = piece.dropFirst(leading.count)
            var core = Substring(rest)
            var trailing = ""
            while let last = core.last, !(last.isLetter || last.isNumber || last == "%") {
                trailing = String(last) + trailing
                core = core.dropLast()
            }
            out.append(Word(core: String(core), leading: String(leading), trailing: trailing, position: position))
        }
        return out
    }

    /// Collects `properWords` from a set of sentences.
    static func properWords(in sentences: [String]) -> Set<String> {
        var found = Set<String>()
        for sentence in sentences {
            for word in words(sentence) where word.position > 0 {
                if let first = word.core.first, first.isUppercase, word.core.count > 1 { found.insert(word.core) }
            }
        }
        return found
    }

    func spans(in sentence: String) -> [AnswerSpan] {
        let words = Self.words(sentence)
        var spans: [AnswerSpan] = []
        spans += numbers(words)
        let nameSpans = names(words)
        spans += nameSpans
        // A term inside a name ("Revolution" in "French Revolution") is not asked on its own.
        spans += termSpans(sentence).filter { term in
            !nameSpans.contains { WholeWord.contains(term.text, in: $0.text) }
        }
        // One span per text: the first kind found wins.
        var seen = Set<String>()
        return spans.filter { seen.insert($0.key).inserted }
    }

    func numbers(_ words: [Word]) -> [AnswerSpan] {
        var out: [AnswerSpan] = []
        for (i, word) in words.enumerated() {
            guard let first = word.core.unicodeScalars.first(where: { !"$£€¥".unicodeScalars.contains($0) }),
                  ScalarClass.isDigit(first) else { continue }
            // "6,000-metre-long": the number is the part before the hyphen.
            var text = word.core
            if let hyphen = text.firstIndex(of: "-") { text = String(text[..<hyphen]) }
            guard let form = NumberForm(text) else { continue }
            // Only short unit suffixes stay glued ("330m", "21%"); "3D" or "4th" are not numbers to ask.
            guard form.suffix.isEmpty || form.suffix == "%" || (form.suffix.count <= 2 && form.suffix.allSatisfy(\.isLowercase) && form.suffix != "th" && form.suffix != "st" && form.suffix != "nd" && form.suffix != "rd" && form.suffix != "s") else { continue }
            let next = i + 1 < words.count ? words[i + 1].core.lowercased() : ""
            let kind: AnswerSpan.Kind
            if form.suffix == "%" || next == "percent" || (next == "per" && i + 2 < words.count && words[i + 2].core.lowercased() == "cent") {
                kind = .percentage
            } else if form.prefix.isEmpty, form.suffix.isEmpty, form.decimals == 0, !form.grouped,
                      text.count == 4, (1000...2100).contains(Int(form.value)) {
                kind = .year
            } else {
                kind = .number
            }
            out.append(AnswerSpan(text: text, kind: kind))
        }
        return out
    }

    func names(_ words: [Word]) -> [AnswerSpan] {
        var out: [AnswerSpan] = []
        var run: [Word] = []

        func flush() {
            // Connectors may join names but not end them: "University of Savoie", not "Bank of".
            while let last = run.last, Self.nameConnectors.contains(last.core) { run.removeLast() }
            defer { run = [] }
            guard !run.isEmpty else { return }
            // Sentence openers that happen to be capitalised are not part of a name.
            while let first = run.first, first.position == 0,
                  StopWords.english.contains(first.core.lowercased()) || Abbreviations.sentenceOpeners.contains(first.core.lowercased()) {
                run.removeFirst()
            }
            guard let first = run.first else { return }
            if run.count == 1, first.position == 0, !properWords.contains(first.core) { return }
            var text = run.map(\.core).joined(separator: " ")
            if text.hasSuffix("'s") || text.hasSuffix("’s") { text = String(text.dropLast(2)) }
            guard text.count >= 2, !Self.calendarWords.contains(text.lowercased()) else { return }
            let isAcronym = run.count == 1 && text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber }
            out.append(AnswerSpan(text: text, kind: isAcronym ? .acronym : .name))
        }

        for word in words {
            let isCapitalised = word.core.first?.isUppercase == true && word.core.count >= 2
                && word.core.contains(where: \.isLetter) && word.core != "I"
            let isConnector = !run.isEmpty && Self.nameConnectors.contains(word.core)
            if !word.leading.isEmpty && !run.isEmpty { flush() }
            if isCapitalised || isConnector {
                run.append(word)
                if !word.trailing.isEmpty { flush() }
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    func termSpans(_ sentence: String) -> [AnswerSpan] {
        let lowered = sentence.lowercased()
        // Cheap pre-check on words before the substring search.
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        var out: [AnswerSpan] = []
        for term in terms where term.count >= 3 {
            guard term.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).allSatisfy(words.contains) else { continue }
            guard let range = WholeWord.range(of: term, in: lowered) else { continue }
            // Keep the sentence's own spelling.
            let text = String(sentence[range])
            if out.contains(where: { $0.text.lowercased().contains(term) || term.contains($0.text.lowercased()) }) { continue }
            out.append(AnswerSpan(text: text, kind: .term))
        }
        return out
    }
}

/// Whole-word search and replacement: "cell" matches in "the cell wall", not in "cellular".
enum WholeWord {
    static func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }

    /// The first whole-word occurrence of `word` in `text` (same case as given).
    static func range(of word: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let beforeOK = range.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: range.lowerBound)])
            let afterOK = range.upperBound == text.endIndex || !isWordCharacter(text[range.upperBound])
            if beforeOK && afterOK { return range }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }

    /// Whether `word` occurs as a whole word, ignoring case and accents.
    static func contains(_ word: String, in text: String) -> Bool {
        let needle = Tokenizer.fold(word)
        guard !needle.isEmpty else { return false }
        return range(of: needle, in: Tokenizer.fold(text)) != nil
    }

    /// `text` with every whole-word occurrence of `word` (exact case) replaced.
    static func replacing(_ word: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = text
        while let range = range(of: word, in: rest) {
            out += rest[..<range.lowerBound] + replacement
            rest = String(rest[range.upperBound...])
        }
        return out + rest
    }
}
