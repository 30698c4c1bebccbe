import StudyModel

/// One screen cell: a glyph and its role. A wide glyph's second column is a continuation cell.
///
/// A plain value of 8 bytes with no reference inside, so a frame of cells is created, copied,
/// compared and freed without reference counting: that happens for every cell on every key.
public struct Cell: Equatable, Sendable {
    /// The glyph: its only scalar, 0 for none (a continuation cell), or `GlyphTable.sequenceBit`
    /// plus the number of its scalar sequence in `GlyphTable` (a glyph of several scalars).
    var code: UInt32
    /// 1 or 2 for a glyph, 0 for the continuation of a wide glyph.
    public var width: UInt8
    public var role: Role

    init(code: UInt32, width: UInt8, role: Role) {
        self.code = code
        self.width = width
        self.role = role
    }

    public init(text: String, width: UInt8, role: Role) {
        self.init(code: GlyphTable.code(for: text), width: width, role: role)
    }

    /// The glyph as text ("" for a continuation cell).
    public var text: String { GlyphTable.text(of: code) }

    public static let blank = Cell(code: 0x20, width: 1, role: .normal)

    /// A one-column space in `role`.
    static func space(_ role: Role) -> Cell { Cell(code: 0x20, width: 1, role: role) }
}

/// The scalar sequences of glyphs made of several scalars (a letter with combining marks, a flag),
/// each stored once for the whole process, so that a `Cell` holds a number instead of a string
/// and two cells hold the same number exactly when they hold the same scalars.
enum GlyphTable {
    /// Marks a cell code that numbers a sequence rather than holding a scalar (scalars end at 0x10FFFF).
    static let sequenceBit: UInt32 = 0x8000_0000
    /// The most sequences kept; past it (only text made to exhaust it) a glyph is drawn as U+FFFD.
    static let limit = 1 << 20

    private struct Storage {
        var codes: [[UInt32]: UInt32] = [:]
        var sequences: [[UInt32]] = []
    }

    private static let storage = Mutex(Storage())

    /// The cell code of a glyph's text.
    static func code(for text: String) -> UInt32 {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == nil { return first.value }
        let sequence = text.unicodeScalars.map(\.value)
        return storage.withLock { storage in
            if let code = storage.codes[sequence] { return code }
            guard storage.sequences.count < limit else { return 0xFFFD }
            let code = sequenceBit | UInt32(storage.sequences.count)
            storage.sequences.append(sequence)
            storage.codes[sequence] = code
            return code
        }
    }

    /// The scalars of a cell code, for the terminal.
    static func forEachScalar(of code: UInt32, _ body: (UInt32) -> Void) {
        if code & sequenceBit == 0 {
            if code != 0 { body(code) }
            return
        }
        let index = Int(code & ~sequenceBit)
        let sequence = storage.withLock { $0.sequences.indices.contains(index) ? $0.sequences[index] : [0xFFFD] }
        for scalar in sequence { body(scalar) }
    }

    static func text(of code: UInt32) -> String {
        var out = String.UnicodeScalarView()
        forEachScalar(of: code) { out.append(Unicode.Scalar($0) ?? "\u{FFFD}") }
        return String(out)
    }
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

