/// Checks on a false statement's swap that a reader can apply without knowing the subject:
/// a swap that fails them makes a statement anyone rejects without the text (issue 8, F).
enum SwapChecks {
    /// Whether the swap brings in a word the rest of the statement already uses:
    /// "**Nucleotide** is a polymer built from units called nucleotides" (for "DNA") is circular.
    /// Only words the original did not have count ("second law" for "first law" is fine in a
    /// sentence that says "law" again).
    static func isCircular(swap: String, original: String, stem: String, blank: String) -> Bool {
        func stems(_ text: String) -> Set<String> {
            Set(Tokenizer.foldedWords(text).filter { !StopWords.english.contains($0) }.map(PorterStemmer.stem))
        }
        let new = stems(swap).subtracting(stems(original)).filter { $0.count >= 3 }
        guard !new.isEmpty else { return false }
        // A word of the rest that starts with a new word's stem ("nucleotides" for "nucleotid"):
        // a search in the lower-cased text, cheaper than stemming the whole statement.
        let rest = " " + Tokenizer.fold(stem.replacingOccurrences(of: blank, with: " "))
        return new.contains { word in rest.contains(" " + word) || rest.contains("(" + word) || rest.contains("\"" + word) }
    }

    /// Whether a number swapped in is of another scale than the original (more than ten times
    /// larger or smaller: "50 people" for "900,000 people"), which gives the false item away.
    static func isOutOfScale(swap: String, original: AnswerSpan) -> Bool {
        guard original.kind == .number || original.kind == .percentage, let value = original.numericValue,
              let other = NumberForm(swap)?.value, value != 0, other != 0 else { return false }
        let ratio = abs(value) > abs(other) ? abs(value / other) : abs(other / value)
        return ratio > 10
    }

    /// Words before a value that make it a bound or an estimate: "more than 200 CDs" stays
    /// true with 180 swapped in, and "around 1420" for "around 1415" is no clear falsehood.
    static let hedges: Set<String> = ["than", "over", "under", "least", "most", "almost", "nearly", "about", "around",
                                      "roughly", "approximately", "some", "circa", "c.", "ca.", "up", "to", "estimated",
                                      "beyond", "below", "above", "exceeding", "upwards"]

    /// Whether the blank of a true/false stem holds a value the text gives only as a bound or
    /// an estimate ("more than _____", "around _____", "up to _____"): a swapped value can
    /// then still be true, so such a value is not swapped.
    static func isHedgedValue(stem: String, blank: String, kind: AnswerSpan.Kind) -> Bool {
        guard [.number, .percentage, .year].contains(kind), let range = stem.range(of: blank) else { return false }
        let before = stem[..<range.lowerBound].split(separator: " ").suffix(2).map { Tokenizer.fold(String($0)) }
        guard let last = before.last else { return false }
        // "to" only as "up to"; a range's "from 3 to _____" is a value of its own.
        if last == "to" { return before.first == "up" }
        return hedges.contains(last)
    }
}
