/// A number with its unit followed by the same amount in other units, set off by a comma and
/// "or" ("about 3,700 metres, or roughly 2.3 miles"): with the first number blanked, the
/// conversion next to it gives the answer away (issue 8, C). A teacher strikes the
/// conversion before using the sentence; so does this repair. The bracketed form ("11,000 m
/// (36,000 ft)") is `NewsRepair.withoutConversions`, here applied to list items too.
enum ConversionAppositive {
    /// Words that may stand before the converted amount.
    static let hedges: Set<String> = ["roughly", "about", "approximately", "around", "nearly", "almost", "some", "just",
                                      "over", "under", "circa"]

    /// `text` with every ", or [hedge] NUMBER UNIT" right after a number with its unit removed.
    static func removed(_ text: String) -> String {
        guard text.contains(", or ") else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var k = 0
        while k + 3 < words.count {
            defer { k += 1 }
            guard words[k].hasSuffix(","), words[k + 1] == "or", hasUnitAmount(words, endingAt: k) else { continue }
            var j = k + 2
            if hedges.contains(words[j].lowercased()) { j += 1 }
            guard j < words.count, words[j].first?.isNumber == true else { continue }
            // The amount's unit: glued ("5km,") or the next word ("2.3 miles.").
            let glued = words[j].contains(where: \.isLetter)
            if !glued {
                j += 1
                guard j < words.count, let first = words[j].first, first.isLetter,
                      words[j].trimmingAny(of: ".,;:!?").allSatisfy({ $0.isLetter || $0 == "/" }) else { continue }
            }
            // The conversion ends the sentence or a clause; its closing mark stays.
            let last = words[j]
            guard let mark = last.last, ".,;!?".contains(mark) else { continue }
            let base = String(words[k].dropLast())
            words[k] = mark == "," ? base : base + String(mark)
            words.removeSubrange((k + 1)...j)
        }
        return words.joined(separator: " ")
    }

    /// Whether the words up to `end` (which carries the comma) close a number with its unit:
    /// "3,700 metres," or "5km,".
    static func hasUnitAmount(_ words: [String], endingAt end: Int) -> Bool {
        let core = words[end].dropLast()
        if core.first?.isNumber == true { return core.contains(where: \.isLetter) }
        guard end > 0, core.allSatisfy({ $0.isLetter || $0 == "/" }), !core.isEmpty else { return false }
        return words[end - 1].first?.isNumber == true
    }
}
