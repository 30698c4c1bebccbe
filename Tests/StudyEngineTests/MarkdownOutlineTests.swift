import Foundation
import Testing
@testable import StudyEngine

/// The outline cuts lines on bytes for speed; it must read a document exactly as a
/// character-by-character split would, with and without carriage returns.
@Suite struct MarkdownOutlineTests {
    static let document = """
    Title line
    ==========

    # Cells

    Intro paragraph with café and a line feed after it.
    | Term | Meaning |
    |------|---------|
    | ATP  | energy  |

    Second part
    - - -
    Body text
      ---
    ## Closing ##
    ```
    # not a heading
    ```
    """

    @Test func linesMatchACharacterSplit() {
        for text in [Self.document, Self.document.replacingOccurrences(of: "\n", with: "\r\n"), "", "\n\n", "a\rb\nc"] {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(MarkdownOutline.lines(text).map(String.init) == expected)
        }
    }

    @Test func readsHeadingsAndCells() {
        let outline = MarkdownOutline(source: Self.document)
        #expect(outline.headings.map(\.text) == ["Title line", "Cells", "Second part", "Body text", "Closing"])
        #expect(outline.headings.map(\.level) == [1, 1, 2, 2, 2])
        #expect(outline.cells.map(\.text) == ["Term", "Meaning", "ATP", "energy"])
        #expect(outline.cells.map(\.row) == [0, 0, 1, 1])
    }
}
