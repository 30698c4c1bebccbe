import Testing
@testable import StudyTUI

/// Scalars that stand alone (`·`, `─`, `é`) are drawn and measured without grapheme breaking;
/// the result must be the general path's, cell for cell.
@Suite struct StandaloneGlyphTests {
    static let samples = [
        "Messages · general · writing", "── 3 new below · End to jump ──", "café naïve façade", "a·b…c–d→e",
        "·\u{301}x", "e\u{301}·", "─\u{200D}─", "🇫🇷·🇩🇪", "👩‍👩‍👧·x", "漢字·かな", "ʰʲ·ˈ", "\u{AD}x\u{A0}y", "·", "● online │ bench", "▶\u{FE0F}x",
    ]

    /// The general path's cells: one grapheme at a time through `DisplayWidth.glyph`.
    func reference(_ text: String, cols: Int) -> [Cell] {
        var cells = Array(repeating: Cell.blank, count: cols)
        var x = 0
        for character in text {
            let glyph = DisplayWidth.glyph(for: character)
            if glyph.width == 0 { continue }
            if x + glyph.width > cols { break }  // the rest of the row stays blank
            cells[x] = Cell(text: glyph.text, width: UInt8(glyph.width), role: .normal)
            if glyph.width == 2 { cells[x + 1] = Cell(code: 0, width: 0, role: .normal) }
            x += glyph.width
        }
        return cells
    }

    @Test func drawingMatchesTheGeneralPath() {
        for text in Self.samples {
            for cols in [3, 8, 40] {
                var canvas = Canvas(rows: 1, cols: cols)
                canvas.put(text, row: 0, col: 0)
                #expect(canvas.cells == reference(text, cols: cols), "\(text.debugDescription) in \(cols) columns")
            }
        }
    }

    @Test func measuringMatchesTheGeneralPath() {
        for text in Self.samples {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.glyph(for: $1).width }, "\(text.debugDescription)")
        }
    }

    @Test func onlyScalarsThatCannotJoinStandAlone() {
        #expect(DisplayWidth.standsAlone(0xB7) && DisplayWidth.standsAlone(0x2500) && DisplayWidth.standsAlone(0xE9))
        // Combining marks, joiners, regional indicators and wide letters take the general path.
        for value: UInt32 in [0x301, 0x200D, 0x200B, 0x1F1EB, 0x6F22, 0x20D0] {
            #expect(!DisplayWidth.standsAlone(value), "U+\(String(value, radix: 16))")
        }
    }
}
