/// A colour as written in a theme file.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0-7 normal, 8-15 bright).
    case ansi(Int)
    /// An xterm 256-colour index.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, `red`, `bright-red`, `#rrggbb` or a number 0-255.
    public static func parse(_ text: String) -> ThemeColor? {
        let value = text.lowercased().trimmingCharacters(in: .whitespaces)
        if value == "default" || value == "none" { return .terminalDefault }
        if let index = names.firstIndex(of: value) { return .ansi(index) }
        for prefix in ["bright-", "bright_", "bright"] where value.hasPrefix(prefix) {
            if let index = names.firstIndex(of: String(value.dropFirst(prefix.count))) { return .ansi(index + 8) }
        }
        if value.hasPrefix("#"), value.count == 7, let number = UInt32(value.dropFirst(), radix: 16) {
            return .rgb(UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF))
        }
        if let number = Int(value), (0...255).contains(number) { return number < 16 ? .ansi(number) : .indexed(number) }
        return nil
    }
}

/// How one role is drawn.
public struct ThemeStyle: Equatable, Sendable {
    public var fg: ThemeColor = .terminalDefault
    public var bg: ThemeColor = .terminalDefault
    public var bold = false
    public var underline = false
    public var italic = false
    public var reverse = false
    public var dim = false
    public init() {}
}

/// A named set of styles, one per role. Roles a file does not mention fall back to `normal`
/// (sender colours to a built-in palette).
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: ThemeStyle]

    public init(name: String, styles: [Role: ThemeStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: Role) -> ThemeStyle {
        if let style = styles[role] { return style }
        if role == .match {
            // A theme that does not style matches still shows them.
            var style = ThemeStyle()
            style.reverse = true
            return style
        }
        return styles[.normal] ?? ThemeStyle()
    }

    /// Roles that colour alone would tell apart, marked with reverse video when there is no colour.
    static let reversedWithoutColor: Set<Role> = [.selected, .selectedUnfocused, .match, .status, .statusError,
                                                  .statusOK, .statusWarn]

    /// This theme for a terminal without colours (NO_COLOR, or none to show): colours are
    /// dropped and what they marked keeps an attribute, so the selected row stays visible.
    public func withoutColor() -> Theme {
        var out: [Role: ThemeStyle] = [:]
        for role in Role.allCases {
            var style = style(role)
            style.fg = .terminalDefault
            style.bg = .terminalDefault
            if Self.reversedWithoutColor.contains(role) { style.reverse = true }
            if role == .selected || role == .titleFocused || role == .borderFocused { style.bold = true }
            out[role] = style
        }
        return Theme(name: name, styles: out)
    }
}
