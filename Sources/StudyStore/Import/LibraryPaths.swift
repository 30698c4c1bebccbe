import Foundation

/// The files `library add` is asked to add: paths as given, folders walked, path lists read.
///
/// Ten thousand files passed as arguments make the shell's and the argument parser's work grow
/// with their square; a folder or a list of paths (a file, or standard input) does not.
public enum LibraryPaths {
    /// File extensions the library takes (see `DocumentImporter`), lower case.
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "pdf"]

    /// What a set of arguments stands for.
    public struct Expansion: Sendable, Equatable {
        /// Files to add, in order: each argument's place, a folder's files sorted by path.
        public var files: [String] = []
        /// Files found in folders and left out because the library does not take their type.
        public var skippedInFolders: [String] = []
        public init() {}
    }

    /// Expands `arguments`: a folder stands for every file of a type the library takes in it
    /// and its subfolders (hidden ones, whose names start with a dot, left out; symbolic links
    /// to folders not followed, so a link cannot make a loop); anything else is kept as it is,
    /// so a missing or unreadable path is reported by the importer in its turn.
    public static func expand(_ arguments: [String]) -> Expansion {
        var expansion = Expansion()
        for argument in arguments {
            if isFolder(argument) {
                walk(argument, into: &expansion)
            } else {
                expansion.files.append(argument)
            }
        }
        return expansion
    }

    /// The paths in a list, one per line (LF or CR LF: in Swift CR LF is one `Character`, which
    /// `isNewline` knows); blank lines and lines starting with `#` are left out. Leading and
    /// trailing spaces are kept: they may be part of a name.
    public static func list(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            line.hasPrefix("#") ? nil : String(line)
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    private static func walk(_ folder: String, into expansion: inout Expansion) {
        let base = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else {
            // Unreadable: kept as a path, so the importer names the problem.
            expansion.files.append(base)
            return
        }
        // Byte order of the names, so the order never depends on the locale.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = base == "/" ? "/" + name : base + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &expansion)
            case S_IFREG, S_IFLNK:
                // A link to a folder is left out as not a file the library takes.
                if extensions.contains((name as NSString).pathExtension.lowercased()), !isFolder(path) {
                    expansion.files.append(path)
                } else {
                    expansion.skippedInFolders.append(path)
                }
            default:
                expansion.skippedInFolders.append(path)
            }
        }
    }
}
