import Foundation
import StudyModel

/// What the stem itself rules out for a number or a year, so that no option can be struck
/// out by reading the sentence: a year after the story's own time, a value on the wrong side
/// of a number the sentence compares the answer with, a number that is part of a name.
extension DistractorPicker {
    /// A number the stem compares the answer with, and on which side of it the answer lies:
    /// "rise from 63.4 million to _____" (above), "between the middle of _____ and March
    /// 2015" (below), "_____ more than 200" (above). Options must lie on the answer's side,
    /// or the sentence rules them out.
    struct ComparedValue: Equatable {
        var pivot: Double
        var above: Bool
    }

    static func comparedValue(_ answer: AnswerSpan, stem: String, blank: String) -> ComparedValue? {
        guard [.number, .percentage, .year].contains(answer.kind), let own = comparable(answer.text, kind: answer.kind) else { return nil }
        let tokens = stem.split(separator: " ").map(String.init)
        guard let at = tokens.firstIndex(where: { $0.contains(blank) }) else { return nil }
        func word(_ i: Int) -> String { tokens.indices.contains(i) ? Tokenizer.fold(tokens[i]).filter(\.isLetter) : "" }
        func value(from i: Int) -> Double? {
            guard tokens.indices.contains(i) else { return nil }
            // "to about 29°", "to nearly 20,000": a hedge before the number.
            if Self.hedges.contains(word(i)) { return value(from: i + 1) }
            // "March 2015": the year after a month; "63.4 million": a number and its magnitude.
            for start in i...min(i + 1, tokens.count - 1) {
                let text = tokens[start...min(start + 1, tokens.count - 1)].joined(separator: " ")
                    .trimmingCharacters(in: CharacterSet(charactersIn: "()[],;:.'\"‘’“”"))
                if let v = comparable(text, kind: answer.kind) { return v }
                if answer.kind != .year { break }
            }
            return nil
        }
        func pair(_ starts: Set<String>, before: Int) -> Bool {
            (max(0, before - 6)..<max(0, before)).contains { starts.contains(word($0)) }
        }
        var pivot: Double? = nil
        // "from 63.4 million to _____", "between 2010 and _____".
        if ["to", "and"].contains(word(at - 1)) {
            let opener: Set<String> = word(at - 1) == "to" ? ["from"] : ["between"]
            if let from = (max(0, at - 6)..<(at - 1)).last(where: { opener.contains(word($0)) }) { pivot = value(from: from + 1) }
        }
        // "between the middle of _____ and March 2015", "from _____ to 77.4 million".
        if pivot == nil, ["to", "and"].contains(word(at + 1)), !tokens[at].hasSuffix(",") {
            if pair(word(at + 1) == "to" ? ["from"] : ["between"], before: at) { pivot = value(from: at + 2) }
        }
        // "_____ more than 200", "_____, up from 12 per cent".
        if pivot == nil {
            if Self.comparatives.contains(word(at + 1)), word(at + 2) == "than" { pivot = value(from: at + 3) }
            else if ["up", "down"].contains(word(at + 1)), word(at + 2) == "from" { pivot = value(from: at + 3) }
            // "scored _____ out of 300", "_____ from a potential 300", "_____ of a possible 20":
            // the maximum the answer is counted against.
            else if word(at + 1) == "out", word(at + 2) == "of" { pivot = value(from: at + 3) }
            else if ["from", "of"].contains(word(at + 1)), ["a", "the"].contains(word(at + 2)),
                    ["potential", "possible", "maximum", "total"].contains(word(at + 3)) { pivot = value(from: at + 4) }
        }
        guard let pivot, pivot != own else { return nil }
        return ComparedValue(pivot: pivot, above: own > pivot)
    }

    static let hedges: Set<String> = ["about", "around", "roughly", "nearly", "almost", "approximately", "some", "just",
                                      "over", "under", "only", "exactly"]
    static let comparatives: Set<String> = ["more", "less", "fewer", "higher", "lower", "greater", "smaller", "larger",
                                            "bigger", "longer", "shorter", "older", "younger", "earlier", "later"]
    static let magnitudeFactors: [String: Double] = ["thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
                                                    "trillion": 1e12]

    /// A value to compare: the year of a date, or a number with its magnitude word
    /// ("63.4 million" → 63,400,000).
    static func comparable(_ text: String, kind: AnswerSpan.Kind) -> Double? {
        if kind == .year { return yearValue(text).map(Double.init) }
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first, let form = NumberForm(first) else { return nil }
        let factor = words.count > 1 ? magnitudeFactors[Tokenizer.fold(words[1]).filter(\.isLetter)] ?? 1 : 1
        return form.value * factor
    }

