import StudyApp

/// Draws wrapped text from a cache line index, with a position indicator in the title.
struct ReaderView {
    /// Lays out `text` for `width`, reusing `cache` when it is the same text and width.
    static func lines(id: String, text: String, markdown: Bool, width: Int, cache: inout TextCache?) -> [StyledLine] {
        if let cache, cache.id == id, cache.width == width { return cache.lines }
        let lines = DocumentLayout.lines(text: text, markdown: markdown, width: width)
        cache = TextCache(id: id, width: width, lines: lines)
        return lines
    }

    /// The largest useful first line for `count` lines in a view `height` tall.
    static func maxTop(count: Int, height: Int) -> Int { max(0, count - height) }

    static func draw(title: String, lines: [StyledLine], top: Int, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let inner = rect.inner
        let top = min(top, maxTop(count: lines.count, height: inner.height))
        let percent = lines.count <= inner.height ? 100 : min(100, (top + inner.height) * 100 / lines.count)
        canvas.box(rect, title: "\(title) · \(percent)%", focused: focused)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
    }
}
