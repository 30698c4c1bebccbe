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

    /// The keys of what the title names: its subject and, for a title that lists subjects
    /// ("Supply, Demand and Elasticity", "Photosynthesis and Cellular Respiration"), each
    /// of them (every reader of such notes knows all the subjects it lists).
    static func keys(of document: StudyDocument) -> [String] {
        guard let key = key(of: document), let first = document.split.units.first else { return [] }
        let subject = self.subject(of: ExamInlineMarkup(first.text).clean)
        let parts = subject.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(separator: ",").map { ExamLexicon.key(String($0)) }.filter { !$0.isEmpty }
        guard parts.count >= 2, parts.allSatisfy({ $0.split(separator: " ").count <= 3 }) else { return [key] }
        return [key] + parts
    }

    /// The title up to its first colon or spaced dash, without the years it spans: "TCP: an
    /// overview" → "TCP", "The Cold War, 1947–1991" and "The Cold War (1947–1991)" → "The Cold War".
    static func subject(of title: String) -> String {
        var subject = Substring(title)
        for mark in [":", " – ", " — ", " - "] {
            if let range = subject.range(of: mark) { subject = subject[..<range.lowerBound] }
        }
        subject = subject.trimmingWhitespace()[...]
        // A trailing span of years after a comma or in brackets dates the subject; it is not part of its name.
        for mark in [", ", " ("] {
            guard let range = subject.range(of: mark, options: .backwards) else { continue }
            let tail = subject[range.upperBound...].filter { $0 != ")" }
            if tail.first?.isNumber == true, tail.allSatisfy({ $0.isNumber || "–—-/ ".contains($0) || $0.isLetter && "BCADEbcade.".contains($0) }) {
                subject = subject[..<range.lowerBound]
            }
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

    /// Whether a span's key names the title's subject: the subject itself, or, where the
    /// subject is one noun phrase (no "of", "and", comma or other function word inside it), its
    /// last two or more words ("immune system" in "The Human Immune System", "congestion
    /// control" in "TCP Congestion Control"): the same thing with a modifier left off.
    static func names(_ key: String, titleKey: String) -> Bool {
        if key == titleKey { return true }
        guard key.count < titleKey.count, titleKey.hasSuffix(" " + key), key.contains(" ") else { return false }
        let words = titleKey.split(separator: " ").map(String.init)
        let inner = words.first.map { ["the", "a", "an"].contains($0) } == true ? words.dropFirst() : words[...]
        return !titleKey.contains(",") && !inner.contains(where: { StopWords.english.contains($0) })
    }
}
