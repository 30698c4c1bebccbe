import Foundation
import TOMLKit

/// A theme file that could not be used, with the reason in plain words.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads themes from TOML files:
///
/// ```toml
/// name = "dark"
/// [styles.normal]
/// fg = "default"        # default, a name (red, bright-blue), "#rrggbb" or 0-255
/// bg = "default"
/// [styles.selected]
/// fg = "#000000"
/// bg = "#87afd7"
/// bold = true           # bold, underline, italic, reverse, dim
/// ```
public enum ThemeLoader {
    /// The theme used when none can be loaded; always valid.
    public static let builtIn: Theme = {
        (try? parse(BuiltInTheme.dark, name: "dark")) ?? Theme(name: "dark", styles: [:])
    }()

    /// Parses theme text. Unknown roles or attributes are errors, so typos do not pass silently.
    public static func parse(_ text: String, name: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(message: "\(error.description) at line \(error.source.begin.line), column \(error.source.begin.column)")
        }
        let roles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.key, $0) })
        var styles: [Role: ThemeStyle] = [:]
        if let stylesValue = table["styles"] {
            guard let stylesTable = stylesValue.table else { throw ThemeError(message: "'styles' must be a table") }
            for key in stylesTable.keys {
                guard let role = roles[key] else {
                    throw ThemeError(message: "unknown style '\(key)'; known: \(Role.allCases.map(\.key).joined(separator: ", "))")
                }
                guard let entry = stylesTable[key]?.table else { throw ThemeError(message: "styles.\(key) must be a table") }
                styles[role] = try style(entry, path: "styles.\(key)")
            }
        }
        let title = table["name"]?.string ?? name
        return Theme(name: title, styles: styles)
    }

    static func style(_ table: TOMLTable, path: String) throws -> ThemeStyle {
        var style = ThemeStyle()
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "fg", "bg":
                let color: ThemeColor?
                if let text = value.string { color = ThemeColor.parse(text) } else if let number = value.int { color = ThemeColor.parse(String(number)) } else { color = nil }
                guard let color else {
                    throw ThemeError(message: "\(path).\(key): not a colour (use default, red, bright-red, \"#rrggbb\" or 0-255)")
                }
                if key == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "underline", "italic", "reverse", "dim":
                guard let flag = value.bool else { throw ThemeError(message: "\(path).\(key) must be true or false") }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "italic": style.italic = flag
                case "reverse": style.reverse = flag
                default: style.dim = flag
                }
            default:
                throw ThemeError(message: "\(path): unknown attribute '\(key)' (fg, bg, bold, underline, italic, reverse, dim)")
            }
        }
        return style
    }

    /// Loads `name` (a theme name in one of `directories`, or a path to a .toml file).
    /// On failure returns the built-in theme and a message saying why.
    public static func load(_ name: String, directories: [String]) -> (theme: Theme, error: ThemeError?) {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if name.contains("/") || name.hasSuffix(".toml") { candidates.append((name as NSString).expandingTildeInPath) }
        candidates += directories.map { "\($0)/\(name).toml" }
        guard let path = candidates.first(where: { fileManager.fileExists(atPath: $0) }) else {
            if name == "dark" { return (builtIn, nil) }  // the default needs no file
            let available = availableThemes(directories: directories)
            return (builtIn, ThemeError(message: "no theme '\(name)'" + (available.isEmpty ? "" : "; available: \(available.joined(separator: ", "))") + ". Using the default theme."))
        }
        do {
            guard let data = fileManager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(message: "cannot read it as UTF-8 text")
            }
            return (try parse(text, name: name), nil)
        } catch {
            return (builtIn, ThemeError(message: "theme file \(path) is not valid: \(error). Using the default theme."))
        }
    }

    public static func availableThemes(directories: [String]) -> [String] {
        let names = directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(names)).sorted()
    }

    /// Where theme files are looked for: the configured folder, `themes/` here, beside the
    /// repository a development build runs from, and the system data folders.
    public static func searchDirectories(configured: String?, executablePath: String = CommandLine.arguments.first ?? "") -> [String] {
        var out: [String] = []
        if let configured { out.append(configured) }
        if let env = ProcessInfo.processInfo.environment["STUDYCIRCLE_THEMES"] { out.append(env) }
        out.append(FileManager.default.currentDirectoryPath + "/themes")
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        // .build/<config>/studycircle → repository root.
        out.append(executable.deletingLastPathComponent().appendingPathComponent("../../themes").standardized.path)
        if let data = ProcessInfo.processInfo.environment["XDG_DATA_HOME"] { out.append(data + "/studycircle/themes") }
        out.append("/usr/local/share/studycircle/themes")
        out.append("/usr/share/studycircle/themes")
        return out
    }
}
