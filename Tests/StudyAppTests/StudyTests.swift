import Testing
import StudyApp
import StudyEngine
import StudyModel

/// Three questions: multiple choice (right: b), multiple answer (right: a and c), fill-in ("chlorophyll").
func sampleExam(timeLimit: Int? = nil, owner: String = "alice") -> Exam {
    Exam(id: "x1", owner: owner, contentId: "d1", title: "Plants · 3 questions", questions: [
        Question(id: "q1", kind: .multipleChoice, prompt: "Which gas do plants take in?",
                 options: ["oxygen", "carbon dioxide", "helium", "neon"], correctOptions: [1],
                 sourceSentence: "Plants take in carbon dioxide."),
        Question(id: "q2", kind: .multipleAnswer, prompt: "Which are plant organs?",
                 options: ["leaf", "wing", "root", "fin"], correctOptions: [0, 2], sourceSentence: "Leaves and roots are organs."),
        Question(id: "q3", kind: .fillInBlank, prompt: "Leaves are green because of ____.",
                 acceptedAnswers: ["chlorophyll"], sourceSentence: "Leaves are green because of chlorophyll."),
    ], configuration: Exam.Configuration(questionCount: 3, timeLimitSeconds: timeLimit))
}

func stateWithExam(_ exam: Exam = sampleExam()) -> AppState {
    var state = AppState(settings: settings(), backendName: "test")
    state.focus = .exams
    state.exams.contentId = exam.contentId
    _ = AppReducer.reduce(&state, .exams(.loaded(contentId: exam.contentId, exams: [exam])))
    return state
}

@Suite struct GenerateTests {
    @Test func summaryDialogBecomesSummarizeEffectAndResultIsShown() throws {
        var state = AppState(settings: settings(), backendName: "test")
        state.summaries.contentId = "d1"
        _ = AppReducer.reduce(&state, .generate(.summary(contentId: "d1")))
        _ = AppReducer.reduce(&state, .generate(.adjust(1)))   // brief -> detailed
        _ = AppReducer.reduce(&state, .generate(.move(1)))
        _ = AppReducer.reduce(&state, .generate(.adjust(2)))   // academic -> concise
        _ = AppReducer.reduce(&state, .generate(.move(1)))
        _ = AppReducer.reduce(&state, .generate(.adjust(2)))   // auto -> 2 sentences
        let effects = AppReducer.reduce(&state, .generate(.submit))
        #expect(state.dialog == nil)
        #expect(state.summaries.generating)
        let options = try #require(effects.compactMap { effect -> SummaryOptions? in
            if case let .summarize(contentId, options, nil, "alice") = effect, contentId == "d1" { return options }
            return nil
        }.first)
        #expect(options.type == .detailed)
        #expect(options.style == .concise)
        #expect(options.sentences == 2)

        let made = Summary(id: "s1", owner: "alice", contentId: "d1", summaryText: "Plants grow.", summaryType: .detailed,
                           metadata: Summary.Metadata(engine: "offline"))
        _ = AppReducer.reduce(&state, .generate(.summaryGenerated(made, fallbackReason: "The provider timed out.")))
        #expect(!state.summaries.generating)
        #expect(state.summaries.items.first?.id == "s1")
        #expect(state.summaries.reading == "s1")
        #expect(state.notice == Notice("The provider timed out.", isError: true))
        // Rating the new summary still works with number keys.
        #expect(AppReducer.reduce(&state, .summaries(.rate(score: 4))).contains { if case .saveSummary = $0 { true } else { false } })
    }

    @Test func applyingATemplateUsesItsSettingsAndCountsTheUse() throws {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .generate(.summary(contentId: "d1")))
        let template = Template(id: "t1", name: "Terms", type: .summary,
                                summaryConfig: Template.SummaryConfig(summaryType: .keyTerms, sentences: 6), createdBy: "alice")
        let examOnly = Template(id: "t2", name: "Quiz", type: .exam, examConfig: Exam.Configuration(), createdBy: "alice")
        _ = AppReducer.reduce(&state, .generate(.templatesLoaded([examOnly, template])))
        _ = AppReducer.reduce(&state, .generate(.move(10)))    // the template row is last
        _ = AppReducer.reduce(&state, .generate(.adjust(1)))
        #expect(state.dialog?.templateId == "t1", "exam-only templates are skipped in the summary dialog")
        let effects = AppReducer.reduce(&state, .generate(.submit))
        #expect(effects.contains(.recordTemplateUse(id: "t1")))
        #expect(effects.contains(.summarize(contentId: "d1", options: SummaryOptions(type: .keyTerms, sentences: 6),
                                            templateId: "t1", owner: "alice")))
    }

    @Test func examDialogBuildsTheConfiguration() throws {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .generate(.exam(contentId: "d1")))
        _ = AppReducer.reduce(&state, .generate(.adjust(3)))   // 5 -> 8 questions
        _ = AppReducer.reduce(&state, .generate(.move(3)))     // true/false row
        _ = AppReducer.reduce(&state, .generate(.toggle))      // leave it out
        _ = AppReducer.reduce(&state, .generate(.move(3)))     // time limit
        _ = AppReducer.reduce(&state, .generate(.adjust(3)))   // 5 minutes
        let effects = AppReducer.reduce(&state, .generate(.submit))
        let configuration = try #require(effects.compactMap { effect -> Exam.Configuration? in
            if case let .makeExam(_, configuration, _, _) = effect { return configuration }
            return nil
        }.first)
        #expect(configuration.questionCount == 8)
        #expect(configuration.questionTypes == [.multipleChoice, .multipleAnswer, .fillInBlank])
        #expect(configuration.timeLimitSeconds == 300)
        #expect(state.exams.generating)
    }
}

