/// What the block splitter leaves out of a Markdown document but a reader uses: the level of
/// each heading (`#` title vs `##` section) and the cells of tables.
///
/// Read from the source once, line by line, skipping fenced code. Kept apart from
/// `BlockParser`, which turns text into sentences; this only looks at structure.
struct MarkdownOutline {
    /// One ATX (`## Title`) or setext (`Title` over `===`/`---`) heading.
    struct Heading: Equatable {
        var text: String
        var level: Int
    }

    /// One table cell with its row (0 is the header row) and column.
    struct Cell: Equatable {
        var text: String
        var row: Int
        var column: Int
    }

    private(set) var headings: [Heading] = []
    private(set) var cells: [Cell] = []

    init(source: String) {
        var fence: Character? = nil
        var previous: Substring = ""
        var tableRow = -1
        for raw in Self.lines(source) {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if let open = fence {
                if line.hasPrefix(String(repeating: open, count: 3)) { fence = nil }
                continue
            }
            if let first = line.first, first == "`" || first == "~", line.hasPrefix(String(repeating: first, count: 3)) {
                fence = first
                previous = ""
                continue
            }
            if line.first == "|" {
                tableRow = readRow(line, row: tableRow + 1) ? tableRow + 1 : tableRow
                previous = ""
                continue
            }
            tableRow = -1
            if line.first == "#" {
                let level = line.prefix(while: { $0 == "#" }).count
                let rest = line.dropFirst(level)
                if level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" {
                    var text = rest.trimmingWhitespace()
                    while text.hasSuffix("#") { text.removeLast() }
                    headings.append(Heading(text: text.trimmingWhitespace(), level: level))
                    previous = ""
                    continue
                }
            }
            // A setext underline opens with "=" or "-" (leading blanks are dropped): a byte
            // check first, so that paragraph lines (most of a book) are not copied or walked.
            if let byte = line.utf8.first, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-"),
               let mark = line.first, mark == "=" || mark == "-",
               line.allSatisfy({ $0 == mark || $0 == " " || $0 == "\t" }),
               !previous.isEmpty, BlockParser.listItemContent(previous) == nil {
                headings.append(Heading(text: previous.trimmingWhitespace(), level: mark == "=" ? 1 : 2))
                previous = ""
                continue
            }
            previous = line.trimmingWhitespace().isEmpty ? "" : line
        }
    }

    /// The lines of `source`, as `split(separator: "\n")` gives them. Without a carriage
    /// return ("\r\n" is one `Character`) a line feed always ends a character, so the text
    /// is cut on bytes: walking a book character by character is the slow part.
    static func lines(_ source: String) -> [Substring] {
        guard !source.utf8.contains(UInt8(ascii: "\r")) else {
            return source.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Adds the cells of one table line; false for the `|---|---|` delimiter row.
    private mutating func readRow(_ line: Substring, row: Int) -> Bool {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        if parts.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { return false }
        for (column, text) in parts.enumerated() where !text.isEmpty {
            cells.append(Cell(text: text, row: row, column: column))
        }
        return true
    }

    /// The level of each heading unit of `split` (1 for `#`, 2 for `##`, …), by unit index.
    /// Headings the splitter found without markup (a short title line in plain text) count
    /// as level 2 in plain text, where such lines head sections; in a document with Markdown
    /// headings they are captions or bylines (level 7, below every real heading).
    func levels(of split: SplitText) -> [Int: Int] {
        var out: [Int: Int] = [:]
        var cursor = 0
        let unmarked = headings.isEmpty ? 2 : 7
        for unit in split.units where unit.kind == .heading {
            var level = unmarked
            for k in cursor..<min(cursor + 8, headings.count) where headings[k].text == unit.text {
                level = headings[k].level
                cursor = k + 1
                break
            }
            out[unit.index] = level
        }
        return out
    }
}
