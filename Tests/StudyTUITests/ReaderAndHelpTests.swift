import Foundation
import Testing
import StudyApp
import StudyModel
@testable import StudyTUI

/// Issue 9, items 17 and 18: help fits and scrolls, `/` searches the open document, Markdown
/// tables, nested lists and links.
@Suite struct ReaderAndHelpTests {
    func readerState(_ text: String, markdown: Bool = false) -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        state.focus = .library
        state.reader = ReaderState(documentId: "d1", title: "Doc", contentType: markdown ? .markdown : .text,
                                   text: text, top: 0)
        return state
    }

    func run(_ commands: [UICommand], _ state: inout AppState) {
        for command in commands { if case let .action(action) = command { _ = AppReducer.reduce(&state, action) } }
    }

    @Test func helpWrapsToTheWidthAndScrollsToTheEnd() {
        for cols in [44, 60, 80, 140] {
            let box = HelpView.box(rows: 24, cols: cols)
            let lines = HelpView.lines(width: box.inner.width - 1)
            #expect(lines.allSatisfy { $0.width <= box.inner.width - 1 }, "\(cols) columns")
            // Nothing is cut: every word of every entry is there (a word longer than the column
            // is broken across lines, so spaces are ignored).
            let all = lines.map(\.text).joined().replacingOccurrences(of: " ", with: "")
            for entry in HelpText.entries {
                for word in entry.text.split(separator: " ") { #expect(all.contains(word), "'\(word)' at \(cols) columns") }
            }
        }
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        state.focus = .rooms
        var ui = UIState()
        _ = KeyHandler.handle(.char("?"), state: state, ui: &ui, rows: 24, cols: 60)
        _ = KeyHandler.handle(.end, state: state, ui: &ui, rows: 24, cols: 60)
        #expect(ui.helpVisible && ui.helpTop == HelpView.maxTop(rows: 24, cols: 60) && ui.helpTop > 0)
        let text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 60).canvas.text
        #expect(text.contains(":help"), "the last entries are on screen:\n\(text)")
        _ = KeyHandler.handle(.home, state: state, ui: &ui, rows: 24, cols: 60)
        #expect(ui.helpTop == 0)
        _ = KeyHandler.handle(.escape, state: state, ui: &ui, rows: 24, cols: 60)
        #expect(!ui.helpVisible)
        // :help opens it.
        _ = KeyHandler.handle(.char(":"), state: state, ui: &ui, rows: 24, cols: 60)
        for c in "help" { _ = KeyHandler.handle(.char(c), state: state, ui: &ui, rows: 24, cols: 60) }
        #expect(KeyHandler.handle(.enter, state: state, ui: &ui, rows: 24, cols: 60).isEmpty)
        #expect(ui.helpVisible)
    }

    @Test func slashInTheReaderFindsHighlightsAndStepsThroughMatches() {
        let text = (0..<120).map { $0 % 40 == 7 ? "line \($0) has the needle in it" : "line \($0) is plain" }.joined(separator: "\n")
        var state = readerState(text)
        var ui = UIState()
        run(KeyHandler.handle(.char("/"), state: state, ui: &ui, rows: 24, cols: 80), &state)
        #expect(ui.mode == .search)
        for c in "NEEDLE" { run(KeyHandler.handle(.char(c), state: state, ui: &ui, rows: 24, cols: 80), &state) }
        run(KeyHandler.handle(.enter, state: state, ui: &ui, rows: 24, cols: 80), &state)
        #expect(state.reader != nil, "the reader stays open")
        #expect(state.reader?.matchLine == 7)
        #expect(state.reader?.searchQuery == "NEEDLE")
        let frame = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80)
        let highlighted = (0..<frame.canvas.rows).flatMap { row in (0..<frame.canvas.cols).map { frame.canvas[row, $0] } }
            .filter { $0.role == .match }.map(\.text).joined()
        #expect(highlighted == "needle")
        run(KeyHandler.handle(.char("n"), state: state, ui: &ui, rows: 24, cols: 80), &state)
        #expect(state.reader?.matchLine == 47)
        run(KeyHandler.handle(.char("n"), state: state, ui: &ui, rows: 24, cols: 80), &state)
        run(KeyHandler.handle(.char("n"), state: state, ui: &ui, rows: 24, cols: 80), &state)
        #expect(state.reader?.matchLine == 7, "wraps around")
        run(KeyHandler.handle(.char("N"), state: state, ui: &ui, rows: 24, cols: 80), &state)
        #expect(state.reader?.matchLine == 87)
        // Not found: said, and the reader stays.
        _ = AppReducer.reduce(&state, .library(.findInDocument(query: "absent", line: nil)))
        #expect(state.notice?.isError == true && state.reader != nil)
    }

    @Test func reopeningADocumentReturnsToWhereReadingStopped() throws {
        var state = readerState("x")
        _ = AppReducer.reduce(&state, .library(.scrollText(toLine: 42)))
        _ = AppReducer.reduce(&state, .back)
        #expect(state.reader == nil)
        let content = Content(id: "d1", title: "Doc", owner: "alice", contentType: .text, sourceText: "x")
        _ = AppReducer.reduce(&state, .library(.documentLoaded(content)))
        #expect(state.reader?.top == 42)
        // Across runs: the positions file.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reading-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReadingPositionsFile.save(state.readerPositions, path: dir + "/reading.json")
        var next = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        _ = AppReducer.reduce(&next, .library(.readingPositionsLoaded(ReadingPositionsFile.load(path: dir + "/reading.json"))))
        _ = AppReducer.reduce(&next, .library(.documentLoaded(content)))
        #expect(next.reader?.top == 42)
    }

    @Test func markdownTablesNestedListsAndLinks() {
        let markdown = """
        | Term | Meaning |
        |------|---------|
        | ATP | the cell's energy currency, made in mitochondria and chloroplasts |
        | NADPH | carries electrons |

        - outer
          - inner
            - innermost with enough words to wrap onto a second line here

        See [the guide](https://example.org/guide) and <https://example.org/x>.
        """
        let lines = MarkdownRenderer.render(markdown, width: 40).map(\.text)
        let table = lines.filter { $0.contains("│") }
        #expect(table.count >= 4, "rows, with the long cell wrapped: \(lines)")
        let bars = Set(table.compactMap { line in line.firstIndex(of: "│").map { line.distance(from: line.startIndex, to: $0) } })
        #expect(bars.count == 1, "the columns line up: \(table)")
        #expect(lines.contains { $0.contains("─┼─") }, "a rule under the header")
        #expect(table.allSatisfy { $0.count <= 40 })
        let outer = lines.first { $0.contains("outer") }
        let inner = lines.first { $0.contains("inner") && !$0.contains("innermost") }
        let innermost = lines.first { $0.contains("innermost") }
        func indent(_ s: String?) -> Int { s.map { $0.prefix { $0 == " " }.count } ?? -1 }
        #expect(indent(outer) < indent(inner) && indent(inner) < indent(innermost), "\(lines)")
        let wrapped = lines.firstIndex { $0.contains("innermost") }.map { lines[$0 + 1] } ?? ""
        #expect(indent(wrapped) >= indent(innermost) + 2, "continuation under the item text: \(lines)")
        let joined = lines.joined(separator: " ")
        #expect(joined.contains("the guide <https://example.org/guide>"))
        #expect(!joined.contains("<https://example.org/x> <"), "a bare link is not repeated")
    }
}

