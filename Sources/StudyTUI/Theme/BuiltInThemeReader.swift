/// Reads the built-in theme files without the TOML library (issue 13: start-up).
///
/// The app draws its first frame with the default theme, and parsing that theme's TOML text
/// was ~1 ms of a ~20 ms start. The built-in files use a small part of TOML: comments,
/// `name = "…"`, `[styles.ROLE]` headers, `fg`/`bg` = "…" or a number, and flags = true/false.
/// This reads exactly that and returns nil for anything else, so that `ThemeLoader.parse`
/// (TOMLKit, with its error messages) stays the reader of record; a test checks that both
/// give the same themes.
enum BuiltInThemeReader {
    static func read(_ text: String, name: String) -> Theme? {
        let roles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.key, $0) })
        var title = name
        var styles: [Role: ThemeStyle] = [:]
        var current: Role?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.drop { $0 == " " }
            if line.isEmpty || line.first == "#" { continue }
            if line.first == "[" {
                guard line.hasPrefix("[styles."), line.last == "]",
                      let role = roles[String(line.dropFirst("[styles.".count).dropLast())],
                      styles[role] == nil else { return nil }
                current = role
                styles[role] = ThemeStyle()
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { return nil }
            let key = String(line[..<equals]).trimmingSpaces
            let value = String(line[line.index(after: equals)...]).trimmingSpaces
            guard let role = current else {
                guard key == "name", let text = quoted(value) else { return nil }
                title = text
                continue
            }
            var style = styles[role] ?? ThemeStyle()
            switch key {
            case "fg", "bg":
                guard let color = ThemeColor.parse(quoted(value) ?? value) else { return nil }
                if key == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "underline", "italic", "reverse", "dim":
                guard value == "true" || value == "false" else { return nil }
                let flag = value == "true"
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "italic": style.italic = flag
                case "reverse": style.reverse = flag
                default: style.dim = flag
                }
            default:
                return nil
            }
            styles[role] = style
        }
        return Theme(name: title, styles: styles)
    }

    /// The text between double quotes, when it has no escape or quote inside.
    private static func quoted(_ value: String) -> String? {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return nil }
        let inner = value.dropFirst().dropLast()
        guard !inner.contains("\"") && !inner.contains("\\") else { return nil }
        return String(inner)
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
