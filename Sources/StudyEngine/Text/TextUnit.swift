/// One unit of a document after splitting: a sentence, a list item or a heading.
public struct TextUnit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A sentence of running text.
        case sentence
        /// One bulleted or numbered line (or one sentence of a longer item).
        case listItem = "list_item"
        /// A Markdown or plain-text heading: context, never summarised or asked about.
        case heading
    }

    /// Position among all units of the document, starting at 0.
    public var index: Int
    /// The text with runs of white space collapsed to one space.
    public var text: String
    public var kind: Kind
    /// Number of the block (paragraph, list item, heading) the unit came from.
    public var block: Int
    /// The nearest heading above the unit, if any.
    public var section: String?

    public init(index: Int, text: String, kind: Kind, block: Int, section: String? = nil) {
        self.index = index
        self.text = text
        self.kind = kind
        self.block = block
        self.section = section
    }
}

/// A document split into units, plus what was left out on purpose.
public struct SplitText: Sendable, Hashable {
    /// Sentences, list items and headings in document order.
    public var units: [TextUnit]
    /// How many fenced or indented code blocks were skipped.
    public var skippedCodeBlocks: Int

    public init(units: [TextUnit], skippedCodeBlocks: Int) {
        self.units = units
        self.skippedCodeBlocks = skippedCodeBlocks
    }

    /// The units that carry content: sentences and list items, not headings.
    public var contentUnits: [TextUnit] { units.filter { $0.kind != .heading } }
}
