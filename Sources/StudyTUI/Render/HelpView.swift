/// The `?` overlay: every key and command, wrapped to the terminal's width and scrolled by line.
enum HelpView {
    /// The overlay's box: nearly the whole screen, at most 100 columns wide.
    static func box(rows: Int, cols: Int) -> Rect {
        let width = min(max(0, cols - 2), 100)
        let height = max(0, rows - 2)
        return Rect(x: (cols - width) / 2, y: (rows - height) / 2, width: width, height: height)
    }

    /// The help laid out for a text area `width` columns wide: keys in a left column, their
    /// meaning wrapped beside them, nothing cut off.
    static func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let keyWidth = min(26, max(8, width / 3))
        let textWidth = max(1, width - keyWidth - 3)
        var out: [StyledLine] = []
        for entry in HelpText.entries {
            if entry.key.isEmpty {
                if !out.isEmpty { out.append(StyledLine()) }
                out += Wrap.wrap([Span(entry.text, .heading)], width: width)
                continue
            }
            let keys = Wrap.wrap([Span(entry.key, .helpKey)], width: keyWidth)
            let texts = Wrap.wrap([Span(entry.text, .help)], width: textWidth)
            for row in 0..<max(keys.count, texts.count) {
                let key = row < keys.count ? keys[row] : StyledLine()
                let pad = String(repeating: " ", count: max(0, keyWidth - key.width) + 2)
                var spans = [Span(" ", .help)] + key.spans + [Span(pad, .help)]
                if row < texts.count { spans += texts[row].spans }
                out.append(StyledLine(spans))
            }
        }
        return out
    }

    /// The largest first line that still fills the box.
    static func maxTop(rows: Int, cols: Int) -> Int {
        let inner = box(rows: rows, cols: cols).inner
        return max(0, lines(width: inner.width - 1).count - inner.height)
    }

    static func draw(top: Int, into canvas: inout Canvas, rows: Int, cols: Int) {
        let rect = box(rows: rows, cols: cols)
        guard rect.width > 10, rect.height > 3 else { return }
        let inner = rect.inner
        let all = lines(width: inner.width - 1)
        let top = min(max(0, top), max(0, all.count - inner.height))
        let last = min(all.count, top + inner.height)
        canvas.fill(rect, role: .help)
        let position = all.count > inner.height ? " · \(top + 1)-\(last) of \(all.count)" : ""
        canvas.box(rect, title: "Help · ↑↓ PgUp PgDn scroll · Esc closes\(position)", focused: true)
        for (offset, line) in all[top..<last].enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
    }
}
