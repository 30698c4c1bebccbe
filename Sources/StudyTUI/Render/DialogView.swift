import Foundation
import StudyApp
import StudyModel

/// The generate dialog, drawn over the panes: settings rows, then the templates one can apply
/// (own and public, newest first, with how often each was used).
struct DialogView {
    let dialog: GenerateDialog
    let templates: TemplatesState

    func draw(into canvas: inout Canvas, rows: Int, cols: Int) {
        let applicable = templates.items.filter(dialog.accepts)
        let fields = dialog.fields
        let width = min(cols - 2, 64)
        let listRows = min(6, max(1, applicable.count))
        let height = min(rows - 2, fields.count + listRows + 5)
        guard width > 20, height > 4 else { return }
        let rect = Rect(x: (cols - width) / 2, y: max(0, (rows - height) / 2), width: width, height: height)
        canvas.fill(rect, role: .help)
        let title = dialog.kind == .summary ? "New summary" : "New exam"
        canvas.box(rect, title: title + " · Enter generate · Esc cancel", focused: true)
        let inner = rect.inner
        var lines: [StyledLine] = []
        for (i, field) in fields.enumerated() {
            let (label, value) = describe(field, applicable: applicable)
            let selected = i == dialog.field
            let shown = selected ? "◂ \(value) ▸" : "  \(value)"
            lines.append(StyledLine([Span((selected ? "▸ " : "  ") + label.padding(toLength: 16, withPad: " ", startingAt: 0),
                                          selected ? .helpKey : .help),
                                     Span(shown, selected ? .titleFocused : .help)]))
        }
        lines.append(StyledLine("Templates (own and public, newest first):", .heading))
        if applicable.isEmpty {
            let text = templates.loaded ? "  none yet: `studycircle template add` creates one" : "  loading…"
            lines.append(StyledLine(text, .dim))
        }
        for template in applicable.prefix(listRows) {
            let chosen = template.id == dialog.templateId
            let rating = template.ratings.count > 0 ? " ★\(String(format: "%.1f", template.ratings.average))" : ""
            let who = template.isPublic ? "public" : "own"
            lines.append(ListDrawer.line((chosen ? "● " : "  ") + template.name, chosen ? .titleFocused : .help,
                                         right: "\(who) · used \(template.usage.count)×\(rating)", .dim, width: inner.width))
        }
        lines.append(StyledLine("↑↓ row · ←→ change · Space toggle · Enter generate", .hint))
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
    }

    func describe(_ field: GenerateDialog.Field, applicable: [Template]) -> (String, String) {
        switch field {
        case .summaryType: return ("Type", Self.words(dialog.summaryType.rawValue))
        case .style: return ("Style", dialog.style.rawValue)
        case .sentences: return ("Sentences", dialog.sentences.map(String.init) ?? "auto")
        case .questionCount: return ("Questions", "\(dialog.questionCount)")
        case let .questionType(kind):
            return (Self.words(kind.rawValue), dialog.questionTypes.contains(kind) ? "[x] included" : "[ ] left out")
        case .difficulty: return ("Difficulty", dialog.difficulty.rawValue)
        case .timeLimit: return ("Time limit", dialog.timeLimitMinutes == 0 ? "none" : "\(dialog.timeLimitMinutes) min")
        case .template:
            let name = dialog.templateId.flatMap { id in applicable.first { $0.id == id }?.name } ?? "none"
            return ("Template", name)
        }
    }

    static func words(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ") }
}
