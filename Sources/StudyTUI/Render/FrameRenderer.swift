import StudyApp

/// A drawn frame and where the terminal cursor goes (nil hides it).
public struct Frame: Equatable, Sendable {
    public var canvas: Canvas
    public var cursor: Cursor?
    public struct Cursor: Equatable, Sendable {
        public var row: Int
        public var col: Int
    }
}

/// Renders the whole screen from the state into an off-screen canvas. Pure apart from the
/// layout caches in `ui`, so it runs the same under curses, in tests and in the benchmark.
public enum FrameRenderer {
    public static func render(state: AppState, ui: inout UIState, rows: Int, cols: Int) -> Frame {
        var canvas = Canvas(rows: rows, cols: cols)
        let layout = ScreenLayout.compute(rows: rows, cols: cols, focus: state.focus)
        let last = ui.panes
        ui.panes = PaneSnapshots()  // kept again below only when nothing covers the panes
        if layout.mode == .tooSmall {
            drawTooSmall(into: &canvas, rows: rows, cols: cols)
            return Frame(canvas: canvas, cursor: nil)
        }
        if let session = state.examSession {
            // The exam takes the whole screen; the panes wait behind it.
            var cursor = ExamScreenView(session: session).draw(into: &canvas, rows: rows, cols: cols)
            if let confirm = state.quitConfirm {
                QuitConfirmView.draw(confirm, into: &canvas, rows: rows, cols: cols)
                cursor = nil
            }
            return Frame(canvas: canvas, cursor: cursor)
        }
        if let tabs = layout.tabs { drawTabs(state, into: &canvas, rect: tabs) }
        var cursor: Frame.Cursor?
        var drawn: [Pane: PaneSnapshots.Key] = [:]
        for (pane, rect) in layout.panes where rect != layout.main {
            let key = PaneSnapshots.key(pane, state, rect: rect)
            if let key, last.restore(key, pane: pane, into: &canvas) {
                drawn[pane] = key
                continue
            }
            drawList(pane, state, into: &canvas, rect: rect)
            if let key { drawn[pane] = key }
        }
        var messagesCursor: Frame.Cursor?
        if let position = drawMain(state, ui: &ui, mode: layout.mode, into: &canvas, rect: layout.main, last: last,
                                   drawn: &drawn) {
            cursor = Frame.Cursor(row: position.row, col: position.col)
            messagesCursor = cursor
        }
        drawStatus(state, into: &canvas, rect: layout.status)
        if let position = drawBottom(state, ui: ui, into: &canvas, rect: layout.bottom) {
            cursor = Frame.Cursor(row: position.row, col: position.col)
        }
        // Boxes drawn over the panes; a frame with any of them is not kept for copying panes.
        var covered = false
        if let dialog = state.dialog {
            DialogView(dialog: dialog, templates: state.templates).draw(into: &canvas, rows: rows, cols: cols)
            covered = true
        }
        if let pending = state.library.pendingDeletion {
            DeleteConfirmView.draw(pending, into: &canvas, rows: rows, cols: cols)
            covered = true
        }
        if ui.helpVisible {
            drawHelp(ui, into: &canvas, rows: rows, cols: cols)
            covered = true
        }
        if let confirm = state.quitConfirm {
            QuitConfirmView.draw(confirm, into: &canvas, rows: rows, cols: cols)
            covered = true
        }
        if covered {
            cursor = nil
        } else {
            ui.panes = PaneSnapshots(frame: canvas, keys: drawn, messagesCursor: messagesCursor)
        }
        return Frame(canvas: canvas, cursor: cursor)
    }

    /// What the main area shows: the reader of the focused pane, else the messages.
    enum MainContent: Equatable { case messages, document, summary }

    static func mainContent(_ state: AppState) -> MainContent {
        if state.focus == .library, state.reader != nil { return .document }
        if state.focus == .summaries, state.summaries.reading != nil, state.summaries.selectedItem != nil { return .summary }
        return .messages
    }

    /// The height of text in the main area, for scrolling by pages.
    public static func mainTextHeight(rows: Int, cols: Int, focus: Pane) -> Int {
        max(1, ScreenLayout.compute(rows: rows, cols: cols, focus: focus).main.height - 2)
    }

