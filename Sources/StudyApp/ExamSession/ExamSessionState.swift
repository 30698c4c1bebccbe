import Foundation
import StudyEngine
import StudyModel

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
