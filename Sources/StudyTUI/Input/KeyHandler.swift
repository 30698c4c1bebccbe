import StudyApp

/// Maps keys to commands, given the mode and the focused pane. Line editing happens here, on
/// `UIState`; everything else becomes an action for the core.
public enum KeyHandler {
    public static func handle(_ key: Key, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        // A request to quit says whether a half-typed message would be lost.
        let draft = !ui.message.isEmpty
        return route(key, state: state, ui: &ui, rows: rows, cols: cols).map { command in
            if case .action(.requestQuit) = command { return .action(.requestQuit(draft: draft)) }
            return command
        }
    }

    static func route(_ key: Key, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        if state.quitConfirm != nil {
            switch key {
            case .char("y"), .char("Y"), .enter, .ctrl("c"): return [.action(.answerQuit(true))]
            case .char("n"), .char("N"), .escape, .char("q"): return [.action(.answerQuit(false))]
            default: return []
            }
        }
        if state.library.pendingDeletion != nil {
            // Deleting needs a plain `y`: Enter, a stray key or Esc keep the document.
            switch key {
            case .char("y"), .char("Y"): return [.action(.library(.answerDelete(true)))]
            case .char("n"), .char("N"), .escape, .char("q"), .ctrl("c"): return [.action(.library(.answerDelete(false)))]
            default: return []
            }
        }
        if state.rooms.joinOffer != nil, ui.mode == .normal {
            switch key {
            case .char("y"), .char("Y"), .enter: return [.action(.rooms(.answerJoinOffer(true)))]
            case .char("n"), .char("N"), .escape, .ctrl("c"): return [.action(.rooms(.answerJoinOffer(false)))]
            default: return []
            }
        }
        if ui.helpVisible { return help(key, ui: &ui, rows: rows, cols: cols) }
        if let session = state.examSession {
            if key == .ctrl("l") { return [.repaint] }
            return StudyKeys.exam(key, session: session)
        }
        if state.dialog != nil, ui.mode == .normal {
            if key == .ctrl("l") { return [.repaint] }
            return StudyKeys.dialog(key)
        }
        switch ui.mode {
        case .command:
            var editor = ui.command
            let commands = prompt(key, editor: &editor, mode: &ui.mode) { CommandParser.parse($0) }
            ui.command = editor
            if commands.contains(.help) { _ = openHelp(&ui) }
            return commands.filter { $0 != .help }
        case .search:
            var editor = ui.search
            defer { ui.search = editor }
            if state.focus == .library, state.reader != nil {
                // `/` in the reader searches the document, not the library.
                var mode = ui.mode
                let commands = prompt(key, editor: &editor, mode: &mode) { [.action(.library(.findInDocument(query: $0, line: nil)))] }
                ui.mode = mode
                return commands.map { command in
                    guard case let .action(.library(.findInDocument(query?, _))) = command, !query.isEmpty else { return command }
                    let line = ReaderSearch.next(query, after: -1, state: state, ui: &ui, rows: rows, cols: cols)
                    return .action(.library(.findInDocument(query: query, line: line)))
                }
            }
            return prompt(key, editor: &editor, mode: &ui.mode) { [.action(.search($0))] }
        case .rate:
            ui.mode = .normal
            if case let .char(c) = key, let score = c.wholeNumberValue, (1...5).contains(score) {
                return [.action(.summaries(.rate(score: score)))]
            }
            return []
        case .normal:
            break
        }
        switch key {
        case .tab: return [.action(.focusNext)]
        case .backTab: return [.action(.focusPrevious)]
        case .function(1): return openHelp(&ui)
        case .ctrl("l"): return [.repaint]
        case .resize, .unknown: return []
        default: break
        }
        if state.focus == .messages { return messageKey(key, state: state, ui: &ui, rows: rows, cols: cols) }
        return listKey(key, state: state, ui: &ui, rows: rows, cols: cols)
    }

