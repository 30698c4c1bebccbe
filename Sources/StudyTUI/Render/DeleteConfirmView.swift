import StudyApp

/// "Delete “Title”?" over the screen: names the document and says what goes with it.
enum DeleteConfirmView {
    static func draw(_ pending: PendingDeletion, into canvas: inout Canvas, rows: Int, cols: Int) {
        let width = min(max(0, cols - 4), 64)
        guard width > 16 else { return }
        let reason = "“\(pending.title)” will be deleted from the library, and its summaries and exams (with their scores) are deleted with it. This cannot be undone."
        let text = Wrap.wrap([Span(reason, .help)], width: width - 4)
        let height = min(max(0, rows - 2), text.count + 4)
        guard height >= 4 else { return }
        let rect = Rect(x: (cols - width) / 2, y: (rows - height) / 2, width: width, height: height)
        canvas.fill(rect, role: .help)
        canvas.box(rect, title: "Delete document?", focused: true)
        let inner = rect.inner
        for (offset, line) in text.prefix(inner.height - 1).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x + 1, maxWidth: inner.width - 2)
        }
        canvas.put(StyledLine([Span("y", .helpKey), Span(" delete   ", .help), Span("n", .helpKey), Span(" keep it", .help)]),
                   row: inner.y + inner.height - 1, col: inner.x + 1, maxWidth: inner.width - 2)
    }
}