    /// Lines of the text open in the main area (laid out once per width), if any.
    static func openText(_ state: AppState, ui: inout UIState, width: Int)
        -> (title: String, lines: [StyledLine], top: Int, search: String?)? {
        switch mainContent(state) {
        case .document:
            guard let reader = state.reader else { return nil }
            let lines = ReaderView.lines(id: reader.documentId, text: reader.text, markdown: reader.contentType == .markdown,
                                         width: width, cache: &ui.readerCache)
            return ("Library · " + reader.title, lines, reader.top, reader.searchQuery)
        case .summary:
            guard let summary = state.summaries.selectedItem else { return nil }
            let lines = ReaderView.lines(id: summary.id, text: summary.summaryText, markdown: true, width: width,
                                         cache: &ui.summaryCache)
            return ("Summary · " + summary.summaryType.rawValue, lines, state.summaries.top, nil)
        case .messages:
            return nil
        }
    }

    /// Line count and view height of the open text at this size, so keys can clamp scrolling.
    public static func openTextExtent(_ state: AppState, ui: inout UIState, rows: Int, cols: Int) -> (count: Int, height: Int)? {
        let main = ScreenLayout.compute(rows: rows, cols: cols, focus: state.focus).main
        guard main.width > 2, let text = openText(state, ui: &ui, width: main.width - 2) else { return nil }
        return (text.lines.count, max(1, main.height - 2))
    }

    /// Draws the main area. The Messages pane is copied from `last` when drawn from the same
    /// inputs (a library move, a notice); `drawn` gets its key when it can be copied next time.
    static func drawMain(_ state: AppState, ui: inout UIState, mode: ScreenLayout.Mode, into canvas: inout Canvas,
                         rect: Rect, last: PaneSnapshots = PaneSnapshots(),
                         drawn: inout [Pane: PaneSnapshots.Key]) -> (row: Int, col: Int)? {
        if rect.width > 2, let text = openText(state, ui: &ui, width: rect.width - 2) {
            ReaderView.draw(title: text.title, lines: text.lines, top: text.top, search: text.search, into: &canvas,
                            rect: rect, focused: true)
            return nil
        }
        if state.focus == .exams, let examId = state.exams.attemptsFor,
           let exam = state.exams.items.first(where: { $0.id == examId }) {
            ExamHistoryView(state: state, exam: exam).draw(into: &canvas, rect: rect)
            return nil
        }
        // The room side view (meetings, projects, members) replaces the conversation until
        // the student writes again; in the compact layout it shows instead of the room list.
        if state.plans.panel != .messages, state.openRoom != nil,
           state.focus == .messages || state.focus == .rooms || mode == .full {
            RoomPlansView(state: state).draw(into: &canvas, rect: rect, focused: state.focus == .rooms)
            return nil
        }
        // Full layout: the main area is the Messages pane. Compact: it is the focused pane.
        if mode == .compact && state.focus != .messages {
            drawList(state.focus, state, into: &canvas, rect: rect)
            return nil
        }
        let key = PaneSnapshots.messagesKey(state, ui: ui, rect: rect)
        drawn[.messages] = key
        if last.restore(key, pane: .messages, into: &canvas) {
            return last.messagesCursor.map { ($0.row, $0.col) }
        }
        return MessagesView(state: state, ui: ui).draw(into: &canvas, rect: rect, focused: state.focus == .messages,
                                                       drawn: &ui.drawnHistory)
    }

    static func drawList(_ pane: Pane, _ state: AppState, into canvas: inout Canvas, rect: Rect) {
        let focused = state.focus == pane
        switch pane {
        case .rooms: RoomsView(state: state).draw(into: &canvas, rect: rect, focused: focused)
        case .library: LibraryView(state: state).draw(into: &canvas, rect: rect, focused: focused)
        case .summaries: SummariesView(state: state).draw(into: &canvas, rect: rect, focused: focused)
        case .exams: ExamsView(state: state).draw(into: &canvas, rect: rect, focused: focused)
        case .messages: _ = MessagesView(state: state, ui: UIState()).draw(into: &canvas, rect: rect, focused: focused)
        }
    }

