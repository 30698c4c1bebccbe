/// One question of an exam, with what is needed to grade and explain it.
public struct Question: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, StoredEnum {
        case multipleChoice = "multiple_choice"
        case multipleAnswer = "multiple_answer"
        case trueFalse = "true_false"
        case fillInBlank = "fill_in_blank"
    }
    public enum Difficulty: String, StoredEnum { case easy, medium, hard }

    public var id: String
    public var kind: Kind
    /// The question text shown to the student.
    public var prompt: String
    /// Choices for multiple choice / multiple answer / true-false; empty for fill-in.
    public var options: [String]
    /// Indexes into `options` that are right (one for multiple choice and true/false).
    public var correctOptions: [Int]
    /// The expected text for fill-in questions, plus accepted alternatives.
    public var acceptedAnswers: [String]
    /// The sentence of the document the question comes from; shown in the review.
    public var sourceSentence: String
    public var difficulty: Difficulty
    public var points: Int
    /// What the question tests: `term`, `person`, `name`, `date`, `number`, `identifier` or
    /// `statement`. Optional: exams stored before it existed have none.
    public var answerKind: String?
    /// True/false made false: the words of the source sentence that the statement changed.
    public var originalSpan: String?
    /// True/false made false: what the statement says instead of `originalSpan`.
    public var replacementSpan: String?
    /// Fill-in: words the text writes that are within typo distance of the answer but mean
    /// something else ("Clarke" beside "Clark"); the grader takes none of them for a typo.
    /// Optional: exams stored before it existed have none.
    public var nearMisses: [String]?

    public init(
        id: String, kind: Kind, prompt: String, options: [String] = [], correctOptions: [Int] = [],
        acceptedAnswers: [String] = [], sourceSentence: String, difficulty: Difficulty = .medium, points: Int = 1,
        answerKind: String? = nil, originalSpan: String? = nil, replacementSpan: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.correctOptions = correctOptions
        self.acceptedAnswers = acceptedAnswers
        self.sourceSentence = sourceSentence
        self.difficulty = difficulty
        self.points = points
        self.answerKind = answerKind
        self.originalSpan = originalSpan
        self.replacementSpan = replacementSpan
        self.nearMisses = nil
    }
}

/// An exam generated from one document. Attempts are stored apart (see `ExamAttempt`);
/// the exam keeps only bounded aggregates, so it stays small however often it is taken.
public struct Exam: Codable, Sendable, Hashable, Identifiable {
    /// How the exam was asked for.
    public struct Configuration: Codable, Sendable, Hashable {
        public var questionCount: Int
        public var questionTypes: [Question.Kind]
        public var difficulty: Question.Difficulty
        /// Time limit in seconds; nil for untimed.
        public var timeLimitSeconds: Int?
        public var templateId: String?
        public init(questionCount: Int = 10, questionTypes: [Question.Kind] = Question.Kind.allCases,
                    difficulty: Question.Difficulty = .medium, timeLimitSeconds: Int? = nil, templateId: String? = nil) {
            self.questionCount = questionCount
            self.questionTypes = questionTypes
            self.difficulty = difficulty
            self.timeLimitSeconds = timeLimitSeconds
            self.templateId = templateId
        }
    }

    /// Aggregate of all attempts; the attempts themselves live in the attempts store.
    public struct AttemptSummary: Codable, Sendable, Hashable {
        public var count: Int
        /// Sum of scores in hundredths of a percent: an exact integer, so the aggregate is the
        /// same whatever order attempts are folded in (imports replay them newest first).
        public var totalScoreHundredths: Int = 0
        public var bestScore: Double?
        public var lastScore: Double?
        public var averageScore: Double?
        public var lastAttemptAt: Timestamp?
        public init(count: Int = 0, bestScore: Double? = nil, lastScore: Double? = nil, averageScore: Double? = nil, lastAttemptAt: Timestamp? = nil) {
            self.count = count
            self.bestScore = bestScore
            self.lastScore = lastScore
            self.averageScore = averageScore
            self.lastAttemptAt = lastAttemptAt
        }

