import Foundation

/// The other names a text gives a key term, read from the sentences that use it, so that a
/// student's list (and a fair grader) knows that "cwnd" is the congestion window.
///
/// Only the text's own signals count, never a list of subject words:
/// - a bracket right after the term: an abbreviation or symbol "(cwnd)", a cue "(also
///   called Y)", "(or Y)", "(i.e. Y)", or a short name in another language "(concilium plebis)";
/// - a cue after a comma: "T, also called Y", "T, also known as Y", "T, or Y,";
/// - the term named by a cue or bracket after another name: "Y, also called T", "Y (T)";
/// - a symbol set off by commas: "the congestion window, cwnd, grows …";
/// - the other grammatical number of the term, when the text writes it ("consul"/"consuls").
enum TermAliases {
    /// Cues that introduce another name for what precedes them.
    static let cues = ["also called ", "also known as ", "known as ", "often called ", "often written ", "abbreviated as ",
                       "abbreviated to ", "shortened to ", "short for ",
                       "abbreviated ", "i.e. ", "or simply ", "or "]

    /// Other names of `term` found in `sentences` (plain text, Markdown stripped), the
    /// abbreviation first. `hasWord` says whether a folded word occurs in the text.
    static func find(term: String, abbreviation: String?, sentences: [String],
                     hasWord: (String) -> Bool) -> [String] {
        var out: [String] = []
        let termKey = key(term)
        func add(_ raw: String) {
            let alias = raw.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?\"'“”‘’"))
            let k = key(alias)
            guard !k.isEmpty, k != termKey, alias.count <= 60, !isPiece(k, of: termKey),
                  !out.contains(where: { key($0) == k }) else { return }
            out.append(alias)
        }
        if let abbreviation { add(abbreviation) }
        for sentence in sentences {
            for range in occurrences(of: term, in: sentence) where !endsLongerName(sentence[..<range.lowerBound]) {
                // "A, T, or Y": T is one of a list, and Y is the next item, not its other name.
                let inList = sentence[..<range.lowerBound].hasSuffix(", ")
                for alias in after(sentence[range.upperBound...], inList: inList) where spells(alias, term) { add(alias) }
                if let alias = before(sentence[..<range.lowerBound], closing: sentence[range.upperBound...]) { add(alias) }
            }
        }
        if let other = otherNumber(of: term), hasWord(Tokenizer.fold(other.changedWord)) { add(other.text) }
        return out
    }

    /// Case- and accent-insensitive whole-word occurrences of the term (a plural "s" or "es" may follow).
    static func occurrences(of term: String, in sentence: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = sentence.startIndex
        while let found = sentence.range(of: term, options: [.caseInsensitive, .diacriticInsensitive],
                                         range: from..<sentence.endIndex) {
            from = found.upperBound
            // Not the end of a longer word or compound ("cross-price elasticity" holds no "price elasticity").
            if found.lowerBound > sentence.startIndex,
               case let previous = sentence[sentence.index(before: found.lowerBound)],
               previous.isLetter || previous.isNumber || previous == "-" { continue }
            var end = found.upperBound
            for suffix in ["es", "s"] where sentence[end...].hasPrefix(suffix) {
                end = sentence.index(end, offsetBy: suffix.count)
                break
            }
            if end < sentence.endIndex, sentence[end].isLetter || sentence[end].isNumber { continue }
            out.append(found.lowerBound..<end)
        }
        return out
    }

    /// Whether the words before an occurrence make it the tail of a longer name ("terminal
    /// moraine (also called …)" names the terminal moraine, not every moraine).
    static func endsLongerName(_ head: Substring) -> Bool {
        guard head.hasSuffix(" "), let last = head.dropLast().split(separator: " ").last,
              head.dropLast().hasSuffix(String(last)) else { return false }
        let core = last.trimmingCharacters(in: CharacterSet(charactersIn: "\"“‘'("))
        guard core.count == last.count, core.contains(where: \.isLetter) else { return false }
        return !isFunctionWord(core)
    }

    /// Names right after the term: "(cwnd)", "(also called Y)", ", also known as Y", ", cwnd,".
    static func after(_ rest: Substring, inList: Bool = false) -> [String] {
        if rest.hasPrefix(" (") {
            let inside = rest.dropFirst(2).prefix { $0 != ")" && $0 != "(" }
            guard inside.endIndex < rest.endIndex, rest[inside.endIndex] == ")" else { return [] }
            return bracketName(String(inside)).map { [$0] } ?? []
        }
        guard rest.hasPrefix(", ") else { return [] }
        let clause = rest.dropFirst(2)
        let folded = clause.lowercased()
        for cue in cues where folded.hasPrefix(cue) {
            let name = leadingName(clause.dropFirst(cue.count))
            // "T, or Y" names T only when the apposition closes ("T, or Y, …"), not in a list "A, T, or Y".
            if cue == "or " {
                guard !inList, let name, closes(clause.dropFirst(cue.count), after: name) else { return [] }
                return [name]
            }
            return name.map { [$0] } ?? []
        }
        // A symbol set off by commas: "the congestion window, cwnd, grows".
        let word = clause.prefix { $0 != "," && $0 != " " && $0 != ")" }
        if word.count >= 2, word.endIndex < clause.endIndex, clause[word.endIndex] == ",", looksLikeSymbol(String(word)) {
            return [String(word)]
        }
        return []
    }

    /// A symbol or abbreviation of one word must take its letters from the term, in order and
    /// from its first letter ("cwnd" from "congestion window"): "(PES)" after "… of supply"
    /// names the longer term, not "supply".
    static func spells(_ alias: String, _ term: String) -> Bool {
        guard !alias.contains(" "), looksLikeSymbol(alias) else { return true }
        let letters = Tokenizer.fold(alias).filter { $0.isLetter }
        var rest = Substring(Tokenizer.fold(term).filter { $0.isLetter || $0.isNumber })
        guard let first = letters.first, rest.first == first else { return false }
        for letter in letters {
            guard let found = rest.firstIndex(of: letter) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// Whether the name is followed by a closing comma, bracket or the end of the sentence.
    static func closes(_ text: Substring, after name: String) -> Bool {
        guard let found = text.range(of: name) else { return false }
        guard let next = text[found.upperBound...].first else { return true }
        return ",).;:".contains(next)
    }

    /// "Y, also called T", "Y (also known as T)", "Y (T)": the name before the cue or bracket.
    static func before(_ whole: Substring, closing tail: Substring) -> String? {
        var head = whole
        if let article = [" the ", " a ", " an "].first(where: { head.lowercased().hasSuffix($0) }) {
            head = head.dropLast(article.count - 1)
        }
        let folded = head.lowercased()
        if folded.hasSuffix("("), tail.hasPrefix(")") {
            return nounPhraseEnding(head.dropLast().trimmingCharacters(in: .whitespaces))
        }
        for cue in ["also called ", "also known as ", "often called "] {
            for opener in [", ", "("] where folded.hasSuffix(opener + cue) {
                return nounPhraseEnding(String(head.dropLast(opener.count + cue.count)))
            }
        }
        return nil
    }

    /// What a bracket right after a term says about its name, if it is one.
    static func bracketName(_ inside: String) -> String? {
        let text = inside.trimmingCharacters(in: .whitespaces)
        let folded = text.lowercased()
        for cue in cues where folded.hasPrefix(cue) {
            // The whole bracket must be the name: "(also called the stroma)", not "(or, more often, …)".
            let rest = Substring(text).dropFirst(cue.count)
            guard let name = leadingName(rest), let found = rest.range(of: name),
                  rest[found.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return name
        }
        // "(the law of inertia)": the article is not part of the name.
        // A single word after an article ("(the consuls)") is a plain noun, not a symbol.
        var words = text.split(separator: " ")
        if words.count > 2, let first = words.first, ["the", "a", "an"].contains(first.lowercased()) { words.removeFirst() }
        let name = words.joined(separator: " ")
        guard !name.contains(where: { ",;:=%+/<>".contains($0) }), !words.isEmpty else { return nil }
        if words.count == 1 {
            let word = String(words[0])
            guard word.contains(where: \.isLetter), (2...12).contains(word.count), !isFunctionWord(word) else { return nil }
            return word
        }
        guard words.count <= 4, !name.contains(where: \.isNumber),
              words.allSatisfy({ !isFunctionWord(String($0)) || ["of", "and"].contains($0.lowercased()) }) else { return nil }
        return name
    }

    /// The words of a name at the start of a clause: up to five, to the first punctuation or
    /// small word.
    static func leadingName(_ text: Substring) -> String? {
        var words: [String] = []
        var rest = text
        if let article = ["the ", "a ", "an "].first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = rest.dropFirst(article.count)
        }
        for piece in rest.split(separator: " ", omittingEmptySubsequences: false) {
            let core = piece.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"“”"))
            // After a naming cue a verb-like word is still part of the name ("the end moraine").
            let small = StopWords.english.contains(Tokenizer.fold(core))
            guard !core.isEmpty, !small || (!words.isEmpty && core.lowercased() == "of") else { break }
            words.append(core)
            if words.count == 5 || core.count != piece.count { break }
        }
        while let last = words.last, StopWords.english.contains(Tokenizer.fold(last)) { words.removeLast() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The last run of up to four content words before a cue or bracket.
    static func nounPhraseEnding(_ text: String) -> String? {
        var run: [String] = []
        for piece in text.split(separator: " ").reversed() {
            let core = piece.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"“”"))
            if core.isEmpty || isFunctionWord(core) || (!run.isEmpty && core.count != piece.count) { break }
            run.insert(core, at: 0)
            if run.count == 4 { break }
        }
        return run.isEmpty ? nil : run.joined(separator: " ")
    }

    static func isFunctionWord(_ word: String) -> Bool {
        let folded = Tokenizer.fold(word)
        return StopWords.english.contains(folded) || CommonVerbs.all.contains(folded)
    }

    /// A symbol or abbreviation rather than a word: capitals ("RTT"), a digit ("PSII" aside,
    /// "IW10"), or no vowel ("cwnd").
    static func looksLikeSymbol(_ word: String) -> Bool {
        guard word.contains(where: \.isLetter), !isFunctionWord(word) else { return false }
        if word.filter(\.isUppercase).count >= 2 || word.contains(where: \.isNumber) { return true }
        return !Tokenizer.fold(word).contains(where: { "aeiouy".contains($0) })
    }

    /// The term with its head noun in the other grammatical number ("consuls" ↔ "consul",
    /// "tribunes of the plebs" ↔ "tribune of the plebs"), and the changed word.
    static func otherNumber(of term: String) -> (text: String, changedWord: String)? {
        var words = term.split(separator: " ").map(String.init)
        // The head noun is the last word, or the word before "of".
        let head = words.firstIndex { $0.lowercased() == "of" }.map { $0 - 1 } ?? words.count - 1
        guard head >= 0, let other = otherNumber(word: words[head]) else { return nil }
        words[head] = other
        return (words.joined(separator: " "), other)
    }

    static func otherNumber(word: String) -> String? {
        guard word.count > 3, word.allSatisfy(\.isLetter), word == word.lowercased() else { return nil }
        let other: String
        if word.hasSuffix("ies") { other = String(word.dropLast(3)) + "y" }
        else if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") {
            other = String(word.dropLast(2))
        } else if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { other = word + "es" }
        else if word.hasSuffix("s") { other = String(word.dropLast()) }
        else if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { other = String(word.dropLast()) + "ies" }
        else if word.hasSuffix("sh") || word.hasSuffix("ch") || word.hasSuffix("x") { other = word + "es" }
        else { other = word + "s" }
        return other
    }

    /// Case, accents and punctuation folded, for comparing names.
    static func key(_ text: String) -> String {
        Tokenizer.foldedWords(text).joined(separator: " ")
    }

    /// Whether `alias` is only some of the term's own words ("respiration" in "cellular respiration").
    static func isPiece(_ alias: String, of term: String) -> Bool {
        let a = alias.split(separator: " "), t = term.split(separator: " ")
        guard a.count < t.count else { return false }
        return (0...(t.count - a.count)).contains { Array(t[$0..<($0 + a.count)]) == a }
    }
}
