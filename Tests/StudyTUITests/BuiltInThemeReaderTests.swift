import Testing
@testable import StudyTUI

/// The start-up reader of the built-in themes gives what the TOML parser gives, and declines
/// (returns nil, so the TOML parser decides) whatever it does not know.
@Suite struct BuiltInThemeReaderTests {
    @Test(arguments: BuiltInTheme.sources.map(\.name))
    func sameThemeAsTheTOMLParser(name: String) throws {
        let text = try #require(BuiltInTheme.sources.first { $0.name == name }).text
        let quick = try #require(BuiltInThemeReader.read(text, name: name))
        let full = try ThemeLoader.parse(text, name: name)
        #expect(quick == full)
        #expect(!quick.styles.isEmpty)
    }

    @Test func declinesWhatItDoesNotKnow() {
        let unknownRole = "[styles.no_such_role]\nfg = \"red\"\n"
        let inlineTable = "[styles]\nnormal = { fg = \"red\" }\n"
        let badColour = "[styles.normal]\nfg = \"ultraviolet\"\n"
        let commentAfterValue = "[styles.normal]\nfg = \"red\" # warm\n"
        let repeatedHeader = "[styles.normal]\nfg = \"red\"\n[styles.normal]\nbold = true\n"
        for text in [unknownRole, inlineTable, badColour, commentAfterValue, repeatedHeader] {
            #expect(BuiltInThemeReader.read(text, name: "t") == nil, "\(text)")
        }
    }

    @Test func readsNumbersFlagsAndTheName() throws {
        let text = "# a comment\nname = \"mine\"\n[styles.selected]\nfg = 16\nbg = \"#102030\"\nbold = true\nreverse = false\n"
        let theme = try #require(BuiltInThemeReader.read(text, name: "file"))
        #expect(theme == (try ThemeLoader.parse(text, name: "file")))
        #expect(theme.name == "mine")
        #expect(theme.styles[.selected]?.bold == true)
    }
}
