import Glibc
import Testing
@testable import StudyTUI

/// The app reads the keyboard itself (one read per batch): UTF-8 split across reads, X10 and SGR
/// mouse reports, and the terminal's own key strings from terminfo.
@Suite struct KeyboardReaderTests {
    func decode(_ reader: KeyboardReader, _ bytes: [UInt8]) -> [RawInput] {
        bytes.withUnsafeBytes { reader.decode($0) }
    }

    func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func asciiWideAndAstralCharactersAreDecoded() {
        let reader = KeyboardReader()
        let text = "a\u{1B}[5~é漢😀"
        #expect(decode(reader, Array(text.utf8)) == chars(text))
    }

    @Test func characterCutOffAtTheEndOfAReadWaitsForTheRest() {
        let reader = KeyboardReader()
        let bytes = Array("x漢😀".utf8)  // 1 + 3 + 4 bytes
        // Every split point, including inside each multi-byte character.
        for cut in 0...bytes.count {
            let first = decode(reader, Array(bytes[..<cut]))
            let second = decode(reader, Array(bytes[cut...]))
            #expect(first + second == chars("x漢😀"), "cut at \(cut)")
        }
    }

    @Test func bytesThatAreNotUTF8AreDroppedAndTheRestKept() {
        let reader = KeyboardReader()
        // A stray continuation byte, an overlong '/', a start byte followed by ASCII, an encoded surrogate.
        let bytes: [UInt8] = [0x80, 0x61, 0xC0, 0xAF, 0xE6, 0x62, 0xED, 0xA0, 0x80, 0x63]
        #expect(decode(reader, bytes) == chars("abc"))
    }

    @Test func x10MouseReportsAreTheWheelOrNothing() {
        let reader = KeyboardReader()
        // Wheel up at column 200 (a byte that is not UTF-8), wheel down with Ctrl, a left click.
        let bytes: [UInt8] = [0x1B, 0x5B, 0x4D, 96, 232, 40] + [0x1B, 0x5B, 0x4D, 97 + 16, 33, 33]
            + [0x1B, 0x5B, 0x4D, 32, 33, 33] + [0x71]
        #expect(decode(reader, bytes) == [.mouse(wheelUp: true, wheelDown: false), .mouse(wheelUp: false, wheelDown: true),
                                          .mouse(wheelUp: false, wheelDown: false), .character(0x71)])
        // Cut off inside a report: held until the rest arrives.
        #expect(decode(reader, [0x1B, 0x5B, 0x4D, 96]).isEmpty)
        #expect(decode(reader, [33, 33]) == [.mouse(wheelUp: true, wheelDown: false)])
        var decoder = InputDecoder()
        #expect(decoder.decode(decode(reader, bytes), keyCodes: KeyCodes(table: [:])) == [.wheelUp, .wheelDown, .char("q")])
    }

    @Test func sgrMouseWheelIsAKeyAndOtherReportsAreSkipped() {
        var decoder = InputDecoder()
        let keys = decoder.decode(chars("\u{1B}[<64;10;5M\u{1B}[<65;200;100M\u{1B}[<0;3;4M\u{1B}[<0;3;4m\u{1B}[<80;1;1Mx"),
                                  keyCodes: KeyCodes(table: [:]))
        #expect(keys == [.wheelUp, .wheelDown, .wheelUp, .char("x")])
        #expect(!decoder.hasPending)
    }

    @Test func readsWhatAPipeHoldsInOneCallAndSeesItsEnd() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let bytes = Array("\u{1B}[5~\u{1B}[6~ü".utf8)
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        close(fds[1])
        let reader = KeyboardReader()
        guard case let .input(raw) = reader.read(from: fds[0]) else {
            Issue.record("expected input")
            return
        }
        #expect(raw == chars("\u{1B}[5~\u{1B}[6~ü"))
        guard case .closed = reader.read(from: fds[0]) else {
            Issue.record("expected the end of input")
            return
        }
    }
}

@Suite struct KeyStringsTests {
    func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    /// The Linux console's entry: Shift-Tab is `ESC Tab`, F1 is `ESC [ [ A`.
    let linux = KeyCodes(table: [:], strings: KeyStrings([
        ("\u{1B}[A", .up), ("\u{1B}[5~", .pageUp), ("\u{1B}\t", .backTab), ("\u{1B}[[A", .function(1)), ("\u{7F}", .backspace),
    ]))

    @Test func terminfoStringsAreKeysBeforeTheCommonForms() {
        var decoder = InputDecoder()
        #expect(decoder.decode(chars("\u{1B}\t\u{1B}[5~\u{1B}[[A\u{1B}[6~\u{7F}"), keyCodes: linux)
            == [.backTab, .pageUp, .function(1), .pageDown, .backspace])
        // Without the entry, Esc then Tab is two keys, as before.
        var plain = InputDecoder()
        #expect(plain.decode(chars("\u{1B}\t"), keyCodes: KeyCodes(table: [:])) == [.escape, .tab])
    }

    @Test func stringCutOffAtTheEndOfABatchIsJoined() {
        var decoder = InputDecoder()
        #expect(decoder.decode(chars("\u{1B}[5"), keyCodes: linux).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.decode(chars("~"), keyCodes: linux) == [.pageUp])
        // Esc alone still becomes Escape after the wait.
        #expect(decoder.decode(chars("\u{1B}"), keyCodes: linux).isEmpty)
        #expect(decoder.flush(keyCodes: linux) == [.escape])
    }

    @Test func longerStringsWinAndDuplicatesKeepTheFirst() {
        let strings = KeyStrings([("\u{1B}O", .home), ("\u{1B}OH", .end), ("\u{1B}OH", .up)])
        #expect(strings.match(chars("\u{1B}OHx"), at: 0) == .key(.end, length: 3))
        #expect(strings.match(chars("\u{1B}Ox"), at: 0) == .key(.home, length: 2))
        #expect(strings.match(chars("\u{1B}x"), at: 0) == EscapeSequence.Result.none)
        #expect(strings.entries.count == 2)
    }
}
