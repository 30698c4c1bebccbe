import StudyEngine
import StudyModel
import StudyStore

/// Work the reducer asks for. The `EffectRunner` performs it off the UI thread and answers with
/// actions; a failure comes back as `Action.failed` (or `MessagesAction.sendFailed`).
public enum Effect: Equatable, Sendable {
    case loadRooms
    /// The start's one read: the rooms, then the newest `historyLimit` messages of the room
    /// that opens first for `user` (`AppReducer.roomToOpen`), and beside them the first
    /// `libraryLimit` documents of the Library pane. Answers `RoomsAction.firstScreenLoaded`.
    case loadFirstScreen(user: String, historyLimit: Int, libraryLimit: Int)
    case loadHistory(roomId: String, before: PageCursor?, limit: Int, direction: HistoryDirection)
    case send(Message)
    /// Writes the outbox file; writes happen one after another, in the order asked for.
    case saveOutbox([Message])
    case loadOutbox
    case loadReadMarks
    /// Counts messages from others after `after` in a room (newest page only).
    case countUnread(roomId: String, after: MessageKey, user: String)
    /// Posts `retryOutbox` after the delay (on the store's clock).
    case retryOutbox(after: Duration)
    case joinRoom(name: String, user: String)
    case joinRoomById(roomId: String, user: String)
    /// Creates a room; a taken name comes back as `RoomsAction.offerJoin`.
    case createRoom(name: String, user: String, isPrivate: Bool)
    /// Runs `code` (from a message's fenced block) on JDoodle and posts the reply to the room.
    case runCode(message: Message, block: CodeBlock)
    /// Adds a user to the room (its creator or an admin only).
    case inviteMember(roomId: String, username: String)
    /// Removes a member (the creator or an admin; anyone may remove themselves).
    case removeMember(roomId: String, username: String)
    /// The room's upcoming meetings and its projects, for the room side view.
    case loadPlans(roomId: String)
    case scheduleMeeting(Meeting)
    case createProject(Project)
    /// Moves a meeting's status: organizer only, along the allowed transitions (checked again
    /// against the stored meeting).
    case moveMeeting(id: String, to: Meeting.Status)
    /// Moves a project's status: creator only, along the allowed transitions.
    case moveProject(id: String, to: Project.Status)
    /// Meetings of the user's rooms scheduled in [from, to], for reminders.
    case loadReminders(from: Timestamp, to: Timestamp)
    /// Posts `PlansAction.reminderTick` after the delay (on the store's clock).
    case reminderTick(after: Duration)
    case leaveRoom(roomId: String, user: String)
    /// Tells the poller which rooms to watch.
    case watchRooms([String])
    /// Gives the poller the feed position of a freshly loaded newest page, so that nothing
    /// written between that load and the poller's first look at the room is missed.
    case seedFeed(roomId: String, cursor: PageCursor)
    case loadLibrary(requestId: Int, category: String?, query: String?, cursor: PageCursor?, limit: Int)
    case loadDocument(id: String)
    case importFile(path: String, owner: String)
    /// Deletes a document with its summaries and exams, as `userId` (the store checks the owner).
    case deleteDocument(id: String, title: String, userId: String)
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
    /// Posts `examTick` for the session after the delay (on the store's clock).
    case examTick(sessionId: Int, after: Duration)
    case loadExamProgress
    /// Saves the exam in progress (nil removes the saved one); saves run in the order asked for.
    case saveExamProgress(ExamProgress?)
    case loadReadingPositions
}
