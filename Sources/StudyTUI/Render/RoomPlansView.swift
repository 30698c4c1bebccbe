import StudyApp
import StudyModel

/// The room side view: a tab line (Messages · Meetings · Projects · Members) and the open room's
/// upcoming meetings (in the local time zone), projects or members, numbered as the
/// `:meeting status N …` and `:project status N …` commands name them.
struct RoomPlansView {
    let state: AppState

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let name = state.openRoom?.name ?? ""
        canvas.box(rect, title: "#\(name) · \(state.plans.panel.title)", focused: focused)
        let inner = rect.inner
        guard inner.height >= 2, inner.width >= 4 else { return }
        canvas.put(tabLine(), row: inner.y, col: inner.x, maxWidth: inner.width)
        let body = lines(width: inner.width)
        for (offset, line) in body.prefix(inner.height - 1).enumerated() {
            canvas.put(line, row: inner.y + 1 + offset, col: inner.x, maxWidth: inner.width)
        }
    }

    /// `c Chat m Meetings p Projects u Members` (38 columns, the width of the middle pane at
    /// 80x24), the shown one highlighted.
    func tabLine() -> StyledLine {
        let keys: [(String, RoomPanel)] = [("c", .messages), ("m", .meetings), ("p", .projects), ("u", .members)]
        var spans: [Span] = []
        for (index, (key, panel)) in keys.enumerated() {
            if index > 0 { spans.append(Span(" ", .dim)) }
            spans.append(Span(key, .helpKey))
            spans.append(Span(" " + (panel == .messages ? "Chat" : panel.title), panel == state.plans.panel ? .titleFocused : .dim))
        }
        return StyledLine(spans)
    }

    func lines(width: Int) -> [StyledLine] {
        let plans = state.plans
        if plans.loading && plans.meetings.isEmpty && plans.projects.isEmpty && plans.panel != .members {
            return [StyledLine("Loading…", .dim)]
        }
        switch state.plans.panel {
        case .messages:
            return []
        case .meetings:
            guard !plans.meetings.isEmpty else {
                return Wrap.wrap("No upcoming meetings. Schedule one: :meeting TITLE at 2026-12-01 14:00 for 60", width: width, role: .dim)
            }
            return plans.meetings.enumerated().flatMap { index, meeting in
                item(index, head: "\(TimeInput.format(meeting.scheduledTime)) \(meeting.durationMinutes)m [\(meeting.status.rawValue)]",
                     text: "\(meeting.title) · by \(meeting.organizer)", width: width)
            } + Wrap.wrap(":meeting status N in_progress|completed|cancelled", width: width, role: .dim)
        case .projects:
            guard !plans.projects.isEmpty else {
                return Wrap.wrap("No projects yet. Create one: :project NAME due 2026-12-15", width: width, role: .dim)
            }
            return plans.projects.enumerated().flatMap { index, project in
                let due = project.dueDate.map { " due " + String(TimeInput.format($0).prefix(10)) } ?? ""
                return item(index, head: "[\(project.status.rawValue)]\(due)", text: "\(project.name) · by \(project.createdBy)", width: width)
            } + Wrap.wrap(":project status N active|completed|archived", width: width, role: .dim)
        case .members:
            let room = state.openRoom.flatMap { open in state.rooms.entries.first { $0.room.roomId == open.roomId }?.room }
            guard let room else { return [] }
            let kind = room.isPrivate ? "private room" : "public room"
            var result = [StyledLine("\(room.members.count) members · \(kind)", .dim)]
            for member in room.members.sorted(by: { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }) {
                let creator = Username.key(member) == Username.key(room.createdBy) ? " (creator)" : ""
                result.append(StyledLine([Span("• ", .dim), Span(member, member == state.settings.user ? .own : .normal), Span(creator, .dim)]))
            }
            return result + Wrap.wrap(":invite USER · :remove USER · :leave", width: width, role: .dim)
        }
    }

    private func item(_ index: Int, head: String, text: String, width: Int) -> [StyledLine] {
        [StyledLine([Span("\(index + 1). ", .helpKey), Span(head, .timestamp)])]
            + Wrap.wrap("   " + text, width: width)
    }
}