    /// For a plain whole number inside a name ("type _____ diabetes", "a rush-hour _____
    /// train"): the numbers the text itself writes after that word. Only these are real
    /// siblings; any other number makes a name that does not exist. Nil when the number
    /// is a count or amount.
    func labelSiblings(_ answer: AnswerSpan, stem: String, blank: String) -> Set<String>? {
        // "the _____ Essex Street chambers": a number before a capitalised name (not a month)
        // is part of an address or a title; no other number names anything.
        if answer.kind == .number, answer.text.allSatisfy(\.isNumber) {
            let tokens = stem.split(separator: " ").map(String.init)
            if let at = tokens.firstIndex(where: { $0 == blank }), at + 1 < tokens.count,
               let next = tokens[at + 1].first, next.isUppercase,
               !SpanExtractor.months.contains(Tokenizer.fold(tokens[at + 1]).filter(\.isLetter)) {
                return []
            }
        }
        // The name goes on after the number ("2 diabetes", "6 train"); a bare number ends a
        // clause ("she was in fact 14"), and "12 days ago" measures.
        let parts = answer.text.split(separator: " ")
        guard answer.kind == .number, parts.count >= 2, let first = parts.first,
              first.allSatisfy(\.isNumber), first.count <= 3 else { return nil }
        let tokens = stem.split(separator: " ").map(String.init)
        guard let at = tokens.firstIndex(where: { $0.hasPrefix(blank) }), at > 0 else { return nil }
        if at + 1 < tokens.count, !tokens[at].hasSuffix(","), Self.measureWords.contains(Tokenizer.fold(tokens[at + 1]).filter(\.isLetter)) {
            return nil
        }
        let before = tokens[at - 1]
        guard before.last.map({ $0.isLetter }) == true, before.first?.isLowercase == true,
              before.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let folded = Tokenizer.fold(before)
        // A verb, a function word or an adjective of quantity governs a count ("aged 39",
        // "over 13", "the last 20 years"); a noun owned by a determiner is the thing counted
        // from ("her husband 12 years ago").
        guard OptionEvidence.isContent(folded), !CommonVerbs.all.contains(folded), !folded.hasSuffix("ed"),
              !folded.hasSuffix("ing"), !folded.hasSuffix("ly"), !AcceptedAnswers.numberWords.contains(folded),
              !SpanExtractor.magnitudes.contains(folded) else { return nil }
        if at >= 2 {
            let owner = Tokenizer.fold(tokens[at - 2])
            if OptionEvidence.determiners.contains(owner) || owner.hasSuffix("'s") || owner.hasSuffix("’s") { return nil }
        }
        return material.evidence.numbersAfterWord[ExamLexicon.singular(folded)] ?? []
    }

    /// Words after an amount that make it a measure ("12 days ago", "3 metres long").
    static let measureWords: Set<String> = ["ago", "later", "earlier", "old", "long", "high", "tall", "wide", "deep", "away"]

    /// The latest year an option may name: none after the latest the text writes, and for
    /// a stem that does not speak of the future, none after the latest year the text writes
    /// outside future sentences ("outed in 1981" gets no 2016 from "to elect her in 2016"
    /// only when that sentence says "will").
    func latestOptionYear(_ answer: AnswerSpan, stem: String) -> Int? {
        // A year read as a number with a noun ("the 2009 signing") is a year too.
        let yearShaped = answer.kind == .number && answer.text.split(separator: " ").first.map { SpanExtractor.isYear(String($0)) } == true
        guard answer.kind == .year || yearShaped, let own = Self.yearValue(answer.text) else { return nil }
        let evidence = material.evidence
        let future = stem.split(separator: " ").contains { OptionEvidence.futureWords.contains(Tokenizer.fold(String($0)).filter { $0.isLetter || $0 == "'" || $0 == "’" }) }
        let limit = future ? evidence.latestYear : (evidence.latestNonFutureYear ?? evidence.latestYear)
        return limit.map { max($0, own) }
    }
}

extension DistractorPicker {
    /// For a stem with one blank per answer of `group`: the stem in which only answer i's
    /// blank is open and every other blank holds its own answer (blanks follow the answers'
    /// order in the sentence). Nil when the blanks and answers do not pair up.
    static func singleBlankStems(_ stem: String, blank: String, group: [AnswerSpan], sentence: String) -> [String]? {
        let pieces = stem.components(separatedBy: blank)
        guard pieces.count == group.count + 1 else { return nil }
        let positions = group.compactMap { sentence.range(of: $0.text)?.lowerBound }
        guard positions.count == group.count else { return nil }
        let order = group.indices.sorted { positions[$0] < positions[$1] }
        return group.indices.map { i in
            var out = pieces[0]
            for (slot, answerIndex) in order.enumerated() {
                out += (answerIndex == i ? blank : group[answerIndex].text) + pieces[slot + 1]
            }
            return out
        }
    }
}
