import Glibc
import CNCursesW

/// One grapheme as it will be drawn: the scalars sent to curses and the columns they take.
///
/// Terminals and glibc disagree on emoji sequences: a ZWJ family, a skin-tone modifier or a
/// variation selector makes a terminal draw one or two columns while wcwidth (and so curses)
/// counts each scalar. To keep every column where curses thinks it is, a grapheme is reduced
/// to what both agree on: ZWJ sequences to their first emoji, modifiers, variation selectors and
/// tag characters dropped; a flag (two regional indicators) stays two cells of one column.
public struct Glyph: Equatable, Sendable {
    public var text: String
    /// 1 or 2 columns.
    public var width: Int

    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }

    public static let space = Glyph(text: " ", width: 1)
    static let replacement = Glyph(text: "\u{FFFD}", width: 1)
}

public enum DisplayWidth {
    /// wcwidth needs a UTF-8 LC_CTYPE. The app sets the user's locale before curses starts;
    /// tests and tools that never did get C.UTF-8, so widths do not depend on the environment.
    static let localeReady: Bool = {
        if let current = setlocale(LC_CTYPE, nil), String(cString: current).lowercased().contains("utf") { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    /// Columns one scalar takes according to the C library; -1 when it does not know it.
    static func wcwidthOf(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        _ = localeReady
        return Int(sc_wcwidth(Int32(bitPattern: v)))
    }

    /// The glyph to draw for one grapheme cluster of sanitised text.
    public static func glyph(for character: Character) -> Glyph {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return .replacement }
        if scalars.count == 1 {
            if first.value >= 0x20 && first.value < 0x7F { return Glyph(text: String(character), width: 1) }
            return single(first)
        }
        // Flags: two regional indicators. glibc counts 1 each and so does curses: keep both.
        if isRegionalIndicator(first) {
            return Glyph(text: String(character), width: scalars.filter(isRegionalIndicator).count)
        }
        var kept = String.UnicodeScalarView()
        var width = -1
        for scalar in scalars {
            let v = scalar.value
            if width >= 0 {
                if v == 0x200D { break }                        // ZWJ: keep the first emoji only
                if v == 0xFE0F || v == 0xFE0E { continue }      // variation selectors
                if (0x1F3FB...0x1F3FF).contains(v) { continue } // skin-tone modifiers
                if (0xE0020...0xE007F).contains(v) { continue } // tag sequences (subdivision flags)
                // Combining marks stay; another spacing scalar cannot be in one cluster
                // except in sequences curses would split, so it ends the glyph.
                if wcwidthOf(scalar) != 0 { break }
                kept.append(scalar)
            } else {
                let w = wcwidthOf(scalar)
                guard w > 0 else { return w == 0 ? Glyph(text: "\u{25CC}" + String(character), width: 1) : .replacement }
                width = w
                kept.append(scalar)
            }
        }
        return width > 0 ? Glyph(text: String(kept), width: width) : .replacement
    }

    static func single(_ scalar: Unicode.Scalar) -> Glyph {
        let w = wcwidthOf(scalar)
        if w > 0 { return Glyph(text: String(scalar), width: w) }
        // A lone combining mark gets a dotted circle to sit on; an unknown scalar a placeholder.
        if w == 0, scalar.properties.generalCategory != .control,
           scalar.properties.generalCategory != .format {
            return Glyph(text: "\u{25CC}" + String(scalar), width: 1)
        }
        if w == 0 { return Glyph(text: "", width: 0) }  // invisible format characters (e.g. ZWSP)
        return .replacement
    }

    /// True for scalars that are a grapheme cluster of their own next to printable ASCII or to
    /// one another (no combining mark, joiner, prepended or regional-indicator scalar among
    /// them): Latin-1 and Latin Extended letters, general punctuation (`·`, `…`, `–`), arrows,
    /// box drawing and geometric shapes (`─`, `●`). Drawing and measuring them needs no grapheme
    /// breaking; titles, separators, the status line and most accented text are made of them.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20..<0x7F, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x25FF: return true
        default: return false
        }
    }

    /// The columns of a scalar that `standsAlone`, as `glyph(for:)` gives them: nil when it is
    /// not one, or when wcwidth does not give it a width (the general path decides then).
    static func standaloneWidth(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Int? {
        let value = scalars[index].value
        guard standsAlone(value) else { return nil }
        let next = scalars.index(after: index)
        guard next == scalars.endIndex || standsAlone(scalars[next].value) || scalars[next].value < 0x80 else { return nil }
        if value < 0x7F { return 1 }
        let width = Int(standaloneWidths[Int(value)])
        return width > 0 ? width : nil
    }

    /// wcwidth of every scalar below U+2600 that stands alone (0 for the others), read once:
    /// these are looked up for every `·` and `─` of every frame.
    static let standaloneWidths: [Int8] = (0..<0x2600).map { value in
        guard standsAlone(UInt32(value)), let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        return Int8(clamping: wcwidthOf(scalar))
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Columns `text` takes once drawn (after sanitising).
    public static func of(_ text: String) -> Int {
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return bytes.count }
        // A printable ASCII byte followed by another ASCII byte (or the end) is a whole
        // character of one column; only the rest is measured character by character.
        var total = 0
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index != text.endIndex {
            let byte = bytes[index]
            let after = bytes.index(after: index)
            if byte >= 0x20, byte < 0x7F, after == bytes.endIndex || bytes[after] < 0x80 {
                total += 1
                index = after
                continue
            }
            if let width = standaloneWidth(scalars, at: index) {
                total += width
                index = scalars.index(after: index)
                continue
            }
            total += glyph(for: text[index]).width
            index = text.index(after: index)
        }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, and its width.
    public static func prefix(_ text: String, fitting columns: Int) -> (String, Int) {
        var width = 0
        var end = text.startIndex
        for index in text.indices {
            let w = glyph(for: text[index]).width
            if width + w > columns { break }
            width += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), width)
    }

    /// `text` cut to `columns`, ending in `…` when it was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        return prefix(text, fitting: columns - 1).0 + "…"
    }
}
