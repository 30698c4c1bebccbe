import Foundation
import StudyModel

/// Reads a text or Markdown file into a library document (`:add PATH`).
public enum DocumentImport {
    /// Reads and checks `path`: it must exist, be at most `Content.maxSourceBytes`, and be UTF-8.
    public static func read(path: String, owner: String) throws -> Content {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            throw RunnerError("no file at \(expanded)")
        }
        guard !isDirectory.boolValue else { throw RunnerError("\(expanded) is a folder; give a .txt or .md file") }
        let attributes = try FileManager.default.attributesOfItem(atPath: expanded)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Content.maxSourceBytes else {
            throw RunnerError("\(expanded) is \(size / 1_048_576) MB; documents may be at most \(Content.maxSourceBytes / 1_048_576) MB")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: expanded))
        guard let text = String(validating: data, as: UTF8.self) else {
            throw RunnerError("\(expanded) is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RunnerError("\(expanded) is empty")
        }
        let name = (expanded as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        let markdown = ext == "md" || ext == "markdown"
        let title = (markdown ? firstHeading(text) : nil) ?? (name as NSString).deletingPathExtension
        let content = Content(
            title: String(title.prefix(200)), owner: owner, contentType: markdown ? .markdown : .text,
            sourceText: text, filePath: expanded,
            sourceMetadata: Content.SourceMetadata(
                fileName: name, fileSize: size, wordCount: text.split(whereSeparator: { $0.isWhitespace }).count,
                characterCount: text.count))
        try content.validate()
        return content
    }

    /// The text of the first `# ` heading, if the document starts with one within a few lines.
    static func firstHeading(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let title = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                return title.isEmpty ? nil : title
            }
        }
        return nil
    }
}
