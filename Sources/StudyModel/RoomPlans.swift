import Foundation

/// A status that moves along a fixed path (meetings, projects). The rules live here once; the
/// services (`RoomAccess`), the command line and the app all ask them.
public protocol PlanStatus: RawRepresentable<String>, Equatable, Sendable {
    /// The statuses this one may move to.
    var next: [Self] { get }
}

extension PlanStatus {
    public func canMove(to target: Self) -> Bool { next.contains(target) }

    /// Why moving to `target` is refused (`noun` names the thing: "meeting"), or nil when the
    /// move is allowed or is no move at all.
    public func refusal(to target: Self, noun: String) -> String? {
        guard self != target, !canMove(to: target) else { return nil }
        let allowed = next.map(\.rawValue).joined(separator: " or ")
        return "A \(rawValue) \(noun) cannot become \(target.rawValue)\(allowed.isEmpty ? " (it is final)" : "; it can become \(allowed)")."
    }
}

/// Who may move a meeting or project along, and where to: the one check that `RoomAccess`
/// enforces and the app asks before sending (so its notice names the reason at once).
public enum PlanMove {
    /// Why the user with `userKey` (`Username.key`) may not move a plan owned by `owner`
    /// (`role` says which: "organizer", "creator") from `current` to `target`, or nil.
    public static func refusal<Status: PlanStatus>(owner: String, role: String, userKey: String,
                                                   from current: Status, to target: Status, noun: String) -> String? {
        guard Username.key(owner) == userKey else {
            return "Only the \(role) (\(owner)) can change this \(noun)'s status."
        }
        return current.refusal(to: target, noun: noun)
    }
}

/// The allowed moves of a meeting's status: scheduled → in progress → completed, and cancelled
/// from either of the first two. Completed and cancelled are final.
extension Meeting.Status: PlanStatus {
    public var next: [Meeting.Status] {
        switch self {
        case .scheduled: return [.inProgress, .cancelled]
        case .inProgress: return [.completed, .cancelled]
        case .completed, .cancelled: return []
        }
    }

}

/// The allowed moves of a project's status: planning → active → completed → archived; a
/// project can also be archived while planned or active (given up). Archived is final.
extension Project.Status: PlanStatus {
    public var next: [Project.Status] {
        switch self {
        case .planning: return [.active, .archived]
        case .active: return [.completed, .archived]
        case .completed: return [.archived]
        case .archived: return []
        }
    }

}

extension Meeting {
    /// When the meeting ends by its schedule.
    public var endTime: Timestamp { scheduledTime.adding(milliseconds: Int64(durationMinutes) * 60_000) }

    /// Not over yet and neither completed nor cancelled.
    public func isUpcoming(now: Timestamp) -> Bool {
        (status == .scheduled || status == .inProgress) && endTime > now
    }
}

/// Dates and times as students type them: `2026-12-01 14:00` (in their time zone),
/// `2026-12-01T14:00`, a date alone, or ISO-8601 with a zone (`2026-12-01T13:00:00Z`,
/// `2026-12-01T14:00+01:00`).
public enum TimeInput {
    /// Parses `text`; a date alone means the start of that day, or its last millisecond with
    /// `endOfDay`. Nil when the text is none of the accepted forms.
    public static func parse(_ text: String, timeZone: TimeZone = .current, endOfDay: Bool = false) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            iso.formatOptions = options
            if let date = iso.date(from: trimmed) { return Timestamp(date) }
        }
        // "…T14:00+01:00" without seconds.
        let zoned = DateFormatter()
        zoned.locale = Locale(identifier: "en_US_POSIX")
        for format in ["yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd HH:mmXXXXX"] {
            zoned.dateFormat = format
            if let date = zoned.date(from: trimmed) { return Timestamp(date) }
        }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        local.isLenient = false
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"] {
            local.dateFormat = format
            if let date = local.date(from: trimmed) { return Timestamp(date) }
        }
        local.dateFormat = "yyyy-MM-dd"
        if let day = local.date(from: trimmed) {
            let start = Timestamp(day)
            guard endOfDay else { return start }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let next = calendar.date(byAdding: .day, value: 1, to: day).map(Timestamp.init) ?? start.adding(milliseconds: 86_400_000)
            return next.adding(milliseconds: -1)
        }
        return nil
    }

    /// `2026-12-01 14:00` in `timeZone`, as typed.
    public static func format(_ time: Timestamp, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: time.date)
    }

    /// What to type, for error messages.
    public static let accepted = "\"2026-12-01 14:00\" (your time zone), \"2026-12-01\", or ISO-8601 such as \"2026-12-01T13:00:00Z\""
}