@Suite struct ExamSessionTests {
    @Test func answeringNavigatingFlaggingAndSubmittingGradesAndRecords() throws {
        var state = stateWithExam()
        #expect(AppReducer.reduce(&state, .activate).isEmpty, "untimed: no ticks")
        #expect(state.examSession?.index == 0)
        _ = AppReducer.reduce(&state, .examSession(.choose(0)))
        _ = AppReducer.reduce(&state, .examSession(.choose(1)))           // single choice: replaces
        _ = AppReducer.reduce(&state, .examSession(.navigate(1)))
        _ = AppReducer.reduce(&state, .examSession(.choose(0)))
        _ = AppReducer.reduce(&state, .examSession(.choose(3)))
        _ = AppReducer.reduce(&state, .examSession(.choose(3)))           // multiple answer: toggles off
        _ = AppReducer.reduce(&state, .examSession(.choose(2)))
        _ = AppReducer.reduce(&state, .examSession(.toggleFlag))
        _ = AppReducer.reduce(&state, .examSession(.navigate(-1)))
        #expect(state.examSession?.index == 0)
        _ = AppReducer.reduce(&state, .examSession(.navigate(2)))
        _ = AppReducer.reduce(&state, .examSession(.choose(0)))           // ignored on a fill-in question
        #expect(state.examSession?.responses["q3"] == nil)
        // Past the last question: asks to submit, naming the unanswered one.
        _ = AppReducer.reduce(&state, .examSession(.navigate(1)))
        #expect(state.examSession?.confirm == .submit(unanswered: [3]))
        _ = AppReducer.reduce(&state, .examSession(.confirm(false)))
        _ = AppReducer.reduce(&state, .examSession(.setText("Chlorophyl")))  // one typo is tolerated
        _ = AppReducer.reduce(&state, .examSession(.submit))
        #expect(state.examSession?.confirm == .submit(unanswered: []))
        let effects = AppReducer.reduce(&state, .examSession(.confirm(true)))
        let result = try #require(state.examSession?.result)
        #expect(result.correctCount == 3)
        #expect(result.score == 100)
        #expect(result.answers[1].flagged)
        let attempt = try #require(effects.compactMap { effect -> ExamAttempt? in
            if case let .recordAttempt(attempt) = effect { return attempt }
            return nil
        }.first)
        #expect(attempt.examId == "x1" && attempt.userId == "alice" && attempt.score == 100)
        // Answers cannot change after submitting.
        _ = AppReducer.reduce(&state, .examSession(.choose(0)))
        #expect(state.examSession?.result?.score == 100)
    }

    @Test func wrongAnswersScoreLessAndResultsCloseIntoHistory() throws {
        var state = stateWithExam()
        _ = AppReducer.reduce(&state, .examSession(.take(examId: "x1")))
        _ = AppReducer.reduce(&state, .examSession(.choose(0)))           // wrong
        _ = AppReducer.reduce(&state, .examSession(.submit))
        #expect(state.examSession?.confirm == .submit(unanswered: [2, 3]))
        _ = AppReducer.reduce(&state, .examSession(.confirm(true)))
        #expect(state.examSession?.result?.correctCount == 0)
        var recorded = sampleExam()
        recorded.attempts = Exam.AttemptSummary(count: 1, bestScore: 0, lastScore: 0, averageScore: 0)
        _ = AppReducer.reduce(&state, .examSession(.attemptRecorded(recorded)))
        #expect(state.examSession?.recorded == true)
        #expect(state.exams.items.first?.attempts.count == 1)
        let effects = AppReducer.reduce(&state, .examSession(.escape))
        #expect(state.examSession == nil)
        #expect(state.exams.attemptsFor == "x1")
        #expect(effects.contains(.loadAttempts(examId: "x1")))
    }

    @Test func escapeAsksBeforeAbandoning() {
        var state = stateWithExam()
        _ = AppReducer.reduce(&state, .examSession(.take(examId: "x1")))
        _ = AppReducer.reduce(&state, .examSession(.choose(1)))
        _ = AppReducer.reduce(&state, .examSession(.escape))
        #expect(state.examSession?.confirm == .abandon)
        _ = AppReducer.reduce(&state, .examSession(.confirm(false)))
        #expect(state.examSession?.responses["q1"]?.selectedOptions == [1], "staying keeps the answers")
        _ = AppReducer.reduce(&state, .examSession(.escape))
        #expect(AppReducer.reduce(&state, .examSession(.confirm(true))) == [.saveExamProgress(nil)],
                "abandoning records nothing and removes the saved progress")
        #expect(state.examSession == nil)
    }

    @Test func timerTicksAndSubmitsWhenTimeIsUp() throws {
        var state = stateWithExam(sampleExam(timeLimit: 60))
        let first = AppReducer.reduce(&state, .examSession(.take(examId: "x1")))
        let session = try #require(state.examSession)
        #expect(first.first == .examTick(sessionId: session.id, after: .seconds(1)))
        #expect(first.dropFirst().allSatisfy { if case .saveExamProgress(.some) = $0 { true } else { false } })
        #expect(session.secondsLeft == 60)
        _ = AppReducer.reduce(&state, .examSession(.choose(1)))
        let halfway = session.startedAt.adding(milliseconds: 30_000)
        #expect(AppReducer.reduce(&state, .examSession(.tick(sessionId: session.id, now: halfway))).count == 1)
        #expect(state.examSession?.secondsLeft == 30)
        // A tick of an older session changes nothing.
        let late = session.startedAt.adding(milliseconds: 61_000)
        #expect(AppReducer.reduce(&state, .examSession(.tick(sessionId: session.id - 1, now: late))).isEmpty)
        #expect(state.examSession?.result == nil)
        let effects = AppReducer.reduce(&state, .examSession(.tick(sessionId: session.id, now: late)))
        #expect(state.examSession?.timedOut == true)
        #expect(state.examSession?.result?.correctCount == 1, "answers given before the limit count")
        #expect(effects.contains { if case .recordAttempt = $0 { true } else { false } })
        // No more ticks once submitted.
        #expect(AppReducer.reduce(&state, .examSession(.tick(sessionId: session.id, now: late.adding(milliseconds: 1000)))).isEmpty)
    }
}
