extension String {
    /// The string without leading and trailing spaces and tabs: what `trimmingCharacters(in:
    /// .whitespaces)` returns (Unicode's space separators and tab), in plain Swift. Settings are
    /// read at every start, and Foundation's version goes through NSString and CharacterSet,
    /// which map CoreFoundation's Unicode tables and ask the runtime for protocol conformances
    /// (issue 13: start-up time and memory).
    var trimmingSpaces: String {
        func isSpace(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
