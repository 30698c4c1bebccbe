/// Everything the offline study engine refuses, in words a student can act on.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not UTF-8; `byteOffset` is where the first bad byte is.
    case invalidUTF8(byteOffset: Int)
    /// The bytes hold NUL characters, so the file is most likely not text at all.
    case binaryContent(byteOffset: Int)
    /// The document has no text (it is empty or only white space).
    case emptyDocument
    /// The document is larger than the engine accepts.
    case documentTooLarge(bytes: Int, limit: Int)
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)
    /// An option is out of range; the message says which and what is allowed.
    case invalidOption(String)
    /// The document has too little to ask about; the detail says what was found.
    case notEnoughMaterial(String)

    public var description: String {
        switch self {
        case let .invalidUTF8(offset):
            return "The text is not valid UTF-8 (first bad byte at offset \(offset)). Save the file as UTF-8 text and try again."
        case let .binaryContent(offset):
            return "This looks like a binary file, not text (a NUL byte at offset \(offset)). Export it as plain text or Markdown first."
        case .emptyDocument:
            return "The document is empty. Add some text to summarise or to build an exam from."
        case let .documentTooLarge(bytes, limit):
            return "The document is \(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB. Split it into smaller files."
        case let .unreadableFile(path, reason):
            return "Cannot read '\(path)': \(reason)."
        case let .invalidOption(message):
            return message
        case let .notEnoughMaterial(detail):
            return "Cannot build an exam from this document: \(detail) Use a longer text with facts, names, numbers or defined terms."
        }
    }
}
