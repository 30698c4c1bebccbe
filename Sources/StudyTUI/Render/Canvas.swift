import StudyModel

/// One screen cell: a glyph and its role. A wide glyph's second column is a continuation cell.
public struct Cell: Equatable, Sendable {
    public var text: String
    /// 1 or 2 for a glyph, 0 for the continuation of a wide glyph.
    public var width: UInt8
    public var role: Role

    public static let blank = Cell(text: " ", width: 1, role: .normal)
}

/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
}

/// An off-screen frame. Everything is drawn here first; the curses backend copies the rows that
/// changed, and tests and the benchmark read it directly.
///
/// All text is sanitised on the way in, so nothing drawn can contain a terminal control.
public struct Canvas: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    public subscript(row: Int, col: Int) -> Cell { cells[row * cols + col] }

    /// One-character strings of the ASCII range, made once rather than per drawn cell.
    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Draws `text` at (row, col), at most `maxWidth` columns (default: to the right edge).
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, maxWidth: Int? = nil, role: Role = .normal) -> Int {
        guard row >= 0, row < rows, col >= 0, col < cols else { return 0 }
        let limit = min(maxWidth ?? (cols - col), cols - col)
        guard limit > 0 else { return 0 }
        let clean = Sanitizer.clean(text)
        var x = col
        if clean.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in clean.utf8 {
                if x - col >= limit { break }
                set(row, x, Cell(text: Self.ascii[Int(byte)], width: 1, role: role))
                x += 1
            }
            return x - col
        }
        for character in clean {
            let glyph = DisplayWidth.glyph(for: character)
            if glyph.width == 0 { continue }
            if x - col + glyph.width > limit {
                // A wide glyph that does not fit in the last column leaves a blank, not half a glyph.
                if x - col < limit { set(row, x, Cell(text: " ", width: 1, role: role)); x += 1 }
                break
            }
            set(row, x, Cell(text: glyph.text, width: UInt8(glyph.width), role: role))
            if glyph.width == 2 { set(row, x + 1, Cell(text: "", width: 0, role: role)) }
            x += glyph.width
        }
        return x - col
    }

    /// Draws styled spans on one row; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, col: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += put(span.text, row: row, col: col + used, maxWidth: maxWidth - used, role: span.role)
        }
        return used
    }

    public mutating func fill(_ rect: Rect, role: Role = .normal, text: String = " ") {
        guard !rect.isEmpty else { return }
        for y in max(0, rect.y)..<min(rows, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(cols, rect.x + rect.width) {
                set(y, x, Cell(text: text, width: 1, role: role))
            }
        }
    }

    /// A single-line box with a title in the top border.
    public mutating func box(_ rect: Rect, title: String, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border: Role = focused ? .borderFocused : .border
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        // The border glyphs are measured once, not per cell: a box is drawn on every frame.
        let glyphs = BoxGlyphs.shared
        for x in rect.x...right {
            put(glyphs.horizontal, row: rect.y, col: x, role: border)
            put(glyphs.horizontal, row: bottom, col: x, role: border)
        }
        for y in rect.y...bottom {
            put(glyphs.vertical, row: y, col: rect.x, role: border)
            put(glyphs.vertical, row: y, col: right, role: border)
        }
        put(glyphs.topLeft, row: rect.y, col: rect.x, role: border)
        put(glyphs.topRight, row: rect.y, col: right, role: border)
        put(glyphs.bottomLeft, row: bottom, col: rect.x, role: border)
        put(glyphs.bottomRight, row: bottom, col: right, role: border)
        if rect.width > 4 {
            put(" " + title + " ", row: rect.y, col: rect.x + 1, maxWidth: rect.width - 2,
                role: focused ? .titleFocused : .title)
        }
    }

    /// Draws one known glyph in one column, as `put(glyph.text, …, maxWidth: 1)` would.
    private mutating func put(_ glyph: Glyph, row: Int, col: Int, role: Role) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        // A glyph wider than the one column leaves a blank, as `put` does.
        set(row, col, glyph.width == 1 ? Cell(text: glyph.text, width: 1, role: role) : Cell(text: " ", width: 1, role: role))
    }

    /// Copies the cells of `rect` from `other`, a frame of the same size; false (nothing
    /// copied) when the sizes differ or `rect` is not inside the frame.
    mutating func copy(_ rect: Rect, from other: Canvas) -> Bool {
        guard other.rows == rows, other.cols == cols, rect.x >= 0, rect.y >= 0,
              rect.x + rect.width <= cols, rect.y + rect.height <= rows else { return false }
        for y in rect.y..<rect.y + rect.height {
            let start = y * cols + rect.x
            cells.replaceSubrange(start..<start + rect.width, with: other.cells[start..<start + rect.width])
        }
        return true
    }

    /// The text of one row (for tests and diagnostics).
    public func text(row: Int) -> String {
        guard row >= 0, row < rows else { return "" }
        var out = ""
        for x in 0..<cols where self[row, x].width > 0 { out += self[row, x].text }
        return out
    }

    /// The whole frame as text, one line per row.
    public var text: String { (0..<rows).map { text(row: $0) }.joined(separator: "\n") }

    /// True when the two frames differ on this row.
    public func rowDiffers(_ other: Canvas, row: Int) -> Bool {
        guard other.rows == rows, other.cols == cols else { return true }
        let start = row * cols
        for i in start..<start + cols where cells[i] != other.cells[i] { return true }
        return false
    }

    /// The columns of `row` that differ from `other` (whole wide glyphs), nil when none do;
    /// the whole row when the sizes differ.
    public func changedColumns(_ other: Canvas, row: Int) -> Range<Int>? {
        guard other.rows == rows, other.cols == cols else { return 0..<cols }
        let start = row * cols
        guard var first = (0..<cols).first(where: { cells[start + $0] != other.cells[start + $0] }),
              let last = (first..<cols).last(where: { cells[start + $0] != other.cells[start + $0] }) else { return nil }
        var end = last + 1
        // Never start or end inside a wide glyph, in either frame.
        while first > 0, cells[start + first].width == 0 || other.cells[start + first].width == 0 { first -= 1 }
        while end < cols, cells[start + end].width == 0 || other.cells[start + end].width == 0 { end += 1 }
        return first..<end
    }

    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * cols + col
        // Overwriting half of a wide glyph blanks its other half, so no half glyph remains.
        if cells[i].width == 0, col > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(text: " ", width: 1, role: cells[i - 1].role) }
        if cells[i].width == 2, col + 1 < cols, cell.width != 2 { cells[i + 1] = Cell(text: " ", width: 1, role: cells[i + 1].role) }
        cells[i] = cell
    }
}

/// The glyphs of `Canvas.box`, measured once (after the locale is set, on first use).
private struct BoxGlyphs: Sendable {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Glyph

    static let shared = BoxGlyphs(
        horizontal: DisplayWidth.glyph(for: "─"), vertical: DisplayWidth.glyph(for: "│"),
        topLeft: DisplayWidth.glyph(for: "┌"), topRight: DisplayWidth.glyph(for: "┐"),
        bottomLeft: DisplayWidth.glyph(for: "└"), bottomRight: DisplayWidth.glyph(for: "┘"))
}
