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
        measure(text).words
    }

    /// Characters as a reader counts them: `text.count` (CR LF is one).
    static func characters(_ text: String) -> Int {
        measure(text).characters
    }

    /// `words` and `characters` at once: for ASCII text one pass over the bytes in memory
    /// (a loop over `String.UTF8View` costs several times more per byte).
    static func measure(_ text: String) -> (words: Int, characters: Int) {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> (words: Int, characters: Int)? in
            guard isASCII(bytes) else { return nil }
            var words = 0
            var characters = 0
            var inWord = false
            var previous: UInt8 = 0
            for byte in bytes {
                // ASCII White_Space: tab, LF, VT, FF, CR and space.
                let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if !space && !inWord { words += 1 }
                inWord = !space
                if !(byte == 0x0A && previous == 0x0D) { characters += 1 }
                previous = byte
            }
            return (words, characters)
        }
        if let counted = counted ?? nil { return counted }
        return (text.split(whereSeparator: { $0.isWhitespace }).count, text.count)
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isASCII) ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// No byte with the high bit set; OR-ing every byte lets the compiler vectorise the loop.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }
}
