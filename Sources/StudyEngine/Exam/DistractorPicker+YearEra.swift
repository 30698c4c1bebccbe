import Foundation
import StudyModel

/// The era a year's options come from: a year the text itself makes impossible gives the
/// key away ("Snellius rediscovered it in _____" with 1966 and 2009 beside 1621; "the _____
/// crash" that started a 1929–1939 depression with 1954). Cheap rules only, on the stem, the
/// title and the section heading: no pass over the sentences.
extension DistractorPicker {
    /// The years an option of a year-like answer may name, or nil for an answer that is no year.
    /// - A period the title or the section heading gives ("The Great Depression, 1929–1939"),
    ///   when the answer lies inside it: options stay inside it.
    /// - Else a window around the answer that widens with its distance from the text's latest
    ///   year: at least 80 years, or half that distance (1621 in a text that reaches 2009 has
    ///   1427–1815: no 1966; 1966 has 1886–2046: no 1637).
    func yearEra(_ answer: AnswerSpan, stem: String, blank: String, section: String?) -> ClosedRange<Int>? {
        guard let own = Self.eraYear(of: answer, stem: stem, blank: blank) else { return nil }
        for heading in [documentTitle, section].compactMap({ $0 }) {
            if let period = Self.yearRange(in: ExamInlineMarkup(heading).clean, around: String(own)) { return period }
        }
        let latest = max(material.evidence.latestYear ?? own, own)
        let width = max(80, (latest - own) / 2)
        return (own - width)...(own + width)
    }

    /// The document's `#` title, if it opens with one.
    var documentTitle: String? {
        guard let first = material.document.split.units.first, first.kind == .heading,
              TitleSubject.opensWithTitle(material.document.source) else { return nil }
        return first.text
    }

    /// The year an answer names when it is read as a year: a year or date, a year with a noun
    /// ("the 1929 crash"), or a plain whole number of three or four digits right after "in"
    /// that ends its clause ("written in Baghdad in 984.").
    static func eraYear(of answer: AnswerSpan, stem: String, blank: String) -> Int? {
        switch answer.kind {
        case .year:
            // "509 BC" counts backwards; leave it to the invented steps.
            guard answer.unit.isEmpty || answer.unit.hasPrefix("d") || answer.unit == "my" else { return nil }
            return yearValue(answer.text)
        case .number:
            let words = answer.text.split(separator: " ")
            guard let first = words.first.map(String.init), first.allSatisfy(\.isNumber) else { return nil }
            if SpanExtractor.isYear(first) { return Int(first) }
            guard answer.unit.isEmpty, (3...4).contains(first.count), let value = Int(first), value >= 100 else { return nil }
            let tokens = stem.split(separator: " ")
            guard let at = tokens.firstIndex(where: { $0.hasPrefix(blank) }), at > 0,
                  Tokenizer.fold(String(tokens[at - 1])) == "in" else { return nil }
            let after = tokens[at].dropFirst(blank.count)
            let endsClause = at + 1 == tokens.count || after.first.map { ",;:.)".contains($0) } == true
            return endsClause ? value : nil
        default:
            return nil
        }
    }

    /// The year an option names, read as `eraYear` reads the answer (any three or four
    /// digits first): "1941 crash" → 1941, "984" → 984, "0" → nil.
    static func optionYear(_ value: String) -> Int? {
        if let year = yearValue(value) { return year }
        guard let first = value.split(separator: " ").first, (3...4).contains(first.count),
              first.allSatisfy(\.isNumber) else { return nil }
        return Int(first)
    }
}
