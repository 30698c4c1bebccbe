/// What a whole text is about, as its `#` title names it ("The First World War: Causes and
/// Course" is about "The First World War"). Every reader of the notes knows their subject,
/// so a blank on it is trivial: the exam keeps it for options, never as an answer.
enum TitleSubject {
    /// The `ExamLexicon.key` of the title's subject (the title up to a colon or dash), or
    /// nil when the text does not open with a level-1 heading.
    static func key(of document: StudyDocument) -> String? {
        guard let first = document.split.units.first, first.kind == .heading,
              opensWithTitle(document.source) else { return nil }
        let subject = self.subject(of: ExamInlineMarkup(first.text).clean)
        let key = ExamLexicon.key(subject)
        return key.isEmpty ? nil : key
    }

    /// The title up to its first colon or spaced dash: "TCP: an overview" → "TCP".
    static func subject(of title: String) -> String {
        var subject = Substring(title)
        for mark in [":", " – ", " — ", " - "] {
            if let range = subject.range(of: mark) { subject = subject[..<range.lowerBound] }
        }
        return subject.trimmingWhitespace()
    }

    /// Whether the first line with text is a `# ` heading (looked at byte by byte: only the
    /// opening of a book is read).
    static func opensWithTitle(_ source: String) -> Bool {
        var bytes = source.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") })
        guard bytes.first == UInt8(ascii: "#") else { return false }
        bytes = bytes.dropFirst()
        return bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "\t")
    }
}