        /// Tolerates records written before `totalScoreHundredths` existed.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 0
            bestScore = try c.decodeIfPresent(Double.self, forKey: .bestScore)
            lastScore = try c.decodeIfPresent(Double.self, forKey: .lastScore)
            averageScore = try c.decodeIfPresent(Double.self, forKey: .averageScore)
            lastAttemptAt = try c.decodeIfPresent(Timestamp.self, forKey: .lastAttemptAt)
            totalScoreHundredths = try c.decodeIfPresent(Int.self, forKey: .totalScoreHundredths)
                ?? Int(((averageScore ?? 0) * Double(count) * 100).rounded())
        }
    }

    /// Per-question counters: how often each question was answered, and answered right.
    public struct Analytics: Codable, Sendable, Hashable {
        public var answered: [String: Int]
        public var correct: [String: Int]
        public init(answered: [String: Int] = [:], correct: [String: Int] = [:]) {
            self.answered = answered
            self.correct = correct
        }
        /// The share of right answers for a question, if it was ever answered.
        public func correctRate(of questionId: String) -> Double? {
            guard let n = answered[questionId], n > 0 else { return nil }
            return Double(correct[questionId] ?? 0) / Double(n)
        }
    }

    /// Students' feedback: bounded to a count and an average, not a list.
    public struct Feedback: Codable, Sendable, Hashable {
        public var ratings: Int
        public var averageRating: Double?
        public init(ratings: Int = 0, averageRating: Double? = nil) {
            self.ratings = ratings
            self.averageRating = averageRating
        }
    }

    public static let maxQuestions = 200

    public var id: String
    public var owner: String
    public var contentId: String
    public var title: String
    public var questions: [Question]
    public var configuration: Configuration
    public var attempts: AttemptSummary
    public var analytics: Analytics
    public var feedback: Feedback
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String = StudyID.make(), owner: String, contentId: String, title: String, questions: [Question],
        configuration: Configuration = Configuration(), attempts: AttemptSummary = AttemptSummary(),
        analytics: Analytics = Analytics(), feedback: Feedback = Feedback(),
        createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.owner = owner
        self.contentId = contentId
        self.title = title
        self.questions = questions
        self.configuration = configuration
        self.attempts = attempts
        self.analytics = analytics
        self.feedback = feedback
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(title, field: "title", label: "Exam title", max: 200)
        guard !questions.isEmpty else { throw ValidationError("questions", "An exam needs at least one question.") }
        guard questions.count <= Exam.maxQuestions else {
            throw ValidationError("questions", "An exam may have at most \(Exam.maxQuestions) questions.")
        }
    }

    /// Folds a finished attempt into the bounded aggregates; the result does not depend on
    /// the order in which attempts are folded.
    public mutating func record(_ attempt: ExamAttempt) {
        attempts.count += 1
        attempts.totalScoreHundredths += Int((attempt.score * 100).rounded())
        attempts.averageScore = Double(attempts.totalScoreHundredths) / 100 / Double(attempts.count)
        attempts.bestScore = max(attempts.bestScore ?? attempt.score, attempt.score)
        // Attempts finished in the same millisecond keep the higher score, so the result stays
        // independent of the order in which they are folded (a migration replays them in any order).
        let isLater = attempts.lastAttemptAt.map { last in
            attempt.finishedAt > last || (attempt.finishedAt == last && attempt.score >= (attempts.lastScore ?? attempt.score))
        } ?? true
        if isLater {
            attempts.lastScore = attempt.score
            attempts.lastAttemptAt = attempt.finishedAt
        }
        for answer in attempt.answers {
            analytics.answered[answer.questionId, default: 0] += 1
            if answer.correct { analytics.correct[answer.questionId, default: 0] += 1 }
        }
        updatedAt = max(updatedAt, attempt.finishedAt)
    }
}

/// One sitting of an exam by one student. Stored as its own record.
public struct ExamAttempt: Codable, Sendable, Hashable, Identifiable {
    /// The student's answer to one question.
    public struct Answer: Codable, Sendable, Hashable {
        public var questionId: String
        public var selectedOptions: [Int]
        public var text: String?
        public var correct: Bool
        public var flagged: Bool
        public init(questionId: String, selectedOptions: [Int] = [], text: String? = nil, correct: Bool, flagged: Bool = false) {
            self.questionId = questionId
            self.selectedOptions = selectedOptions
            self.text = text
            self.correct = correct
            self.flagged = flagged
        }
    }

    public var id: String
    public var examId: String
    /// The student's user id.
    public var userId: String
    public var answers: [Answer]
    /// Percentage 0-100.
    public var score: Double
    public var startedAt: Timestamp
    public var finishedAt: Timestamp

    public init(id: String = StudyID.make(), examId: String, userId: String, answers: [Answer], score: Double,
                startedAt: Timestamp, finishedAt: Timestamp = .now()) {
        self.id = id
        self.examId = examId
        self.userId = userId
        self.answers = answers
        self.score = score
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
