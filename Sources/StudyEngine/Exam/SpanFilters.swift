/// Answers a teacher would not blank, found from where the span sits in its sentence: half of
/// a coordinated compound ("the _____ and demand model"), the outlet a story is credited to
/// ("…, reports _____."), a term whose last word is really the verb ("the _____ the relevant
/// colour information" for "software extract"), a number given only as an illustration
/// ("such as foreign holidays with a YED of _____"), and a label whose meaning the stem
/// spells out ("_____: magistrates held power for one year only" for "Annual office").
enum SpanFilters {
    /// Why the span makes a trivial or broken blank in `text`, or nil.
    /// `repeatedPairs` holds the word pairs the document writes more than once (`pairKey`):
    /// a modifier and a head written together again and again are one compound.
    /// "… reached by lava, lahars or _____": the last item of a list of three or more. Any other
    /// member the text names elsewhere ("ashfall") completes the list as well, so the key is one
    /// of several defensible answers (issue 8, K). Terms and names only; a number's place in a
    /// run is `isSequenceMember`.
    static func isListTail(_ span: AnswerSpan, beforeRaw: [Substring]) -> Bool {
        guard [.term, .acronym].contains(span.kind), beforeRaw.count >= 3, let conjunction = beforeRaw.last,
              ["or", "and"].contains(conjunction.lowercased()) else { return false }
        // A comma closes an earlier item within the few words before the conjunction.
        let items = beforeRaw.dropLast().suffix(4)
        guard items.dropLast().contains(where: { $0.hasSuffix(",") }) || items.last?.hasSuffix(",") == true else { return false }
        // "… between A, B and _____" still lists; "in 1990, and _____" (a clause) does not:
        // the word right before the conjunction must be a word, not a number.
        guard let previous = items.last, previous.first?.isLetter == true else { return false }
        return true
    }

    static func problem(_ span: AnswerSpan, in text: String, repeatedPairs: Set<String>? = nil) -> String? {
        guard let range = WholeWord.range(of: span.text, in: text) else { return nil }
        // Only the words next to the span are read: this runs for every span of every sentence.
        let beforeRaw = Array(text[..<range.lowerBound].split(separator: " ").suffix(8))
        let before = beforeRaw.map { Tokenizer.fold(String($0)).filter { $0.isLetter || $0 == "." } }
        let afterRaw = Array(text[range.upperBound...].split(separator: " ", maxSplits: 3).prefix(3))
        let after = afterRaw.map { Tokenizer.fold(String($0)).filter { $0.isLetter || $0.isNumber } }
        let glued = text[range.upperBound...].first.map { $0 == " " } ?? false
        if isHalfOfCoordination(span, before: before, after: after, afterRaw: afterRaw, glued: glued) { return "half of a compound" }
        if isPairedWithTwin(span, before: before, after: after) { return "half of a compound" }
        if isCompoundHead(span, beforeRaw: beforeRaw, repeatedPairs: repeatedPairs)
            || isCompoundTail(span, beforeRaw: beforeRaw, repeatedPairs: repeatedPairs) {
            return "half of a compound"
        }
        if isInsideGloss(text, range: range) { return "gloss" }
        if isNextToNickname(span, beforeRaw: beforeRaw, afterRaw: afterRaw) { return "part of a name" }
        if isModifierInNamedList(span, rest: text[range.upperBound...]) { return "modifier of a name" }
        if isPartOfColonTitle(span, beforeRaw: beforeRaw, rest: text[range.upperBound...]) { return "part of a name" }
        if isSourceCredit(span, before: before, after: after) { return "source credit" }
        if isVerbTail(span, after: after, glued: glued) { return "verb in the term" }
        if isVerbPhrase(span, beforeRaw: beforeRaw) { return "verb in the term" }
        if isIllustration(span, before: before) { return "illustration" }
        if givesAwayTime(span, in: text) { return "given away" }
        if sharesStem(span, in: text, range: range) { return "given away" }
        if isOpenGerundObject(span, beforeRaw: beforeRaw, range: range, in: text) { return "open blank" }
        if isSequenceMember(span, beforeRaw: beforeRaw, afterRaw: afterRaw) { return "member of a sequence" }
        if isListTail(span, beforeRaw: beforeRaw) { return "member of a list" }
        return nil
    }

    /// Heads of a named business or body that a list of modifiers can describe.
    static let bodyHeads: Set<String> = ["company", "firm", "provider", "business", "group", "brand", "retailer",
                                         "maker", "manufacturer", "operator", "specialist", "agency", "service", "startup"]