/// Issue 9, item 11 in the frontend: `q` and `:quit` say whether a typed message would be lost,
/// and the question is drawn over the screen and answered with y or n.
@Suite struct QuitKeyTests {
    @Test func quitCarriesTheDraftAndTheQuestionTakesTheKeys() {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        state.focus = .messages
        var ui = UIState()
        for c in "half a thought" { _ = KeyHandler.handle(.char(c), state: state, ui: &ui, rows: 24, cols: 80) }
        _ = KeyHandler.handle(.escape, state: state, ui: &ui, rows: 24, cols: 80)
        state.focus = .rooms
        let commands = KeyHandler.handle(.char("q"), state: state, ui: &ui, rows: 24, cols: 80)
        #expect(commands == [.action(.requestQuit(draft: true))])
        for command in commands { if case let .action(action) = command { _ = AppReducer.reduce(&state, action) } }
        #expect(state.quitConfirm != nil && !state.quitRequested)
        let text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas.text
        #expect(text.contains("Quit StudyCircle?") && text.contains("typing has not been sent"), "\(text)")
        #expect(KeyHandler.handle(.char("3"), state: state, ui: &ui, rows: 24, cols: 80).isEmpty, "other keys wait")
        #expect(KeyHandler.handle(.char("n"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.answerQuit(false))])
        #expect(KeyHandler.handle(.char("y"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.answerQuit(true))])
        // :quit with the draft too.
        var fresh = UIState()
        fresh.message.insert("x")
        fresh.mode = .command
        for c in "quit" { _ = KeyHandler.handle(.char(c), state: AppState(settings: state.settings, backendName: "t"), ui: &fresh, rows: 24, cols: 80) }
        #expect(KeyHandler.handle(.enter, state: AppState(settings: state.settings, backendName: "t"), ui: &fresh, rows: 24, cols: 80)
                == [.action(.requestQuit(draft: true))])
    }
}
