import Foundation
import StudyModel
import StudyApp
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

    /// Names of the themes compiled into the binary.
    public static var builtInNames: [String] { BuiltInTheme.sources.map(\.name) }

    /// The built-in theme called `name`, if there is one.
    public static func builtIn(named name: String) -> Theme? {
        guard let source = BuiltInTheme.sources.first(where: { $0.name == name }) else { return nil }
        return try? parse(source.text, name: name)
    }

    /// Loads `name`: a path to a .toml file, a theme file in one of `directories` (the user's
    /// themes win over built-in ones of the same name), or a built-in theme.
    /// On failure returns the built-in default and a message saying why.
    public static func load(_ name: String, directories: [String]) -> (theme: Theme, error: ThemeError?) {
        let fileManager = FileManager.default
        var candidates: [String] = []
        // `contains` of a Character (the standard library's), not of a String: with Foundation
        // imported that one is NSString's range(of:), which maps CoreFoundation's Unicode tables.
        let isPath = name.contains("/" as Character) || name.hasSuffix(".toml")
        if isPath {
            candidates.append(HomePath.expand(name, home: ProcessEnvironment.variables["HOME"]))
        } else {
            candidates += directories.map { "\($0)/\(name).toml" }
        }
        guard let path = candidates.first(where: { fileManager.fileExists(atPath: $0) }) else {
            if !isPath, let theme = builtIn(named: name) { return (theme, nil) }
            let available = availableThemes(directories: directories)
            return (builtIn, ThemeError(message: "no theme '\(name)'; available: \(available.joined(separator: ", ")). Using the default theme."))
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

    /// The built-in themes and the theme files found in `directories`, sorted, each once.
    public static func availableThemes(directories: [String]) -> [String] {
        let names = directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(names + builtInNames)).sorted()
    }

    /// Where theme files are looked for, first match wins: the configured folder,
    /// `$STUDYCIRCLE_THEMES`, the user's `$XDG_CONFIG_HOME/studycircle/themes` (default
    /// `~/.config/studycircle/themes`), then the shared folders: `PREFIX/share/studycircle/themes`
    /// beside the installed binary (`PREFIX/bin/studycircle`), `$XDG_DATA_HOME/studycircle/themes`,
    /// `/usr/local/share/…` and `/usr/share/…`. The built-in themes need no folder.
    public static func searchDirectories(configured: String?, executablePath: String = CommandLine.arguments.first ?? "",
                                         environment: [String: String] = ProcessEnvironment.variables) -> [String] {
        var out: [String] = []
        if let configured, !configured.isEmpty { out.append(configured) }
        if let env = environment["STUDYCIRCLE_THEMES"], !env.isEmpty { out.append(env) }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            out.append(config + "/studycircle/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            out.append(home + "/.config/studycircle/themes")
        }
        if executablePath.contains("/" as Character) {
            // PREFIX/bin/studycircle → PREFIX/share/studycircle/themes.
            out.append(installPrefix(ofExecutable: executablePath) + "/share/studycircle/themes")
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { out.append(data + "/studycircle/themes") }
        out.append("/usr/local/share/studycircle/themes")
        out.append("/usr/share/studycircle/themes")
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// PREFIX of PREFIX/bin/studycircle, symbolic links resolved (`realpath`), "" for "/".
    /// Plain string work rather than URL's resolvingSymlinksInPath and standardized, which
    /// cost a runtime conformance lookup and several system calls at every start (issue 13).
    static func installPrefix(ofExecutable path: String) -> String {
        var resolved = path
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
        } else if !path.hasPrefix("/") {
            resolved = FileManager.default.currentDirectoryPath + "/" + path
        }
        var parts: [Substring] = []
        for part in resolved.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        parts = Array(parts.dropLast(2))  // the file, then its bin folder
        return parts.isEmpty ? "" : "/" + parts.joined(separator: "/")
    }
}
