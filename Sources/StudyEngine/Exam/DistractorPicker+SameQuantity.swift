/// A number the text gives for the same quantity in other words is no wrong option: "Crust is
/// … between _____ thick under the oceans" with "7 km" (from "Oceanic crust … is about 7 km
/// thick") offers a value the text itself supports, so the question has two defensible
/// answers (issue 8, K). A value is such a restatement when a sentence of the same section
/// that writes it shares three or more content words with the stem (the words around the
/// value, not the value or its unit). Only the section's sentences are read, with their stems
/// worked out once per text.
extension DistractorPicker {
    /// What a restatement is checked against: the stem's content-word stems, and the
    /// material's sentences with their stems and number index (worked out once per text;
    /// assigning the arrays copies nothing), of which only the candidate's section counts.
    struct QuantityScope {
        var stemStems: Set<String>
        var sentences: [ExamSentence]
        var stems: [Set<String>]
        /// For each number the sentences write ("7", "2,900"), which of them write it: a value
        /// is searched for only in those (a long section holds hundreds of sentences, and every
        /// option tried is checked).
        var byNumber: [Substring: [Int]]
        /// The section that counts, and the sentence left out (the stem's own).
        var section: String?
        var excluded: Int?

        /// The digits (with "," and ".") a word opens with, after at most one sign or bracket
        /// ("7", "$4", "(1,460"); "" for any other word.
        static func leadingNumber(_ word: Substring) -> Substring {
            guard word.prefix(while: { !$0.isNumber }).count <= 1 else { return "" }
            var number = word.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "," || $0 == "." }
            while let last = number.last, last == "," || last == "." { number = number.dropLast() }
            return number
        }

        /// Index of `texts` by the numbers their words open with.
        static func index(_ texts: [String]) -> [Substring: [Int]] {
            var out: [Substring: [Int]] = [:]
            for (i, text) in texts.enumerated() {
                for word in text.split(separator: " ") {
                    let number = leadingNumber(word)
                    if !number.isEmpty, out[number]?.last != i { out[number, default: []].append(i) }
                }
            }
            return out
        }

        /// Whether sentence `i` is one of the scope's.
        func includes(_ i: Int) -> Bool {
            i != excluded && sentences[i].section == section
        }
    }

    /// The scope for answers with a unit (plain counts and years rarely restate one quantity
    /// in two places), or nil.
    func sameSectionScope(for answer: AnswerSpan, candidate: ExamMaterial.Candidate, stem: String, blank: String) -> QuantityScope? {
        guard [.number, .percentage].contains(answer.kind), !answer.unit.isEmpty, let section = candidate.section else { return nil }
        let stemStems = Self.contentStems(stem.replacingOccurrences(of: blank, with: " "))
        guard stemStems.count >= 3 else { return nil }
        return QuantityScope(stemStems: stemStems, sentences: material.sentences, stems: material.sentenceStems,
                             byNumber: material.sentencesByNumber, section: section,
                             excluded: material.sentences.firstIndex { $0.index == candidate.sentence })
    }

    /// Whether a sentence of `scope` writes `value` and shares three or more content-word
    /// stems with the stem (the value's own words left out).
    static func restatesQuantity(_ value: String, scope: QuantityScope?) -> Bool {
        guard let scope, let first = value.split(separator: " ").first else { return false }
        let number = QuantityScope.leadingNumber(first)
        guard !number.isEmpty, let indices = scope.byNumber[number] else { return false }
        let valueStems = contentStems(value)
        let stemStems = scope.stemStems.subtracting(valueStems)
        guard stemStems.count >= 3 else { return false }
        for i in indices where scope.includes(i) && WholeWord.contains(value, in: scope.sentences[i].text) {
            if scope.stems[i].subtracting(valueStems).intersection(stemStems).count >= 3 { return true }
        }
        return false
    }
}
