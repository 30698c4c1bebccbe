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

/// What happens in the Messages pane: history, sending through the outbox, live messages.
public enum MessagesAction: Equatable, Sendable {
    case historyLoaded(roomId: String, page: MessagePage, before: PageCursor?, direction: HistoryDirection)
    /// Scrolls by whole messages; negative is up (older).
    case scroll(Int)
    case send(String)
    case sent(Message)
    /// Sending failed; a permanent error (the backend refused the message itself) drops it,
    /// any other keeps it in the outbox for a retry.
    case sendFailed(messageId: String, error: AppError)
    case retryOutbox
    case outboxLoaded([Message])
    /// New messages of a joined room, from the poller, oldest first, each exactly once.
    case arrived(roomId: String, messages: [Message])
    case connectionChanged(ConnectionState)
    /// `:run` or Ctrl-R: runs the fenced code block of the message on the bottom line (or the
    /// newest one above it that has one) and posts the output to the room.
    case runCode
}
