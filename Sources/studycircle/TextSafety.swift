/// Makes stored text safe to print: control characters and escape sequences become visible
/// placeholders (`^[`, `^G`, `\u{202E}` as `<U+202E>`) so that text from others cannot drive the terminal.
enum TextSafety {
    static func plain(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: out.unicodeScalars.append(scalar)
            case 0x09: out += " "
            case 0x00...0x1F: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out += "^?"
            case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
