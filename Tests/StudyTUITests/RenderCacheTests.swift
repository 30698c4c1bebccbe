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
        let expected = FrameRenderer.render(state: state, ui: &fresh, rows: rows, cols: cols)
        #expect(cached.canvas == expected.canvas, "after \(step):\n\(cached.canvas.text)\n---\n\(expected.canvas.text)")
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
}
