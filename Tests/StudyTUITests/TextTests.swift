import Testing
@testable import StudyTUI
import StudyModel

@Suite struct SanitizerTests {
    @Test func escapeSequencesBecomeVisibleText() {
        let hostile = "a\u{1B}[2Jb\u{1B}]0;title\u{07}c"
        let clean = Sanitizer.clean(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(clean == "a␛[2Jb␛]0;title␇c")
    }

    @Test func c1DelAndBidiControlsAreReplaced() {
        let clean = Sanitizer.clean("x\u{9B}31m\u{7F}\u{202E}evil\u{2066}")
        #expect(!clean.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) || $0.value == 0x7F || $0.value == 0x202E || $0.value == 0x2066 })
        #expect(clean.contains("␡"))
    }

    @Test func newlinesKeptOnlyWhenAskedAndTabsExpand() {
        #expect(Sanitizer.clean("a\r\nb") == "a↵↵b")
        #expect(Sanitizer.clean("a\r\nb", keepNewlines: true) == "a\nb")
        #expect(Sanitizer.clean("a\tb") == "a    b")
    }

    @Test func canvasNeverHoldsControls() {
        var canvas = Canvas(rows: 1, cols: 30)
        canvas.put("\u{1B}[31mred\u{1B}[0m", row: 0, col: 0)
        #expect(canvas.cells.allSatisfy { !$0.text.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(canvas.text(row: 0).hasPrefix("␛[31mred␛[0m"))
    }
}

@Suite struct WidthTests {
    @Test func asciiCJKAndEmoji() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("你好") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func emojiSequencesReducedToWhatCursesCounts() {
        // ZWJ family: drawn as its first emoji, two columns.
        let family = DisplayWidth.glyph(for: "👨‍👩‍👧")
        #expect(family.width == 2)
        #expect(family.text == "👨")
        // Skin tone modifier dropped.
        #expect(DisplayWidth.glyph(for: "👍🏽").text == "👍")
        // Variation selector dropped: text presentation, one column, as wcwidth says.
        #expect(DisplayWidth.glyph(for: "❤️") == Glyph(text: "❤", width: 1))
        // Flags: two regional indicators of one column each.
        #expect(DisplayWidth.glyph(for: "🇫🇷").width == 2)
    }

    @Test func wideGlyphNeverSplitAtTheEdge() {
        var canvas = Canvas(rows: 1, cols: 5)
        canvas.put("ab你好", row: 0, col: 0)
        #expect(canvas.text(row: 0) == "ab你 ")
        #expect(canvas[0, 3].width == 0)
    }

    @Test func truncateAddsEllipsisByWidth() {
        #expect(DisplayWidth.truncate("你好世界", to: 5) == "你好…")
        #expect(DisplayWidth.truncate("abc", to: 5) == "abc")
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtSpacesByDisplayWidth() {
        let lines = Wrap.wrap("the quick brown fox", width: 10).map(\.text)
        #expect(lines == ["the quick", "brown fox"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func cjkLinesFitAndLongWordsBreak() {
        let lines = Wrap.wrap("你好世界你好世界", width: 5).map(\.text)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
        #expect(lines.joined() == "你好世界你好世界")
        let long = Wrap.wrap("abcdefghijkl", width: 5).map(\.text)
        #expect(long == ["abcde", "fghij", "kl"])
    }

    @Test func continuationIndent() {
        let lines = Wrap.wrap([Span("• "), Span("one two three four")], width: 10, indent: [Span("  ")]).map(\.text)
        #expect(lines.first == "• one two")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    }

    @Test func markdownRendersHeadingsListsCodeAndEmphasis() {
        let md = "# Title\n\nSome *soft* and **bold** text.\n\n- one\n- two\n\n```\nlet x = 1\n```\n"
        let lines = MarkdownRenderer.render(md, width: 40)
        let text = lines.map(\.text)
        #expect(text.contains("# Title"))
        #expect(text.contains("• one"))
        #expect(text.contains("  let x = 1"))
        let roles = Set(lines.flatMap(\.spans).map(\.role))
        #expect(roles.isSuperset(of: [.heading, .emphasis, .strong, .code]))
    }
}

@Suite struct LineEditorTests {
    @Test func utf8EditingByGrapheme() {
        var editor = LineEditor()
        editor.insert("héllo 你好 👍🏽")
        editor.backspace()
        #expect(editor.text == "héllo 你好 ")
        editor.left(); editor.left()
        editor.insert("X")
        #expect(editor.text == "héllo 你X好 ")
    }

    @Test func ctrlWDeletesAWord() {
        var editor = LineEditor("send this now  ")
        editor.deleteWordBackward()
        #expect(editor.text == "send this ")
        editor.deleteWordBackward()
        #expect(editor.text == "send ")
    }

    @Test func historyRecallKeepsTheDraft() {
        var editor = LineEditor()
        editor.insert("first"); _ = editor.submit()
        editor.insert("second"); _ = editor.submit()
        editor.insert("draft")
        editor.historyPrevious()
        #expect(editor.text == "second")
        editor.historyPrevious()
        #expect(editor.text == "first")
        editor.historyNext(); editor.historyNext()
        #expect(editor.text == "draft")
    }
}
