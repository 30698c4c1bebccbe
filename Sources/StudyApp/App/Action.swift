import StudyEngine
import StudyModel
import StudyStore

/// Which way a history page extends the window.
public enum HistoryDirection: Equatable, Sendable {
    /// The newest page; replaces the window.
    case newest
    /// A page below the window (paging up).
    case older
    /// A page above the window (paging back down after older pages pushed newer ones out).
    case newer
}

/// Everything that can happen: what the user asks for, and what effects report back.
public enum Action: Equatable, Sendable {
    // Lifecycle.
    case start
    /// Quits at once (the frontend decides when; the user's keys use `requestQuit`).
    case quit
    /// `q`, `:quit` or Ctrl-C: quits, or first asks when work would be lost (an exam being
    /// taken, or `draft`: a half-typed message). Asked again while asking, it quits.
    case requestQuit(draft: Bool)
    /// The answer to the quit question.
    case answerQuit(Bool)

    // Navigation between and within panes.
    case focus(Pane)
    case focusNext
    case focusPrevious
    /// Moves the selection (or scrolls the text) of the focused pane by `n` rows.
    case move(Int)
    case moveToTop
    case moveToBottom
    /// Enter: open what is selected.
    case activate
    /// Esc: close what is open, or return to the newest messages.
    case back
    /// `/` in the focused pane; nil or empty clears the search.
    case search(String?)
    case dismissNotice
    case showNotice(Notice)

    // Rooms.
    case roomsLoaded([ChatRoom])
    case openRoom(roomId: String)
    case joinRoom(name: String)
    case createRoom(name: String)
    case leaveRoom
    case roomJoined(ChatRoom)
    case roomLeft(roomId: String)

    // Messages.
    case historyLoaded(roomId: String, page: MessagePage, before: PageCursor?, direction: HistoryDirection)
    /// Scrolls by whole messages; negative is up (older).
    case scrollMessages(Int)
    case sendMessage(String)
    case messageSent(Message)
    /// `permanent` when resending cannot help (the backend refused the message itself).
    case messageFailed(messageId: String, error: String, permanent: Bool)
    case retryOutbox
    case outboxLoaded([Message])
    /// Read positions saved by earlier runs.
    case readMarksLoaded([String: MessageKey])
    /// Messages from others after the saved read position of a room (capped at 100).
    case unreadCounted(roomId: String, unread: Int, mentions: Int)
    /// New messages of a joined room, from the poller, oldest first, each exactly once.
    case messagesArrived(roomId: String, messages: [Message])
    case connectionChanged(ConnectionState)

    // Library.
    case libraryLoaded(requestId: Int, items: [DocumentSummary], next: PageCursor?, append: Bool)
    case setCategory(String?)
    case cycleCategory
    case documentLoaded(Content)
    /// Sets the first line shown by the reader in the focused pane.
    case scrollText(toLine: Int)
    /// `/` in the reader: highlights `query` and shows the matching line (nil `line`: not found;
    /// nil `query` clears the search).
    case findInDocument(query: String?, line: Int?)
    /// Reading positions saved by earlier runs.
    case readingPositionsLoaded([String: Int])
    case importFile(path: String)
    case documentImported(Content)

    // Summaries and exams.
    case summariesLoaded(contentId: String, summaries: [Summary])
    case rateSummary(score: Int)
    case summaryUpdated(Summary)
    case examsLoaded(contentId: String, exams: [Exam])
    case attemptsLoaded(examId: String, attempts: [ExamAttempt])

    // Generating summaries and exams: these open the generate dialog for the document.
    case generateSummary(contentId: String)
    case generateExam(contentId: String)
    /// Moves the dialog's highlighted row.
    case dialogMove(Int)
    /// Changes the highlighted row's value (←/→).
    case dialogAdjust(Int)
    /// Space: toggles a question type (or steps the value of other rows).
    case dialogToggle
    /// Enter: generate with the dialog's settings.
    case dialogSubmit
    case dialogCancel
    case templatesLoaded([Template])
    /// A generated summary, stored; `fallbackReason` says why the offline engine stood in.
    case summaryGenerated(Summary, fallbackReason: String?)
    case examGenerated(Exam, fallbackReason: String?)

    // Taking an exam full screen.
    case takeExam(examId: String)
    /// Shows the selected exam's history (attempts, chart, analytics) in the main area.
    case showExamHistory(examId: String)
    /// Next (+1) or previous (-1) question; past the last one asks to submit.
    case examNavigate(Int)
    /// Picks option `index` (toggles it for multiple-answer questions).
    case examChoose(Int)
    /// Replaces the typed answer of the current fill-in question.
    case examSetText(String)
    case examToggleFlag
    /// Asks to submit (naming unanswered questions).
    case examSubmit
    /// Esc during the exam: asks before abandoning. On the results screen: closes them.
    case examEscape
    /// Answers the open confirmation.
    case examConfirm(Bool)
    /// A timer tick for session `sessionId`: advances the clock; at the limit, submits.
    case examTick(sessionId: Int, now: Timestamp)
    /// Scrolls the results review.
    case examScrollReview(Int)
    /// The exam in progress saved by an earlier run (nil: none).
    case examProgressLoaded(ExamProgress?)
    /// `:resume`: continues the saved exam.
    case resumeExam
    /// The backend stored the attempt; the exam's aggregates come back updated.
    case attemptRecorded(Exam)

    /// A storage call failed; `operation` says what was being done, for the message.
    case failed(operation: String, message: String)
}

/// Work the reducer asks for. The runner performs it off the UI thread and answers with actions.
public enum Effect: Equatable, Sendable {
    case loadRooms
    case loadHistory(roomId: String, before: PageCursor?, limit: Int, direction: HistoryDirection)
    case send(Message)
    case saveOutbox([Message])
    case loadOutbox
    case loadReadMarks
    /// Counts messages from others after `after` in a room (newest page only).
    case countUnread(roomId: String, after: MessageKey, user: String)
    /// Posts `retryOutbox` after the delay.
    case retryOutbox(after: Duration)
    case joinRoom(name: String, user: String)
    case joinRoomById(roomId: String, user: String)
    case createRoom(name: String, user: String)
    case leaveRoom(roomId: String, user: String)
    /// Tells the poller which rooms to watch.
    case watchRooms([String])
    /// Gives the poller the feed position of a freshly loaded newest page, so that nothing
    /// written between that load and the poller's first look at the room is missed.
    case seedFeed(roomId: String, cursor: PageCursor)
    case loadLibrary(requestId: Int, category: String?, query: String?, cursor: PageCursor?, limit: Int)
    case loadDocument(id: String)
    case importFile(path: String, owner: String)
    case loadSummaries(contentId: String)
    case saveSummary(Summary)
    case loadExams(contentId: String)
    case loadAttempts(examId: String)
    /// Own and public templates.
    case loadTemplates(userId: String)
    case summarize(contentId: String, options: SummaryOptions, templateId: String?, owner: String)
    case makeExam(contentId: String, configuration: Exam.Configuration, owner: String, seed: UInt64)
    case recordTemplateUse(id: String)
    case recordAttempt(ExamAttempt)
    /// Posts `examTick` for the session after the delay.
    case examTick(sessionId: Int, after: Duration)
    case loadExamProgress
    /// Saves the exam in progress (nil removes the saved one).
    case saveExamProgress(ExamProgress?)
    case loadReadingPositions
}
