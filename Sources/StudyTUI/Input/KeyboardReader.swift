import Glibc

/// Reads the keyboard straight from the terminal: one read() of everything waiting, decoded from
/// UTF-8 into `RawInput`, instead of curses' wget_wch, which polls and reads one byte at a time
/// (a PgUp, `ESC [ 5 ~`, cost four polls and four reads, and one more of each to find the end).
///
/// Special keys are left as characters: `InputDecoder` recognises them from the terminal's
/// terminfo key strings (`KeyCodes.sequences`) and the common CSI/SS3 forms. Only X10 mouse
/// reports (`ESC [ M b x y`) are decoded here, because their three bytes are raw numbers that
/// need not be valid UTF-8.
final class KeyboardReader {
    /// Bytes of a UTF-8 character or a mouse report cut off at the end of the last read.
    private var carry: [UInt8] = []
    private let buffer: UnsafeMutableRawBufferPointer

    /// The most read in one call; a longer paste arrives over several turns of the loop (the
    /// decoder keeps a bracketed paste open across batches).
    static let capacity = 65_536

    init() {
        buffer = .allocate(byteCount: Self.capacity, alignment: 1)
    }

    deinit {
        buffer.deallocate()
    }

    enum Outcome {
        case input([RawInput])
        /// The terminal is gone (end of file or an error other than an interruption).
        case closed
    }

    /// Reads what is waiting on `fd`. Call it only when poll() says `fd` is readable, so the
    /// read cannot block.
    func read(from fd: Int32) -> Outcome {
        let count = Glibc.read(fd, buffer.baseAddress, Self.capacity)
        if count < 0 {
            return errno == EINTR || errno == EAGAIN ? .input([]) : .closed
        }
        if count == 0 { return .closed }
        return .input(decode(UnsafeRawBufferPointer(rebasing: buffer[0..<count])))
    }

    /// Decodes `bytes` after what was carried over from the last call.
    func decode(_ bytes: UnsafeRawBufferPointer) -> [RawInput] {
        var out: [RawInput] = []
        out.reserveCapacity(bytes.count)
        if carry.isEmpty {
            carry = Self.decode(bytes, into: &out)
        } else {
            let joined = carry + Array(bytes)
            carry = joined.withUnsafeBytes { Self.decode($0, into: &out) }
        }
        return out
    }

    /// Appends the inputs in `bytes` to `out` and returns the bytes of an unfinished character
    /// or mouse report at the end. Bytes that are not UTF-8 are dropped.
    static func decode(_ bytes: UnsafeRawBufferPointer, into out: inout [RawInput]) -> [UInt8] {
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x1B, i + 2 < count, bytes[i + 1] == 0x5B, bytes[i + 2] == 0x4D {  // ESC [ M
                    guard i + 5 < count else { return Array(bytes[i...]) }
                    out.append(mouse(button: bytes[i + 3]))
                    i += 6
                    continue
                }
                out.append(.character(UInt32(byte)))
                i += 1
                continue
            }
            let length: Int
            var value: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; value = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; value = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; value = UInt32(byte & 0x07)
            default:
                i += 1  // a stray continuation byte or one that never starts UTF-8
                continue
            }
            var valid = true
            var next = i + 1
            while next < i + length, next < count {
                let continuation = bytes[next]
                guard continuation & 0xC0 == 0x80 else { valid = false; break }
                value = value << 6 | UInt32(continuation & 0x3F)
                next += 1
            }
            if !valid {
                i = next  // drop the broken start; the byte that broke it is read again
                continue
            }
            if next < i + length { return Array(bytes[i...]) }  // cut off: wait for the rest
            // Overlong forms and surrogates are not characters.
            let minimum: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
            if value >= minimum, let scalar = Unicode.Scalar(value) {
                out.append(.character(scalar.value))
            }
            i = next
        }
        return []
    }

    /// An X10 mouse report's button byte: the wheel (buttons 4 and 5), whatever the modifiers;
    /// anything else is neither (and is ignored by the decoder, as curses' mask ignored it).
    static func mouse(button byte: UInt8) -> RawInput {
        let code = Int(byte) - 32
        let button = code & ~(4 | 8 | 16)  // Shift, Meta, Ctrl
        return .mouse(wheelUp: button == 64, wheelDown: button == 65)
    }
}
