import StudyModel
import StudyStore

/// The newest page of the room the app opens on start, read together with the rooms.
public struct FirstPage: Equatable, Sendable {
    public var roomId: String
    public var page: MessagePage

    public init(roomId: String, page: MessagePage) {
        self.roomId = roomId
        self.page = page
    }
}

/// The Library pane's first page, read with the first screen because the pane is on it.
public struct FirstLibraryPage: Equatable, Sendable {
    public var items: [DocumentSummary]
    public var next: PageCursor?

    public init(items: [DocumentSummary], next: PageCursor?) {
        self.items = items
        self.next = next
    }
}

/// What happens in the Rooms pane: listing, opening, joining, creating and leaving rooms.
public enum RoomsAction: Equatable, Sendable {
    case loaded([ChatRoom])
    /// The start's one read: every room, and the newest page of the room that opens first
    /// (nil when no room is joined or that page could not be read; then it loads as usual),
    /// and the Library's first page (nil when it could not be read: the deferred start loads it).
    case firstScreenLoaded(rooms: [ChatRoom], newest: FirstPage?, library: FirstLibraryPage? = nil)
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
