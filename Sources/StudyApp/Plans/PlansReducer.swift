import Foundation
import StudyModel
import StudyStore

extension AppReducer {
    /// How far ahead the first reminder is given.
    static let reminderLead: Int64 = 10 * 60_000
    /// Meetings are looked up from this far back, so one still under way is found.
    static let reminderLookBack: Int64 = 24 * 3_600_000

    /// The room side view's and the reminders' actions.
    static func reducePlans(_ state: inout AppState, _ action: PlansAction, now: Timestamp) -> [Effect] {
        let user = state.settings.user
        switch action {
        case let .show(panel):
            state.plans.panel = panel
            guard panel != .messages else { return [] }
            guard let open = state.openRoom else {
                state.notice = Notice("Open a room first (Rooms pane, Enter); then m, p or u show its meetings, projects and members.", isError: true)
                state.plans.panel = .messages
                return []
            }
            return loadPlans(&state, roomId: open.roomId)
        case let .loaded(roomId, meetings, projects):
            guard state.openRoom?.roomId == roomId else { return [] }
            state.plans.loading = false
            state.plans.roomId = roomId
            state.plans.meetings = meetings.filter { $0.isUpcoming(now: now) }.sorted { $0.scheduledTime < $1.scheduledTime }
            state.plans.projects = projects.sorted { a, b in
                a.status == b.status ? a.name.localizedCaseInsensitiveCompare(b.name) == .orderedAscending
                    : Project.Status.allCases.firstIndex(of: a.status) ?? 0 < Project.Status.allCases.firstIndex(of: b.status) ?? 0
            }
            return []
        case let .scheduleMeeting(title, at, minutes):
            guard let open = state.openRoom else { return needRoom(&state, "meeting") }
            let title = title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else {
                state.notice = Notice("Usage: :meeting TITLE at 2026-12-01 14:00 [for 60]", isError: true)
                return []
            }
            guard let time = TimeInput.parse(at) else {
                state.notice = Notice("'\(at)' is not a date and time; use \(TimeInput.accepted).", isError: true)
                return []
            }
            guard (1...1440).contains(minutes) else {
                state.notice = Notice("A meeting lasts 1 to 1440 minutes.", isError: true)
                return []
            }
            let meeting = Meeting(roomId: open.roomId, title: title, organizer: user, scheduledTime: time,
                                  durationMinutes: minutes, participants: [user], createdAt: now)
            guard meeting.endTime > now else {
                state.notice = Notice("\(TimeInput.format(time)) is in the past; give a time to come.", isError: true)
                return []
            }
            return [.scheduleMeeting(meeting)]
        case let .createProject(name, due):
            guard let open = state.openRoom else { return needRoom(&state, "project") }
            let name = name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                state.notice = Notice("Usage: :project NAME [due 2026-12-15]", isError: true)
                return []
            }
            var dueDate: Timestamp?
            if let due {
                guard let parsed = TimeInput.parse(due, endOfDay: true) else {
                    state.notice = Notice("'\(due)' is not a date; use \(TimeInput.accepted).", isError: true)
                    return []
                }
                dueDate = parsed
            }
            return [.createProject(Project(roomId: open.roomId, name: name, createdBy: user, members: [user],
                                           dueDate: dueDate, createdAt: now))]
        case let .moveMeeting(number, text):
            guard let status = Meeting.Status(rawValue: statusKey(text)) else {
                state.notice = Notice("'\(text)' is not a meeting status; use in_progress, completed or cancelled.", isError: true)
                return []
            }
            guard state.plans.meetings.indices.contains(number - 1) else { return noItem(&state, "meeting", number) }
            let meeting = state.plans.meetings[number - 1]
            if let refusal = PlanMove.refusal(owner: meeting.organizer, role: "organizer", userKey: Username.key(user),
                                              from: meeting.status, to: status, noun: "meeting") {
                state.notice = Notice(refusal, isError: true)
                return []
            }
            return [.moveMeeting(id: meeting.meetingId, to: status)]
        case let .moveProject(number, text):
            guard let status = Project.Status(rawValue: statusKey(text)) else {
                state.notice = Notice("'\(text)' is not a project status; use active, completed or archived.", isError: true)
                return []
            }
            guard state.plans.projects.indices.contains(number - 1) else { return noItem(&state, "project", number) }
            let project = state.plans.projects[number - 1]
            if let refusal = PlanMove.refusal(owner: project.createdBy, role: "creator", userKey: Username.key(user),
                                              from: project.status, to: status, noun: "project") {
                state.notice = Notice(refusal, isError: true)
                return []
            }
            return [.moveProject(id: project.projectId, to: status)]
        case let .meetingSaved(meeting):
            state.notice = Notice("Meeting '\(meeting.title)' \(meeting.status.rawValue): \(TimeInput.format(meeting.scheduledTime)), \(meeting.durationMinutes) min.")
            state.plans.panel = .meetings
            return state.openRoom?.roomId == meeting.roomId ? loadPlans(&state, roomId: meeting.roomId) : []
        case let .projectSaved(project):
            state.notice = Notice("Project '\(project.name)' is \(project.status.rawValue).")
            state.plans.panel = .projects
            return state.openRoom?.roomId == project.roomId ? loadPlans(&state, roomId: project.roomId) : []
        case let .reminderTick(now):
            return startReminders(state, now: now)
        case let .remindersLoaded(meetings, now):
            remind(&state, meetings, now: now)
            return []
        }
    }

    /// Shows the latest reminder due for each meeting of a joined room: ten minutes before, and
    /// at the start (also when the app started after that but before the meeting ended). Each
    /// reminder is shown once.
    static func remind(_ state: inout AppState, _ meetings: [Meeting], now: Timestamp) {
        let joined = Set(joinedRoomIds(state))
        for meeting in meetings.sorted(by: { $0.scheduledTime < $1.scheduledTime })
        where joined.contains(meeting.roomId) && meeting.isUpcoming(now: now) {
            let start = meeting.scheduledTime
            let atStart = meeting.meetingId + "/0"
            let before = meeting.meetingId + "/10"
            let room = state.rooms.index(of: meeting.roomId).map { state.rooms.entries[$0].room.name } ?? "a room"
            if now >= start {
                guard !state.plans.reminded.contains(atStart) else { continue }
                state.plans.reminded.formUnion([atStart, before])
                state.notice = Notice("⏰ #\(room): '\(meeting.title)' started at \(TimeInput.format(start)) (\(meeting.durationMinutes) min).")
            } else if now >= start.adding(milliseconds: -reminderLead) {
                guard !state.plans.reminded.contains(before) else { continue }
                state.plans.reminded.insert(before)
                let minutes = max(1, Int((start.millisecondsSince1970 - now.millisecondsSince1970 + 59_999) / 60_000))
                state.notice = Notice("⏰ #\(room): '\(meeting.title)' starts in \(minutes) min (\(TimeInput.format(start))).")
            }
        }
    }

    /// Looks for meetings starting soon now, and again after the interval.
    static func startReminders(_ state: AppState, now: Timestamp) -> [Effect] {
        guard let interval = state.settings.reminderInterval else { return [] }
        return [.loadReminders(from: now.adding(milliseconds: -reminderLookBack), to: now.adding(milliseconds: reminderLead)),
                .reminderTick(after: interval)]
    }

    static func loadPlans(_ state: inout AppState, roomId: String) -> [Effect] {
        if state.plans.roomId != roomId {
            state.plans.meetings = []
            state.plans.projects = []
            state.plans.roomId = roomId
        }
        state.plans.loading = true
        return [.loadPlans(roomId: roomId)]
    }

    /// `in progress`, `in-progress` and `In_Progress` all name `in_progress`.
    static func statusKey(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    }

    private static func needRoom(_ state: inout AppState, _ what: String) -> [Effect] {
        state.notice = Notice("Open a room first; :\(what) works in the open room.", isError: true)
        return []
    }

    private static func noItem(_ state: inout AppState, _ what: String, _ number: Int) -> [Effect] {
        state.notice = Notice("There is no \(what) \(number) in this room's list; press \(what == "meeting" ? "m" : "p") in Rooms to see the numbers.", isError: true)
        return []
    }
}