    static func openHelp(_ ui: inout UIState) -> [UICommand] {
        ui.helpVisible = true
        ui.helpTop = 0
        return []
    }

    /// The help overlay scrolls by wrapped lines; Esc, q, ? or Enter close it (other keys too,
    /// except the ones that scroll).
    static func help(_ key: Key, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        let box = HelpView.box(rows: rows, cols: cols)
        let page = max(1, box.inner.height - 1)
        let maxTop = HelpView.maxTop(rows: rows, cols: cols)
        switch key {
        case .down, .char("j"), .wheelDown, .ctrl("n"): ui.helpTop += 1
        case .up, .char("k"), .wheelUp, .ctrl("p"): ui.helpTop -= 1
        case .pageDown, .char(" "), .ctrl("f"), .ctrl("d"): ui.helpTop += page
        case .pageUp, .ctrl("b"), .ctrl("u"): ui.helpTop -= page
        case .home, .char("g"): ui.helpTop = 0
        case .end, .char("G"): ui.helpTop = maxTop
        case .resize, .unknown: break
        default: ui.helpVisible = false
        }
        ui.helpTop = min(max(0, ui.helpTop), maxTop)
        return []
    }

    static func prompt(_ key: Key, editor: inout LineEditor, mode: inout UIState.Mode, submit: (String) -> [UICommand]) -> [UICommand] {
        switch key {
        case .enter:
            mode = .normal
            return submit(editor.submit())
        case .escape:
            mode = .normal
            editor.clear()
        case .backspace:
            if editor.isEmpty { mode = .normal } else { editor.backspace() }
        default:
            edit(key, editor: &editor)
        }
        return []
    }

    /// Editing keys shared by the input line and the prompts. Returns false if not an editing key.
    @discardableResult
    static func edit(_ key: Key, editor: inout LineEditor) -> Bool {
        switch key {
        case let .char(c): editor.insert(String(c))
        case let .paste(text): editor.insert(cleanPaste(text))
        case .backspace: editor.backspace()
        case .delete, .ctrl("d"): editor.deleteForward()
        case .left, .ctrl("b"): editor.left()
        case .right, .ctrl("f"): editor.right()
        case .home, .ctrl("a"): editor.home()
        case .end, .ctrl("e"): editor.end()
        case .ctrl("w"): editor.deleteWordBackward()
        case .ctrl("u"): editor.deleteToStart()
        case .ctrl("k"): editor.deleteToEnd()
        case .up, .ctrl("p"): editor.historyPrevious()
        case .down, .ctrl("n"): editor.historyNext()
        default: return false
        }
        return true
    }

