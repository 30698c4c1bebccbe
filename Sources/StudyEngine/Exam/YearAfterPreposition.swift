/// A year-shaped number after a preposition of time ("by 1788", "in 1912", "since 1945") is a
/// year, even when the words after it look like a counted noun phrase: "by 1788 interest
/// payments took half the income" counts no payments, and asking "1788 interest payments"
/// fuses a year with the sentence's subject (issue 8, C). A plural right after the number
/// ("in 2000 samples") still counts: there the number is a quantity.
enum YearAfterPreposition {
    /// Prepositions that take a point or span of time.
    static let timePrepositions: Set<String> = ["in", "by", "since", "until", "till", "before", "after", "from", "during",
                                                "circa", "c.", "ca."]

    /// Whether `number` (a plain integer of year shape) after `previous` and before `next`
    /// (folded words, or "" at an edge) reads as a year rather than a count of what follows.
    static func isYear(number: String, previous: String, next: String) -> Bool {
        guard SpanExtractor.isYear(number), timePrepositions.contains(previous) else { return false }
        // "in 2000 samples": a plural noun straight after the number is what it counts.
        let isPlural = next.count > 3 && next.hasSuffix("s") && !next.hasSuffix("ss") && next.allSatisfy(\.isLetter)
        return !isPlural
    }
}
