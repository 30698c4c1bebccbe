import Testing
import StudyApp
@testable import StudyTUI

@Suite struct InputDecoderTests {
    let codes = KeyCodes(table: [259: .up, 338: .pageDown])
    func raw(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func bracketedPasteIsOneKeyWithLineBreaks() {
        var decoder = InputDecoder()
        let keys = decoder.decode(raw("\u{1B}[200~line one\rline two\u{1B}[201~"), keyCodes: codes)
        #expect(keys == [.paste("line one\nline two")])
    }

    @Test func typedLineThenEnterSends() {
        var decoder = InputDecoder()
        #expect(decoder.decode(raw("hi\r"), keyCodes: codes) == [.char("h"), .char("i"), .enter])
    }

    @Test func burstWithLineBreakInsideIsAPaste() {
        var decoder = InputDecoder()
        #expect(decoder.decode(raw("a\rb"), keyCodes: codes) == [.paste("a\nb")])
    }

    @Test func controlsEscapeAndKeyCodes() {
        var decoder = InputDecoder()
        let keys = decoder.decode(raw("\u{17}\u{1B}\t\u{7F}") + [.keyCode(259), .keyCode(338)], keyCodes: codes)
        #expect(keys == [.ctrl("w"), .escape, .tab, .backspace, .up, .pageDown])
    }
}

@Suite struct KeyMappingTests {
    func state(focus: Pane) -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        state.focus = focus
        return state
    }

    @Test func digitsSwitchPanesOutsideTheInputLine() {
        var ui = UIState()
        #expect(KeyHandler.handle(.char("3"), state: state(focus: .rooms), ui: &ui, rows: 24, cols: 80) == [.action(.focus(.library))])
        #expect(KeyHandler.handle(.char("j"), state: state(focus: .library), ui: &ui, rows: 24, cols: 80) == [.action(.move(1))])
        #expect(KeyHandler.handle(.tab, state: state(focus: .messages), ui: &ui, rows: 24, cols: 80) == [.action(.focusNext)])
    }

    @Test func typingInMessagesGoesToTheInputAndEnterSends() {
        var ui = UIState()
        let messages = state(focus: .messages)
        for c in "3 hi" { _ = KeyHandler.handle(.char(c), state: messages, ui: &ui, rows: 24, cols: 80) }
        #expect(ui.message.text == "3 hi")
        #expect(KeyHandler.handle(.enter, state: messages, ui: &ui, rows: 24, cols: 80) == [.action(.messages(.send("3 hi")))])
        #expect(ui.message.isEmpty)
    }

    @Test func pasteDoesNotSend() {
        var ui = UIState()
        let commands = KeyHandler.handle(.paste("a\nb\u{1B}"), state: state(focus: .messages), ui: &ui, rows: 24, cols: 80)
        #expect(commands.isEmpty)
        #expect(ui.message.text == "a\nb")
    }

    @Test func commandLineParsesCommands() {
        #expect(CommandParser.parse("join physics") == [.action(.rooms(.join(name: "physics")))])
        #expect(CommandParser.parse("room new Study Group") == [.action(.rooms(.create(name: "Study Group")))])
        #expect(CommandParser.parse("theme light") == [.theme("light")])
        #expect(CommandParser.parse("q") == [.action(.requestQuit(draft: false))])
        #expect(CommandParser.parse("help") == [.help])
        #expect(CommandParser.parse("resume") == [.action(.examSession(.resume))])
        if case .action(.showNotice(let notice))? = CommandParser.parse("frobnicate").first {
            #expect(notice.isError)
        } else {
            Issue.record("unknown command gave no error")
        }
    }

    @Test func questionMarkOpensHelpAndAnyKeyCloses() {
        var ui = UIState()
        _ = KeyHandler.handle(.char("?"), state: state(focus: .rooms), ui: &ui, rows: 24, cols: 80)
        #expect(ui.helpVisible)
        _ = KeyHandler.handle(.char("x"), state: state(focus: .rooms), ui: &ui, rows: 24, cols: 80)
        #expect(!ui.helpVisible)
    }
}
