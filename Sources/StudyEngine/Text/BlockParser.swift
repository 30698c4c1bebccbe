/// A block of a document: the level above sentences.
enum Block: Equatable, Sendable {
    /// Running text; hard-wrapped lines are already joined.
    case paragraph(String)
    /// One bulleted or numbered item, marker removed, continuation lines joined.
    case listItem(String)
    case heading(String)
}

/// Splits text into blocks line by line, following the Markdown rules that matter for
/// study notes: fenced and indented code is dropped, ATX (`# Title`) and setext headings
/// are recognised, list items stand alone, blank lines end paragraphs, and lines inside
/// a paragraph are joined (a hard wrap is not a sentence break).
struct BlockParser {
    private(set) var blocks: [Block] = []
    private(set) var codeBlocks = 0

    private var paragraph: [Substring] = []
    private var item: [Substring]? = nil
    private var fence: (marker: Character, length: Int)? = nil
    private var previousWasCode = false

    static func parse(_ text: String) -> (blocks: [Block], codeBlocks: Int) {
        var parser = BlockParser()
        let normalised = normaliseNewlines(text)
        // Splitting on bytes is much faster than on Characters, and "\n" is one byte.
        for line in normalised.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            parser.consume(Substring(line))
        }
        parser.flush()
        return (parser.blocks, parser.codeBlocks)
    }

    /// CR LF, lone CR and the Unicode line/paragraph separators all become LF.
    static func normaliseNewlines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": out.append("\n"); previousCR = true; continue
            case "\n": if !previousCR { out.append("\n") }
            case "\u{2028}": out.append("\n")
            case "\u{2029}": out.append("\n"); out.append("\n")
            default: out.append(scalar)
            }
            previousCR = false
        }
        return String(out)
    }

    private mutating func consume(_ rawLine: Substring) {
        let indent = Self.indentWidth(rawLine)
        let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })

        if let open = fence {
            if indent <= 3, Self.fenceRun(line, marker: open.marker) >= open.length,
               line.drop(while: { $0 == open.marker }).allSatisfy(\.isWhitespace) {
                fence = nil
            }
            return
        }
        if line.isEmpty || line.allSatisfy(\.isWhitespace) {
            flush()
            previousWasCode = false
            return
        }
        if indent <= 3, let marker = line.first, marker == "`" || marker == "~", Self.fenceRun(line, marker: marker) >= 3 {
            flush()
            fence = (marker, Self.fenceRun(line, marker: marker))
            codeBlocks += 1
            return
        }
        // Indented code cannot interrupt a paragraph or a list item (as in Markdown), so a
        // hard-wrapped paragraph with an indented line stays text.
        if indent >= 4, paragraph.isEmpty, item == nil {
            if !previousWasCode { codeBlocks += 1 }
            previousWasCode = true
            return
        }
        previousWasCode = false
        if indent <= 3, let heading = Self.atxHeading(line) {
            flush()
            if !heading.isEmpty { blocks.append(.heading(heading)) }
            return
        }
        if indent <= 3, Self.isThematicBreakOrUnderline(line) {
            // `Title\n=====` or `Title\n-----` makes the single line above a heading.
            if paragraph.count == 1, let only = paragraph.first, line.first == "=" || line.first == "-" {
                paragraph = []
                blocks.append(.heading(String(only).trimmingWhitespace()))
            } else {
                flush()
            }
            return
        }
        if line.first == "|" {
            // Table rows are data, not sentences.
            flush()
            return
        }
        var text = line
        if text.first == ">" {
            text = text.dropFirst().drop(while: { $0 == " " })
        }
        if let content = Self.listItemContent(text) {
            flush()
            item = [content]
            return
        }
        if item != nil {
            item?.append(text)
        } else {
            paragraph.append(text)
        }
    }

    private mutating func flush() {
        if let lines = item {
            let joined = Self.join(lines)
            if !joined.isEmpty { blocks.append(.listItem(joined)) }
            item = nil
        }
        guard !paragraph.isEmpty else { return }
        var lines = paragraph
        paragraph = []
        // A short first line with no closing punctuation followed by a capitalised line is a
        // plain-text title ("Photosynthesis\nPlants make ..."), as is a lone short line.
        if let first = lines.first, Self.looksLikeTitle(first) {
            if lines.count == 1 {
                blocks.append(.heading(String(first).trimmingWhitespace()))
                return
            }
            if let second = lines.dropFirst().first, second.first?.isUppercase == true, Self.wordCount(first) <= 6 {
                blocks.append(.heading(String(first).trimmingWhitespace()))
                lines.removeFirst()
            }
        }
        for piece in Self.splitAtCaptions(lines) {
            let joined = Self.join(piece)
            if !joined.isEmpty { blocks.append(.paragraph(joined)) }
        }
    }

    /// The lines of a paragraph cut after each photo caption or label line: a line that ends
    /// in a letter or digit (no full stop), on a word that can end a phrase, before a line that
    /// starts with a capital ("Smith in action at the Crucible in Sheffield" / "Jones had led …").
    /// Joined, the two would read as one garbled sentence. A hard-wrapped paragraph (some line
    /// runs on into a lowercase one) is left whole: there a line end is only a wrap.
    static func splitAtCaptions(_ lines: [Substring]) -> [[Substring]] {
        guard lines.count > 1 else { return [lines] }
        let trimmed = lines.map { $0.trimmingWhitespace() }
        var cuts: [Int] = []
        for i in 0..<(trimmed.count - 1) {
            let line = trimmed[i]
            guard let last = line.last, let next = trimmed[i + 1].first else { continue }
            // A wrap into a lowercase word: the paragraph is hard-wrapped, every line end is a wrap.
            if next.isLowercase, last.isLetter || last.isNumber || last == "," { return [lines] }
            guard last.isLetter || last.isNumber, next.isUppercase else { continue }
            let words = line.split(separator: " ")
            guard words.count >= 3, let lastWord = words.last,
                  !StopWords.english.contains(lastWord.lowercased()) else { continue }
            cuts.append(i + 1)
        }
        guard !cuts.isEmpty else { return [lines] }
        var pieces: [[Substring]] = []
        var start = 0
        for cut in cuts {
            pieces.append(Array(lines[start..<cut]))
            start = cut
        }
        pieces.append(Array(lines[start...]))
        return pieces
    }

    // MARK: - Line classification

    static func indentWidth(_ line: Substring) -> Int {
        var width = 0
        for ch in line {
            if ch == " " { width += 1 } else if ch == "\t" { width += 4 - width % 4 } else { break }
        }
        return width
    }

    static func fenceRun(_ line: Substring, marker: Character) -> Int {
        line.prefix(while: { $0 == marker }).count
    }

    static func atxHeading(_ line: Substring) -> String? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingWhitespace()
        // Closing hashes are decoration: `## Title ##`.
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingWhitespace()
    }

    static func isThematicBreakOrUnderline(_ line: Substring) -> Bool {
        guard let head = line.first, "=-*_".contains(head), line.count <= 200 else { return false }
        let compact = line.filter { $0 != " " && $0 != "\t" }
        guard let first = compact.first, "=-*_".contains(first) else { return false }
        guard compact.allSatisfy({ $0 == first }) else { return false }
        return first == "=" ? compact.count >= 1 : compact.count >= 3
    }

    /// The text of a list item line without its marker, or nil if the line is not one.
    /// Markers: `-`, `*`, `+`, `•`, `◦`, `▪`, `‣`, `–`, `—`, then `1.`, `1)`, `(1)`, `a)`, `(a)`, `iv.`.
    static func listItemContent(_ line: Substring) -> Substring? {
        guard let first = line.first else { return nil }
        if "-*+•◦▪‣–—·".contains(first) {
            let rest = line.dropFirst()
            guard let next = rest.first, next == " " || next == "\t" else { return nil }
            return rest.drop(while: { $0 == " " || $0 == "\t" })
        }
        var rest = line
        let parenthesised = rest.first == "("
        if parenthesised { rest = rest.dropFirst() }
        let label = rest.prefix(while: { $0.isLetter || $0.isNumber })
        guard !label.isEmpty, label.count <= 4 else { return nil }
        let isNumber = label.allSatisfy(\.isASCIIDigitLike)
        let isLetterLabel = label.count == 1 && label.first?.isLowercase == true
        let isRoman = label.allSatisfy({ "ivxlc".contains($0) })
        guard isNumber || isLetterLabel || isRoman else { return nil }
        rest = rest.dropFirst(label.count)
        guard let close = rest.first else { return nil }
        if parenthesised {
            guard close == ")" else { return nil }
        } else {
            // Letters take `)` only: "a. " too easily starts an ordinary line.
            guard close == ")" || (close == "." && (isNumber || isRoman)) else { return nil }
        }
        rest = rest.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let content = rest.drop(while: { $0 == " " || $0 == "\t" })
        return content.isEmpty ? nil : content
    }

    static func looksLikeTitle(_ line: Substring) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let trimmed = line.trimmingWhitespace()
        guard let last = trimmed.last, let first = trimmed.first else { return false }
        if ".!?:;,。！？…-–—\"'”’)".contains(last) { return false }
        guard first.isUppercase || first.isNumber || !first.isCased else { return false }
        return wordCount(line) <= 10 && trimmed.count <= 80
    }

    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
    }

    /// Joins wrapped lines with one space; collapses runs of white space.
    static func join(_ lines: [Substring]) -> String {
        var out = ""
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            if !out.isEmpty { out.append(" ") }
            out.append(trimmed)
        }
        return out
    }
}

extension Character {
    var isASCIIDigitLike: Bool { isASCII && isNumber }
    var isCased: Bool { isUppercase || isLowercase }
}

extension StringProtocol {
    /// The text without leading or trailing white space (spaces, tabs, newlines, NBSP).
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
