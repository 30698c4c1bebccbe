import Foundation
import StudyApp
import StudyModel

/// An exam's history in the main area: aggregates, a score chart (one column per attempt,
/// oldest on the left), the attempts, and for the exam's owner how often each question is
/// answered right.
struct ExamHistoryView {
    let state: AppState
    let exam: Exam

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.box(rect, title: "History · " + exam.title, focused: true)
        let inner = rect.inner
        guard inner.width > 4, inner.height > 0 else { return }
        var y = inner.y
        let a = exam.attempts
        let summary = a.count == 0 ? "Not taken yet. Enter or t takes it."
            : "Attempts \(a.count) · best \(pct(a.bestScore)) · last \(pct(a.lastScore)) · average \(pct(a.averageScore))"
        canvas.put(summary, row: y, col: inner.x, maxWidth: inner.width, role: .heading)
        y += 1
        // Oldest first, so the chart reads left to right in time.
        let scores = state.exams.attempts.reversed().map(\.score)
        let chartHeight = min(8, max(3, (inner.height - 4) / 3))
        if !scores.isEmpty, inner.y + inner.height - y > chartHeight + 1 {
            for line in ScoreChart.lines(scores, width: inner.width, height: chartHeight) {
                canvas.put(line, row: y, col: inner.x, maxWidth: inner.width)
                y += 1
            }
        }
        var lines: [StyledLine] = []
        for attempt in state.exams.attempts {
            lines.append(ListDrawer.line(TimeFormat.shortDate(attempt.finishedAt) + " " + TimeFormat.clock(attempt.finishedAt),
                                         .normal, right: pct(attempt.score), .strong, width: inner.width))
        }
        if exam.owner == state.settings.userId {
            lines.append(StyledLine("Per question (you made this exam):", .heading))
            for (i, question) in exam.questions.enumerated() {
                let n = exam.analytics.answered[question.id] ?? 0
                let rate = exam.analytics.correctRate(of: question.id).map { "\(Int(($0 * 100).rounded()))% right" } ?? "—"
                lines.append(ListDrawer.line("\(i + 1). \(question.prompt)", .normal, right: "\(n)× · \(rate)", .dim,
                                             width: inner.width))
            }
        }
        for line in lines.prefix(max(0, inner.y + inner.height - y)) {
            canvas.put(line, row: y, col: inner.x, maxWidth: inner.width)
            y += 1
        }
    }

    func pct(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))%" } ?? "—" }
}

/// A bar chart of scores (0-100) in block characters, one bar per score, scaled to the space.
enum ScoreChart {
    static let eighths = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `height` rows of bars plus an axis row; the newest scores when there are more than fit.
    static func lines(_ scores: [Double], width: Int, height: Int) -> [StyledLine] {
        let axis = 5  // "100│" and " 50│"
        let room = max(1, width - axis)
        let barWidth = scores.count * 2 <= room ? 2 : 1
        let shown = Array(scores.suffix(max(1, room / barWidth)))
        var lines: [StyledLine] = []
        for row in 0..<height {
            // Eighths of a row filled at this level, counted from the bottom.
            let level = height - 1 - row
            var spans = [Span(row == 0 ? "100%│" : (row == height / 2 ? " 50%│" : "    │"), .dim)]
            for score in shown {
                let filled = Int((min(100, max(0, score)) / 100 * Double(height * 8)).rounded())
                let cell = min(8, max(0, filled - level * 8))
                let glyph = eighths[cell]
                spans.append(Span(glyph + (barWidth == 2 ? " " : ""), score >= 50 ? .statusOK : .error))
            }
            lines.append(StyledLine(spans))
        }
        lines.append(StyledLine("    └" + String(repeating: "─", count: min(room, shown.count * barWidth)), .dim))
        return lines
    }
}
