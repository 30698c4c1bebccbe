import StudyModel

/// Turns chosen sentences into summary text for a type and style.
enum SummaryFormatter {
    /// Words that tie a sentence to the one before it; dropped from bullets, which stand alone.
    static let connectives = ["However, ", "But ", "And ", "Also, ", "In addition, ", "Moreover, ", "Furthermore, ",
                              "So, ", "Thus, ", "Therefore, ", "Meanwhile, ", "Additionally, ", "Still, "]

    static func styled(_ sentence: String, style: Summary.Style, type: Summary.SummaryType) -> String {
        var text = sentence
        if style == .simple { text = removingAsides(text) }
        if type == .bulletPoints { text = bullet(text) }
        return text
    }

    /// A sentence trimmed for a bullet: no leading connective, no final full stop.
    static func bullet(_ sentence: String) -> String {
        var text = sentence.trimmingWhitespace()
        for connective in connectives where text.hasPrefix(connective) && text.count > connective.count + 3 {
            text = String(text.dropFirst(connective.count))
            if let first = text.first { text = first.uppercased() + text.dropFirst() }
            break
        }
        if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
        return text
    }

    /// Removes "( … )" and "[ … ]" asides and the space before them.
    static func removingAsides(_ sentence: String) -> String {
        var out = ""
        var depth = 0
        for ch in sentence {
            if ch == "(" || ch == "[" {
                depth += 1
                while out.last == " " { out.removeLast() }
                continue
            }
            if (ch == ")" || ch == "]") && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(ch) }
        }
        // Keep the sentence if it was all aside.
        let trimmed = out.trimmingWhitespace()
        return trimmed.isEmpty ? sentence : trimmed
    }

    static func text(_ sentences: [String], blocks: [Int], type: Summary.SummaryType, style: Summary.Style) -> String {
        switch type {
        case .bulletPoints:
            return sentences.map { "- " + $0 }.joined(separator: "\n")
        case .brief, .detailed, .keyTerms:
            if style == .casual { return sentences.joined(separator: "\n") }
            // Sentences from different paragraphs of the source stay in different paragraphs.
            var out = ""
            for (i, sentence) in sentences.enumerated() {
                if i > 0 { out += (type == .detailed && blocks[i] != blocks[i - 1]) ? "\n\n" : " " }
                out += sentence
            }
            return out
        }
    }

    static func keyTerms(_ terms: [KeyTerm]) -> String {
        terms.map { term in
            // Other names not already shown with the term ("congestion window (cwnd)").
            let shown = Tokenizer.foldedWords(term.term)
            let others = term.aliases.filter { alias in
                let words = Tokenizer.foldedWords(alias)
                return !(0...max(0, shown.count - words.count)).contains { Array(shown.dropFirst($0).prefix(words.count)) == words }
            }
            let also = others.isEmpty ? "" : " (also: \(others.joined(separator: ", ")))"
            return "- \(term.term)\(also): \(term.sentence)"
        }.joined(separator: "\n")
    }
}
