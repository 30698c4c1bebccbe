import Foundation
import StudyModel

/// What `studycircle exam FILE [--questions N] [--types ...] [--json]` prints.
public struct ExamReport: Sendable, Hashable, Codable {
    public var file: String
    public var requested: Int
    public var questions: [Question]
    public var notes: [String]

    public init(file: String, draft: ExamDraft) {
        self.file = file
        self.requested = draft.configuration.questionCount
        self.questions = draft.questions
        self.notes = draft.notes
    }

    /// Reads and generates; throws the engine's errors (unreadable file, invalid UTF-8,
    /// empty document, bad options) for the command to print.
    public static func make(file: String, configuration: Exam.Configuration, seed: UInt64 = 0,
                            readFile: (String) throws -> String = TextInput.readFile(atPath:)) throws -> ExamReport {
        let draft = try ExamGenerator(configuration: configuration, seed: seed).generate(from: readFile(file))
        return ExamReport(file: file, draft: draft)
    }

    /// Parses `--types` values: comma-separated kind names, either the stored names
    /// (`multiple_choice`) or short ones (`mc`, `ma`, `tf`, `fill`).
    public static func parseTypes(_ text: String) throws -> [Question.Kind] {
        let aliases: [String: Question.Kind] = [
            "mc": .multipleChoice, "choice": .multipleChoice, "multiple-choice": .multipleChoice,
            "ma": .multipleAnswer, "multiple-answer": .multipleAnswer,
            "tf": .trueFalse, "true-false": .trueFalse, "truefalse": .trueFalse,
            "fill": .fillInBlank, "blank": .fillInBlank, "fill-in-blank": .fillInBlank, "fib": .fillInBlank,
        ]
        var kinds: [Question.Kind] = []
        for raw in text.split(separator: ",") {
            let name = raw.trimmingWhitespace().lowercased()
            guard let kind = Question.Kind(rawValue: name) ?? aliases[name] else {
                throw EngineError.invalidOption("Unknown question type '\(name)'. Use any of: multiple_choice (mc), multiple_answer (ma), true_false (tf), fill_in_blank (fill).")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw EngineError.invalidOption("Give at least one question type.") }
        return kinds
    }

    public func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Numbered questions with lettered options; with `showAnswers`, the answers and the
    /// source sentence follow each question (an answer key).
    public func renderText(showAnswers: Bool = true) -> String {
        var out: [String] = []
        for (n, question) in questions.enumerated() {
            out.append("\(n + 1). [\(question.kind.rawValue.replacingOccurrences(of: "_", with: " "))] \(question.prompt)")
            for (i, option) in question.options.enumerated() {
                out.append("   \(Self.letter(i))) \(option)")
            }
            if showAnswers {
                let answer = question.kind == .fillInBlank
                    ? question.acceptedAnswers.joined(separator: " / ")
                    : question.correctOptions.map { Self.letter($0) }.joined(separator: ", ")
                out.append("   Answer: \(answer)")
                out.append("   Source: \(question.sourceSentence)")
            }
            out.append("")
        }
        out.append("\(questions.count) question\(questions.count == 1 ? "" : "s") from \(file) (asked for \(requested), offline).")
        for note in notes { out.append("note: \(note)") }
        return out.joined(separator: "\n")
    }

    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : String(index + 1)
    }
}
