import Foundation

/// `~` in a path the student typed, expanded from `$HOME` (the shell's rule), not from the
/// password database, which gives root's home under `sudo` or in a container.
public enum HomePath {
    /// `~` and `~/…` become `home` and `home/…`; `~user/…` is that user's home; other paths are
    /// left as typed.
    public static func expand(_ path: String, home: String?) -> String {
        if path.hasPrefix("~"), path != "~", !path.hasPrefix("~/") { return (path as NSString).expandingTildeInPath }
        guard let home, !home.isEmpty else { return path }
        let trimmedHome = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == "~" { return trimmedHome }
        if path.hasPrefix("~/") { return trimmedHome + path.dropFirst(1) }
        return path
    }
}
