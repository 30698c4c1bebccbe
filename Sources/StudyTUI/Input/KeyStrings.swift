/// What the terminal sends for its special keys, as its terminfo entry says (`kpp`, `kcuu1`,
/// `kf1`…): the decoder tries these before the common CSI/SS3 forms, so a terminal whose keys
/// differ from those forms (the Linux console's Shift-Tab, `ESC Tab`) still works as it did when
/// curses decoded the keys.
public struct KeyStrings: Sendable {
    struct Entry: Sendable {
        var scalars: [UInt32]
        var key: Key
    }

    /// Longest first, so a string that starts another is tried after it.
    let entries: [Entry]

    /// `pairs`: key strings and their keys, in order of preference when two keys share a string.
    /// Only strings that start with Escape are kept: the decoder already reads single control
    /// characters (Backspace, Tab, Enter) itself.
    public init(_ pairs: [(String, Key)] = []) {
        var seen = Set<[UInt32]>()
        var entries: [Entry] = []
        for (text, key) in pairs {
            let scalars = text.unicodeScalars.map(\.value)
            guard scalars.count >= 2, scalars[0] == 0x1B, seen.insert(scalars).inserted else { continue }
            entries.append(Entry(scalars: scalars, key: key))
        }
        // A stable sort: equal lengths keep the caller's order.
        self.entries = entries.enumerated().sorted {
            $0.element.scalars.count != $1.element.scalars.count
                ? $0.element.scalars.count > $1.element.scalars.count : $0.offset < $1.offset
        }.map(\.element)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The key whose string starts `batch` at `start` (an Escape); `.incomplete` when the batch
    /// ends part-way through one and nothing else matched.
    func match(_ batch: [RawInput], at start: Int) -> EscapeSequence.Result {
        var incomplete = false
        for entry in entries {
            var offset = 0
            var matched = true
            while offset < entry.scalars.count {
                let index = start + offset
                guard index < batch.count else { break }
                guard case let .character(c) = batch[index], c == entry.scalars[offset] else {
                    matched = false
                    break
                }
                offset += 1
            }
            guard matched else { continue }
            if offset == entry.scalars.count { return .key(entry.key, length: offset) }
            incomplete = true
        }
        return incomplete ? .incomplete : .none
    }
}
