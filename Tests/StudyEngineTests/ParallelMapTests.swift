import Testing
@testable import StudyEngine

@Suite struct ParallelMapTests {
    @Test("a long array is mapped on several threads in its own order; a short one on the caller")
    func keepsOrder() {
        let long = Array(0..<5_000)
        #expect(ParallelMap.map(long) { $0 * 3 + 1 } == long.map { $0 * 3 + 1 })
        #expect(ParallelMap.map([4, 5]) { String($0) } == ["4", "5"])
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
    }

    @Test("a text of many paragraphs splits into the same sentences, in order, as each paragraph alone")
    func longTextSplitsLikeItsParagraphs() {
        let paragraphs = (0..<300).map { "Paragraph \($0) opens here. It ends with the number \($0 * 7)." }
        let splitter = SentenceSplitter()
        let units = splitter.split(paragraphs.joined(separator: "\n\n")).units
        let expected = paragraphs.flatMap { splitter.sentences(in: $0) }
        #expect(units.map(\.text) == expected)
        #expect(units.map(\.index) == Array(0..<expected.count))
        #expect(units.last?.block == 299)
    }
}
