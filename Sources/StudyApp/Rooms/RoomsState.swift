import Foundation
import StudyModel
import StudyStore

/// One room in the Rooms pane.
public struct RoomEntry: Equatable, Sendable {
    public var room: ChatRoom
    public var joined: Bool
    /// Messages from others that arrived since the room was last read.
    public var unread = 0
    /// Of those, how many mention the user.
    public var mentions = 0
    /// The newest message seen when the room was last open.
    public var lastRead: MessageKey?

    public init(room: ChatRoom, joined: Bool) {
        self.room = room
        self.joined = joined
    }
}

/// The Rooms pane: joined rooms first, then the others.
public struct RoomsState: Equatable, Sendable {
    public var entries: [RoomEntry] = []
    public var selected = 0
    public var loaded = false
    /// Narrows the list by name (`/` in the Rooms pane).
    public var filter: String?
    /// A room name that `:room new` found taken: the app asks whether to join it.
    public var joinOffer: String?

    /// The entries shown, after the filter.
    public var visible: [RoomEntry] {
        guard let filter, !filter.isEmpty else { return entries }
        return entries.filter { $0.room.name.localizedCaseInsensitiveContains(filter) }
    }

    public func index(of roomId: String) -> Int? { entries.firstIndex { $0.room.roomId == roomId } }
}
