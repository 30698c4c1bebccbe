import StudyModel

/// What happens in the room side view (meetings, projects, members) and with reminders.
///
/// Meetings and projects are named by their number in the side view's list (1, 2, …), which
/// is what the student sees.
public enum PlansAction: Equatable, Sendable {
    /// Shows a side list of the open room (or the conversation again).
    case show(RoomPanel)
    case loaded(roomId: String, meetings: [Meeting], projects: [Project])
    /// `:meeting TITLE at WHEN [for MINUTES]`; `at` is as typed, in the local time zone.
    case scheduleMeeting(title: String, at: String, minutes: Int)
    /// `:project NAME [due DATE]`.
    case createProject(name: String, due: String?)
    /// `:meeting status N STATUS`.
    case moveMeeting(number: Int, status: String)
    /// `:project status N STATUS`.
    case moveProject(number: Int, status: String)
    case meetingSaved(Meeting)
    case projectSaved(Project)
    /// Time to look for meetings starting soon.
    case reminderTick(now: Timestamp)
    /// Meetings of the user's rooms that start soon or are under way.
    case remindersLoaded([Meeting], now: Timestamp)
}
