import StudyApp

/// "Quit StudyCircle?" over whatever is on screen, naming the work that would be left.
enum QuitConfirmView {
    static func draw(_ confirm: QuitConfirm, into canvas: inout Canvas, rows: Int, cols: Int) {
        let width = min(max(0, cols - 4), 64)
        guard width > 16 else { return }
        let text = confirm.reasons.flatMap { Wrap.wrap([Span($0, .help)], width: width - 4) }
        let height = min(max(0, rows - 2), text.count + 4)
        guard height >= 4 else { return }
        let rect = Rect(x: (cols - width) / 2, y: (rows - height) / 2, width: width, height: height)
        canvas.fill(rect, role: .help)
        canvas.box(rect, title: "Quit StudyCircle?", focused: true)
        let inner = rect.inner
        for (offset, line) in text.prefix(inner.height - 1).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x + 1, maxWidth: inner.width - 2)
        }
        canvas.put(StyledLine([Span("y", .helpKey), Span(" quit   ", .help), Span("n", .helpKey), Span(" stay", .help)]),
                   row: inner.y + inner.height - 1, col: inner.x + 1, maxWidth: inner.width - 2)
    }
}
