import StudyModel

/// What happens in the Rooms pane: listing, opening, joining, creating and leaving rooms.
public enum RoomsAction: Equatable, Sendable {
    case loaded([ChatRoom])
    case open(roomId: String)
    /// `:join NAME`.
    case join(name: String)
    /// `:room new NAME [--private]`, `:room private NAME`.
    case create(name: String, isPrivate: Bool = false)
    /// The name asked for is taken: ask whether to join that room instead.
    case offerJoin(name: String)
    /// The answer to `offerJoin` (y / n).
    case answerJoinOffer(Bool)
    /// `:invite USER`: adds a user to the open room (its creator or an admin).
    case invite(username: String)
    /// `:remove USER`: removes a member from the open room.
    case remove(username: String)
    /// The room after a member change (invite, removal).
    case membersChanged(ChatRoom)
    /// `:leave`: leaves the open room.
    case leave
    case joined(ChatRoom)
    case left(roomId: String)
    /// Read positions saved by earlier runs.
    case readMarksLoaded([String: MessageKey])
    /// Messages from others after the saved read position of a room (capped at 100).
    case unreadCounted(roomId: String, unread: Int, mentions: Int)
}
