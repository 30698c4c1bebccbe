import StudyApp
import StudyModel

/// Draws a scrolling list with the selection kept in view.
struct ListDrawer {
    static func draw(_ rows: [StyledLine], selected: Int, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        draw(count: rows.count, selected: selected, into: &canvas, rect: rect, focused: focused) { rows[$0] }
    }

    /// Like `draw(_:…)`, but builds only the rows in view, so a long list costs what is shown.
    static func draw(count: Int, selected: Int, into canvas: inout Canvas, rect: Rect, focused: Bool,
                     row line: (Int) -> StyledLine) {
        guard rect.height > 0, rect.width > 0 else { return }
        let top = max(0, min(selected - rect.height / 2, count - rect.height))
        for index in top..<max(top, min(count, top + rect.height)) {
            let offset = index - top
            let row = line(index)
            let y = rect.y + offset
            if top + offset == selected {
                canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: focused ? .selected : .selectedUnfocused)
                let plain = StyledLine(row.text, focused ? .selected : .selectedUnfocused)
                canvas.put(plain, row: y, col: rect.x, maxWidth: rect.width)
            } else {
                canvas.put(row, row: y, col: rect.x, maxWidth: rect.width)
            }
        }
    }

    /// `left` with `right` flush against the right edge, `left` cut to make room.
    static func line(_ left: String, _ leftRole: Role, right: String, _ rightRole: Role, width: Int) -> StyledLine {
        let rightWidth = DisplayWidth.of(right)
        let room = max(0, width - rightWidth - (right.isEmpty ? 0 : 1))
        let cut = DisplayWidth.truncate(Sanitizer.clean(left), to: room)
        let gap = max(0, width - DisplayWidth.of(cut) - rightWidth)
        return StyledLine([Span(cut, leftRole), Span(String(repeating: " ", count: gap)), Span(right, rightRole)])
    }
}

struct RoomsView {
    let state: AppState

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let filter = state.rooms.filter.map { " /\($0)" } ?? ""
        canvas.box(rect, title: "Rooms" + filter, focused: focused)
        let inner = rect.inner
        let visible = state.rooms.visible
        if visible.isEmpty {
            let text = state.rooms.loaded ? "No rooms. :room new NAME" : "loading…"
            canvas.put(text, row: inner.y, col: inner.x, maxWidth: inner.width, role: .dim)
            return
        }
        let rows = visible.map { entry -> StyledLine in
            let open = state.openRoom?.roomId == entry.room.roomId
            let marker = open ? "▸" : (entry.joined ? " " : "+")
            var badge = ""
            if entry.mentions > 0 { badge = "@\(entry.mentions) " }
            if entry.unread > 0 { badge += entry.unread > 999 ? "999+" : "\(entry.unread)" }
            let role: Role = !entry.joined ? .dim : (entry.unread > 0 ? .unread : .normal)
            return ListDrawer.line(marker + entry.room.name, role, right: badge, entry.mentions > 0 ? .mention : .unread,
                                   width: inner.width)
        }
        ListDrawer.draw(rows, selected: state.rooms.selected, into: &canvas, rect: inner, focused: focused)
    }
}

struct LibraryView {
    let state: AppState

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let library = state.library
        var title = "Library"
        if let category = library.category { title += " [\(category)]" }
        if let query = library.query { title += " /\(query)" }
        canvas.box(rect, title: title, focused: focused)
        let inner = rect.inner
        if library.items.isEmpty {
            let text = library.loading || !library.loaded ? "loading…"
                : (library.query != nil ? "Nothing matches. Esc, / to clear." : "Empty. :add PATH adds a file.")
            canvas.put(text, row: inner.y, col: inner.x, maxWidth: inner.width, role: .dim)
            return
        }
        let items = library.items
        ListDrawer.draw(count: items.count, selected: library.selected, into: &canvas, rect: inner, focused: focused) {
            let open = state.reader?.documentId == items[$0].id
            return ListDrawer.line((open ? "▸" : " ") + items[$0].title, .normal, right: "", .dim, width: inner.width)
        }
    }
}

struct SummariesView {
    let state: AppState

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let summaries = state.summaries
        canvas.box(rect, title: "Summaries" + (summaries.filter.map { " /\($0)" } ?? ""), focused: focused)
        var inner = rect.inner
        guard summaries.contentId != nil, summaries.contentId == state.selectedDocumentId else {
            let hint = state.selectedDocumentId == nil ? "Select a document in the Library." : "4: show summaries"
            canvas.put(hint, row: inner.y, col: inner.x, maxWidth: inner.width, role: .dim)
            return
        }
        if summaries.generating {
            canvas.put("working… summarising", row: inner.y, col: inner.x, maxWidth: inner.width, role: .notice)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        if summaries.visible.isEmpty {
            canvas.put(summaries.loading ? "loading…" : "No summaries yet. s makes one.", row: inner.y, col: inner.x,
                       maxWidth: inner.width, role: .dim)
            return
        }
        let rows = summaries.visible.map { summary -> StyledLine in
            let stars = summary.rating.map { String(repeating: "★", count: $0.score) + String(repeating: "☆", count: 5 - $0.score) } ?? "·····"
            let label = "\(summary.summaryType.rawValue.replacingOccurrences(of: "_", with: " ")) · \(TimeFormat.shortDate(summary.createdAt))"
            return ListDrawer.line(label, .normal, right: stars, .strong, width: inner.width)
        }
        ListDrawer.draw(rows, selected: summaries.selected, into: &canvas, rect: inner, focused: focused)
    }
}

struct ExamsView {
    let state: AppState

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let exams = state.exams
        canvas.box(rect, title: "Exams" + (exams.filter.map { " /\($0)" } ?? ""), focused: focused)
        var inner = rect.inner
        guard exams.contentId != nil, exams.contentId == state.selectedDocumentId else {
            let hint = state.selectedDocumentId == nil ? "Select a document in the Library." : "5: show exams"
            canvas.put(hint, row: inner.y, col: inner.x, maxWidth: inner.width, role: .dim)
            return
        }
        if let examId = exams.attemptsFor, let exam = exams.items.first(where: { $0.id == examId }) {
            canvas.put("Scores · " + exam.title, row: inner.y, col: inner.x, maxWidth: inner.width, role: .heading)
            let rows = exams.attempts.isEmpty ? [StyledLine("No attempts yet.", .dim)] : exams.attempts.map {
                ListDrawer.line(TimeFormat.shortDate($0.finishedAt) + " " + TimeFormat.clock($0.finishedAt), .normal,
                                right: "\(Int($0.score.rounded()))%", .strong, width: inner.width)
            }
            ListDrawer.draw(rows, selected: -1, into: &canvas,
                            rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), focused: false)
            return
        }
        if exams.generating {
            canvas.put("working… generating", row: inner.y, col: inner.x, maxWidth: inner.width, role: .notice)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        if exams.visible.isEmpty {
            canvas.put(exams.loading ? "loading…" : "No exams yet. e makes one.", row: inner.y, col: inner.x,
                       maxWidth: inner.width, role: .dim)
            return
        }
        let rows = exams.visible.map { exam -> StyledLine in
            let a = exam.attempts
            let scores = a.count == 0 ? "not taken"
                : "\(a.count)× best \(Int((a.bestScore ?? 0).rounded()))% last \(Int((a.lastScore ?? 0).rounded()))%"
            return ListDrawer.line(exam.title, .normal, right: scores, .dim, width: inner.width)
        }
        ListDrawer.draw(rows, selected: exams.selected, into: &canvas, rect: inner, focused: focused)
    }
}