    /// Draws `text` at (row, col), at most `maxWidth` columns (default: to the right edge).
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, maxWidth: Int? = nil, role: Role = .normal) -> Int {
        guard row >= 0, row < rows, col >= 0, col < cols else { return 0 }
        let limit = min(maxWidth ?? (cols - col), cols - col)
        guard limit > 0 else { return 0 }
        var x = col
        // Printable ASCII (most of what is drawn) needs no cleaning: one pass over its bytes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if x - col >= limit { break }
                set(row, x, Cell(code: UInt32(byte), width: 1, role: role))
                x += 1
            }
            return x - col
        }
        let clean = Sanitizer.clean(text)
        if clean.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in clean.utf8 {
                if x - col >= limit { break }
                set(row, x, Cell(code: UInt32(byte), width: 1, role: role))
                x += 1
            }
            return x - col
        }
        // Character by character; an ASCII byte followed by another (or the end) is a whole
        // character of one column, drawn without grapheme breaking or a width lookup.
        // Likewise a scalar that stands alone (`·`, `─`, `é`): no grapheme breaking, no glyph string.
        let bytes = clean.utf8
        let scalars = clean.unicodeScalars
        var index = clean.startIndex
        while index != clean.endIndex {
            let byte = bytes[index]
            let after = bytes.index(after: index)
            if byte >= 0x20, byte < 0x7F, after == bytes.endIndex || bytes[after] < 0x80 {
                if x - col >= limit { break }
                set(row, x, Cell(code: UInt32(byte), width: 1, role: role))
                x += 1
                index = after
                continue
            }
            if let width = DisplayWidth.standaloneWidth(scalars, at: index) {
                if x - col + width > limit {
                    if x - col < limit { set(row, x, .space(role)); x += 1 }
                    break
                }
                set(row, x, Cell(code: scalars[index].value, width: UInt8(width), role: role))
                if width == 2 { set(row, x + 1, Cell(code: 0, width: 0, role: role)) }
                x += width
                index = scalars.index(after: index)
                continue
            }
            let glyph = DisplayWidth.glyph(for: clean[index])
            index = clean.index(after: index)
            if glyph.width == 0 { continue }
            if x - col + glyph.width > limit {
                // A wide glyph that does not fit in the last column leaves a blank, not half a glyph.
                if x - col < limit { set(row, x, .space(role)); x += 1 }
                break
            }
            set(row, x, Cell(text: glyph.text, width: UInt8(glyph.width), role: role))
            if glyph.width == 2 { set(row, x + 1, Cell(code: 0, width: 0, role: role)) }
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
        let cell = Cell(text: text, width: 1, role: role)
        for y in max(0, rect.y)..<min(rows, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(cols, rect.x + rect.width) {
                set(y, x, cell)
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
    private mutating func put(_ glyph: BoxGlyph, row: Int, col: Int, role: Role) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        // A glyph wider than the one column leaves a blank, as `put` does.
        set(row, col, glyph.width == 1 ? Cell(code: glyph.code, width: 1, role: role) : .space(role))
    }

    /// Copies the cells of `rect` from `other`, a frame of the same size; false (nothing
    /// copied) when the sizes differ or `rect` is not inside the frame.
    mutating func copy(_ rect: Rect, from other: Canvas) -> Bool {
        guard other.rows == rows, other.cols == cols, rect.x >= 0, rect.y >= 0,
              rect.x + rect.width <= cols, rect.y + rect.height <= rows else { return false }
        // Cells hold no references: each row is one block copy.
        let cols = cols
        other.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for y in rect.y..<rect.y + rect.height {
                    let start = y * cols + rect.x
                    (to + start).update(from: from + start, count: rect.width)
                }
            }
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
        if cells[i].width == 0, col > 0, cells[i - 1].width == 2 { cells[i - 1] = .space(cells[i - 1].role) }
        if cells[i].width == 2, col + 1 < cols, cell.width != 2 { cells[i + 1] = .space(cells[i + 1].role) }
        cells[i] = cell
    }
}

/// One glyph of a box border as a cell code and its width.
private struct BoxGlyph: Sendable {
    let code: UInt32
    let width: Int

    init(_ character: Character) {
        let glyph = DisplayWidth.glyph(for: character)
        code = GlyphTable.code(for: glyph.text)
        width = glyph.width
    }
}

/// The glyphs of `Canvas.box`, measured once (after the locale is set, on first use).
private struct BoxGlyphs: Sendable {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: BoxGlyph

    static let shared = BoxGlyphs(
        horizontal: BoxGlyph("─"), vertical: BoxGlyph("│"), topLeft: BoxGlyph("┌"), topRight: BoxGlyph("┐"),
        bottomLeft: BoxGlyph("└"), bottomRight: BoxGlyph("┘"))
}
