import Testing
@testable import StudyEngine

/// Scraped news: a closing quote carried to the next sentence and a caption glued on with no
/// space (issue 8, round 16: whole stretches of a story were lost as quote pieces).
@Suite struct SplitterGluedTests {
    let splitter = SentenceSplitter()

    func sentences(_ text: String) -> [String] {
        splitter.split(text).units.filter { $0.kind != .heading }.map(\.text)
    }

    @Test("a closing quote that opens the next sentence goes back to the quote it closes")
    func carriedClosingQuote() {
        let text = "\"It is hard to win the league if you do not want to play for a win. \"Leeds can go top if they beat Hull on Sunday, and the manager added: \"If they go 12 points clear, it is a problem. \"The side have won twice away since 24 September."
        #expect(sentences(text) == [
            "\"It is hard to win the league if you do not want to play for a win.\"",
            "Leeds can go top if they beat Hull on Sunday, and the manager added: \"If they go 12 points clear, it is a problem.",
            "\"The side have won twice away since 24 September.",
        ])
        // Each paragraph of a long quote opens with a mark: a piece that introduces no quote of
        // its own may be the quote going on, so it keeps its mark.
        #expect(sentences("He said: \"It is time the council listened. \"Northland needs a council that fixes roads.\"")
            == ["He said: \"It is time the council listened.", "\"Northland needs a council that fixes roads.\""])
    }

    @Test("well-formed quotes are left alone")
    func wellFormedQuotes() {
        let text = "\"It is hard.\" \"Yes,\" she said. \"We must fight. We can win,\" he added. The club lost."
        #expect(sentences(text) == ["\"It is hard.\"", "\"Yes,\" she said.", "\"We must fight.", "We can win,\" he added.", "The club lost."])
    }

    @Test("a caption glued to the story with no space is cut off; names and identifiers stay whole")
    func gluedCaption() {
        #expect(sentences("Media playback is not supported on this deviceSadio Mane scored twice in 138 seconds.")
            == ["Media playback is not supported on this device", "Sadio Mane scored twice in 138 seconds."])
        #expect(sentences("McDonald met the iPhone team at eBay in March.") == ["McDonald met the iPhone team at eBay in March."])
        #expect(sentences("The method querySelector returns the first match.") == ["The method querySelector returns the first match."])
    }
}
