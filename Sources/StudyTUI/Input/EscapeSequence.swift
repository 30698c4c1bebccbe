/// Decodes the escape sequences terminals send for special keys, when curses has passed them on
/// as plain characters: CSI (`ESC [ params final`), SS3 (`ESC O final`) and the Linux console's
/// `ESC [ [ A`…`E`. Modifiers (`ESC [1;5H`) are accepted and ignored.
enum EscapeSequence {
    enum Result: Equatable {
        /// A key, and how many inputs (from the ESC on) it took.
        case key(Key, length: Int)
        /// Input that is no key (a mouse report other than the wheel): skip `length` inputs.
        case ignored(length: Int)
        /// The batch ends inside what may be a sequence: wait for more.
        case incomplete
        /// Not a sequence: a lone Escape (or Alt with the next key).
        case none
    }

    /// Longest sequence accepted; anything longer is not a key.
    static let maxLength = 24

    static func parse(_ batch: [RawInput], at start: Int) -> Result {
        guard start + 1 < batch.count else { return .incomplete }
        guard case let .character(introducer) = batch[start + 1] else { return .none }
        switch introducer {
        case 0x5B:  // [
            return csi(batch, at: start)
        case 0x4F:  // O
            guard start + 2 < batch.count else { return .incomplete }
            guard case let .character(final) = batch[start + 2], let key = ss3(final) else { return .none }
            return .key(key, length: 3)
        default:
            return .none
        }
    }

    private static func csi(_ batch: [RawInput], at start: Int) -> Result {
        var parameters: [UInt32] = []
        var index = start + 2
        while index < batch.count, index - start < maxLength {
            guard case let .character(c) = batch[index] else { return .none }
            // Linux console F1-F5: ESC [ [ A … E.
            if index == start + 2, c == 0x5B {
                guard index + 1 < batch.count else { return .incomplete }
                guard case let .character(letter) = batch[index + 1], (0x41...0x45).contains(letter) else { return .none }
                return .key(.function(Int(letter) - 0x40), length: 4)
            }
            switch c {
            case 0x30...0x3F, 0x20...0x2F:
                parameters.append(c)
            case 0x40...0x7E:
                let length = index - start + 1
                if parameters.first == 0x3C, c == 0x4D || c == 0x6D {  // ESC [ < b ; x ; y M (or m)
                    return sgrMouse(parameters: parameters, length: length)
                }
                return .key(csiKey(parameters: parameters, final: c), length: length)
            default:
                return .none
            }
            index += 1
        }
        return index - start >= maxLength ? .none : .incomplete
    }

    /// An SGR mouse report (`ESC [ < button ; column ; row M`): the wheel is a key, whatever the
    /// modifiers; every other report is ignored, as curses' mouse mask ignored it.
    static func sgrMouse(parameters: [UInt32], length: Int) -> Result {
        var button = 0
        for c in parameters.dropFirst() {
            guard (0x30...0x39).contains(c) else { break }
            button = button * 10 + Int(c - 0x30)
            if button > 1_000 { break }
        }
        switch button & ~(4 | 8 | 16) {  // Shift, Meta, Ctrl
        case 64: return .key(.wheelUp, length: length)
        case 65: return .key(.wheelDown, length: length)
        default: return .ignored(length: length)
        }
    }

    /// The key of `ESC [ parameters final`.
    static func csiKey(parameters: [UInt32], final: UInt32) -> Key {
        let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
        let first = Int(text.split(separator: ";", omittingEmptySubsequences: false).first ?? "") ?? 1
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return .backTab
        case 0x50...0x53: return .function(Int(final) - 0x4F)  // ESC [1;2P … S
        case 0x7E: return tildeKey(first)
        default: return .unknown
        }
    }

    /// `ESC [ n ~` as sent by xterm, tmux, screen, rxvt and the Linux console.
    static func tildeKey(_ number: Int) -> Key {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return .unknown
        }
    }

    /// `ESC O final` (application cursor and keypad mode).
    static func ss3(_ final: UInt32) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(final) - 0x4F)
        case 0x4D: return .enter
        default: return nil
        }
    }
}