    /// Pasted text keeps its line breaks and tabs; other controls (an ESC in a paste) are dropped.
    static func cleanPaste(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return v == 10 || v == 9 || (v >= 32 && v != 127 && !(0x80..<0xA0).contains(v))
        }))
    }

    static func messageKey(_ key: Key, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        let empty = ui.message.isEmpty
        switch key {
        case .char(":") where empty:
            ui.mode = .command
            return []
        case .char("?") where empty:
            return openHelp(&ui)
        case .enter:
            guard !ui.message.isEmpty else { return [] }
            return [.action(.messages(.send(ui.message.submit())))]
        case .escape:
            if state.openRoom?.bottom != nil || state.openRoom?.window.isLive == false { return [.action(.back)] }
            return [.action(.focus(.rooms))]
        case .pageUp:
            return [.action(.messages(.scroll(-MessagePaging.page(state, ui: ui, rows: rows, cols: cols, up: true))))]
        case .pageDown:
            return [.action(.messages(.scroll(MessagePaging.page(state, ui: ui, rows: rows, cols: cols, up: false))))]
        case .wheelUp:
            return [.action(.messages(.scroll(-3)))]
        case .wheelDown:
            return [.action(.messages(.scroll(3)))]
        case .end where empty:
            return [.action(.back)]
        case .ctrl("r"):
            return [.action(.messages(.runCode))]
        case .home where empty:
            return [.action(.moveToTop)]
        default:
            edit(key, editor: &ui.message)
            return []
        }
    }

    static func listKey(_ key: Key, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        let page = max(1, FrameRenderer.mainTextHeight(rows: rows, cols: cols, focus: state.focus) - 1)
        switch key {
        case let .char(c) where ("1"..."5").contains(c):
            guard let n = c.wholeNumberValue, let pane = Pane(rawValue: n - 1) else { return [] }
            return [.action(.focus(pane))]
        case .char("q"): return [.action(.requestQuit(draft: false))]
        case .char("i") where state.openRoom != nil && !(state.focus == .library && state.reader != nil):
            // Start writing in the open room.
            return [.action(.focus(.messages))]
        case .char("n") where state.focus == .library && state.reader?.searchQuery != nil,
             .char("N") where state.focus == .library && state.reader?.searchQuery != nil:
            guard let reader = state.reader, let query = reader.searchQuery else { return [] }
            let from = reader.matchLine ?? reader.top
            let line = key == .char("n")
                ? ReaderSearch.next(query, after: from, state: state, ui: &ui, rows: rows, cols: cols)
                : ReaderSearch.previous(query, before: from, state: state, ui: &ui, rows: rows, cols: cols)
            return [.action(.library(.findInDocument(query: query, line: line)))]
        case .char(":"):
            ui.mode = .command
            return []
        case .char("/"):
            ui.mode = .search
            ui.search.clear()
            return []
        case .char("?"): return openHelp(&ui)
        case .char("j"), .down: return scroll(1, state: state, ui: &ui, rows: rows, cols: cols)
        case .char("k"), .up: return scroll(-1, state: state, ui: &ui, rows: rows, cols: cols)
        case .wheelDown: return scroll(3, state: state, ui: &ui, rows: rows, cols: cols)
        case .wheelUp: return scroll(-3, state: state, ui: &ui, rows: rows, cols: cols)
        case .pageDown, .ctrl("f"), .char(" "): return scroll(page, state: state, ui: &ui, rows: rows, cols: cols)
        case .pageUp, .ctrl("b"): return scroll(-page, state: state, ui: &ui, rows: rows, cols: cols)
        case .ctrl("d"): return scroll(page / 2, state: state, ui: &ui, rows: rows, cols: cols)
        case .ctrl("u"): return scroll(-page / 2, state: state, ui: &ui, rows: rows, cols: cols)
        case .char("g"), .home: return scroll(Int.min / 2, state: state, ui: &ui, rows: rows, cols: cols)
        case .char("G"), .end: return scroll(Int.max / 2, state: state, ui: &ui, rows: rows, cols: cols)
        case .char("h"), .left: return [.action(.focusPrevious)]
        case .char("l"), .right: return [.action(.focusNext)]
        case .enter: return [.action(.activate)]
        case .escape where state.focus == .rooms && state.plans.panel != .messages:
            return [.action(.plans(.show(.messages)))]
        case .escape: return [.action(.back)]
        case .char("c") where state.focus == .library: return [.action(.library(.cycleCategory))]
        case .char("d") where state.focus == .library, .delete where state.focus == .library:
            return [.action(.library(.requestDelete))]
        case .char("c") where state.focus == .rooms:
            return [.action(.plans(.show(.messages)))]
        case .char("m") where state.focus == .rooms: return [.action(.plans(.show(.meetings)))]
        case .char("p") where state.focus == .rooms: return [.action(.plans(.show(.projects)))]
        case .char("u") where state.focus == .rooms: return [.action(.plans(.show(.members)))]
        case .char("r") where state.focus == .summaries:
            ui.mode = .rate
            return []
        case .char("s") where state.focus == .library || state.focus == .summaries:
            return state.selectedDocumentId.map { [.action(.generate(.summary(contentId: $0)))] } ?? []
        case .char("e") where state.focus == .library || state.focus == .exams:
            return state.selectedDocumentId.map { [.action(.generate(.exam(contentId: $0)))] } ?? []
        case .char("t") where state.focus == .exams:
            return state.exams.selectedItem.map { [.action(.examSession(.take(examId: $0.id)))] } ?? []
        case .char("v") where state.focus == .exams:
            return state.exams.selectedItem.map { [.action(.exams(.showHistory(examId: $0.id)))] } ?? []
        default:
            return []
        }
    }

    /// Moves the selection, or scrolls the open text clamped to its length.
    static func scroll(_ delta: Int, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        guard let extent = FrameRenderer.openTextExtent(state, ui: &ui, rows: rows, cols: cols) else {
            return [.action(.move(delta))]
        }
        let top = state.focus == .summaries ? state.summaries.top : (state.reader?.top ?? 0)
        let maxTop = ReaderView.maxTop(count: extent.count, height: extent.height)
        let target = min(max(0, min(top, maxTop).addingReportingOverflow(delta).partialValue), maxTop)
        return [.action(.library(.scrollText(toLine: target)))]
    }
}

