/// Trimming and counting a document's text, fast for the usual all-ASCII text.
///
/// `library add` of thousands of files spent most of its time here: Foundation's trimming
/// goes through UTF-16, and counting by `Character` segments graphemes and looks up Unicode
/// properties for every letter. ASCII text has neither need; other text takes the general
/// path, so every result is what the `Character`-based definitions give.
enum TextMeasure {
    /// `text` without leading and trailing whitespace and newlines (Unicode White_Space, the
    /// same set as Foundation's `whitespacesAndNewlines`). Only the ends are looked at.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Words separated by whitespace: `text.split(whereSeparator: \.isWhitespace).count`.
    static func words(_ text: String) -> Int {
        guard isASCII(text) else { return text.split(whereSeparator: { $0.isWhitespace }).count }
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            // ASCII White_Space: tab, LF, VT, FF, CR and space.
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Characters as a reader counts them: `text.count` (CR LF is one).
    static func characters(_ text: String) -> Int {
        guard isASCII(text) else { return text.count }
        var count = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if !(byte == 0x0A && previous == 0x0D) { count += 1 }
            previous = byte
        }
        return count
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}
