import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle meeting add|list|status`: meetings of study rooms, times in the local time zone.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Schedule meetings in rooms, list them and move them along.",
        subcommands: [Add.self, List.self, Status.self], defaultSubcommand: List.self)

    static func statusValue(_ text: String) throws -> Meeting.Status {
        guard let status = Meeting.Status(rawValue: text.lowercased().replacingOccurrences(of: "-", with: "_")) else {
            throw ValidationError("'\(TextSafety.plain(text))' is not a meeting status; use scheduled, in_progress, completed or cancelled.")
        }
        return status
    }

    static func line(_ meeting: Meeting, room: String?) -> String {
        let when = TimeInput.format(meeting.scheduledTime)
        var text = "\(meeting.meetingId)  \(when)  \(meeting.durationMinutes) min  [\(meeting.status.rawValue)]  \(TextSafety.plain(meeting.title))"
        if let room { text += "  #\(TextSafety.plain(room))" }
        text += "  by \(TextSafety.plain(meeting.organizer))"
        if let link = meeting.meetingLink, !link.isEmpty { text += "  \(TextSafety.plain(link))" }
        return text
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Schedule a meeting in a room you are a member of.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Option(help: "Meeting title.") var title: String
        @Option(help: "Start: \"2026-12-01 14:00\" in your time zone, or ISO-8601.") var at: String
        @Option(help: "Length in minutes (1-1440).") var duration = 60
        @Option(help: "What the meeting is about.") var description = ""
        @Option(help: "A call link.") var link: String?
        @Option(help: "Participants' usernames, comma-separated.") var participants: String?
        @Flag(help: "Print the meeting as JSON.") var json = false

        func run() async throws {
            let start = try PlanSupport.time(at, option: "--at")
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let meeting = try await CLIError.wrapAsync {
                let target = try await PlanSupport.memberRoom(room, user: user, store: context.store)
                var invited = PlanSupport.names(participants)
                if !invited.contains(where: { Username.key($0) == Username.key(user.username) }) { invited.insert(user.username, at: 0) }
                return try await context.store.access(as: user).schedule(Meeting(
                    roomId: target.roomId, title: title, description: description, organizer: user.username,
                    scheduledTime: start, durationMinutes: duration, participants: invited,
                    meetingLink: link.flatMap { $0.isEmpty ? nil : $0 }))
            }
            if json { try PlanSupport.printJSON(meeting) } else { print("Scheduled: \(MeetingCommand.line(meeting, room: nil))") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List meetings of a room, or of all your rooms, ordered by time.",
            discussion: "Without a room: meetings in rooms you are a member of (--mine: meetings you organize, in any room).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id (all your rooms when omitted).") var room: String?
        @Flag(help: "Only meetings that have not ended and are not completed or cancelled.") var upcoming = false
        @Flag(help: "Only meetings you organize.") var mine = false
        @Option(help: "Only this status: scheduled, in_progress, completed, cancelled.") var status: String?
        @Option(help: "Scheduled at or after this time.") var from: String?
        @Option(help: "Scheduled at or before this time (a date alone: to its end).") var to: String?
        @Option(help: "At most this many meetings.") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
        }

        func run() async throws {
            let wantedStatus = try status.map(MeetingCommand.statusValue)
            let low = try from.map { try PlanSupport.time($0, option: "--from") }
            let high = try to.map { try PlanSupport.time($0, option: "--to", endOfDay: true) }
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let now = Timestamp.now()
            let store = context.store
            let cap = 1000
            let (meetings, names) = try await CLIError.wrapAsync { () -> ([Meeting], [String: String]) in
                var found: [Meeting]
                var restrictToMyRooms = false
                let access = store.access(as: user)
                if let room {
                    let target = try await RoomCommand.find(room, in: store)
                    found = try await PlanSupport.collect(cap: cap) { try await access.meetings(roomId: target.roomId, $0) }
                } else if mine {
                    found = try await PlanSupport.collect(cap: cap) { try await store.meetings.list(organizer: user.username, $0) }
                } else if let wantedStatus {
                    found = try await PlanSupport.collect(cap: cap) { try await store.meetings.list(status: wantedStatus, from: low, to: high, $0) }
                    restrictToMyRooms = true
                } else {
                    // Upcoming by default: a meeting that started up to a day ago may still run.
                    let start = low ?? (upcoming || high == nil ? now.adding(milliseconds: -86_400_000) : Timestamp(millisecondsSince1970: 0))
                    let end = high ?? Timestamp(millisecondsSince1970: 253_402_300_799_000)
                    found = try await PlanSupport.collect(cap: cap) { try await store.meetings.list(scheduledFrom: start, to: end, $0) }
                    restrictToMyRooms = true
                }
                var names: [String: String]
                (found, names) = try await PlanSupport.readable(found, room: \.roomId, onlyMyRooms: restrictToMyRooms, user: user, store: store)
                found = found.filter { meeting in
                    (wantedStatus.map { meeting.status == $0 } ?? true)
                        && (!mine || Username.key(meeting.organizer) == Username.key(user.username))
                        && (low.map { meeting.scheduledTime >= $0 } ?? true)
                        && (high.map { meeting.scheduledTime <= $0 } ?? true)
                        && (!(upcoming || (room == nil && !mine && wantedStatus == nil && low == nil && high == nil)) || meeting.isUpcoming(now: now))
                }
                found.sort { ($0.scheduledTime, $0.meetingId) < ($1.scheduledTime, $1.meetingId) }
                return (Array(found.prefix(limit)), names)
            }
            if json { try PlanSupport.printJSON(meetings); return }
            for meeting in meetings { print(MeetingCommand.line(meeting, room: room == nil ? names[meeting.roomId] : nil)) }
            if meetings.isEmpty { print("No meetings found. Schedule one with `studycircle meeting add ROOM --title T --at \"2026-12-01 14:00\"`.") }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Move a meeting along: scheduled → in_progress → completed, or cancelled (organizer only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Argument(help: "scheduled, in_progress, completed or cancelled.") var status: String
        @Flag(help: "Print the meeting as JSON.") var json = false

        func run() async throws {
            let target = try MeetingCommand.statusValue(status)
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await PlanSupport.move(kind: "meeting", id: id, json: json, label: { (updated: Meeting) in (updated.title, updated.status.rawValue) }) {
                try await context.store.access(as: user).moveMeeting(id: id, to: target)
            }
        }
    }
}
