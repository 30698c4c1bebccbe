/// Makes text from the store safe to draw: nothing in it can reach the terminal as a control.
///
/// Every C0 control (including ESC, so no escape sequence survives), DEL, every C1 control and
/// the bidirectional overrides and isolates are replaced by visible placeholders. Tabs become
/// spaces. Line breaks are kept only when asked for (multi-line messages and documents).
public enum Sanitizer {
    /// Shown for C1 controls and bidi controls: visible, one column, never interpreted.
    public static let placeholder: Character = "\u{FFFD}"

    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        // Fast path: printable ASCII needs no work, and is most of what is drawn.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        // And other text with nothing to replace (box lines, accents, CJK) is not rebuilt.
        if !text.unicodeScalars.contains(where: { needsReplacing($0.value) }) { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A:
                if previousWasCR && keepNewlines { continue }  // CRLF is one break
                out.append(keepNewlines ? "\n" : "\u{21B5}")
            case 0x0D:
                out.append(keepNewlines ? "\n" : "\u{21B5}")
            case 0x09:
                out.append(contentsOf: "    ".unicodeScalars)
            case 0x00..<0x20:
                // Control Pictures block: ␛ for ESC, ␇ for BEL, and so on.
                out.append(Unicode.Scalar(0x2400 + v) ?? "?")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                out.append(contentsOf: String(placeholder).unicodeScalars)
            case 0x2028, 0x2029:
                out.append(keepNewlines ? "\n" : " ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for the scalars `clean` replaces: C0 and C1 controls, DEL, bidi controls and the
    /// line and paragraph separators.
    private static func needsReplacing(_ v: UInt32) -> Bool {
        switch v {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
