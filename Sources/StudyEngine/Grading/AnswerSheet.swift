import Foundation
import StudyModel

/// Grading from files, for `studycircle exam grade EXAM.json ANSWERS.json`: the exam as
/// `studycircle exam --json` prints it (or a stored exam, or a bare list of questions), and
/// the answers as a JSON object from question id to answer:
///
/// ```json
/// {"q1": "b", "q2": ["a", "c"], "q3": "True", "q4": "congestion window", "q5": 2}
/// ```
///
/// A choice is an option letter (`a`, `b`, …), a 0-based option index, or the option's
/// text; several choices are a list. A fill-in answer is the typed text. Grading is the
/// app's (`Grader`), so typed answers get the same tolerance.
public enum AnswerSheet {
    /// Why a file could not be used, in words a student can act on.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    struct QuestionList: Decodable { var questions: [Question] }

    /// The questions of an exam file.
    public static func questions(from data: Data) throws -> [Question] {
        let decoder = JSONDecoder()
        if let list = try? decoder.decode(QuestionList.self, from: data) { return list.questions }
        if let list = try? decoder.decode([Question].self, from: data) { return list }
        throw Problem("The exam file is not an exam in JSON. Make one with `studycircle exam FILE --json > exam.json`.")
    }

    /// The responses in an answers file, checked against the questions.
    public static func responses(from data: Data, questions: [Question]) throws -> [String: QuestionResponse] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem("The answers file must be a JSON object from question id to answer, e.g. {\"q1\": \"b\", \"q2\": \"photosynthesis\"}.")
        }
        var out: [String: QuestionResponse] = [:]
        for (id, value) in object {
            guard let question = questions.first(where: { $0.id == id }) else {
                throw Problem("The answers name question '\(id)', which the exam does not have (it has \(questions.map(\.id).joined(separator: ", "))).")
            }
            out[id] = try response(value, to: question)
        }
        return out
    }

    static func response(_ value: Any, to question: Question) throws -> QuestionResponse {
        if question.kind == .fillInBlank {
            if let text = value as? String { return QuestionResponse(text: text) }
            if let number = value as? NSNumber { return QuestionResponse(text: number.stringValue) }
            throw Problem("Question \(question.id) is a fill-in: give the answer as text.")
        }
        let values = (value as? [Any]) ?? [value]
        var chosen: [Int] = []
        for item in values {
            guard let index = optionIndex(item, in: question) else {
                throw Problem("Question \(question.id): '\(item)' is not one of its options (use a letter a–\(AnswerSheet.letter(question.options.count - 1)), a 0-based index or the option's text).")
            }
            chosen.append(index)
        }
        return QuestionResponse(selectedOptions: chosen)
    }

    static func optionIndex(_ item: Any, in question: Question) -> Int? {
        if let number = item as? Int { return question.options.indices.contains(number) ? number : nil }
        guard let text = (item as? String)?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if text.count == 1, let scalar = text.lowercased().unicodeScalars.first, scalar.isASCII,
           (97...122).contains(scalar.value) {
            let index = Int(scalar.value) - 97
            if question.options.indices.contains(index) { return index }
        }
        return question.options.firstIndex { TypedAnswerMatcher.normalise($0) == TypedAnswerMatcher.normalise(text) }
    }

    static func letter(_ index: Int) -> String {
        index >= 0 && index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : String(index + 1)
    }

    /// Grades and renders: one line per question, then the score.
    public static func renderText(_ graded: GradedAttempt, questions: [Question]) -> String {
        var lines: [String] = []
        for (question, answer) in zip(questions, graded.answers) {
            let expected = question.kind == .fillInBlank
                ? question.acceptedAnswers.joined(separator: " / ")
                : question.correctOptions.map { letter($0) }.joined(separator: ", ")
            let given = question.kind == .fillInBlank
                ? (answer.text ?? "-")
                : (answer.selectedOptions.isEmpty ? "-" : answer.selectedOptions.map { letter($0) }.joined(separator: ", "))
            lines.append("\(question.id): \(answer.correct ? "right" : "wrong") (given \(given); expected \(expected))")
        }
        lines.append("Score: \(graded.correctCount)/\(graded.questionCount) right, \(graded.score)%")
        return lines.joined(separator: "\n")
    }
}