/// Finds lines of the open document that contain a query (case-insensitive), wrapping around.
enum ReaderSearch {
    static func matches(_ query: String, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [Int] {
        let main = ScreenLayout.compute(rows: rows, cols: cols, focus: state.focus).main
        guard main.width > 2, let text = FrameRenderer.openText(state, ui: &ui, width: main.width - 2) else { return [] }
        return text.lines.indices.filter { text.lines[$0].text.localizedCaseInsensitiveContains(query) }
    }

    static func next(_ query: String, after line: Int, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> Int? {
        let all = matches(query, state: state, ui: &ui, rows: rows, cols: cols)
        return all.first { $0 > line } ?? all.first
    }

    static func previous(_ query: String, before line: Int, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> Int? {
        let all = matches(query, state: state, ui: &ui, rows: rows, cols: cols)
        return all.last { $0 < line } ?? all.last
    }
}

/// How far PgUp and PgDn move the Messages pane, in messages, measured on the layout as drawn
/// (wrapped lines, day separators, the "new" marker, the "more below" line), so that paging shows
/// every message exactly once: PgUp puts the message above the oldest one shown whole at the
/// bottom; PgDn moves down as far as it can while the message below the old bottom stays in view.
enum MessagePaging {
    /// `ui` holds the history as last drawn; when it was drawn from this very state, PgUp reads
    /// the top of the page from it instead of laying the page out again.
    static func page(_ state: AppState, ui: UIState = UIState(), rows: Int, cols: Int, up: Bool) -> Int {
        guard let open = state.openRoom, !open.window.messages.isEmpty else { return 1 }
        let main = ScreenLayout.compute(rows: rows, cols: cols, focus: .messages).main
        let width = max(4, main.width - 2)
        let height = max(1, main.height - 3)
        let view = MessagesView(state: state, ui: UIState())
        let count = open.window.messages.count
        let bottom = open.bottomIndex
        func layout(_ index: Int) -> MessagesView.HistoryLayout {
            view.layout(bottomIndex: index, atLiveEnd: index == count - 1 && open.window.isLive, width: width, height: height)
        }
        if up {
            let atLiveEnd = bottom == count - 1 && open.window.isLive
            let topFull: Int?
            if let drawn = ui.drawnHistory,
               drawn.inputs == view.layoutInputs(bottomIndex: bottom, atLiveEnd: atLiveEnd, width: width, height: height) {
                topFull = drawn.topFullIndex
            } else {
                topFull = layout(bottom).topFullIndex
            }
            let target = max(0, (topFull ?? bottom) - 1)
            return max(1, bottom - target)
        }
        let next = bottom + 1
        guard next < count else { return 1 }
        var best = next
        var candidate = next + 1
        while candidate < count, let top = layout(candidate).topFullIndex, top <= next {
            best = candidate
            candidate += 1
        }
        return max(1, best - bottom)
    }
}
