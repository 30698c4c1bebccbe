import StudyEngine
import StudyModel

extension AppReducer {
    /// How often a timed exam's clock is redrawn (and its deadline checked).
    static let examTickInterval: Duration = .seconds(1)

    static func reduceExamSession(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case let .takeExam(examId):
            return startExam(&state, examId: examId)
        case let .examProgressLoaded(progress):
            state.savedExam = progress
            if let progress, state.examSession == nil {
                state.notice = Notice("An unfinished exam was saved: \(progress.exam.title). :resume continues it.")
            }
            return []
        case .resumeExam:
            guard let progress = state.savedExam else {
                state.notice = Notice("There is no unfinished exam to resume.", isError: true)
                return []
            }
            return begin(&state, exam: progress.exam, progress: progress)
        case let .showExamHistory(examId):
            state.exams.attemptsFor = examId
            state.exams.attempts = []
            return [.loadAttempts(examId: examId)]
        case let .attemptRecorded(exam):
            if let index = state.exams.items.firstIndex(where: { $0.id == exam.id }) { state.exams.items[index] = exam }
            if state.examSession?.exam.id == exam.id { state.examSession?.recorded = true }
            if state.exams.attemptsFor == exam.id { return [.loadAttempts(examId: exam.id)] }
            return []
        case let .examTick(sessionId, now):
            guard var session = state.examSession, session.id == sessionId, session.result == nil else { return [] }
            session.now = max(session.now, now)
            state.examSession = session
            if session.secondsLeft == 0 {
                state.examSession?.timedOut = true
                return finishExam(&state)
            }
            return [.examTick(sessionId: sessionId, after: examTickInterval)]
        default:
            break
        }
        // The rest act on a running exam only (not on its results, not under a confirmation).
        guard var session = state.examSession else { return [] }
        switch action {
        case .examEscape:
            if session.result != nil { return closeResults(&state) }
            session.confirm = session.confirm == nil ? .abandon : nil
            state.examSession = session
            return []
        case let .examConfirm(yes):
            return confirm(&state, yes)
        case let .examScrollReview(delta):
            guard session.result != nil else { return [] }
            session.reviewTop = max(0, session.reviewTop.addingClamped(delta))
            state.examSession = session
            return []
        default:
            break
        }
        guard session.result == nil, session.confirm == nil, let question = session.question else { return [] }
        switch action {
        case let .examNavigate(delta):
            let target = session.index.addingClamped(delta)
            if target >= session.exam.questions.count { return reduceExamSession(&state, .examSubmit) }
            session.index = max(0, target)
        case let .examChoose(option):
            guard question.kind != .fillInBlank, question.options.indices.contains(option) else { return [] }
            var response = session.response(question)
            if question.kind == .multipleAnswer {
                if let at = response.selectedOptions.firstIndex(of: option) { response.selectedOptions.remove(at: at) }
                else { response.selectedOptions = (response.selectedOptions + [option]).sorted() }
            } else {
                response.selectedOptions = [option]
            }
            session.responses[question.id] = response
        case let .examSetText(text):
            guard question.kind == .fillInBlank else { return [] }
            var response = session.response(question)
            // Bounded: an answer is a word or a phrase, and a pasted essay must not bloat the attempt.
            response.text = String(text.prefix(200))
            session.responses[question.id] = response
        case .examToggleFlag:
            var response = session.response(question)
            response.flagged.toggle()
            session.responses[question.id] = response
        case .examSubmit:
            session.confirm = .submit(unanswered: session.unanswered)
        default:
            return []
        }
        state.examSession = session
        return []
    }

    static func startExam(_ state: inout AppState, examId: String) -> [Effect] {
        guard let exam = state.exams.items.first(where: { $0.id == examId }) else {
            state.notice = Notice("That exam is no longer listed; reopen the Exams pane.", isError: true)
            return []
        }
        guard !exam.questions.isEmpty else {
            state.notice = Notice("This exam has no questions.", isError: true)
            return []
        }
        // Taking the exam that was left unfinished continues it.
        let progress = state.savedExam?.exam.id == examId ? state.savedExam : nil
        return begin(&state, exam: exam, progress: progress)
    }

    /// Starts a session, from the saved progress when there is one (the clock keeps the time
    /// already spent).
    static func begin(_ state: inout AppState, exam: Exam, progress: ExamProgress?) -> [Effect] {
        state.examSessionCounter += 1
        let now = Timestamp.now()
        var session = ExamSession(id: state.examSessionCounter, exam: exam,
                                  startedAt: now.adding(milliseconds: -(progress?.elapsedMilliseconds ?? 0)))
        session.now = now
        if let progress {
            session.index = min(max(0, progress.index), exam.questions.count - 1)
            session.responses = progress.responses
        }
        state.examSession = session
        state.savedExam = nil
        state.dialog = nil
        state.notice = progress == nil ? nil : Notice("Continuing the exam where you stopped.")
        if session.secondsLeft == 0 {
            state.examSession?.timedOut = true
            return finishExam(&state)
        }
        return session.deadline == nil ? [] : [.examTick(sessionId: session.id, after: examTickInterval)]
    }

    static func confirm(_ state: inout AppState, _ yes: Bool) -> [Effect] {
        guard let confirm = state.examSession?.confirm else { return [] }
        state.examSession?.confirm = nil
        guard yes else { return [] }
        switch confirm {
        case .submit:
            return finishExam(&state)
        case .abandon:
            state.examSession = nil
            state.notice = Notice("Exam left without submitting; nothing was recorded.")
            return []
        }
    }

    /// Grades the answers, shows the results and asks the backend to record the attempt.
    static func finishExam(_ state: inout AppState) -> [Effect] {
        guard var session = state.examSession, session.result == nil else { return [] }
        let graded = Grader.grade(session.exam, responses: session.responses)
        session.result = graded
        session.confirm = nil
        session.reviewTop = 0
        state.examSession = session
        let finishedAt = max(session.now, Timestamp.now())
        let attempt = graded.makeAttempt(examId: session.exam.id, userId: state.settings.userId,
                                         startedAt: session.startedAt, finishedAt: finishedAt)
        return [.recordAttempt(attempt)]
    }

    /// Leaves the results for the exam's history in the Exams pane.
    static func closeResults(_ state: inout AppState) -> [Effect] {
        guard let session = state.examSession else { return [] }
        state.examSession = nil
        state.focus = .exams
        return reduceExamSession(&state, .showExamHistory(examId: session.exam.id))
    }
}
