/// Character classes used by the splitter and tokenizer, on Unicode scalars for speed.
enum ScalarClass {
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\u{00A0}" || (s.value > 127 && s.properties.isWhitespace)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s >= "0" && s <= "9" }
        return s.properties.numericType == .decimal
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s >= "A" && s <= "Z" }
        return s.properties.isUppercase
    }

    static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s >= "a" && s <= "z" }
        return s.properties.isLowercase
    }

    /// Sentence-final punctuation of Latin-script text.
    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "\u{2026}" || s == "\u{203C}" || s == "\u{2047}" || s == "\u{2049}"
    }

    /// Full stops of Chinese and Japanese: a break even with no space after them.
    static func isCJKTerminator(_ s: Unicode.Scalar) -> Bool {
        s == "\u{3002}" || s == "\u{FF01}" || s == "\u{FF1F}" || s == "\u{FF61}"
    }

    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}",
             "\u{300B}", "\u{3009}", "\u{FF09}", "\u{3011}", "*", "_":
            return true
        default:
            return false
        }
    }

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}", "\u{300C}", "\u{300E}",
             "\u{300A}", "\u{3008}", "\u{FF08}", "\u{3010}", "\u{201E}", "*", "_":
            return true
        default:
            return false
        }
    }

    /// Han ideographs, Hiragana, Katakana: scripts written without spaces between words.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x31F0...0x31FF,
             0xFF66...0xFF9D:
            return true
        default:
            return false
        }
    }
}