    /// "the launch of _____, hosting and domain name company Hostly": a capitalised span
    /// followed by ", X and Y company Name" is the first of a list of modifiers of that company,
    /// not a name of its own (the answer is the company's name).
    static func isModifierInNamedList(_ span: AnswerSpan, rest: Substring) -> Bool {
        guard rest.first == ",", span.text.first?.isUppercase == true else { return false }
        let words = rest.dropFirst().split(separator: " ", maxSplits: 8).prefix(8)
        var sawAnd = false
        for (i, word) in words.enumerated() {
            let folded = Tokenizer.fold(String(word))
            if folded == "and" || folded == "or" { sawAnd = true; continue }
            guard word.first?.isLowercase == true, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
            if bodyHeads.contains(folded) {
                guard sawAnd, i + 1 < words.count else { return false }
                return words[words.index(words.startIndex, offsetBy: i + 1)].first?.isUppercase == true
            }
        }
        return false
    }

    /// "Fall of an _____: The Story of …", "Fall of an Empire: The _____": a capitalised span
    /// on either side of the colon of a title and its subtitle is half of the title.
    static func isPartOfColonTitle(_ span: AnswerSpan, beforeRaw: [Substring], rest: Substring) -> Bool {
        guard span.text.first?.isUppercase == true else { return false }
        let capital: (Substring) -> Bool = { $0.first?.isUppercase == true }
        // The colon right after the span, a capitalised word after it, and a title word before.
        if rest.hasPrefix(": "), let next = rest.dropFirst(2).split(separator: " ").first, capital(next),
           let previous = beforeRaw.last, capital(previous) || ["of", "a", "an", "the"].contains(previous) {
            return true
        }
        // "_____ of an Empire: The Story": title words up to a capitalised word with the colon.
        let next = rest.split(separator: " ", maxSplits: 5).prefix(5)
        if rest.first == " ", let k = next.firstIndex(where: { $0.hasSuffix(":") }), k <= 3, k + 1 < next.count,
           capital(next[k]), capital(next[k + 1]),
           next[..<k].allSatisfy({ capital($0) || ["of", "a", "an", "the", "and"].contains($0) }) {
            return true
        }
        // After a capitalised word with the colon, only title words up to the span
        // ("Empire: The _____", "Empire: The Story of Katherine of _____").
        guard let colon = beforeRaw.lastIndex(where: { $0.hasSuffix(":") }), capital(beforeRaw[colon]),
              colon + 1 < beforeRaw.count, capital(beforeRaw[colon + 1]) else { return false }
        return beforeRaw[(colon + 1)...].allSatisfy { capital($0) || ["of", "a", "an", "the", "and"].contains($0) }
    }

    /// "10, 20, 40, _____ segments", "per RTT: _____, 66, and so on": one number of a run of
    /// numbers is guessed from its neighbours (or is arbitrary), not known from the text.
    static func isSequenceMember(_ span: AnswerSpan, beforeRaw: [Substring], afterRaw: [Substring]) -> Bool {
        guard [.number, .percentage].contains(span.kind) else { return false }
        func isNumber(_ word: Substring) -> Bool {
            let core = word.filter { !",;:.".contains($0) }
            return !core.isEmpty && NumberForm(String(core)) != nil
        }
        // "40, _____": a number just before, ending in a comma.
        if let previous = beforeRaw.last, previous.hasSuffix(","), isNumber(previous) { return true }
        // "_____, 66": the span's comma, then a number.
        if afterRaw.count >= 2, afterRaw[0] == ",", isNumber(afterRaw[1]) { return true }
        return false
    }

    /// "an allergy is … called a(n) _____" for "allergen": a word of the stem that shares
    /// all but the ending of an answer word tells the student what to write.
    static func sharesStem(_ span: AnswerSpan, in text: String, range: Range<String.Index>) -> Bool {
        guard span.kind == .term else { return false }
        // Plain splitting and folding, only of words that start like an answer word: this runs
        // for every span of every sentence.
        func letters(_ word: Substring) -> String { Tokenizer.fold(String(word)).filter(\.isLetter) }
        let answerWords = span.text.split(separator: " ").map(letters).filter { $0.count >= 5 }
        guard !answerWords.isEmpty else { return false }
        let initials = Set(answerWords.compactMap(\.first))
        let pieces = text[..<range.lowerBound].split(separator: " ") + text[range.upperBound...].split(separator: " ")
        for piece in pieces where piece.count >= 5 {
            guard let initial = piece.first(where: \.isLetter), initials.contains(Character(initial.lowercased())) else { continue }
            let word = letters(piece)
            for answer in answerWords where answer != word {
                let shared = zip(answer.unicodeScalars, word.unicodeScalars).prefix(while: { $0 == $1 }).count
                if shared >= 5, shared >= min(answer.unicodeScalars.count, word.unicodeScalars.count) - 2 { return true }
            }
        }
        return false
    }

