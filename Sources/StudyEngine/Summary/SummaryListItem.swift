/// How a summary writes a list item and a sentence that leans on the one before it, so that
/// what a teacher reads is prose (issue 8, summaries):
/// - "First Estate: the clergy, about 130,000 people …" is a label and a colon, not a
///   sentence; it is written as the exam writes it ("First Estate is the clergy, …",
///   `ListItemProse`), and left as it is where it has no prose form;
/// - a key term's sentence that leans on the one before ("This promise is known as the Tennis
///   Court Oath.", "Immunologists divide it into …") comes with the sentence before it in the
///   same paragraph, or the reader cannot tell what is pointed at.
enum SummaryListItem {
    /// The prose form of a list item "Head: rest" with a short head, else `text` unchanged.
    static func prose(_ text: String, kind: TextUnit.Kind) -> String {
        guard kind == .listItem, let colon = text.firstIndex(of: ":") else { return text }
        let head = text[..<colon].trimmingWhitespace()
        let words = head.split(separator: " ")
        guard (1...5).contains(words.count), !head.contains(where: { "()[]".contains($0) }) else { return text }
        return ListItemProse.prose(head: head, clean: text) ?? text
    }

    /// `text` (of unit `index`) with up to two sentences before it in the same block joined
    /// on while it opens with a word that points back.
    static func withAntecedent(_ text: String, index: Int, document: StudyDocument) -> String {
        var out = text
        var first = index
        var steps = 0
        while steps < 2, first > 0, leansBack(InlineMarkdown.strip(document.sentences[first].text)) {
            let previous = document.sentences[first - 1]
            guard previous.block == document.sentences[index].block, previous.kind != .heading else { break }
            out = InlineMarkdown.strip(previous.text) + " " + out
            first -= 1
            steps += 1
        }
        return out
    }

    /// Whether a sentence leans on the one before: it opens with a pointer ("This promise …"),
    /// or a pronoun or demonstrative inside it has nothing to stand for ("Immunologists divide
    /// it into two branches", "The tool for spotting these problems is …").
    static func leansBack(_ text: String) -> Bool {
        DanglingReference.startsWithReference(text) || MissingReferent.problem(text) != nil
    }
}
