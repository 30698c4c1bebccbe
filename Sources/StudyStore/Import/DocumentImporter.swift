import Foundation
import StudyModel

/// Why a file could not be imported, in words that say what to do.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Turns files (txt, md, pdf) into library documents. Checks everything before anything is
/// stored, so a bad file changes nothing.
public struct DocumentImporter: Sendable {
    /// Files larger than this are refused before being read.
    public static let maxFileBytes = Content.maxSourceBytes
    public var pdftotextPath: String?

    public init(pdftotextPath: String? = DocumentImporter.findExecutable("pdftotext")) {
        self.pdftotextPath = pdftotextPath
    }

    /// Reads and checks one file, returning a document ready to be created for `owner`.
    public func document(from path: String, owner: String, category: String = "general", title: String? = nil) throws -> Content {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ImportError(path: path, reason: "no such file. Check the path and try again.")
        }
        if isDir.boolValue {
            throw ImportError(path: path, reason: "is a folder. Pass the files inside it, e.g. \(path)/*.md")
        }
        let attributes = try? fm.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > Self.maxFileBytes {
            throw ImportError(path: path, reason: "is \(Self.megabytes(size)) MB; the library takes files up to \(Self.maxFileBytes / 1_048_576) MB. Split it into chapters.")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let text: String
        let type: Content.ContentType
        switch ext {
        case "pdf":
            text = try pdfText(path)
            type = .pdf
        case "md", "markdown":
            text = try utf8Text(path)
            type = .markdown
        case "txt", "text", "":
            text = try utf8Text(path)
            type = .text
        default:
            throw ImportError(path: path, reason: "has the extension .\(ext); the library takes .txt, .md and .pdf files.")
        }
        let trimmed = TextMeasure.trimmed(text)
        guard !trimmed.isEmpty else {
            throw ImportError(path: path, reason: "is empty; there is nothing to add.")
        }
        let fileName = (path as NSString).lastPathComponent
        let measured = TextMeasure.measure(trimmed)
        let docTitle = title ?? Self.title(of: trimmed, type: type) ?? (fileName as NSString).deletingPathExtension
        let content = Content(
            title: String(docTitle.prefix(200)), owner: owner, contentType: type, sourceText: trimmed,
            filePath: (path as NSString).standardizingPath, category: category,
            sourceMetadata: Content.SourceMetadata(
                fileName: fileName, fileSize: size, wordCount: measured.words, characterCount: measured.characters))
        do { try content.validate() } catch let error as ValidationError {
            throw ImportError(path: path, reason: error.message)
        }
        return content
    }

    /// The file's bytes as UTF-8, or an error naming where the first bad byte is.
    func utf8Text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(path: path, reason: "cannot be read. Check its permissions.")
        }
        // memchr, not `Data.contains`: that walks a byte iterator, a cost per byte of every file.
        if data.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }) {
            throw ImportError(path: path, reason: "looks like a binary file, not text. Export it as .txt, .md or .pdf first.")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(data) ?? 0
            throw ImportError(path: path, reason: "is not valid UTF-8 text (bad byte at offset \(offset)). Save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) and try again.")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    func pdfText(_ path: String) throws -> String {
        guard let tool = pdftotextPath else {
            throw ImportError(path: path, reason: "is a PDF, and reading PDFs needs `pdftotext`. Install it (Debian: apt-get install poppler-utils) and try again.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-layout", path, "-"]
        // pdftotext gets only what it needs: never the study password or a provider key.
        process.environment = Self.toolEnvironment(ProcessInfo.processInfo.environment)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ImportError(path: path, reason: "could not run pdftotext (\(error)).")
        }
        let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ImportError(path: path, reason: "is not a readable PDF (pdftotext failed). Is it damaged or password-protected?")
        }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
    }

    /// The environment for helper programs: PATH and the locale (LANG, LANGUAGE, LC_*), nothing else.
    public static func toolEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { key, _ in key == "PATH" || key == "LANG" || key == "LANGUAGE" || key.hasPrefix("LC_") }
    }

    /// A Markdown file's first heading (`# …`) among its first five non-empty lines.
    ///
    /// Lines are found on the bytes: a file without line breaks is not segmented into
    /// characters just to learn that it has one line. CR LF ends a line like LF.
    static func title(of text: String, type: Content.ContentType) -> String? {
        guard type == .markdown else { return nil }
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 5).prefix(5) {
            let line = Substring(bytes).drop(while: { $0.isWhitespace })
            guard line.hasPrefix("#") else { continue }
            let heading = TextMeasure.trimmed(String(line.drop(while: { $0 == "#" })))
            if !heading.isEmpty { return heading }
        }
        return nil
    }

    static func firstInvalidUTF8(_ data: Data) -> Int? {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += String(scalar).utf8.count
                consumed = offset
            case .emptyInput: return nil
            case .error: return consumed
            }
        }
    }

    static func megabytes(_ bytes: Int) -> Int { (bytes + 524_288) / 1_048_576 }

    /// The full path of a program on PATH, if any.
    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
