import StudyModel

extension AppReducer {
    /// The Exams pane's actions.
    static func reduceExams(_ state: inout AppState, _ action: ExamsAction) -> [Effect] {
        switch action {
        case let .loaded(contentId, exams):
            guard state.exams.contentId == contentId else { return [] }
            state.exams.items = exams
            state.exams.loading = false
            state.exams.selected = min(state.exams.selected, max(0, exams.count - 1))
            return []
        case let .documentDeleted(contentId):
            if state.exams.contentId == contentId { state.exams = ExamsState() }
            if state.dialog?.kind == .exam, state.dialog?.contentId == contentId { state.dialog = nil }
            return loadDocumentPanesIfNeeded(&state)
        case let .attemptsLoaded(examId, attempts):
            guard state.exams.attemptsFor == examId else { return [] }
            state.exams.attempts = attempts
            return []
        case let .showHistory(examId):
            state.exams.attemptsFor = examId
            state.exams.attempts = []
            return [.loadAttempts(examId: examId)]
        }
    }
}
