import Testing
import StudyModel
@testable import StudyEngine

@Suite struct GradingTests {
    @Test(arguments: [
        ("Chlorophyll", "chlorophyll"), ("  the Calvin cycle ", "Calvin cycle"), ("Calvin cycle.", "the Calvin cycle"),
        ("chlorophyl", "chlorophyll"), ("cholrophyll", "chlorophyll"), ("Éléphant", "elephant"), ("1000", "1,000"),
        ("1,000", "1000"), ("21 percent", "21%"), ("3.50", "3.5"), ("Robespiere", "Robespierre"), ("a stroma", "stroma"),
        ("ATP", "atp"), ("Louis XVI", "Louis XVI"),
    ])
    func acceptedTypedAnswers(given: String, expected: String) {
        #expect(TypedAnswerMatcher.matches(given, expected: expected))
    }

    @Test(arguments: [
        ("1790", "1789"), ("cat", "car"), ("chlorofil", "chlorophyll"), ("", "stroma"), ("1,00", "100"),
        ("ATP", "ADP"), ("mitosis", "meiosis"), ("12", "1,2"),
    ])
    func rejectedTypedAnswers(given: String, expected: String) {
        #expect(!TypedAnswerMatcher.matches(given, expected: expected))
    }

    @Test func damerauCountsTranspositionAsOne() {
        #expect(DamerauLevenshtein.distance("abcd", "acbd") == 1)
        #expect(DamerauLevenshtein.distance("kitten", "sitting") == 3)
        #expect(DamerauLevenshtein.distance("", "abc") == 3)
        #expect(DamerauLevenshtein.distance("abcdef", "uvwxyz", limit: 2) > 2)
    }

    func sampleQuestions() -> [Question] {
        [
            Question(id: "q1", kind: .multipleChoice, prompt: "p1", options: ["a", "b", "c", "d"], correctOptions: [2], sourceSentence: "s"),
            Question(id: "q2", kind: .multipleAnswer, prompt: "p2", options: ["a", "b", "c", "d"], correctOptions: [0, 3], sourceSentence: "s"),
            Question(id: "q3", kind: .trueFalse, prompt: "p3", options: ["True", "False"], correctOptions: [1], sourceSentence: "s"),
            Question(id: "q4", kind: .fillInBlank, prompt: "p4", acceptedAnswers: ["photosynthesis"], sourceSentence: "s", points: 2),
        ]
    }

    @Test func choiceGradingIsExactAndMultipleAnswerAllOrNothing() {
        let q = sampleQuestions()
        #expect(Grader.isCorrect(q[0], QuestionResponse(selectedOptions: [2])))
        #expect(!Grader.isCorrect(q[0], QuestionResponse(selectedOptions: [2, 1])))
        #expect(!Grader.isCorrect(q[0], QuestionResponse(selectedOptions: [9])))
        #expect(Grader.isCorrect(q[1], QuestionResponse(selectedOptions: [3, 0])))
        #expect(!Grader.isCorrect(q[1], QuestionResponse(selectedOptions: [0])))
        #expect(!Grader.isCorrect(q[1], QuestionResponse(selectedOptions: [0, 1, 2, 3])))
        #expect(!Grader.isCorrect(q[2], QuestionResponse()))
        #expect(Grader.isCorrect(q[3], QuestionResponse(text: "Photosynthsis")))
    }

    @Test func attemptScoreWeighsPoints() {
        let responses: [String: QuestionResponse] = [
            "q1": QuestionResponse(selectedOptions: [2]),
            "q2": QuestionResponse(selectedOptions: [0], flagged: true),
            "q4": QuestionResponse(text: "photosynthesis"),
            "unknown": QuestionResponse(selectedOptions: [0]),
        ]
        let graded = Grader.grade(questions: sampleQuestions(), responses: responses)
        #expect(graded.answers.map(\.questionId) == ["q1", "q2", "q3", "q4"])
        #expect(graded.answers.map(\.correct) == [true, false, false, true])
        #expect(graded.answers[1].flagged)
        #expect(graded.pointsEarned == 3 && graded.pointsPossible == 5)
        #expect(graded.score == 60)
        #expect(graded.correctCount == 2)
        let attempt = graded.makeAttempt(examId: "e1", userId: "u1", startedAt: .now())
        #expect(attempt.score == 60)
    }

    @Test func generatedExamGradesPerfectlyWithItsOwnAnswers() throws {
        let draft = try ExamGenerator(configuration: Exam.Configuration(questionCount: 10)).generate(from: Fixtures.frenchRevolution)
        var responses: [String: QuestionResponse] = [:]
        for q in draft.questions {
            responses[q.id] = q.kind == .fillInBlank
                ? QuestionResponse(text: q.acceptedAnswers.first?.uppercased())
                : QuestionResponse(selectedOptions: q.correctOptions)
        }
        #expect(Grader.grade(questions: draft.questions, responses: responses).score == 100)
        #expect(Grader.grade(questions: draft.questions, responses: [:]).score == 0)
    }
}
