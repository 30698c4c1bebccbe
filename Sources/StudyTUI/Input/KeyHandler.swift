import StudyApp

/// Maps keys to commands, given the mode and the focused pane. Line editing happens here, on
/// `UIState`; everything else becomes an action for the core.
public enum KeyHandler {
    public static func handle(_ key: Key, state: AppState, ui: inout UIState, rows: Int, cols: Int) -> [UICommand] {
        if ui.helpVisible { return help(key, ui: &ui) }
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
            defer { ui.command = editor }
            return prompt(key, editor: &editor, mode: &ui.mode) { CommandParser.parse($0) }
        case .search:
            var editor = ui.search
            defer { ui.search = editor }
            return prompt(key, editor: &editor, mode: &ui.mode) { [.action(.search($0))] }
        case .rate:
            ui.mode = .normal
            if case let .char(c) = key, let score = c.wholeNumberValue, (1...5).contains(score) {
                return [.action(.rateSummary(score: score))]
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

    static func help(_ key: Key, ui: inout UIState) -> [UICommand] {
        switch key {
        case .down, .char("j"), .wheelDown: ui.helpTop += 1
        case .up, .char("k"), .wheelUp: ui.helpTop = max(0, ui.helpTop - 1)
        case .pageDown, .char(" "): ui.helpTop += 10
        case .pageUp: ui.helpTop = max(0, ui.helpTop - 10)
        case .resize: break
        default: ui.helpVisible = false
        }
        ui.helpTop = min(ui.helpTop, HelpText.entries.count - 1)
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
            return [.action(.sendMessage(ui.message.submit()))]
        case .escape:
            if state.openRoom?.bottom != nil || state.openRoom?.window.isLive == false { return [.action(.back)] }
            return [.action(.focus(.rooms))]
        case .pageUp:
            return [.action(.scrollMessages(-MessagePaging.page(state, rows: rows, cols: cols, up: true)))]
        case .pageDown:
            return [.action(.scrollMessages(MessagePaging.page(state, rows: rows, cols: cols, up: false)))]
        case .wheelUp:
            return [.action(.scrollMessages(-3))]
        case .wheelDown:
            return [.action(.scrollMessages(3))]
        case .end where empty:
            return [.action(.back)]
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
        case .char("q"): return [.action(.quit)]
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
        case .escape: return [.action(.back)]
        case .char("c") where state.focus == .library: return [.action(.cycleCategory)]
        case .char("r") where state.focus == .summaries:
            ui.mode = .rate
            return []
        case .char("s") where state.focus == .library || state.focus == .summaries:
            return state.selectedDocumentId.map { [.action(.generateSummary(contentId: $0))] } ?? []
        case .char("e") where state.focus == .library || state.focus == .exams:
            return state.selectedDocumentId.map { [.action(.generateExam(contentId: $0))] } ?? []
        case .char("t") where state.focus == .exams:
            return state.exams.selectedItem.map { [.action(.takeExam(examId: $0.id))] } ?? []
        case .char("v") where state.focus == .exams:
            return state.exams.selectedItem.map { [.action(.showExamHistory(examId: $0.id))] } ?? []
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
        return [.action(.scrollText(toLine: target))]
    }
}

/// How many messages one page of the Messages pane holds, measured from the bottom message.
enum MessagePaging {
    static func page(_ state: AppState, rows: Int, cols: Int, up: Bool) -> Int {
        guard let open = state.openRoom, !open.window.messages.isEmpty else { return 1 }
        let main = ScreenLayout.compute(rows: rows, cols: cols, focus: .messages).main
        let width = max(4, main.width - 2)
        let height = max(1, main.height - 3)
        let view = MessagesView(state: state, ui: UIState())
        let messages = open.window.messages
        var index = open.bottomIndex
        var used = 0
        var count = 0
        while index >= 0, index < messages.count {
            used += view.format(messages[index], width: width, pending: nil).count
            if used > height && count > 0 { break }
            count += 1
            index += up ? -1 : 1
        }
        return max(1, count)
    }
}
