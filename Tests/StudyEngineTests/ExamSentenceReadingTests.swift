import Testing
@testable import StudyEngine

/// Long texts read their sentences on several threads (`ExamSentence.make`); the result must
/// be the one a single pass gives, in order, with the same groups.
@Suite struct ExamSentenceReadingTests {
    @Test func sentencesReadInChunksMatchASinglePass() throws {
        var text = "# Notes\n\n"
        for section in 0..<12 {
            text += "## Part \(section)\n\n"
            for line in 0..<8 { text += "The **item \(section)-\(line)** holds \(line * 3) units of stock. " }
            text += "\n\n- First point of part \(section).\n- Second point of part \(section).\n\n"
        }
        let document = try StudyDocument(text: text)
        let indexes = Array(0..<document.sentences.count)
        #expect(indexes.count >= 64)
        let read = ExamSentence.make(document, only: indexes)
        #expect(read.count == indexes.count)
        var group = 0
        for (position, index) in indexes.enumerated() {
            let unit = document.sentences[index]
            if position > 0 {
                let previous = document.sentences[indexes[position - 1]]
                let sameList = unit.kind == .listItem && previous.kind == .listItem && unit.section == previous.section
                    && unit.block <= previous.block + 1
                if !(sameList || unit.block == previous.block) { group += 1 }
            }
            let single = ExamSentence(unit: unit, index: index, group: group)
            #expect(read[position].index == index)
            #expect(read[position].text == single.text)
            #expect(read[position].group == group)
            #expect(read[position].stemProblem == single.stemProblem)
            #expect(read[position].opensBlock == (position == 0 || document.sentences[indexes[position - 1]].block != unit.block))
        }
    }
}
