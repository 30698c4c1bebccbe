/// Inline Markdown inside one unit of text (a sentence or list item): emphasis, code spans
/// and links. The splitter keeps it, because bold and italics mark defined terms; text
/// shown to a student has it removed.
public enum InlineMarkdown {
    /// The text as a reader sees it: `**bold**`, `__bold__`, `*italic*`, `_italic_` and
    /// `` `code` `` lose their markers, `[text](url)` becomes `text`. Markers that are not
    /// emphasis stay: `2 * 3`, `F_net`, a `_____` blank.
    public static func strip(_ text: String) -> String {
        guard text.contains(where: { $0 == "*" || $0 == "_" || $0 == "`" || $0 == "[" }) else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "`" { i += 1; continue }
            if ch == "[", let (label, end) = link(chars, at: i) {
                out += label
                i = end
                continue
            }
            if ch == "*" || ch == "_" {
                var run = 1
                while i + run < chars.count && chars[i + run] == ch { run += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                if isDelimiter(ch, run: run, before: before, after: after) {
                    i += run
                    continue
                }
                out.append(contentsOf: chars[i..<(i + run)])
                i += run
                continue
            }
            out.append(ch)
            i += 1
        }
        return collapseSpaces(out)
    }

    /// Spans in strong emphasis (`**x**`, `__x__`), in order, each with whether it opens
    /// the text (a bold lead-in such as "**Inertia** is …" names what the unit defines).
    static func strongSpans(_ text: String) -> [(text: String, atStart: Bool)] {
        guard text.contains("**") || text.contains("__") else { return [] }
        var spans: [(String, Bool)] = []
        for marker in ["**", "__"] {
            var rest = text[...]
            while let open = rest.range(of: marker) {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: marker) else { break }
                let inner = afterOpen[..<close.lowerBound]
                let atStart = text[..<open.lowerBound].allSatisfy { $0 == " " || $0 == ">" }
                if !inner.isEmpty, inner.first != " ", inner.last != " " {
                    spans.append((String(inner), atStart))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return spans
    }

    /// Whether a run of `*` or `_` opens or closes emphasis: it touches a word on one side
    /// and a space, bracket, punctuation or the end of text on the other. `_` inside a word
    /// (`F_net`) and runs longer than three (`_____` blanks, `****`) are text.
    static func isDelimiter(_ ch: Character, run: Int, before: Character?, after: Character?) -> Bool {
        guard run <= 3 else { return false }
        let beforeSpace = before.map { $0.isWhitespace || isOpeningPunctuation($0) } ?? true
        let afterSpace = after.map { $0.isWhitespace || isClosingPunctuation($0) } ?? true
        if beforeSpace && afterSpace { return false }  // "2 * 3"
        if ch == "_" {
            let wordBefore = before.map { $0.isLetter || $0.isNumber } ?? false
            let wordAfter = after.map { $0.isLetter || $0.isNumber } ?? false
            if wordBefore && wordAfter { return false }  // "F_net"
        }
        if ch == "*" && run == 1 {
            // "a*b" between two numbers or letters is multiplication, not emphasis.
            let inside = (before.map { $0.isNumber } ?? false) && (after.map { $0.isNumber } ?? false)
            if inside { return false }
        }
        return true
    }

    static func isOpeningPunctuation(_ ch: Character) -> Bool { "([{\"'“‘>".contains(ch) }
    static func isClosingPunctuation(_ ch: Character) -> Bool { ".,;:!?)]}\"'”’".contains(ch) }

    /// `[label](target)` at `start`: the label and the index after the closing parenthesis.
    static func link(_ chars: [Character], at start: Int) -> (String, Int)? {
        var i = start + 1
        while i < chars.count && chars[i] != "]" && chars[i] != "[" { i += 1 }
        guard i + 1 < chars.count, chars[i] == "]", chars[i + 1] == "(" else { return nil }
        let label = String(chars[(start + 1)..<i])
        var j = i + 2
        while j < chars.count && chars[j] != ")" && chars[j] != " " { j += 1 }
        guard j < chars.count, chars[j] == ")" else { return nil }
        return (label, j + 1)
    }

    static func collapseSpaces(_ text: String) -> String {
        guard text.contains("  ") || text.first == " " || text.last == " " else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
