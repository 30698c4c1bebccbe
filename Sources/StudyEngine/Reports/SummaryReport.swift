import Foundation
import StudyModel

/// What `studycircle summarize FILE... [--type T] [--sentences N] [--json]` prints: one
/// entry per file, as text or JSON.
public struct SummaryReport: Sendable, Hashable, Codable {
    /// One summarised file.
    public struct Entry: Sendable, Hashable, Codable {
        public var file: String
        public var type: Summary.SummaryType
        public var style: Summary.Style
        public var engine: String
        public var sentences: [String]
        public var keyTerms: [KeyTerm]
        public var text: String
        public var sourceWordCount: Int
        public var summaryWordCount: Int
        public var notes: [String]
        /// Set instead of the rest when the file could not be summarised.
        public var error: String?
    }

    public var entries: [Entry]

    /// Summarises each file; a file that fails gets an entry with its error and the others
    /// go on. `readFile` is injectable for tests; it defaults to `TextInput.readFile`.
    public static func make(files: [String], options: SummaryOptions,
                            readFile: (String) throws -> String = TextInput.readFile(atPath:)) -> SummaryReport {
        let summarizer = Summarizer(options: options)
        let entries = files.map { file -> Entry in
            do {
                let summary = try summarizer.summarize(readFile(file))
                return Entry(file: file, type: summary.type, style: summary.style, engine: "offline",
                             sentences: summary.sentences.map(\.text), keyTerms: summary.keyTerms, text: summary.text,
                             sourceWordCount: summary.sourceWordCount, summaryWordCount: summary.wordCount,
                             notes: summary.notes, error: nil)
            } catch {
                return Entry(file: file, type: options.type, style: options.style, engine: "offline", sentences: [],
                             keyTerms: [], text: "", sourceWordCount: 0, summaryWordCount: 0, notes: [],
                             error: String(describing: error))
            }
        }
        return SummaryReport(entries: entries)
    }

    /// Whether any file failed (the command should then exit non-zero).
    public var hasErrors: Bool { entries.contains { $0.error != nil } }

    /// Pretty-printed JSON with stable key order.
    public func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Plain text: a header per file when there are several, then the summary and notes.
    public func renderText() -> String {
        var out: [String] = []
        for entry in entries {
            if entries.count > 1 { out.append("== \(entry.file) ==") }
            if let error = entry.error {
                out.append("error: \(error)")
            } else {
                if !entry.text.isEmpty { out.append(entry.text) }
                out.append("(\(entry.type.rawValue), \(entry.summaryWordCount) of \(entry.sourceWordCount) words, offline)")
                for note in entry.notes { out.append("note: \(note)") }
            }
            if entries.count > 1 { out.append("") }
        }
        return out.joined(separator: "\n")
    }
}
