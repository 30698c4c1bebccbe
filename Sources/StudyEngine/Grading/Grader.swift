import StudyModel

/// A student's response to one question, before grading.
public struct QuestionResponse: Sendable, Hashable, Codable {
    /// Chosen option indexes (choice and true/false questions).
    public var selectedOptions: [Int]
    /// Typed answer (fill-in-the-blank).
    public var text: String?
    public var flagged: Bool

    public init(selectedOptions: [Int] = [], text: String? = nil, flagged: Bool = false) {
        self.selectedOptions = selectedOptions
        self.text = text
        self.flagged = flagged
    }
}

/// The result of grading a whole attempt.
public struct GradedAttempt: Sendable, Hashable, Codable {
    /// One answer per question of the exam, in the exam's order (unanswered ones included,
    /// marked wrong).
    public var answers: [ExamAttempt.Answer]
    /// Percentage 0–100 of points earned (questions weigh by `Question.points`).
    public var score: Double
    public var correctCount: Int
    public var questionCount: Int
    public var pointsEarned: Int
    public var pointsPossible: Int

    /// An `ExamAttempt` entity ready to store.
    public func makeAttempt(examId: String, userId: String, startedAt: Timestamp, finishedAt: Timestamp = .now()) -> ExamAttempt {
        ExamAttempt(examId: examId, userId: userId, answers: answers, score: score, startedAt: startedAt, finishedAt: finishedAt)
    }
}

/// Grades questions and attempts.
///
/// - Multiple choice and true/false: right when exactly the one correct option is chosen.
/// - Multiple answer: all or nothing: right only when the chosen set equals the correct
///   set (no partial credit, so guessing every option never pays).
/// - Fill in the blank: right when the typed text matches any accepted answer under
///   `TypedAnswerMatcher` (case, accents, punctuation, articles, small typos, numbers by value).
public enum Grader {
    public static func isCorrect(_ question: Question, _ response: QuestionResponse) -> Bool {
        switch question.kind {
        case .multipleChoice, .trueFalse, .multipleAnswer:
            let chosen = Set(response.selectedOptions)
            guard !chosen.isEmpty, chosen.allSatisfy({ question.options.indices.contains($0) }) else { return false }
            return chosen == Set(question.correctOptions)
        case .fillInBlank:
            guard let text = response.text else { return false }
            let typed = [text] + (withoutCourtesyTitle(text).map { [$0] } ?? [])
            let isName = ["person", "name"].contains(question.answerKind ?? "")
            let misses = question.nearMisses ?? []
            return question.acceptedAnswers.contains { expected in
                typed.contains { TypedAnswerMatcher.matches($0, expected: expected, nearMisses: misses, isName: isName) }
            }
        }
    }

    /// "Cameron" for a typed "Mr Cameron": the answer without a courtesy title in front, which
    /// names the same person. Ranks and nobility stay ("Lady Macbeth" is not "Macbeth").
    static func withoutCourtesyTitle(_ text: String) -> String? {
        let words = text.trimmingWhitespace().split(separator: " ")
        guard words.count >= 2, let first = words.first,
              courtesyTitles.contains(Tokenizer.fold(String(first)).trimmingAny(of: ".")) else { return nil }
        return words.dropFirst().joined(separator: " ")
    }

    static let courtesyTitles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]

    /// Grades every question of `exam`; `responses` maps question ids to responses.
    /// Responses to unknown question ids are ignored.
    public static func grade(_ exam: Exam, responses: [String: QuestionResponse]) -> GradedAttempt {
        grade(questions: exam.questions, responses: responses)
    }

    public static func grade(questions: [Question], responses: [String: QuestionResponse]) -> GradedAttempt {
        var answers: [ExamAttempt.Answer] = []
        var earned = 0, possible = 0, correctCount = 0
        for question in questions {
            let response = responses[question.id] ?? QuestionResponse()
            let correct = isCorrect(question, response)
            let points = max(0, question.points)
            possible += points
            if correct { earned += points; correctCount += 1 }
            answers.append(ExamAttempt.Answer(questionId: question.id, selectedOptions: response.selectedOptions.sorted(),
                                              text: response.text, correct: correct, flagged: response.flagged))
        }
        let score = possible > 0 ? (Double(earned) / Double(possible) * 1000).rounded() / 10 : 0
        return GradedAttempt(answers: answers, score: score, correctCount: correctCount, questionCount: questions.count,
                             pointsEarned: earned, pointsPossible: possible)
    }
}
