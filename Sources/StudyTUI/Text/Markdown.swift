import CCmark
import StudyModel

/// Renders Markdown (CommonMark with GitHub's tables, parsed by cmark-gfm) into styled, wrapped
/// lines: headings, emphasis, strong, inline code, code blocks, block quotes, nested bullet and
/// numbered lists, tables as aligned columns, links with their targets, rules.
public enum MarkdownRenderer {
    /// One block before wrapping: inline spans and the prefixes of its first and later lines.
    struct Block {
        var spans: [Span]
        var first: [Span]
        var rest: [Span]
        /// Code: one line per source line, never re-flowed.
        var preformatted = false
        /// A table: rows of cells, laid out once the width is known.
        var table: TableLayout.Table?
    }

    /// `text` must already be sanitised (it is drawn as is).
    public static func render(_ text: String, width: Int) -> [StyledLine] {
        var blocks: [Block] = []
        guard let document = parse(text) else { return Wrap.wrap(text, width: width) }
        defer { cmark_node_free(document) }
        renderChildren(of: document, first: [], rest: [], tight: false, into: &blocks)
        var lines: [StyledLine] = []
        for block in blocks {
            if let table = block.table {
                let prefixWidth = DisplayWidth.of(block.first.map(\.text).joined())
                for (index, line) in TableLayout.lines(table, width: max(1, width - prefixWidth)).enumerated() {
                    lines.append(StyledLine((index == 0 ? block.first : block.rest) + line.spans))
                }
            } else if block.preformatted {
                for line in block.spans {
                    let cut = DisplayWidth.truncate(line.text, to: max(1, width - DisplayWidth.of(block.first.map(\.text).joined())))
                    lines.append(StyledLine(block.first + [Span(cut, line.role)]))
                }
            } else if block.spans.isEmpty && block.first.isEmpty {
                lines.append(StyledLine())
            } else {
                lines += Wrap.wrap(block.spans, width: width, indent: block.rest, lead: block.first)
            }
        }
        while lines.last?.spans.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Parses with the GitHub extensions that change how a document reads (tables, strikethrough,
    /// bare links).
    static func parse(_ text: String) -> OpaquePointer? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extension_ = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extension_) }
        }
        text.withCString { cmark_parser_feed(parser, $0, text.utf8.count) }
        return cmark_parser_finish(parser)
    }

    /// The node's type name ("table", "table_row", "table_header", "table_cell" for extensions).
    static func typeName(_ node: OpaquePointer) -> String {
        guard let name = cmark_node_get_type_string(node) else { return "" }
        return String(cString: name)
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
            if typeName(node) == "table" {
                blocks.append(Block(spans: [], first: first, rest: rest, table: table(node)))
                blocks.append(blank)
                return
            }
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
            case _ where typeName(child) == "strikethrough":
                spans.append(Span("~", .dim))
                spans += inlines(child, role: role)
                spans.append(Span("~", .dim))
            case CMARK_NODE_LINK:
                let text = inlines(child, role: .link)
                spans += text
                // The target is part of what the document says: shown unless the text is the URL.
                let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                let shown = text.map(\.text).joined()
                if !url.isEmpty, url != shown, "mailto:" + shown != url {
                    spans.append(Span(" <\(url)>", .dim))
                }
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

extension MarkdownRenderer {
    /// The cells of a GFM table node, row by row; the first row is the header.
    static func table(_ node: OpaquePointer) -> TableLayout.Table {
        var rows: [[[Span]]] = []
        var headerRows = 0
        for row in children(node) {
            let isHeader = typeName(row) == "table_header"
            if isHeader { headerRows += 1 }
            rows.append(children(row).map { inlines($0, role: isHeader ? .strong : .normal) })
        }
        return TableLayout.Table(rows: rows, headerRows: headerRows)
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
