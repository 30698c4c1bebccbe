import StudyModel

/// What the main area shows for the open room: the conversation, or one of its side lists.
public enum RoomPanel: String, CaseIterable, Equatable, Sendable {
    case messages, meetings, projects, members

    public var title: String {
        switch self {
        case .messages: return "Messages"
        case .meetings: return "Meetings"
        case .projects: return "Projects"
        case .members: return "Members"
        }
    }
}

/// The open room's meetings and projects (the room side view), and meeting reminders across
/// the rooms the user has joined.
public struct RoomPlansState: Equatable, Sendable {
    public var panel: RoomPanel = .messages
    /// The room `meetings` and `projects` belong to.
    public var roomId: String?
    /// Upcoming meetings of the room (not over, not completed or cancelled), soonest first.
    public var meetings: [Meeting] = []
    /// The room's projects, by status then name.
    public var projects: [Project] = []
    public var loading = false
    /// Reminders already shown, as "meetingId/10" (ten minutes before) and "meetingId/0" (start).
    public var reminded: Set<String> = []

    public init() {}
}