    /// "Rolling a(n) _____ onto its side …": the object of a gerund that opens the sentence,
    /// with nothing before it to say what kind of thing fits; many answers would do.
    static func isOpenGerundObject(_ span: AnswerSpan, beforeRaw: [Substring], range: Range<String.Index>, in text: String) -> Bool {
        guard span.kind == .term, !span.isDefinedHere, (1...2).contains(beforeRaw.count),
              text[..<range.lowerBound].split(separator: " ").count == beforeRaw.count,
              let first = beforeRaw.first, first.first?.isUppercase == true, first.hasSuffix("ing"), first.count > 5 else { return false }
        if beforeRaw.count == 2 { return determiners.contains(Tokenizer.fold(String(beforeRaw[1]))) }
        return true
    }

    /// "the adaptive _____ can recognise" for "immune system": a term of several words after a
    /// lowercase modifier the text writes with it again and again ("adaptive immune …"): the
    /// blank is the rest of a longer compound.
    static func isCompoundTail(_ span: AnswerSpan, beforeRaw: [Substring], repeatedPairs: Set<String>?) -> Bool {
        guard span.kind == .term, span.text.contains(" "), span.text.first?.isLowercase == true,
              let repeatedPairs, let previous = beforeRaw.last, previous.last?.isLetter == true,
              let firstWord = span.text.split(separator: " ").first else { return false }
        let word = String(previous)
        guard word.first?.isLowercase == true, word.allSatisfy({ $0.isLetter || $0 == "-" }), word.count >= 4 else { return false }
        let folded = Tokenizer.fold(word)
        if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || SpanExtractor.speechVerbs.contains(folded) { return false }
        return repeatedPairs.contains(pairKey(folded, Tokenizer.fold(String(firstWord))))
    }

    /// "supply and demand model", "UVA and UVB protection": one word of a pair that together
    /// modifies the noun after it; the other half gives it away.
    static func isHalfOfCoordination(_ span: AnswerSpan, before: [String], after: [String], afterRaw: [Substring], glued: Bool) -> Bool {
        guard !span.text.contains(" ") else { return false }
        func modifiedNoun(_ raw: Substring?) -> Bool {
            guard let raw, let word = SpanExtractor.words(String(raw)).first else { return false }
            return SpanExtractor.isModifiedNoun(word) && word.core.first?.isNumber != true
        }
        // "_____ and demand model"
        if glued, after.count >= 3, ["and", "or"].contains(after[0]), !after[1].isEmpty,
           !StopWords.english.contains(after[1]), afterRaw[1].last?.isLetter == true, modifiedNoun(afterRaw[2]) {
            return true
        }
        // "UVA and _____ protection"
        if glued, before.count >= 2, ["and", "or"].contains(before[before.count - 1]),
           !StopWords.english.contains(before[before.count - 2]), !before[before.count - 2].isEmpty,
           let next = afterRaw.first, modifiedNoun(next) {
            return true
        }
        return false
    }

    /// "UVA and _____", "_____ or UVB": the other half differs only in its last letter.
    static func isPairedWithTwin(_ span: AnswerSpan, before: [String], after: [String]) -> Bool {
        let key = Tokenizer.fold(span.text)
        guard !key.contains(" "), key.count >= 2 else { return false }
        func twins(_ other: String) -> Bool {
            other.count == key.count && other != key && other.dropLast() == key.dropLast()
        }
        if after.count >= 2, ["and", "or"].contains(after[0]), twins(after[1]) { return true }
        if before.count >= 2, ["and", "or"].contains(before[before.count - 1]), twins(before[before.count - 2]) { return true }
        return false
    }

    /// "the contact _____", "plebeian _____": a one-word lowercase term after a lowercase
    /// word that qualifies it is the head of a compound whose modifier stays in the stem.
    static func isCompoundHead(_ span: AnswerSpan, beforeRaw: [Substring], repeatedPairs: Set<String>?) -> Bool {
        guard span.kind == .term, !span.text.contains(" "), span.text.first?.isLowercase == true,
              let previous = beforeRaw.last, previous.last?.isLetter == true else { return false }
        let word = String(previous)
        guard word.first?.isLowercase == true, word.allSatisfy({ $0.isLetter || $0 == "-" }), word.count >= 4 else { return false }
        let folded = Tokenizer.fold(word)
        if StopWords.english.contains(folded) || CommonVerbs.all.contains(folded) || SpanExtractor.speechVerbs.contains(folded) { return false }
        if ["ed", "ing", "ly", "es"].contains(where: { folded.hasSuffix($0) }) { return false }
        // After a plain plural ("tribunes") the word is a noun of its own, not a modifier.
        if folded.hasSuffix("s"), !folded.hasSuffix("ss"), !folded.hasSuffix("us") { return false }
        // "the green pigment chlorophyll" names it once (an apposition); "contact force" recurs.
        if let repeatedPairs { return repeatedPairs.contains(pairKey(folded, Tokenizer.fold(span.text))) }
        return true
    }

