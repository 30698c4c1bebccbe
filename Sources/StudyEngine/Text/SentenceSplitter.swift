/// Splits study material into sentences, list items and headings.
///
/// It copes with what real notes and articles contain: abbreviations ("Dr.", "e.g.",
/// "U.S.", "Fig. 3"), decimals ("3.14"), initials ("J. R. R. Tolkien"), quotes and
/// brackets after the full stop, ellipses, CJK full stops, Markdown headings, lists and
/// code blocks (skipped), hard-wrapped lines, a full stop with no space after it
/// ("APOE.But"), and photo captions glued to the next sentence with no punctuation at
/// all. No unit is longer than `maxWords` words (or `maxCharacters` characters for
/// scripts without spaces): run-on text is cut at the best seam available.
public struct SentenceSplitter: Sendable {
    /// The longest unit in words; longer ones are cut at `;`, `:` or `,`, or hard.
    public var maxWords: Int
    /// The longest unit in characters, for scripts that do not separate words.
    public var maxCharacters: Int

    public init(maxWords: Int = 60, maxCharacters: Int = 400) {
        self.maxWords = max(8, maxWords)
        self.maxCharacters = max(40, maxCharacters)
    }

    /// Splits a whole document. Never fails: empty text gives no units.
    public func split(_ text: String) -> SplitText {
        let (blocks, codeBlocks) = BlockParser.parse(text)
        // Each block's sentences depend on that block alone, so a long text finds them on every core.
        let splitter = self
        let pieces = ParallelMap.map(blocks) { block -> [String] in
            switch block {
            case .heading: return []
            case let .paragraph(body), let .listItem(body): return splitter.sentences(in: body)
            }
        }
        var units: [TextUnit] = []
        var section: String? = nil
        for (blockIndex, block) in blocks.enumerated() {
            switch block {
            case let .heading(title):
                units.append(TextUnit(index: units.count, text: title, kind: .heading, block: blockIndex, section: section))
                section = title
            case .paragraph, .listItem:
                let kind: TextUnit.Kind = if case .paragraph = block { .sentence } else { .listItem }
                for sentence in pieces[blockIndex] {
                    units.append(TextUnit(index: units.count, text: sentence, kind: kind, block: blockIndex, section: section))
                }
            }
        }
        return SplitText(units: units, skippedCodeBlocks: codeBlocks)
    }

    /// Splits one paragraph of running text (no block structure) into sentences.
    public func sentences(in paragraph: String) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        var result: [String] = []
        let cutter = LongSentenceCutter(maxWords: maxWords, maxCharacters: maxCharacters)
        var pieces = SentenceBoundaries.find(in: scalars).map { Self.collapseWhitespace(scalars[$0]) }.filter { !$0.isEmpty }
        pieces = GluedBreaks.splitGluedCaptions(pieces)
        GluedBreaks.carryClosingQuotes(&pieces)
        for piece in pieces {
            result.append(contentsOf: cutter.cut(piece))
        }
        return result
    }

    /// The scalars with white space runs as one space and none at the ends.
    static func collapseWhitespace(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var pendingSpace = false
        for s in scalars {
            if ScalarClass.isWhitespace(s) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return out
    }
}
