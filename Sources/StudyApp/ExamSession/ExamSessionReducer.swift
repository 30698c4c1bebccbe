import StudyEngine
import StudyModel

extension AppReducer {
    /// How often a timed exam's clock is redrawn (and its deadline checked).
    static let examTickInterval: Duration = .seconds(1)

    /// The exam screen's actions; every change to the answers is also saved (see
    /// `reduceExamSessionSaving`), so nothing typed is lost if the app ends.
    static func reduceExamSessionSaving(_ state: inout AppState, _ action: ExamSessionAction, now: Timestamp) -> [Effect] {
        let before = ExamProgress(state.examSession, now: state.examSession?.now ?? now)
        var effects = reduceExamSession(&state, action, now: now)
        let after = ExamProgress(state.examSession, now: state.examSession?.now ?? now)
        if before != nil || after != nil, !(after?.sameAnswers(as: before) ?? false) {
            effects.append(.saveExamProgress(after))
        }
        return effects
    }

    static func reduceExamSession(_ state: inout AppState, _ action: ExamSessionAction, now: Timestamp) -> [Effect] {
        switch action {
        case let .take(examId):
            return startExam(&state, examId: examId, now: now)
        case let .progressLoaded(progress):
            state.savedExam = progress
            if let progress, state.examSession == nil {
                state.notice = Notice("An unfinished exam was saved: \(progress.exam.title). :resume continues it.")
            }
            return []
        case .resume:
            guard let progress = state.savedExam else {
                state.notice = Notice("There is no unfinished exam to resume.", isError: true)
                return []
            }
            return begin(&state, exam: progress.exam, progress: progress, now: now)
        case let .attemptRecorded(exam):
            if let index = state.exams.items.firstIndex(where: { $0.id == exam.id }) { state.exams.items[index] = exam }
            if state.examSession?.exam.id == exam.id { state.examSession?.recorded = true }
            if state.exams.attemptsFor == exam.id { return [.loadAttempts(examId: exam.id)] }
            return []
        case let .tick(sessionId, tickTime):
            guard var session = state.examSession, session.id == sessionId, session.result == nil else { return [] }
            session.now = max(session.now, tickTime)
            state.examSession = session
            if session.secondsLeft == 0 {
                state.examSession?.timedOut = true
                return finishExam(&state, now: now)
            }
            return [.examTick(sessionId: sessionId, after: examTickInterval)]
        case .escape:
            guard var session = state.examSession else { return [] }
            if session.result != nil { return closeResults(&state) }
            session.confirm = session.confirm == nil ? .abandon : nil
            state.examSession = session
            return []
        case let .confirm(yes):
            return confirm(&state, yes, now: now)
        case let .scrollReview(delta):
            guard var session = state.examSession, session.result != nil else { return [] }
            session.reviewTop = max(0, session.reviewTop.addingClamped(delta))
            state.examSession = session
            return []
        // The rest act on a running exam only (not on its results, not under a confirmation).
        case let .navigate(delta):
            guard var session = answering(state) else { return [] }
            let target = session.index.addingClamped(delta)
            if target >= session.exam.questions.count { return reduceExamSession(&state, .submit, now: now) }
            session.index = max(0, target)
            state.examSession = session
        case let .choose(option):
            guard var session = answering(state), let question = session.question,
                  question.kind != .fillInBlank, question.options.indices.contains(option) else { return [] }
            var response = session.response(question)
            if question.kind == .multipleAnswer {
                if let at = response.selectedOptions.firstIndex(of: option) { response.selectedOptions.remove(at: at) }
                else { response.selectedOptions = (response.selectedOptions + [option]).sorted() }
            } else {
                response.selectedOptions = [option]
            }
            session.responses[question.id] = response
            state.examSession = session
        case let .setText(text):
            guard var session = answering(state), let question = session.question, question.kind == .fillInBlank
            else { return [] }
            var response = session.response(question)
            // Bounded: an answer is a word or a phrase, and a pasted essay must not bloat the attempt.
            response.text = String(text.prefix(200))
            session.responses[question.id] = response
            state.examSession = session
        case .toggleFlag:
            guard var session = answering(state), let question = session.question else { return [] }
            var response = session.response(question)
            response.flagged.toggle()
            session.responses[question.id] = response
            state.examSession = session
        case .submit:
            guard var session = answering(state) else { return [] }
            session.confirm = .submit(unanswered: session.unanswered)
            state.examSession = session
        }
        return []
    }

    /// The session while a question is being answered: not submitted, nothing being asked.
    static func answering(_ state: AppState) -> ExamSession? {
        guard let session = state.examSession, session.result == nil, session.confirm == nil,
              session.question != nil else { return nil }
        return session
    }

    static func startExam(_ state: inout AppState, examId: String, now: Timestamp) -> [Effect] {
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
        return begin(&state, exam: exam, progress: progress, now: now)
    }

    /// Starts a session, from the saved progress when there is one (the clock keeps the time
    /// already spent).
    static func begin(_ state: inout AppState, exam: Exam, progress: ExamProgress?, now: Timestamp) -> [Effect] {
        state.examSessionCounter += 1
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
            return finishExam(&state, now: now)
        }
        return session.deadline == nil ? [] : [.examTick(sessionId: session.id, after: examTickInterval)]
    }

    static func confirm(_ state: inout AppState, _ yes: Bool, now: Timestamp) -> [Effect] {
        guard let confirm = state.examSession?.confirm else { return [] }
        state.examSession?.confirm = nil
        guard yes else { return [] }
        switch confirm {
        case .submit:
            return finishExam(&state, now: now)
        case .abandon:
            state.examSession = nil
            state.notice = Notice("Exam left without submitting; nothing was recorded.")
            return []
        }
    }

    /// Grades the answers, shows the results and asks the backend to record the attempt.
    static func finishExam(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard var session = state.examSession, session.result == nil else { return [] }
        let graded = Grader.grade(session.exam, responses: session.responses)
        session.result = graded
        session.confirm = nil
        session.reviewTop = 0
        state.examSession = session
        let finishedAt = max(session.now, now)
        let attempt = graded.makeAttempt(examId: session.exam.id, userId: state.settings.userId,
                                         startedAt: session.startedAt, finishedAt: finishedAt)
        return [.recordAttempt(attempt)]
    }

    /// Leaves the results for the exam's history in the Exams pane.
    static func closeResults(_ state: inout AppState) -> [Effect] {
        guard let session = state.examSession else { return [] }
        state.examSession = nil
        state.focus = .exams
        return reduceExams(&state, .showHistory(examId: session.exam.id))
    }
}
