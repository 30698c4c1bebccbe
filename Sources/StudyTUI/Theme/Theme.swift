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

    public func style(_ role: Role) -> ThemeStyle { styles[role] ?? styles[.normal] ?? ThemeStyle() }
}