    /// Two neighbouring words, the second without a plural "s": "contact force(s)".
    static func pairKey(_ first: String, _ second: String) -> String {
        first + " " + (second.hasSuffix("s") && !second.hasSuffix("ss") ? String(second.dropLast()) : second)
    }

    /// The word pairs `texts` write more than once.
    static func repeatedPairs(_ texts: [String]) -> Set<String> {
        var counts: [String: Int] = [:]
        for text in texts {
            let words = text.split(separator: " ").map { Tokenizer.fold(String($0)) }
            for i in words.indices.dropLast() where words[i].allSatisfy(\.isLetter) {
                let next = words[i + 1].filter { $0.isLetter || $0 == "-" }
                guard !next.isEmpty else { continue }
                counts[pairKey(words[i], next), default: 0] += 1
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// "a surplus (excess _____)": a blank inside brackets that gloss the word before them.
    static func isInsideGloss(_ text: String, range: Range<String.Index>) -> Bool {
        guard let open = text[..<range.lowerBound].lastIndex(of: "("),
              !text[open..<range.lowerBound].contains(")"),
              text[range.upperBound...].contains(")") else { return false }
        return open > text.startIndex && text[text.index(before: open)] == " "
    }

    /// "Anna 'Chickadee' _____": a surname next to a quoted nickname belongs to that name.
    static func isNextToNickname(_ span: AnswerSpan, beforeRaw: [Substring], afterRaw: [Substring]) -> Bool {
        guard span.kind == .name else { return false }
        func nickname(_ word: Substring?) -> Bool {
            guard let word, let first = word.first, let last = word.last, "'‘\"“".contains(first), "'’\"”".contains(last) || word.dropLast().last.map({ "'’\"”".contains($0) }) == true else { return false }
            return word.dropFirst().first?.isUppercase == true
        }
        return nickname(beforeRaw.last) || nickname(afterRaw.first)
    }

    /// Words that credit a story to an outlet or an agency.
    static let creditWords: Set<String> = ["reports", "reported", "via", "told"]

    /// "…, reports _____.", "according to _____", "_____ reported": who published the story
    /// is not what it says.
    static func isSourceCredit(_ span: AnswerSpan, before: [String], after: [String]) -> Bool {
        guard span.text.first?.isUppercase == true, span.kind == .name || span.kind == .acronym || span.kind == .term else { return false }
        var previous = before.suffix(2).map { $0 }
        if previous.last == "the" { previous.removeLast() }
        if let last = previous.last, creditWords.contains(last) { return true }
        if before.count >= 2, before[before.count - 2] == "according", before[before.count - 1] == "to" { return true }
        if before.count >= 2, before.suffix(2) == ["reported", "by"] { return true }
        if let next = after.first, next == "reported" || next == "reports" { return true }
        return false
    }

    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our"]

    /// "the software extract the relevant …": a lowercase term of several words followed by an
    /// article ends in a verb, not a noun.
    static func isVerbTail(_ span: AnswerSpan, after: [String], glued: Bool) -> Bool {
        guard span.kind == .term, span.text.contains(" "), span.text.first?.isLowercase == true, glued,
              let next = after.first else { return false }
        return determiners.contains(next)
    }

    /// "such as foreign holidays with a YED of 1.5": a number that only illustrates.
    static func isIllustration(_ span: AnswerSpan, before: [String]) -> Bool {
        guard [.number, .percentage].contains(span.kind) else { return false }
        let recent = before.suffix(8)
        let joined = " " + recent.joined(separator: " ") + " "
        return joined.contains(" such as ") || joined.contains(" for example ") || joined.contains(" for instance ")
            || joined.contains(" e.g. ") || joined.contains(" eg ")
    }

    /// Adjectives of time and the noun they come from: "annual" is given away by "one year".
    static let timeAdjectives: [String: String] = [
        "annual": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month", "hourly": "hour",
        "biennial": "year", "quarterly": "quarter",
    ]

    static func givesAwayTime(_ span: AnswerSpan, in text: String) -> Bool {
        guard span.text.split(separator: " ").contains(where: { timeAdjectives[$0.lowercased()] != nil }) else { return false }
        let answerWords = Tokenizer.foldedWords(span.text)
        let nouns = answerWords.compactMap { timeAdjectives[$0] }
        guard !nouns.isEmpty else { return false }
        let textWords = Set(Tokenizer.foldedWords(text).map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 })
        return nouns.contains(where: textWords.contains)
    }
}
