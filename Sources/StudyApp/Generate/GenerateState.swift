import StudyEngine
import StudyModel

/// The dialog that asks how to generate a summary or an exam of a document.
///
/// It lives in `AppState` (not in the frontend) so the reducer can turn it into options and
/// tests can drive it without a terminal.
public struct GenerateDialog: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case summary, exam }

    /// One row of the dialog; ←/→ change its value, Space toggles question types.
    public enum Field: Equatable, Sendable {
        case summaryType, style, sentences, questionCount, questionType(Question.Kind), difficulty, timeLimit, template
    }

    /// Time limits offered, in minutes (0 is untimed).
    public static let timeLimits = [0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120]

    public var kind: Kind
    public var contentId: String
    /// Index into `fields` of the highlighted row.
    public var field = 0
    public var summaryType: Summary.SummaryType = .brief
    public var style: Summary.Style = .academic
    /// Nil lets the engine choose the length for the type.
    public var sentences: Int?
    public var questionCount = 5
    public var questionTypes: [Question.Kind] = Question.Kind.allCases
    public var difficulty: Question.Difficulty = .medium
    public var timeLimitMinutes = 0
    /// The template applied, by id; nil uses the settings above.
    public var templateId: String?

    public init(kind: Kind, contentId: String) {
        self.kind = kind
        self.contentId = contentId
    }

    public var fields: [Field] {
        switch kind {
        case .summary: return [.summaryType, .style, .sentences, .template]
        case .exam: return [.questionCount] + Question.Kind.allCases.map(Field.questionType) + [.difficulty, .timeLimit, .template]
        }
    }

    public var currentField: Field? { fields.indices.contains(field) ? fields[field] : nil }

    /// Whether a template suits this dialog.
    public func accepts(_ template: Template) -> Bool {
        switch kind {
        case .summary: return template.type != .exam && template.summaryConfig != nil
        case .exam: return template.type != .summary && template.examConfig != nil
        }
    }
}

/// Templates the user can apply: their own and public ones, newest first, without duplicates.
public struct TemplatesState: Equatable, Sendable {
    public var items: [Template] = []
    public var loaded = false
    public var loading = false
    public init() {}
}

/// What the exam screen asks before going on.
public enum ExamConfirm: Equatable, Sendable {
    /// Submit; lists the numbers (1-based) of unanswered questions.
    case submit(unanswered: [Int])
    /// Leave the exam without submitting.
    case abandon
}

/// An exam being taken full screen, then its results.
///
/// Answers, flags and the start time are all here, so a resize (or any redraw) loses nothing;
/// the time left is computed from `startedAt` and `now`, which timer ticks advance.
public struct ExamSession: Equatable, Sendable {
    /// Matches timer ticks to this session.
    public var id: Int
    public var exam: Exam
    /// The question shown (0-based).
    public var index = 0
    public var responses: [String: QuestionResponse] = [:]
    public var startedAt: Timestamp
    /// The time of the latest tick; only used to show and enforce the time limit.
    public var now: Timestamp
    public var confirm: ExamConfirm?
    /// Set once submitted: the graded attempt shown on the results screen.
    public var result: GradedAttempt?
    /// The stored attempt, once the backend has recorded it.
    public var recorded = false
    /// True when the time limit ran out and the exam was submitted for the student.
    public var timedOut = false
    /// First line of the results review shown.
    public var reviewTop = 0

    public init(id: Int, exam: Exam, startedAt: Timestamp) {
        self.id = id
        self.exam = exam
        self.startedAt = startedAt
        self.now = startedAt
    }

    public var question: Question? { exam.questions.indices.contains(index) ? exam.questions[index] : nil }

    public var deadline: Timestamp? {
        guard let limit = exam.configuration.timeLimitSeconds, limit > 0 else { return nil }
        return startedAt.adding(milliseconds: Int64(limit) * 1000)
    }

    /// Whole seconds left (rounded up, never negative), or nil when untimed.
    public var secondsLeft: Int? {
        guard let deadline else { return nil }
        let ms = deadline.millisecondsSince1970 - now.millisecondsSince1970
        return max(0, Int((ms + 999) / 1000))
    }

    public func response(_ question: Question) -> QuestionResponse { responses[question.id] ?? QuestionResponse() }

    public func isAnswered(_ question: Question) -> Bool {
        let response = response(question)
        if question.kind == .fillInBlank {
            return !(response.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
        return !response.selectedOptions.isEmpty
    }

    /// 1-based numbers of the questions with no answer.
    public var unanswered: [Int] {
        exam.questions.enumerated().filter { !isAnswered($0.element) }.map { $0.offset + 1 }
    }
}
