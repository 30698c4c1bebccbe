import StudyModel

/// What happens in the Rooms pane: listing, opening, joining, creating and leaving rooms.
public enum RoomsAction: Equatable, Sendable {
    case loaded([ChatRoom])
    case open(roomId: String)
    /// `:join NAME`.
    case join(name: String)
    /// `:room new NAME`.
    case create(name: String)
    /// `:leave`: leaves the open room.
    case leave
    case joined(ChatRoom)
    case left(roomId: String)
    /// Read positions saved by earlier runs.
    case readMarksLoaded([String: MessageKey])
    /// Messages from others after the saved read position of a room (capped at 100).
    case unreadCounted(roomId: String, unread: Int, mentions: Int)
}
