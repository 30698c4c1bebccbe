import Testing
@testable import StudyTUI

/// The bytes that put a frame on the terminal: only changed cells, one move per run, the style
/// only when the role changes, wide glyphs whole, the cursor last.
@Suite struct ScreenWriterTests {
    static let capabilities = ScreenWriter.Capabilities(
        clear: Array("<clear>".utf8), showCursor: Array("<show>".utf8), hideCursor: Array("<hide>".utf8),
        move: { row, col in Array("<\(row),\(col)>".utf8) }, bottomRightSafe: true)

    /// Role styles as readable markers: `{n}` for the role with raw value n.
    static func writer(bottomRightSafe: Bool = true) -> ScreenWriter {
        var capabilities = Self.capabilities
        capabilities.bottomRightSafe = bottomRightSafe
        return ScreenWriter(capabilities: capabilities, styles: Role.allCases.map { Array("{\($0.rawValue)}".utf8) })
    }

    func text(_ writer: inout ScreenWriter, _ canvas: Canvas, shown: Canvas?, cursor: Frame.Cursor? = nil) -> String {
        var out: [UInt8] = []
        writer.frame(canvas, shown: shown, cursor: cursor, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func firstFrameClearsAndWritesEveryCell() {
        var writer = Self.writer()
        var canvas = Canvas(rows: 2, cols: 3)
        canvas.put("ab", row: 0, col: 0)
        canvas.put("é", row: 1, col: 2, role: .dim)
        let normal = Role.normal.rawValue, dim = Role.dim.rawValue
        #expect(text(&writer, canvas, shown: nil) == "{\(normal)}<clear><0,0>ab <1,0>  {\(dim)}é<hide>")
    }

    @Test func onlyChangedCellsAreSentAndShortGapsWrittenOver() {
        var writer = Self.writer()
        var old = Canvas(rows: 1, cols: 40)
        old.put(String(repeating: "x", count: 40), row: 0, col: 0)
        _ = text(&writer, old, shown: nil)
        var new = old
        new.put("A", row: 0, col: 2)
        new.put("B", row: 0, col: 5)   // a gap of 2: written over
        new.put("C", row: 0, col: 30)  // a long gap: one move
        #expect(text(&writer, new, shown: old) == "<0,2>AxxB<0,30>C")
        // Nothing changed: nothing but the cursor (already hidden).
        #expect(text(&writer, new, shown: new).isEmpty)
        #expect(text(&writer, new, shown: new, cursor: Frame.Cursor(row: 0, col: 1)) == "<show><0,1>")
    }

    @Test func wideGlyphsAreWrittenWholeAndTheStyleOnlyWhenItChanges() {
        var writer = Self.writer()
        var old = Canvas(rows: 1, cols: 20)
        _ = text(&writer, old, shown: nil)
        var new = old
        new.put("漢字", row: 0, col: 3, role: .title)
        new.put("ab", row: 0, col: 7, role: .title)
        let title = Role.title.rawValue
        #expect(text(&writer, new, shown: old) == "<0,3>{\(title)}漢字ab")
        old = new
        new.put("x", row: 0, col: 4)  // over the second half of 漢: its first half becomes a blank
        let normal = Role.normal.rawValue
        #expect(text(&writer, new, shown: old) == "<0,3> {\(normal)}x")
    }

    @Test func bottomRightCellIsLeftAloneWhenWritingItWouldScroll() {
        var writer = Self.writer(bottomRightSafe: false)
        var canvas = Canvas(rows: 1, cols: 3)
        canvas.put("abc", row: 0, col: 0)
        #expect(text(&writer, canvas, shown: nil) == "{\(Role.normal.rawValue)}<clear><0,0>ab<hide>")
    }

    @Test func ansiCursorMovesAreOneBased() {
        #expect(ScreenWriter.ansiMove(0, 0) == Array("\u{1B}[1;1H".utf8))
        #expect(ScreenWriter.ansiMove(23, 79) == Array("\u{1B}[24;80H".utf8))
        var out: [UInt8] = []
        for value: UInt32 in [0x41, 0xE9, 0x6F22, 0x1F600] { ScreenWriter.appendUTF8(value, to: &out) }
        #expect(out == Array("Aé漢😀".utf8))
    }
}
