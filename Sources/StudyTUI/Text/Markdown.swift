import CCmark
import StudyModel

/// Renders Markdown (CommonMark, parsed by cmark-gfm) into styled, wrapped lines: headings,
/// emphasis, strong, inline code, code blocks, block quotes, bullet and numbered lists, rules.
public enum MarkdownRenderer {
    /// One block before wrapping: inline spans and the prefixes of its first and later lines.
    struct Block {
        var spans: [Span]
        var first: [Span]
        var rest: [Span]
        /// Code: one line per source line, never re-flowed.
        var preformatted = false
    }

    /// `text` must already be sanitised (it is drawn as is).
    public static func render(_ text: String, width: Int) -> [StyledLine] {
        var blocks: [Block] = []
        let parsed: OpaquePointer? = text.withCString { cmark_parse_document($0, text.utf8.count, CMARK_OPT_DEFAULT) }
        guard let document = parsed else { return Wrap.wrap(text, width: width) }
        defer { cmark_node_free(document) }
        renderChildren(of: document, first: [], rest: [], tight: false, into: &blocks)
        var lines: [StyledLine] = []
        for block in blocks {
            if block.preformatted {
                for line in block.spans {
                    let cut = DisplayWidth.truncate(line.text, to: max(1, width - DisplayWidth.of(block.first.map(\.text).joined())))
                    lines.append(StyledLine(block.first + [Span(cut, line.role)]))
                }
            } else if block.spans.isEmpty && block.first.isEmpty {
                lines.append(StyledLine())
            } else {
                let wrapped = Wrap.wrap(block.first + block.spans, width: width, indent: block.rest)
                lines += wrapped
            }
        }
        while lines.last?.spans.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(current)
            child = cmark_node_next(current)
        }
        return out
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    static let blank = Block(spans: [], first: [], rest: [])

    static func renderChildren(of node: OpaquePointer, first: [Span], rest: [Span], tight: Bool, into blocks: inout [Block]) {
        var isFirst = true
        for child in children(node) {
            renderBlock(child, first: isFirst ? first : rest, rest: rest, tight: tight, into: &blocks)
            isFirst = false
        }
    }

    static func renderBlock(_ node: OpaquePointer, first: [Span], rest: [Span], tight: Bool, into blocks: inout [Block]) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            blocks.append(Block(spans: inlines(node, role: .normal), first: first, rest: rest))
            if !tight { blocks.append(blank) }
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            let marker = Span(String(repeating: "#", count: max(1, level)) + " ", .heading)
            blocks.append(Block(spans: inlines(node, role: .heading), first: first + [marker], rest: rest))
            blocks.append(blank)
        case CMARK_NODE_BLOCK_QUOTE:
            let bar = Span("│ ", .quote)
            renderChildren(of: node, first: first + [bar], rest: rest + [bar], tight: tight, into: &blocks)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(node))
            let tightList = cmark_node_get_list_tight(node) != 0
            var isFirst = true
            for item in children(node) {
                let bullet = ordered ? "\(number). " : "• "
                let pad = String(repeating: " ", count: DisplayWidth.of(bullet))
                renderChildren(of: item, first: (isFirst ? first : rest) + [Span(bullet, .strong)],
                               rest: rest + [Span(pad)], tight: tightList, into: &blocks)
                number += 1
                isFirst = false
            }
            if tightList && !tight { blocks.append(blank) }
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            var lines = literal(node).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            let role: Role = type == CMARK_NODE_CODE_BLOCK ? .code : .dim
            blocks.append(Block(spans: lines.map { Span($0.isEmpty ? " " : $0, role) }, first: first + [Span("  ")],
                                rest: rest, preformatted: true))
            if !tight { blocks.append(blank) }
        case CMARK_NODE_THEMATIC_BREAK:
            blocks.append(Block(spans: [Span(String(repeating: "─", count: 24), .dim)], first: first, rest: rest,
                                preformatted: true))
            blocks.append(blank)
        default:
            // Unknown blocks (extensions) still show their text.
            let spans = inlines(node, role: .normal)
            if !spans.isEmpty { blocks.append(Block(spans: spans, first: first, rest: rest)) }
        }
    }

    static func inlines(_ node: OpaquePointer, role: Role) -> [Span] {
        var spans: [Span] = []
        for child in children(node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
                spans.append(Span(literal(child), role))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                spans.append(Span(" ", role))
            case CMARK_NODE_CODE:
                spans.append(Span(literal(child), .code))
            case CMARK_NODE_EMPH:
                spans += inlines(child, role: role == .heading ? role : .emphasis)
            case CMARK_NODE_STRONG:
                spans += inlines(child, role: role == .heading ? role : .strong)
            case CMARK_NODE_LINK:
                spans += inlines(child, role: .link)
            case CMARK_NODE_IMAGE:
                spans.append(Span("[image: ", .dim))
                spans += inlines(child, role: .dim)
                spans.append(Span("]", .dim))
            default:
                spans += inlines(child, role: role)
            }
        }
        return spans
    }
}

/// Lays out a document for the reader: Markdown rendered, plain text wrapped by paragraph.
public enum DocumentLayout {
    public static func lines(text: String, markdown: Bool, width: Int) -> [StyledLine] {
        let clean = Sanitizer.clean(text, keepNewlines: true)
        if markdown { return MarkdownRenderer.render(clean, width: width) }
        return Wrap.wrap(clean, width: width)
    }
}
