import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle project add|list|status`: group projects of study rooms.
struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Create group projects in rooms, list them and move them along.",
        subcommands: [Add.self, List.self, Status.self], defaultSubcommand: List.self)

    static func statusValue(_ text: String) throws -> Project.Status {
        guard let status = Project.Status(rawValue: text.lowercased()) else {
            throw ValidationError("'\(TextSafety.plain(text))' is not a project status; use planning, active, completed or archived.")
        }
        return status
    }

    static func line(_ project: Project, room: String?) -> String {
        var text = "\(project.projectId)  [\(project.status.rawValue)]  \(TextSafety.plain(project.name))"
        if let due = project.dueDate { text += "  due \(TimeInput.format(due))" }
        if let room { text += "  #\(TextSafety.plain(room))" }
        text += "  by \(TextSafety.plain(project.createdBy))"
        if !project.members.isEmpty { text += "  members: \(TextSafety.plain(project.members.joined(separator: ", ")))" }
        return text
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a project in a room you are a member of.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Option(help: "Project name.") var name: String
        @Option(help: "What the project is about.") var description = ""
        @Option(help: "Due date: \"2026-12-01\" or a date and time.") var due: String?
        @Option(help: "Members' usernames, comma-separated.") var members: String?
        @Flag(help: "Print the project as JSON.") var json = false

        func run() async throws {
            let dueDate = try due.map { try PlanSupport.time($0, option: "--due", endOfDay: true) }
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let project = try await CLIError.wrapAsync {
                let target = try await PlanSupport.memberRoom(room, user: user, store: context.store)
                var team = PlanSupport.names(members)
                if !team.contains(where: { Username.key($0) == Username.key(user.username) }) { team.insert(user.username, at: 0) }
                return try await context.store.access(as: user).createProject(Project(
                    roomId: target.roomId, name: name, description: description, createdBy: user.username,
                    members: team, dueDate: dueDate))
            }
            if json { try PlanSupport.printJSON(project) } else { print("Created: \(ProjectCommand.line(project, room: nil))") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List projects of a room, your projects, or projects by status, newest first.",
            discussion: "Without a room: projects in rooms you are a member of (--mine: projects you created, in any room).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String?
        @Flag(help: "Only projects you created.") var mine = false
        @Option(help: "Only this status: planning, active, completed, archived.") var status: String?
        @Option(help: "At most this many projects.") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
        }

        func run() async throws {
            let wantedStatus = try status.map(ProjectCommand.statusValue)
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let store = context.store
            let (projects, names) = try await CLIError.wrapAsync { () -> ([Project], [String: String]) in
                var found: [Project]
                var restrictToMyRooms = false
                let access = store.access(as: user)
                if let room {
                    let target = try await RoomCommand.find(room, in: store)
                    found = try await PlanSupport.collect(cap: 1000) { try await access.projects(roomId: target.roomId, $0) }
                } else if mine {
                    found = try await PlanSupport.collect(cap: 1000) { try await store.projects.list(createdBy: user.username, $0) }
                } else if let wantedStatus {
                    found = try await PlanSupport.collect(cap: 1000) { try await store.projects.list(status: wantedStatus, $0) }
                    restrictToMyRooms = true
                } else {
                    // Every status, newest first within each (StatusIndex per status).
                    found = []
                    for status in [Project.Status.planning, .active, .completed, .archived] {
                        found += try await PlanSupport.collect(cap: 1000) { try await store.projects.list(status: status, $0) }
                    }
                    restrictToMyRooms = true
                }
                var names: [String: String]
                (found, names) = try await PlanSupport.readable(found, room: \.roomId, onlyMyRooms: restrictToMyRooms, user: user, store: store)
                found = found.filter { project in
                    (wantedStatus.map { project.status == $0 } ?? true)
                        && (!mine || Username.key(project.createdBy) == Username.key(user.username))
                }
                found.sort { ($0.createdAt, $0.projectId) > ($1.createdAt, $1.projectId) }
                return (Array(found.prefix(limit)), names)
            }
            if json { try PlanSupport.printJSON(projects); return }
            for project in projects { print(ProjectCommand.line(project, room: room == nil ? names[project.roomId] : nil)) }
            if projects.isEmpty { print("No projects found. Create one with `studycircle project add ROOM --name N`.") }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Move a project along: planning → active → completed → archived (its creator only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Project id.") var id: String
        @Argument(help: "planning, active, completed or archived.") var status: String
        @Flag(help: "Print the project as JSON.") var json = false

        func run() async throws {
            let target = try ProjectCommand.statusValue(status)
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await PlanSupport.move(kind: "project", id: id, json: json, label: { (updated: Project) in (updated.name, updated.status.rawValue) }) {
                try await context.store.access(as: user).moveProject(id: id, to: target)
            }
        }
    }
}
