/// Word wrapping by display width (not by characters or bytes), so CJK and emoji lines fit.
public enum Wrap {
    /// Wraps styled spans (one logical line, no newlines) into lines of at most `width` columns.
    /// Breaks at spaces; a word longer than a line is broken between graphemes.
    /// `indent` spans start every continuation line (e.g. under a list bullet); `lead` spans start
    /// the first line (a bullet, or the indent of a later paragraph). Both are kept as given,
    /// spaces included.
    public static func wrap(_ spans: [Span], width: Int, indent: [Span] = [], lead: [Span] = []) -> [StyledLine] {
        let width = max(1, width)
        let indentWidth = indent.reduce(0) { $0 + DisplayWidth.of($1.text) }
        // A continuation indent that leaves no room is dropped rather than looping forever.
        let indent = indentWidth < width ? indent : []
        let leadWidth = lead.reduce(0) { $0 + DisplayWidth.of($1.text) }
        // A lead that leaves no room is wrapped like text instead, so it is not lost.
        let spans = leadWidth < width ? spans : lead + spans
        let lead = leadWidth < width ? lead : []
        if spans.count == 1, let lines = wrapPrintableASCII(spans[0], width: width, indent: indent, indentWidth: indentWidth,
                                                            lead: lead, leadWidth: leadWidth) {
            return lines
        }
        var lines: [StyledLine] = []
        var current: [Span] = lead
        var used = lead.isEmpty ? 0 : leadWidth
        var atLineStart = true
        var pendingSpace: Span?

        func flush() {
            lines.append(StyledLine(current))
            current = indent
            used = indent.isEmpty ? 0 : indentWidth
            atLineStart = true
            pendingSpace = nil
        }
        func append(_ text: String, _ role: Role, _ w: Int) {
            atLineStart = false
            if let last = current.last, last.role == role {
                current[current.count - 1].text += text
            } else {
                current.append(Span(text, role))
            }
            used += w
        }

        for span in spans {
            for token in tokens(span.text) {
                if token.isSpace {
                    pendingSpace = Span(" ", span.role)
                    continue
                }
                let w = DisplayWidth.of(token.text)
                let spaceWidth = pendingSpace == nil || atLineStart ? 0 : 1
                if used + spaceWidth + w <= width {
                    if spaceWidth == 1, let space = pendingSpace { append(" ", space.role, 1) }
                    pendingSpace = nil
                    append(token.text, span.role, w)
                    continue
                }
                if w <= width - (indent.isEmpty ? 0 : indentWidth) {
                    flush()
                    append(token.text, span.role, w)
                    continue
                }
                // A word longer than a line: fill the rest of this line, then whole lines.
                if spaceWidth == 1, used + 2 <= width, let space = pendingSpace { append(" ", space.role, 1) }
                pendingSpace = nil
                var rest = Substring(token.text)
                while !rest.isEmpty {
                    let room = width - used
                    let (head, headWidth) = DisplayWidth.prefix(String(rest), fitting: room)
                    if head.isEmpty {
                        if atLineStart { break }  // cannot fit even one glyph
                        flush()
                        continue
                    }
                    append(head, span.role, headWidth)
                    rest = rest.dropFirst(head.count)
                    if !rest.isEmpty { flush() }
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(StyledLine(current)) }
        return lines
    }

    /// `wrap` of one span of printable ASCII whose words all fit on a continuation line (most
    /// messages): the same lines, built from the words' ranges instead of a string per word.
    /// Nil when the span is not such text; `wrap` then takes the general path.
    private static func wrapPrintableASCII(_ span: Span, width: Int, indent: [Span], indentWidth: Int,
                                           lead: [Span], leadWidth: Int) -> [StyledLine]? {
        let text = span.text
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        // The words, and whether spaces come before each; every width is a byte count here.
        var words: [(range: Range<String.Index>, spaceBefore: Bool)] = []
        var index = bytes.startIndex
        var sawSpace = false
        let room = width - (indent.isEmpty ? 0 : indentWidth)
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") {
                sawSpace = true
                bytes.formIndex(after: &index)
                continue
            }
            let start = index
            while index != bytes.endIndex, bytes[index] != UInt8(ascii: " ") { bytes.formIndex(after: &index) }
            // A word longer than a continuation line is broken by the general path.
            guard bytes.distance(from: start, to: index) <= room else { return nil }
            words.append((start..<index, sawSpace))
            sawSpace = false
        }
        let role = span.role
        var lines: [StyledLine] = []
        var prefix = lead
        var run = ""
        var used = lead.isEmpty ? 0 : leadWidth
        var atLineStart = true
        // Text appended in the role of the prefix's last span joins that span, as `wrap` does.
        func line() -> StyledLine {
            guard !run.isEmpty else { return StyledLine(prefix) }
            var spans = prefix
            if let last = spans.last, last.role == role {
                spans[spans.count - 1].text += run
            } else {
                spans.append(Span(run, role))
            }
            return StyledLine(spans)
        }
        for word in words {
            let w = bytes.distance(from: word.range.lowerBound, to: word.range.upperBound)
            let spaceWidth = word.spaceBefore && !atLineStart ? 1 : 0
            if used + spaceWidth + w > width {
                lines.append(line())
                prefix = indent
                run = ""
                used = indent.isEmpty ? 0 : indentWidth
            } else if spaceWidth == 1 {
                run += " "
                used += 1
            }
            run += text[word.range]
            used += w
            atLineStart = false
        }
        if !prefix.isEmpty || !run.isEmpty || lines.isEmpty { lines.append(line()) }
        return lines
    }

    /// Wraps plain text that may contain newlines.
    public static func wrap(_ text: String, width: Int, role: Role = .normal) -> [StyledLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            wrap([Span(String($0), role)], width: width)
        }
    }

    struct Token {
        var text: String
        var isSpace: Bool
    }

    static func tokens(_ text: String) -> [Token] {
        // Most text is ASCII: split its bytes, which gives the same tokens as splitting its
        // characters (no ASCII grapheme holds a space), without grapheme breaking per character.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var out: [Token] = []
        var current = ""
        var currentIsSpace = false
        for character in text {
            let isSpace = character == " "
            if !current.isEmpty && isSpace != currentIsSpace {
                out.append(Token(text: current, isSpace: currentIsSpace))
                current = ""
            }
            current.append(character)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { out.append(Token(text: current, isSpace: currentIsSpace)) }
        return out
    }

    /// `tokens` of ASCII text: runs of spaces and runs of other bytes.
    private static func asciiTokens(_ text: String) -> [Token] {
        var out: [Token] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        var inSpace = false
        while index != bytes.endIndex {
            let isSpace = bytes[index] == UInt8(ascii: " ")
            if index != start && isSpace != inSpace {
                out.append(Token(text: String(text[start..<index]), isSpace: inSpace))
                start = index
            }
            inSpace = isSpace
            bytes.formIndex(after: &index)
        }
        if start != bytes.endIndex { out.append(Token(text: String(text[start..<bytes.endIndex]), isSpace: inSpace)) }
        return out
    }
}
