import StudyApp
import StudyModel
import Testing
@testable import StudyTUI

/// `d` and Delete in the Library, the y/n question that follows, and how it is drawn.
@Suite struct LibraryDeleteKeyTests {
    static func state() -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "test")
        let items = [Content(id: "d1", title: "Cell biology", owner: "alice", sourceText: "Cells.")].map(DocumentSummary.init)
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: 0, items: items, next: nil, append: false)))
        state.focus = .library
        return state
    }

    func keys(_ key: Key, _ state: AppState) -> [UICommand] {
        var ui = UIState()
        return KeyHandler.handle(key, state: state, ui: &ui, rows: 24, cols: 80)
    }

    @Test func dAndDeleteAskInTheLibraryOnly() {
        var state = Self.state()
        #expect(keys(.char("d"), state) == [.action(.library(.requestDelete))])
        #expect(keys(.delete, state) == [.action(.library(.requestDelete))])
        state.focus = .summaries
        #expect(keys(.char("d"), state) != [.action(.library(.requestDelete))])
    }

    @Test func onlyYDeletesWhileAsking() {
        var state = Self.state()
        _ = AppReducer.reduce(&state, .library(.requestDelete))
        #expect(keys(.char("y"), state) == [.action(.library(.answerDelete(true)))])
        #expect(keys(.char("n"), state) == [.action(.library(.answerDelete(false)))])
        #expect(keys(.escape, state) == [.action(.library(.answerDelete(false)))])
        #expect(keys(.enter, state).isEmpty, "Enter does not delete")
        #expect(keys(.char("3"), state).isEmpty, "other keys wait for the answer")
    }

    @Test func theQuestionNamesTheDocumentAndWhatGoesWithIt() {
        var state = Self.state()
        _ = AppReducer.reduce(&state, .library(.requestDelete))
        var ui = UIState()
        let frame = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80)
        let screen = (0..<24).map { frame.canvas.text(row: $0) }.joined(separator: "\n")
        #expect(screen.contains("Delete document?"))
        #expect(screen.contains("“Cell biology”"))
        #expect(screen.contains("summaries and exams"))
        #expect(screen.contains("y delete"))
    }

    @Test func helpListsTheKey() {
        #expect(HelpText.entries.contains { $0.key.contains("d") && $0.text.contains("delete the selected") })
    }
}
