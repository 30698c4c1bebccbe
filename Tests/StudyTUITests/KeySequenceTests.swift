import Testing
import StudyApp
@testable import StudyTUI

/// Issue 9, item 15: every common encoding of the special keys, and Esc followed by a digit.
@Suite struct KeySequenceTests {
    let codes = KeyCodes(table: [:])
    func raw(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func everyCommonEncodingOfTheSpecialKeys() {
        let cases: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[1;5H", .home),
            ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
            ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[3;2~", .delete),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
            ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[1;3C", .right), ("\u{1B}OD", .left), ("\u{1B}[Z", .backTab),
            ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)), ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)),
            ("\u{1B}[17~", .function(6)), ("\u{1B}[21~", .function(10)), ("\u{1B}[24~", .function(12)),
            ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)), ("\u{1B}[1;2P", .function(1)),
        ]
        for (sequence, key) in cases {
            var decoder = InputDecoder()
            let keys = decoder.decode(raw(sequence), keyCodes: codes)
            #expect(keys == [key], "\(sequence.debugDescription)")
            #expect(!decoder.hasPending)
        }
    }

    @Test func sequenceSplitAcrossReadsIsJoined() {
        var decoder = InputDecoder()
        #expect(decoder.decode(raw("\u{1B}[4"), keyCodes: codes).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.decode(raw("~x"), keyCodes: codes) == [.end, .char("x")])
    }

    @Test func escapeThenDigitIsNotAKey() {
        // Esc pressed alone: held back, then (after the timeout) Escape.
        var decoder = InputDecoder()
        #expect(decoder.decode(raw("\u{1B}"), keyCodes: codes).isEmpty)
        #expect(decoder.flush(keyCodes: codes) == [.escape])
        // Esc and a digit in one burst (Alt-4) are two keys, never End.
        #expect(decoder.decode(raw("\u{1B}4"), keyCodes: codes) == [.escape, .char("4")])
        // Esc, [ and a digit with nothing after them: after the timeout, three keys.
        #expect(decoder.decode(raw("\u{1B}[4"), keyCodes: codes).isEmpty)
        #expect(decoder.flush(keyCodes: codes) == [.escape, .char("["), .char("4")])
    }

    @Test func homeAndEndWorkInTheInputLineAndLists() {
        var decoder = InputDecoder()
        let keys = decoder.decode(raw("ab\u{1B}[1~X\u{1B}[4~"), keyCodes: codes)
        #expect(keys == [.char("a"), .char("b"), .home, .char("X"), .end])
        var editor = LineEditor()
        for key in keys { KeyHandler.edit(key, editor: &editor) }
        #expect(editor.text == "Xab")
    }
}
