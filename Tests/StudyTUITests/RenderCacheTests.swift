import Testing
import StudyApp
import StudyModel
import StudyStore
@testable import StudyTUI

/// Issue 13, per-key cost: the caches that spare work on each key (formatted message lines,
/// side panes copied from the last frame, only visible list rows built) never change what is
/// drawn. Each frame drawn with the caches of earlier frames equals the same frame drawn afresh.
@Suite struct RenderCacheTests {
    static let rows = 24, cols = 100

    static func state() -> AppState {
        var state = PagingAndMessagesTests.state(count: 200)
        let items = (0..<300).map { n in
            DocumentSummary(Content(id: "d\(n)", title: "document \(n)", owner: "alice", sourceText: "text", category: "c"))
        }
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: state.library.requestId, items: items, next: nil,
                                                       append: false)))
        return state
    }

    /// Draws `state` with the running caches and afresh, and checks both frames are the same.
    static func expectSameAsFresh(_ state: AppState, ui: inout UIState, _ step: String) {
        let cached = FrameRenderer.render(state: state, ui: &ui, rows: rows, cols: cols)
        var fresh = UIState()
        fresh.helpVisible = ui.helpVisible
        fresh.mode = ui.mode
        fresh.message = ui.message
        let expected = FrameRenderer.render(state: state, ui: &fresh, rows: rows, cols: cols)
        #expect(cached.canvas == expected.canvas, "after \(step):\n\(cached.canvas.text)\n---\n\(expected.canvas.text)")
        #expect(cached.cursor == expected.cursor, "cursor after \(step)")
    }

    static func press(_ key: Key, _ state: inout AppState, ui: inout UIState) {
        for command in KeyHandler.handle(key, state: state, ui: &ui, rows: rows, cols: cols) {
            if case let .action(action) = command { _ = AppReducer.reduce(&state, action) }
        }
    }

    @Test func framesDrawnWithCachesEqualFramesDrawnAfresh() {
        var state = Self.state()
        var ui = UIState()
        Self.expectSameAsFresh(state, ui: &ui, "start")
        for n in 0..<5 {
            Self.press(.pageUp, &state, ui: &ui)
            Self.expectSameAsFresh(state, ui: &ui, "PgUp \(n)")
        }
        state.focus = .library
        for n in 0..<3 {
            _ = AppReducer.reduce(&state, .move(n == 1 ? 40 : 1))
            Self.expectSameAsFresh(state, ui: &ui, "library move \(n)")
        }
        // A confirmation box over the panes, then gone: the panes under it are drawn again.
        state.library.pendingDeletion = PendingDeletion(documentId: "d1", title: "document 1")
        Self.expectSameAsFresh(state, ui: &ui, "delete question shown")
        state.library.pendingDeletion = nil
        Self.expectSameAsFresh(state, ui: &ui, "delete question answered")
        ui.helpVisible = true
        Self.expectSameAsFresh(state, ui: &ui, "help shown")
        ui.helpVisible = false
        Self.expectSameAsFresh(state, ui: &ui, "help closed")
        state.focus = .messages
        Self.expectSameAsFresh(state, ui: &ui, "focus back on messages")
        Self.press(.pageDown, &state, ui: &ui)
        Self.expectSameAsFresh(state, ui: &ui, "PgDn")
    }

    @Test func aMessageWhoseTextChangedIsFormattedAgain() throws {
        var state = PagingAndMessagesTests.state(count: 3)
        var ui = UIState()
        let before = FrameRenderer.render(state: state, ui: &ui, rows: Self.rows, cols: Self.cols).canvas.text
        #expect(before.contains("m-002"))
        let newest = try #require(state.openRoom?.window.messages.last)
        var edited = newest
        edited.text = "rewritten @alice"
        let page = MessagePage(messages: [edited], older: nil, feed: PageCursor(token: "feed2"))
        _ = AppReducer.reduce(&state, .messages(.historyLoaded(roomId: "r1", page: page, before: nil, direction: .newest)))
        let after = FrameRenderer.render(state: state, ui: &ui, rows: Self.rows, cols: Self.cols).canvas.text
        #expect(after.contains("bob! rewritten @alice"), "\(after)")
        #expect(!after.contains("m-002"))
    }

    @Test func aLongListBuildsOnlyTheRowsInView() {
        var built: [Int] = []
        var canvas = Canvas(rows: 12, cols: 30)
        ListDrawer.draw(count: 10_000, selected: 5_000, into: &canvas, rect: Rect(x: 0, y: 0, width: 30, height: 10),
                        focused: true) { index in
            built.append(index)
            return StyledLine("row \(index)")
        }
        #expect(built == Array(4_995..<5_005))
        #expect(canvas.text(row: 5).hasPrefix("row 5000"))
    }

    @Test func onlyTheChangedColumnsOfARowAreResent() {
        var old = Canvas(rows: 2, cols: 20)
        old.put("left | 漢字 right", row: 0, col: 0)
        var new = old
        #expect(new.changedColumns(old, row: 0) == nil)
        new.put("X", row: 0, col: 8)  // the second half of 漢: the whole glyph is resent
        #expect(new.changedColumns(old, row: 0) == 7..<9)
        var other = old
        other.put("ab", row: 0, col: 15)
        #expect(other.changedColumns(old, row: 0) == 15..<17)
        #expect(other.changedColumns(Canvas(rows: 3, cols: 20), row: 0) == 0..<20)
    }

    @Test func pageUpReadsTheDrawnLayoutOnlyWhenItWasDrawnFromTheSameState() throws {
        var state = Self.state()
        var ui = UIState()
        for n in 0..<6 {
            _ = FrameRenderer.render(state: state, ui: &ui, rows: Self.rows, cols: Self.cols)
            let drawn = try #require(ui.drawnHistory, "PgUp \(n): the drawn history is kept")
            #expect(drawn.inputs.bottomIndex == state.openRoom?.bottomIndex)
            let remembered = MessagePaging.page(state, ui: ui, rows: Self.rows, cols: Self.cols, up: true)
            let fresh = MessagePaging.page(state, rows: Self.rows, cols: Self.cols, up: true)
            #expect(remembered == fresh, "PgUp \(n)")
            _ = AppReducer.reduce(&state, .messages(.scroll(-remembered)))
        }
        // Back at the newest message, drawn; then unsent messages appear before the next frame:
        // they take lines at the bottom, so the page is measured again, not read from the frame.
        _ = AppReducer.reduce(&state, .back)
        _ = FrameRenderer.render(state: state, ui: &ui, rows: Self.rows, cols: Self.cols)
        let before = MessagePaging.page(state, ui: ui, rows: Self.rows, cols: Self.cols, up: true)
        for n in 0..<4 { _ = AppReducer.reduce(&state, .messages(.send("unsent \(n)"))) }
        let afterSending = MessagePaging.page(state, ui: ui, rows: Self.rows, cols: Self.cols, up: true)
        #expect(afterSending == MessagePaging.page(state, rows: Self.rows, cols: Self.cols, up: true))
        #expect(afterSending != before)
    }

    @Test func summariesAndExamsPanesAreCopiedOnlyWhileTheirStateIsUnchanged() {
        var state = Self.state()
        var ui = UIState()
        Self.expectSameAsFresh(state, ui: &ui, "start")
        #expect(ui.panes.keys[.summaries] != nil && ui.panes.keys[.exams] != nil)
        Self.press(.pageUp, &state, ui: &ui)
        Self.expectSameAsFresh(state, ui: &ui, "PgUp")
        // Summaries arrive for the selected document: the pane is drawn again, not copied.
        let documentId = state.selectedDocumentId ?? ""
        state.summaries.contentId = documentId
        Self.expectSameAsFresh(state, ui: &ui, "summaries shown")
        state.exams.contentId = documentId
        Self.expectSameAsFresh(state, ui: &ui, "exams shown")
        state.exams.generating = true
        Self.expectSameAsFresh(state, ui: &ui, "exam being generated")
    }

    @Test func cellsHoldGlyphsOfSeveralScalarsAndCompareByTheirScalars() {
        var first = Canvas(rows: 1, cols: 12)
        first.put("e\u{301}a\u{308}\u{323} 🇫🇷 x", row: 0, col: 0)
        var second = Canvas(rows: 1, cols: 12)
        second.put("e\u{301}a\u{308}\u{323} 🇫🇷 x", row: 0, col: 0)
        #expect(first == second)
        #expect(first.text(row: 0).hasPrefix("e\u{301}a\u{308}\u{323} 🇫🇷 x"))
        #expect(first[0, 0].text.unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(first[0, 1].text.unicodeScalars.map(\.value) == [0x61, 0x308, 0x323])
        // The same marks in another order are other scalars: the cell differs and is resent.
        var other = Canvas(rows: 1, cols: 12)
        other.put("e\u{301}a\u{323}\u{308} 🇫🇷 x", row: 0, col: 0)
        #expect(other[0, 1] != first[0, 1])
        #expect(other.changedColumns(first, row: 0) == 1..<2)
        #expect(Cell(text: "", width: 0, role: .normal).text == "")
    }

    @Test func asciiTextSplitsIntoTheSameTokensAsCharacters() {
        let tokens = Wrap.tokens("  two  words here ").map { "\($0.isSpace ? "s" : "w"):\($0.text)" }
        #expect(tokens == ["s:  ", "w:two", "s:  ", "w:words", "s: ", "w:here", "s: "])
        // A non-ASCII letter takes the character path; the split is the same.
        let mixed = Wrap.tokens("  two  wördß here ").map { "\($0.isSpace ? "s" : "w"):\($0.text)" }
        #expect(mixed == ["s:  ", "w:two", "s:  ", "w:wördß", "s: ", "w:here", "s: "])
        #expect(Wrap.tokens("").isEmpty)
        #expect(Wrap.tokens("a\r\nb c").map(\.text) == ["a\r\nb", " ", "c"])
    }

    @Test func theMessagesPaneIsCopiedOnlyWhileWhatItShowsIsUnchanged() throws {
        var state = Self.state()
        var ui = UIState()
        Self.expectSameAsFresh(state, ui: &ui, "start")
        #expect(ui.panes.keys[.messages] != nil)
        state.focus = .library
        Self.expectSameAsFresh(state, ui: &ui, "focus on the library")
        _ = AppReducer.reduce(&state, .move(1))
        Self.expectSameAsFresh(state, ui: &ui, "library move")
        state.focus = .messages
        Self.expectSameAsFresh(state, ui: &ui, "focus back on messages")
        for key in [Key.char("h"), .char("i"), .left] {
            Self.press(key, &state, ui: &ui)
            Self.expectSameAsFresh(state, ui: &ui, "typing \(key)")
        }
        let last = try #require(state.openRoom?.window.messages.last)
        let arrived = Message(messageId: "new1", roomId: "r1", sender: "bob", text: "just arrived",
                              createdAt: Timestamp(millisecondsSince1970: last.createdAt.millisecondsSince1970 + 1000))
        _ = AppReducer.reduce(&state, .messages(.arrived(roomId: "r1", messages: [arrived])))
        Self.expectSameAsFresh(state, ui: &ui, "a message arrived")
        #expect(FrameRenderer.render(state: state, ui: &ui, rows: Self.rows, cols: Self.cols).canvas.text.contains("just arrived"))
        _ = AppReducer.reduce(&state, .showNotice(Notice("saved")))
        Self.expectSameAsFresh(state, ui: &ui, "a notice")
    }

    /// Text mixing ASCII with other characters is measured and drawn as character by character
    /// (the ASCII runs take a shortcut that must not change either).
    @Test func mixedTextIsMeasuredAndDrawnAsCharacterByCharacter() {
        let samples = ["a·b", "e\u{301}x", "ab\u{301}c", "── more below · End to jump ──", "你好 world", "x👍🏽y", "🇫🇷a",
                       "a\u{200B}b", "·", "a\u{308}\u{323}bc", "ok ✓ done"]
        for text in samples {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.glyph(for: $1).width }, "\(text)")
            var whole = Canvas(rows: 1, cols: 40)
            whole.put(text, row: 0, col: 0, role: .hint)
            var byCharacter = Canvas(rows: 1, cols: 40)
            var x = 0
            for character in text { x += byCharacter.put(String(character), row: 0, col: x, role: .hint) }
            #expect(whole == byCharacter, "\(text)")
        }
    }

    /// The ASCII path of `Wrap.wrap` (one span of printable ASCII) gives the lines of the general
    /// path, which the same text cut into two spans of the same role at a space takes.
    @Test func asciiWrappingGivesTheLinesOfTheGeneralPath() {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let lead = [Span("14:05 ", .timestamp), Span("bob", .sender1), Span(": ", .dim)]
        var compared = 0
        for _ in 0..<400 {
            let words = (0..<(1 + next(12))).map { _ in String(repeating: "abcdefghij".randomLetter(next), count: 1 + next(9)) }
            let gaps = words.map { _ in String(repeating: " ", count: 1 + next(2)) }
            let text = String(repeating: " ", count: next(2)) + zip(words, gaps).map { $0 + $1 }.joined().dropLast(next(2))
            guard let firstSpace = text.dropFirst().firstIndex(of: " ") else { continue }
            let halves = [Span(String(text[..<firstSpace])), Span(String(text[firstSpace...]))]
            let width = 4 + next(30)
            let indent = next(2) == 0 ? [] : [Span(String(repeating: " ", count: 1 + next(8)))]
            let first = next(2) == 0 ? [] : lead
            let fast = Wrap.wrap([Span(text)], width: width, indent: indent, lead: first)
            let general = Wrap.wrap(halves, width: width, indent: indent, lead: first)
            #expect(fast == general, "'\(text)' at width \(width)")
            compared += 1
        }
        #expect(compared > 300)
    }
}

private extension String {
    /// One letter of this string, picked by `next`.
    func randomLetter(_ next: (Int) -> Int) -> String {
        let letters = Array(self)
        return String(letters[next(letters.count)])
    }
}
