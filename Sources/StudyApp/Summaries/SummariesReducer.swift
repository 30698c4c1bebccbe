import StudyModel

extension AppReducer {
    /// The Summaries pane's actions.
    static func reduceSummaries(_ state: inout AppState, _ action: SummariesAction, now: Timestamp) -> [Effect] {
        switch action {
        case let .loaded(contentId, summaries):
            guard state.summaries.contentId == contentId else { return [] }
            state.summaries.items = summaries
            state.summaries.loading = false
            state.summaries.selected = min(state.summaries.selected, max(0, summaries.count - 1))
            return []
        case let .rate(score):
            guard (1...5).contains(score) else {
                state.notice = Notice("A rating is a number from 1 to 5.", isError: true)
                return []
            }
            guard var summary = state.summaries.selectedItem else {
                state.notice = Notice("Select a summary to rate in the Summaries pane.", isError: true)
                return []
            }
            summary.rating = Summary.Rating(score: score)
            summary.updatedAt = now
            return [.saveSummary(summary)]
        case let .documentDeleted(contentId):
            if state.summaries.contentId == contentId { state.summaries = SummariesState() }
            if state.dialog?.kind == .summary, state.dialog?.contentId == contentId { state.dialog = nil }
            return loadDocumentPanesIfNeeded(&state)
        case let .updated(summary):
            if let index = state.summaries.items.firstIndex(where: { $0.id == summary.id }) {
                state.summaries.items[index] = summary
            }
            if let score = summary.rating?.score { state.notice = Notice("Rated \(score)/5.") }
            return []
        }
    }
}
