/// Lays out a table as aligned columns: each column as wide as its widest cell, narrowed
/// (widest first) when the table does not fit, with cells wrapped inside their column.
enum TableLayout {
    struct Table: Equatable {
        /// Rows of cells; each cell is its inline spans.
        var rows: [[[Span]]]
        /// How many rows at the top are headers (a rule is drawn under them).
        var headerRows: Int
    }

    static let separator = " │ "
    static let narrowest = 3

    static func lines(_ table: Table, width: Int) -> [StyledLine] {
        let columns = table.rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let widths = columnWidths(table, columns: columns, width: width)
        var out: [StyledLine] = []
        for (index, row) in table.rows.enumerated() {
            let cells = (0..<columns).map { column -> [StyledLine] in
                let spans = column < row.count ? row[column] : []
                return Wrap.wrap(spans, width: widths[column])
            }
            let height = cells.map(\.count).max() ?? 1
            for line in 0..<height {
                var spans: [Span] = []
                for column in 0..<columns {
                    if column > 0 { spans.append(Span(separator, .dim)) }
                    let cell = line < cells[column].count ? cells[column][line] : StyledLine()
                    spans += cell.spans
                    // Pad every cell but the last, so the next column starts where it should.
                    if column < columns - 1 {
                        spans.append(Span(String(repeating: " ", count: max(0, widths[column] - cell.width))))
                    }
                }
                out.append(StyledLine(spans))
            }
            if index == table.headerRows - 1 {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                out.append(StyledLine(rule, .dim))
            }
        }
        return out
    }

    /// Natural widths, narrowed one column at a time (the widest first) until the row fits.
    static func columnWidths(_ table: Table, columns: Int, width: Int) -> [Int] {
        var widths = [Int](repeating: 1, count: columns)
        for row in table.rows {
            for (column, cell) in row.enumerated() where column < columns {
                let natural = cell.reduce(0) { $0 + DisplayWidth.of($1.text) }
                widths[column] = max(widths[column], natural)
            }
        }
        let available = max(columns, width - DisplayWidth.of(separator) * (columns - 1))
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > narrowest || widths.allSatisfy({ $0 <= narrowest }) && widths[widest] > 1 else { break }
            widths[widest] -= 1
        }
        return widths
    }
}
