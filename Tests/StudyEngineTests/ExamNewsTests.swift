import Foundation
import Testing
import StudyModel
@testable import StudyEngine

/// News prose: options keep to the kind of name they replace, a name is blanked once, and
/// true/false statements stay short.
@Suite struct ExamNewsTests {
    static let article = """
    Maria Lopez said the airline would review its policy after the incident. \
    The flight from Denver to Chicago was operated by Skyway, and Skyway later apologised to passengers. \
    Lopez told reporters that the crew had acted correctly in Denver. \
    Passengers on Skyway and on Northjet were delayed in Chicago for three hours. \
    A spokesman for Aerolink said its own crews would not be affected. \
    Tom Becker said that the agency in Boston had opened an inquiry into Skyway. \
    Becker added that similar incidents involving Northjet and Aerolink were studied in Boston last year. \
    Travellers in Phoenix and in Seattle reported longer queues on Monday, and staff in Seattle were moved to help them. \
    The long statement about the review of the incident, the reports of the crew, the queues and the inquiry, which went on for many more words than a student could keep in mind at once, was published on Tuesday.
    """

    func questions(_ types: [Question.Kind], seed: UInt64 = 0) throws -> [Question] {
        try ExamGenerator(configuration: Exam.Configuration(questionCount: 12, questionTypes: types), seed: seed)
            .generate(from: Self.article).questions
    }

    static let places: Set<String> = ["Denver", "Chicago", "Boston", "Phoenix", "Seattle"]
    static let people: Set<String> = ["Maria Lopez", "Lopez", "Tom Becker", "Becker"]

    @Test func namesKeepToTheirKindInOptions() throws {
        for seed in 0..<4 {
            for q in try questions([.multipleChoice], seed: UInt64(seed)) {
                guard let correct = q.correctOptions.first else { continue }
                let answer = q.options[correct]
                let wrong = q.options.enumerated().filter { $0.offset != correct }.map(\.element)
                if Self.places.contains(answer) {
                    #expect(wrong.allSatisfy { !Self.people.contains($0) }, "person offered for a place: \(q.options)")
                } else if !Self.people.contains(answer), !answer.contains(where: \.isNumber) {
                    // An airline: neither people nor places as wrong options.
                    #expect(wrong.allSatisfy { !Self.people.contains($0) && !Self.places.contains($0) }, "wrong kind: \(q.options)")
                }
            }
        }
    }

    @Test func aNameIsBlankedOnceAndStatementsStayShort() throws {
        for seed in 0..<4 {
            for q in try questions([.fillInBlank, .multipleChoice, .trueFalse], seed: UInt64(seed)) {
                if q.kind != .trueFalse {
                    #expect(q.prompt.components(separatedBy: QuestionFactory.blank).count == 2, "blank twice: \(q.prompt)")
                } else {
                    #expect(q.prompt.split(separator: " ").count <= QuestionFactory.maxStatementWords + 4, "long statement: \(q.prompt)")
                }
            }
        }
    }
}
