import StudyModel
import StudyStore

/// The room shown in the Messages pane, with the part of its history held in memory.
public struct OpenRoom: Equatable, Sendable {
    public var roomId: String
    public var name: String
    public var window: MessageWindow
    /// The message drawn on the last line; nil follows the newest message.
    public var bottom: MessageKey?
    /// The newest message read before this visit; the "new messages" line is drawn after it.
    public var readMarker: MessageKey?
    public var loadingOlder = false
    public var loadingNewer = false
    public var loadingReset = true

    public init(roomId: String, name: String, capacity: Int, readMarker: MessageKey?) {
        self.roomId = roomId
        self.name = name
        self.window = MessageWindow(capacity: capacity)
        self.readMarker = readMarker
    }

    /// Index in `window.messages` of the message on the last line.
    public var bottomIndex: Int {
        let count = window.messages.count
        guard let bottom else { return count - 1 }
        return min(window.lowerBound(bottom), count - 1)
    }
}

/// A message waiting for the backend.
public struct OutboxEntry: Equatable, Sendable {
    public var message: Message
    public var attempts = 0
    public var lastError: AppError?
    public var inFlight = false
    public init(message: Message) { self.message = message }
}