    static func drawTabs(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect, role: .status)
        var x = rect.x
        for pane in Pane.allCases {
            let unread = pane == .rooms ? state.rooms.entries.reduce(0) { $0 + $1.unread } : 0
            let label = " \(pane.rawValue + 1) \(pane.title)\(unread > 0 ? " (\(unread))" : "") "
            x += canvas.put(label, row: rect.y, col: x, maxWidth: rect.x + rect.width - x,
                            role: pane == state.focus ? .titleFocused : .status)
        }
    }

    static func drawStatus(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect, role: .status)
        let (dot, connectionRole): (String, Role) = switch state.connection {
        case .online: ("● online", .statusOK)
        case .connecting: ("○ connecting", .statusWarn)
        case .offline: ("✕ offline", .statusError)
        }
        var x = rect.x + 1
        x += canvas.put(dot, row: rect.y, col: x, role: connectionRole)
        let unsent = state.outbox.count
        let middle = " │ \(state.settings.user) │ \(state.backendName)" + (unsent > 0 ? " │ \(unsent) unsent" : "")
        let hint = "? help  : cmd  Tab pane "
        let hintWidth = DisplayWidth.of(hint)
        let room = rect.width - x - hintWidth - 1
        x += canvas.put(DisplayWidth.truncate(middle, to: max(0, room)), row: rect.y, col: x, maxWidth: max(0, room), role: .status)
        if rect.width - hintWidth > x { canvas.put(hint, row: rect.y, col: rect.width - hintWidth, role: .hint) }
    }

    static func drawBottom(_ state: AppState, ui: UIState, into canvas: inout Canvas, rect: Rect) -> (row: Int, col: Int)? {
        switch ui.mode {
        case .command, .search:
            let prefix = ui.mode == .command ? ":" : "/"
            let editor = ui.mode == .command ? ui.command : ui.search
            canvas.put(prefix, row: rect.y, col: rect.x, role: .command)
            let (text, cursor) = editor.visible(width: rect.width - 2)
            canvas.put(text, row: rect.y, col: rect.x + 1, maxWidth: rect.width - 2, role: .command)
            return (rect.y, rect.x + 1 + cursor)
        case .rate:
            canvas.put("Rate the summary: press 1-5 (Esc cancels)", row: rect.y, col: rect.x, role: .notice)
            return nil
        case .normal:
            if let name = state.rooms.joinOffer {
                canvas.put("A room named '\(name)' already exists. Join it? y/n", row: rect.y, col: rect.x, role: .notice)
                return nil
            }
            if let notice = state.notice {
                canvas.put(FailureText.text(of: notice), row: rect.y, col: rect.x, role: notice.isError ? .error : .notice)
            } else {
                canvas.put(hint(for: state), row: rect.y, col: rect.x, role: .hint)
            }
            return nil
        }
    }

    static func hint(for state: AppState) -> String {
        switch state.focus {
        case .rooms: return state.plans.panel == .messages ? "Enter open · i write · m meetings · p projects · u members · :room new NAME"
            : "c chat · m meetings · p projects · u members · :meeting · :project · :invite"
        case .messages: return "Enter send · PgUp/PgDn scroll · Esc newest/back · Tab next pane"
        case .library: return state.reader == nil ? "Enter read · / search · c category · :add PATH"
            : "↑↓ PgUp PgDn scroll · / find · n N next/previous · Esc close"
        case .summaries: return state.summaries.reading == nil ? "Enter read · s new summary · r rate 1-5" : "↑↓ scroll · r rate · s new · Esc close"
        case .exams: return state.exams.attemptsFor == nil ? "Enter take exam · e new exam · v history" : "Enter take again · Esc close history"
        }
    }

    static func drawTooSmall(into canvas: inout Canvas, rows: Int, cols: Int) {
        let message = "Window too small: \(cols)x\(rows). StudyCircle needs at least \(ScreenLayout.minCols)x\(ScreenLayout.minRows)."
        let lines = Wrap.wrap(message, width: max(1, cols))
        let top = max(0, (rows - lines.count) / 2)
        for (offset, line) in lines.prefix(rows).enumerated() {
            let pad = max(0, (cols - line.width) / 2)
            canvas.put(line.text, row: top + offset, col: pad, role: .error)
        }
    }

    static func drawHelp(_ ui: UIState, into canvas: inout Canvas, rows: Int, cols: Int) {
        HelpView.draw(top: ui.helpTop, into: &canvas, rows: rows, cols: cols)
    }
}
