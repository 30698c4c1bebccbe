import Foundation

/// Turns raw bytes or files into text the engine can work on, refusing what is not text.
public enum TextInput {
    /// The largest document accepted, in bytes. Big enough for a long book; the engine's
    /// cost is bounded (see `SummaryOptions.maxGraphSentences`), so this guards memory only.
    public static let maxDocumentBytes = 64 * 1_048_576

    /// Decodes UTF-8 bytes, checking them on the way.
    ///
    /// A leading byte-order mark is dropped. Throws `EngineError.invalidUTF8` with the offset
    /// of the first malformed byte, `EngineError.binaryContent` when the bytes contain NUL
    /// (a sign of a PDF, image or word-processor file), and `EngineError.documentTooLarge`.
    /// Empty input decodes to an empty string; the summariser and exam generator decide
    /// what empty means for them.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws -> String where Bytes.Element == UInt8 {
        guard bytes.count <= maxDocumentBytes else {
            throw EngineError.documentTooLarge(bytes: bytes.count, limit: maxDocumentBytes)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar.value == 0 { throw EngineError.binaryContent(byteOffset: offset) }
                // U+FEFF at the very start is a byte-order mark, not content.
                if !(offset == 0 && scalar.value == 0xFEFF) { scalars.append(scalar) }
                offset += UTF8.width(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw EngineError.invalidUTF8(byteOffset: offset)
            }
        }
        return String(scalars)
    }

    /// Decodes `Data` as UTF-8; see `decode(_:)` for the errors.
    public static func decode(data: Data) throws -> String {
        try decode(data)
    }

    /// Reads a text file, with errors that name the file.
    public static func readFile(atPath path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EngineError.unreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw EngineError.unreadableFile(path: path, reason: "it is a directory, not a file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EngineError.unreadableFile(path: path, reason: "permission denied or unreadable")
        }
        return try decode(data)
    }
}
