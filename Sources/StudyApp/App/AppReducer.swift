import Foundation
import StudyModel
import StudyStore

/// The application's logic: `reduce(&state, action)` updates the state and returns the work to do.
///
/// It never performs I/O and never waits, so it can run on the UI thread and be tested without a
/// terminal or a database. Effects come back as actions through the `EffectRunner`; `AppStore`
/// ties the two together. This root reducer handles the app-wide actions and hands each feature
/// action to that feature's reducer (`reduceRooms`, `reduceMessages`, …), each an exhaustive
/// switch over its own action type.
public enum AppReducer {
    /// Documents of the Library's first page, read with the first screen: enough to fill the
    /// pane on a tall terminal. Each costs its decoding before the first frame (issue 13); the
    /// next pages load as the selection nears the end (`loadMoreLibraryIfNeeded`).
    public static let firstLibraryPage = 40

    /// - Parameter now: the time on the store's clock (exam start and end, ratings, seeds), so
    ///   tests with a manual clock control every timestamp the reducer writes.
    public static func reduce(_ state: inout AppState, _ action: Action, now: Timestamp = .now()) -> [Effect] {
        switch action {
        case .start:
            // Issue 13: the first frame needs only the rooms and the open room's newest page.
            guard state.startup == .notStarted else { return [] }
            state.startup = .loadingFirstScreen
            state.library.loading = true
            return [.loadFirstScreen(user: state.settings.user, historyLimit: state.settings.historyPageSize,
                                     libraryLimit: min(state.settings.libraryPageSize, firstLibraryPage))]
        case .startDeferred:
            guard state.startup != .complete else { return [] }
            state.startup = .complete
            // The Library came with the first screen unless that read of it failed.
            let library: [Effect] = state.library.loaded ? [] : [
                .loadLibrary(requestId: state.library.requestId, category: nil, query: nil, cursor: nil,
                             limit: state.settings.libraryPageSize)]
            return [.loadOutbox, .loadReadMarks, .loadExamProgress, .loadReadingPositions] + startReminders(state, now: now) + library
        case .quit:
            state.quitRequested = true
            return []
        case let .requestQuit(draft):
            return requestQuit(&state, draft: draft)
        case let .answerQuit(yes):
            state.quitConfirm = nil
            if yes { state.quitRequested = true }
            return []
        case let .focus(pane):
            return focus(&state, pane)
        case .focusNext:
            return focus(&state, Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count) ?? .rooms)
        case .focusPrevious:
            let count = Pane.allCases.count
            return focus(&state, Pane(rawValue: (state.focus.rawValue + count - 1) % count) ?? .rooms)
        case let .move(delta):
            return move(&state, by: delta)
        case .moveToTop:
            return move(&state, by: Int.min / 2)
        case .moveToBottom:
            return move(&state, by: Int.max / 2)
        case .activate:
            return activate(&state, now: now)
        case .back:
            return back(&state)
        case let .search(query):
            return search(&state, query?.isEmpty == true ? nil : query)
        case .dismissNotice:
            state.notice = nil
            return []
        case let .showNotice(notice):
            state.notice = notice
            return []
        case let .failed(failure):
            return failed(&state, failure)
        case let .rooms(action):
            return reduceRooms(&state, action)
        case let .messages(action):
            return reduceMessages(&state, action)
        case let .plans(action):
            return reducePlans(&state, action, now: now)
        case let .library(action):
            return reduceLibrary(&state, action)
        case let .summaries(action):
            return reduceSummaries(&state, action, now: now)
        case let .exams(action):
            return reduceExams(&state, action)
        case let .examSession(action):
            return reduceExamSessionSaving(&state, action, now: now)
        case let .generate(action):
            return reduceGenerate(&state, action, now: now)
        }
    }

    /// Reports a failed effect and ends only that effect's "loading" state, so a failure of one
    /// pane never hides another pane's work in progress.
    static func failed(_ state: inout AppState, _ failure: EffectFailure) -> [Effect] {
        state.notice = Notice(failure: failure)
        // A start whose first read failed still draws (the notice says why) and goes on.
        if case .loadRooms = failure.operation, state.startup == .loadingFirstScreen {
            state.startup = .firstScreenReady
        }
        switch failure.operation {
        case .loadLibrary: state.library.loading = false
        case .loadSummaries: state.summaries.loading = false
        case .summarize: state.summaries.generating = false
        case .loadExams: state.exams.loading = false
        case .makeExam: state.exams.generating = false
        case .loadTemplates: state.templates.loading = false
        case let .loadHistory(direction):
            switch direction {
            case .newest: state.openRoom?.loadingReset = false
            case .older: state.openRoom?.loadingOlder = false
            case .newer: state.openRoom?.loadingNewer = false
            }
        case .deleteDocument:
            return deleteFailed(&state, failure)
        case .loadPlans: state.plans.loading = false
        case .loadRooms, .loadReadMarks, .countUnread, .loadOutbox, .sendMessage, .saveOutbox, .joinRoom, .createRoom,
             .inviteMember, .removeMember, .scheduleMeeting, .createProject, .moveMeeting, .moveProject, .loadReminders, .runCode,
             .leaveRoom, .loadDocument, .importFile, .saveRating, .loadAttempts, .recordTemplateUse, .recordAttempt,
             .loadExamProgress, .saveExamProgress, .loadReadingPositions:
            break
        }
        return []
    }

    /// Quits, unless work would be lost: then asks first (a second request while asking quits).
    static func requestQuit(_ state: inout AppState, draft: Bool) -> [Effect] {
        if state.quitConfirm != nil {
            state.quitConfirm = nil
            state.quitRequested = true
            return []
        }
        var reasons: [String] = []
        if let session = state.examSession, session.result == nil {
            reasons.append("An exam is in progress; your answers are saved and :resume continues it next time.")
        }
        if draft { reasons.append("The message you are typing has not been sent and will be lost.") }
        if reasons.isEmpty {
            state.quitRequested = true
        } else {
            state.quitConfirm = QuitConfirm(reasons: reasons)
        }
        return []
    }

    static func focus(_ state: inout AppState, _ pane: Pane) -> [Effect] {
        state.focus = pane
        // Writing shows the conversation, not the room's side view.
        if pane == .messages { state.plans.panel = .messages }
        return loadDocumentPanesIfNeeded(&state)
    }

    /// Summaries and exams are loaded when their pane is shown for a new document, not on every
    /// cursor move in the library, so scrolling a long library costs no storage calls.
    static func loadDocumentPanesIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let documentId = state.selectedDocumentId else { return [] }
        var effects: [Effect] = []
        if state.focus == .summaries, state.summaries.contentId != documentId {
            state.summaries = SummariesState()
            state.summaries.contentId = documentId
            state.summaries.loading = true
            effects.append(.loadSummaries(contentId: documentId))
        }
        if state.focus == .exams, state.exams.contentId != documentId {
            state.exams = ExamsState()
            state.exams.contentId = documentId
            state.exams.loading = true
            effects.append(.loadExams(contentId: documentId))
        }
        return effects
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        switch state.focus {
        case .rooms:
            state.rooms.selected = clamp(state.rooms.selected, delta, state.rooms.visible.count)
            return []
        case .messages:
            return scrollMessages(&state, by: delta)
        case .library:
            if let reader = state.reader {
                return reduceLibrary(&state, .scrollText(toLine: max(0, reader.top.addingClamped(delta))))
            }
            state.library.selected = clamp(state.library.selected, delta, state.library.items.count)
            return loadMoreLibraryIfNeeded(&state)
        case .summaries:
            if state.summaries.reading != nil {
                return reduceLibrary(&state, .scrollText(toLine: max(0, state.summaries.top.addingClamped(delta))))
            }
            state.summaries.selected = clamp(state.summaries.selected, delta, state.summaries.visible.count)
            return []
        case .exams:
            state.exams.selected = clamp(state.exams.selected, delta, state.exams.visible.count)
            return []
        }
    }

    static func activate(_ state: inout AppState, now: Timestamp) -> [Effect] {
        switch state.focus {
        case .rooms:
            guard state.rooms.visible.indices.contains(state.rooms.selected) else { return [] }
            let entry = state.rooms.visible[state.rooms.selected]
            // Enter opens a room; Enter on the room already open starts writing in it.
            if state.openRoom?.roomId == entry.room.roomId {
                state.focus = .messages
                return []
            }
            return reduceRooms(&state, .open(roomId: entry.room.roomId))
        case .messages:
            return []
        case .library:
            guard state.reader == nil, let item = state.library.selectedItem else { return [] }
            return [.loadDocument(id: item.id)]
        case .summaries:
            guard let summary = state.summaries.selectedItem else { return [] }
            state.summaries.reading = summary.id
            state.summaries.top = 0
            return []
        case .exams:
            // Enter takes the exam; `h` shows its history.
            guard let exam = state.exams.selectedItem else { return [] }
            return reduceExamSession(&state, .take(examId: exam.id), now: now)
        }
    }

    static func back(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .library where state.reader != nil:
            state.reader = nil
        case .summaries where state.summaries.reading != nil:
            state.summaries.reading = nil
        case .exams where state.exams.attemptsFor != nil:
            state.exams.attemptsFor = nil
            state.exams.attempts = []
        case .messages:
            return jumpToNewest(&state)
        case .rooms, .library, .summaries, .exams:
            // Nothing open in the pane: Esc clears the status line.
            state.notice = nil
        }
        return []
    }

    static func search(_ state: inout AppState, _ query: String?) -> [Effect] {
        switch state.focus {
        case .rooms:
            state.rooms.filter = query
            state.rooms.selected = 0
        case .messages:
            guard let query else { return [] }
            return findMessage(&state, containing: query)
        case .library:
            state.reader = nil
            state.library.query = query
            return reloadLibrary(&state)
        case .summaries:
            state.summaries.filter = query
            state.summaries.selected = 0
        case .exams:
            state.exams.filter = query
            state.exams.selected = 0
        }
        return []
    }

    /// Moves `index` by `delta` within `0..<count`.
    static func clamp(_ index: Int, _ delta: Int, _ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(0, index.addingClamped(delta)), count - 1)
    }
}

extension Int {
    /// Addition that saturates instead of trapping, for "move by a huge amount" (Home/End).
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { return other > 0 ? Int.max : Int.min }
        return sum
    }
}
