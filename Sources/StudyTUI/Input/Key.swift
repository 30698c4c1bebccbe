/// A key press (or paste) after decoding curses input.
public enum Key: Equatable, Sendable {
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl with a letter, lower case (Ctrl-W is `.ctrl("w")`).
    case ctrl(Character)
    case function(Int)
    case wheelUp, wheelDown
    /// Text pasted in one piece (bracketed paste, or a burst of input): never sent early.
    case paste(String)
    case resize
    case unknown
}

/// One unit read from curses: a character or a key code.
public enum RawInput: Equatable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
    case mouse(wheelUp: Bool, wheelDown: Bool)
}

/// Turns raw curses input into keys: bracketed paste (`ESC [200~ … ESC [201~`), lone Escape,
/// control characters, and bursts of typed text that contain line breaks (a paste in a terminal
/// without bracketed paste), which become one paste so a pasted line break does not send.
///
/// Escape sequences curses did not recognise (the terminal's keys differ from what its terminfo
/// entry says, as with tmux under `TERM=xterm-256color`) are decoded here: every common CSI and
/// SS3 form of the arrows, Home, End, Insert, Delete, PgUp, PgDn and F1–F12. A sequence cut off
/// at the end of a batch is held back (`hasPending`); the loop waits `escapeTimeout` for the rest
/// and then calls `flush()`, which reads what was held as Escape followed by plain keys, so Esc
/// then a digit is never taken for a key sequence.
public struct InputDecoder: Sendable {
    private var pasting = false
    private var pasteBuffer = ""
    /// The start of an escape sequence whose end has not arrived yet.
    private var pending: [RawInput] = []
    public init() {}

    /// How long to wait for the rest of an escape sequence (like curses' ESCDELAY).
    public static let escapeTimeoutMilliseconds: Int32 = 30

    /// True when the start of an escape sequence is held back, waiting for more input.
    public var hasPending: Bool { !pending.isEmpty }

    /// Gives up waiting: what was held back is Escape and the keys typed after it.
    public mutating func flush(keyCodes: KeyCodes) -> [Key] {
        guard !pending.isEmpty else { return [] }
        let held = pending
        pending = []
        var keys: [Key] = [.escape]
        keys += decode(Array(held.dropFirst()), keyCodes: keyCodes)
        if hasPending { keys += flush(keyCodes: keyCodes) }
        return keys
    }

    static let pasteStart: [UInt32] = Array("[200~".unicodeScalars.map(\.value))
    static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// Decodes one batch: everything that was waiting when the loop woke.
    public mutating func decode(_ input: [RawInput], keyCodes: KeyCodes) -> [Key] {
        let batch = pending + input
        pending = []
        var keys: [Key] = []
        var i = 0
        while i < batch.count {
            if pasting {
                // Collect until ESC [201~.
                if case .character(27) = batch[i], matches(batch, at: i, Self.pasteEnd) {
                    pasting = false
                    keys.append(.paste(pasteBuffer))
                    pasteBuffer = ""
                    i += Self.pasteEnd.count
                    continue
                }
                if case let .character(c) = batch[i], let scalar = Unicode.Scalar(c) {
                    pasteBuffer.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                }
                i += 1
                continue
            }
            switch batch[i] {
            case let .mouse(up, down):
                if up { keys.append(.wheelUp) }
                if down { keys.append(.wheelDown) }
            case let .keyCode(code):
                keys.append(keyCodes.key(for: code))
            case let .character(c):
                if c == 27 {
                    if matches(batch, at: i + 1, Self.pasteStart) {
                        pasting = true
                        pasteBuffer = ""
                        i += 1 + Self.pasteStart.count
                        continue
                    }
                    var result = keyCodes.strings.match(batch, at: i)
                    if result == .none { result = EscapeSequence.parse(batch, at: i) }
                    switch result {
                    case let .key(key, length):
                        keys.append(key)
                        i += length
                        continue
                    case let .ignored(length):
                        i += length
                        continue
                    case .incomplete:
                        pending = Array(batch[i...])
                        return Self.coalescePastes(keys)
                    case .none:
                        // ESC followed by a character is Alt+key; treat it as Escape then the key.
                        keys.append(.escape)
                    }
                } else if c == 10 || c == 13 {
                    // Typed text continuing right after a line break in the same burst is a paste.
                    if i + 1 < batch.count, case let .character(next) = batch[i + 1], next >= 32, next != 127 {
                        keys.append(.paste("\n"))
                    } else {
                        keys.append(.enter)
                    }
                } else {
                    keys.append(Self.key(forCharacter: c))
                }
            }
            i += 1
        }
        return Self.coalescePastes(keys)
    }

    static func key(forCharacter c: UInt32) -> Key {
        switch c {
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(c + 96) ?? "?"))
        case 0..<32: return .unknown
        default:
            guard let scalar = Unicode.Scalar(c) else { return .unknown }
            return .char(Character(scalar))
        }
    }

    private func matches(_ batch: [RawInput], at start: Int, _ pattern: [UInt32]) -> Bool {
        guard start + pattern.count <= batch.count else { return false }
        for (offset, value) in pattern.enumerated() {
            guard case .character(value) = batch[start + offset] else { return false }
        }
        return true
    }

    /// Characters around a pasted line break belong to the paste.
    static func coalescePastes(_ keys: [Key]) -> [Key] {
        guard keys.contains(where: { if case .paste("\n") = $0 { return true } else { return false } }) else { return keys }
        var out: [Key] = []
        var index = 0
        while index < keys.count {
            if case .paste("\n") = keys[index] {
                var text = ""
                // Pull back the characters typed just before, in this burst.
                while let last = out.last, case let .char(c) = last {
                    text = String(c) + text
                    out.removeLast()
                }
                if case let .paste(previous)? = out.last {
                    text = previous + text
                    out.removeLast()
                }
                text += "\n"
                index += 1
                while index < keys.count {
                    if case let .char(c) = keys[index] { text.append(c) } else if case .paste("\n") = keys[index] { text += "\n" } else { break }
                    index += 1
                }
                out.append(.paste(text))
                continue
            }
            out.append(keys[index])
            index += 1
        }
        return out
    }
}

/// The curses key codes and the terminal's key strings the decoder maps (read once from curses
/// and terminfo, so tests can use plain numbers and strings).
public struct KeyCodes: Sendable {
    public var table: [Int32: Key]
    /// The terminal's strings for its special keys (terminfo), tried before the common forms.
    public var strings: KeyStrings
    public init(table: [Int32: Key], strings: KeyStrings = KeyStrings()) {
        self.table = table
        self.strings = strings
    }
    func key(for code: Int32) -> Key { table[code] ?? .unknown }
}
