import Foundation
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

    /// Draws the text from line `top`; occurrences of `search` are highlighted.
    static func draw(title: String, lines: [StyledLine], top: Int, search: String? = nil, into canvas: inout Canvas,
                     rect: Rect, focused: Bool) {
        let inner = rect.inner
        let top = min(top, maxTop(count: lines.count, height: inner.height))
        let percent = lines.count <= inner.height ? 100 : min(100, (top + inner.height) * 100 / lines.count)
        let searching = search.map { " · /\($0) (n/N)" } ?? ""
        canvas.box(rect, title: "\(title) · \(percent)%\(searching)", focused: focused)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let shown = search.map { highlight(line, $0) } ?? line
            canvas.put(shown, row: inner.y + offset, col: inner.x, maxWidth: inner.width)
        }
    }

    /// The line with every occurrence of `query` (ignoring case) drawn in the match role.
    static func highlight(_ line: StyledLine, _ query: String) -> StyledLine {
        guard !query.isEmpty else { return line }
        var spans: [Span] = []
        for span in line.spans {
            var rest = Substring(span.text)
            while let range = rest.range(of: query, options: [.caseInsensitive]) {
                if range.lowerBound > rest.startIndex { spans.append(Span(String(rest[..<range.lowerBound]), span.role)) }
                spans.append(Span(String(rest[range]), .match))
                rest = rest[range.upperBound...]
            }
            if !rest.isEmpty { spans.append(Span(String(rest), span.role)) }
        }
        return StyledLine(spans)
    }
}
