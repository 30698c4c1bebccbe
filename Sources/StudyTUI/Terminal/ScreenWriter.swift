/// Turns a frame into the bytes that put it on the terminal, given what is on screen: only the
/// cells that changed, each run of them after one cursor move, the style sent only when the role
/// changes. One buffer, written by the caller in one write().
///
/// Curses did this before, cell by cell through its own copy of the screen (waddnwstr per run,
/// then doupdate comparing and hashing every line, tparm and stdio for the output): about a
/// sixth of the CPU of a PgUp. The canvas already knows what changed, so the bytes are made here.
/// Curses still sets the terminal up (alternate screen, keypad and mouse modes) and puts it back.
struct ScreenWriter {
    /// What the terminal needs, as terminfo gives it (see `CursesScreen`).
    struct Capabilities: Sendable {
        /// Clears the screen and homes the cursor (`clear`).
        var clear: [UInt8]
        var showCursor: [UInt8]
        var hideCursor: [UInt8]
        /// Cursor addressing (`cup`), from 0-based row and column.
        var move: @Sendable (Int, Int) -> [UInt8]
        /// False when writing the bottom-right cell would scroll the screen (auto margins
        /// without the xterm "eat newline" glitch): that cell is then left alone.
        var bottomRightSafe: Bool
    }

    let capabilities: Capabilities
    /// The full style of each role (reset, attributes, colours), by `Role.rawValue`.
    var styles: [[UInt8]]
    /// The role whose style the terminal has now; nil when unknown (after a clear or a resume).
    private var current: Role?
    private var cursorShown: Bool?

    /// A gap of unchanged cells shorter than this is written over rather than jumped (a move
    /// costs about this many bytes).
    static let jumpGap = 8

    init(capabilities: Capabilities, styles: [[UInt8]]) {
        self.capabilities = capabilities
        self.styles = styles
    }

    /// Forgets the terminal's style and cursor state (after a suspend, or a new theme).
    mutating func reset() {
        current = nil
        cursorShown = nil
    }

    /// Appends to `out` what turns `shown` (nil: unknown, clear first) into `canvas`, then
    /// places or hides the cursor.
    mutating func frame(_ canvas: Canvas, shown: Canvas?, cursor: Frame.Cursor?, into out: inout [UInt8]) {
        let comparable = shown.map { $0.rows == canvas.rows && $0.cols == canvas.cols } ?? false
        if !comparable {
            // Cleared in the normal style, so a background colour of the theme fills the screen.
            out += style(.normal)
            current = .normal
            out += capabilities.clear
        }
        var position: (row: Int, col: Int)? = nil
        let previous = comparable ? shown?.cells ?? [] : []
        canvas.cells.withUnsafeBufferPointer { cells in
            previous.withUnsafeBufferPointer { previousCells in
                let old = comparable ? previousCells : nil
                for row in 0..<canvas.rows {
                    var columns = 0..<canvas.cols
                    if comparable, let shown {
                        guard let changed = canvas.changedColumns(shown, row: row) else { continue }
                        columns = changed
                    }
                    writeRow(cells, old: old, row: row, cols: canvas.cols, rows: canvas.rows, columns: columns,
                             position: &position, into: &out)
                }
            }
        }
        if let cursor {
            if cursorShown != true { out += capabilities.showCursor; cursorShown = true }
            out += capabilities.move(cursor.row, cursor.col)
        } else if cursorShown != false {
            out += capabilities.hideCursor
            cursorShown = false
        }
    }

    private mutating func writeRow(_ cells: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>?, row: Int, cols: Int,
                                   rows: Int, columns: Range<Int>, position: inout (row: Int, col: Int)?,
                                   into out: inout [UInt8]) {
        let start = row * cols
        var col = columns.lowerBound
        var writeUpTo = col  // cells before this are written even when unchanged (a short gap)
        while col < columns.upperBound {
            if col >= writeUpTo, let old, cells[start + col] == old[start + col] {
                var same = col + 1
                while same < columns.upperBound, cells[start + same] == old[start + same] { same += 1 }
                if same == columns.upperBound { break }
                if same - col >= Self.jumpGap {
                    // Jump over cells already on screen, landing on the start of a glyph.
                    col = same
                    while col > columns.lowerBound, cells[start + col].width == 0 { col -= 1 }
                    writeUpTo = col
                    continue
                }
                writeUpTo = same  // cheaper to write over than to move the cursor
            }
            let cell = cells[start + col]
            if cell.width == 0 {  // the second column of a wide glyph (written with its first)
                col += 1
                continue
            }
            if row == rows - 1, col + Int(cell.width) >= cols, !capabilities.bottomRightSafe { break }
            if position.map({ $0.row != row || $0.col != col }) ?? true {
                out += capabilities.move(row, col)
            }
            if current != cell.role {
                out += style(cell.role)
                current = cell.role
            }
            GlyphTable.forEachScalar(of: cell.code) { Self.appendUTF8($0, to: &out) }
            col += Int(cell.width)
            position = (row, col)
        }
    }

    private func style(_ role: Role) -> [UInt8] {
        styles.indices.contains(role.rawValue) ? styles[role.rawValue] : []
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18 & 0x07))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// `ESC [ row ; col H` (1-based), the `cup` of every ANSI terminal, without tparm.
    static func ansiMove(_ row: Int, _ col: Int) -> [UInt8] {
        var out: [UInt8] = [0x1B, 0x5B]
        appendDecimal(row + 1, to: &out)
        out.append(0x3B)
        appendDecimal(col + 1, to: &out)
        out.append(0x48)
        return out
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(UInt8(0x30 + value % 10))
    }
}
