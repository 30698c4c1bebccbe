import StudyModel

/// An editable line of text with a cursor, edited by grapheme (so UTF-8, CJK and emoji are
/// never cut in half), with word-wise deletion and history recall.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    /// Cursor position as an index into `characters`.
    public private(set) var cursor = 0
    private var history: [String] = []
    private var historyIndex: Int?
    private var draft: [Character] = []
    /// The most entries kept in history.
    public static let historyLimit = 200

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ text: String) {
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        historyIndex = nil
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = characters.count }

    /// Ctrl-W: deletes the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    public mutating func wordLeft() {
        while cursor > 0, characters[cursor - 1].isWhitespace { cursor -= 1 }
        while cursor > 0, !characters[cursor - 1].isWhitespace { cursor -= 1 }
    }

    public mutating func wordRight() {
        while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
    }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: deletes everything after the cursor.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Returns the text and clears the line, remembering it in history.
    public mutating func submit() -> String {
        let value = text
        if !value.isEmpty, history.last != value {
            history.append(value)
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        }
        characters = []
        cursor = 0
        historyIndex = nil
        return value
    }

    public mutating func clear() {
        characters = []
        cursor = 0
        historyIndex = nil
    }

    /// Up: the previous history entry (the unsent draft is kept to come back to).
    public mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        if let index = historyIndex {
            guard index > 0 else { return }
            historyIndex = index - 1
        } else {
            draft = characters
            historyIndex = history.count - 1
        }
        characters = Array(history[historyIndex ?? 0])
        cursor = characters.count
    }

    /// Down: the next history entry, and finally the draft.
    public mutating func historyNext() {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            historyIndex = index + 1
            characters = Array(history[index + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    /// What to show in `width` columns so the cursor stays visible: the visible text (line
    /// breaks shown as ↵) and the cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let shown = characters.map { $0 == "\n" ? "↵" : Sanitizer.clean(String($0)) }
        let widths = shown.map { DisplayWidth.of($0) }
        var start = 0
        var before = widths[0..<cursor].reduce(0, +)
        // Scroll so the cursor (plus one column for it) fits.
        while before >= width && start < cursor {
            before -= widths[start]
            start += 1
        }
        var text = ""
        var used = 0
        var index = start
        while index < shown.count, used + widths[index] <= width {
            text += shown[index]
            used += widths[index]
            index += 1
        }
        return (text, before)
    }
}
