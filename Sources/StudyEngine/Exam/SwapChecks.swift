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

    /// Whether the blank of a true/false stem holds a value the text gives only as a bound or
    /// an estimate ("more than _____", "around _____", "up to _____"): a swapped value can
    /// then still be true ("more than 180" for "more than 200"), so such a value is not swapped.
    /// The hedges are `NumberHedge`'s, the same that keep number options apart.
    static func isHedgedValue(stem: String, blank: String, kind: AnswerSpan.Kind) -> Bool {
        guard [.number, .percentage, .year].contains(kind) else { return false }
        return NumberHedge.written(before: blank, in: stem) != nil
    }
}
