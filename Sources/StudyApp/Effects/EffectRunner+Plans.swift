import StudyEngine
import StudyModel
import StudyStore

extension EffectRunner {
    /// The room's meetings and projects, through the room rules (`RoomAccess`).
    func loadPlans(roomId: String) async throws -> Action {
        let meetings = try await access.meetings(roomId: roomId, PageRequest(limit: 200)).items
        let projects = try await access.projects(roomId: roomId, PageRequest(limit: 200)).items
        return .plans(.loaded(roomId: roomId, meetings: meetings, projects: projects))
    }

    /// Checked again on the stored meeting: someone may have moved it since the list was drawn.
    func moveMeeting(id: String, to target: Meeting.Status) async throws -> Action {
        guard var meeting = try await access.meeting(id: id) else { throw StoreError.notFound(entity: "meeting", id: id) }
        guard Username.key(meeting.organizer) == Username.key(access.user.username) else {
            throw RoomAccessError("Only the organizer (\(meeting.organizer)) can change this meeting's status.")
        }
        if meeting.status != target {
            guard meeting.status.canMove(to: target) else {
                throw RoomAccessError("The meeting is \(meeting.status.rawValue) now and cannot become \(target.rawValue).")
            }
            meeting.status = target
            meeting.updatedAt = clock.now()
            meeting = try await store.meetings.update(meeting)
        }
        return .plans(.meetingSaved(meeting))
    }

    func moveProject(id: String, to target: Project.Status) async throws -> Action {
        guard var project = try await access.project(id: id) else { throw StoreError.notFound(entity: "project", id: id) }
        guard Username.key(project.createdBy) == Username.key(access.user.username) else {
            throw RoomAccessError("Only the creator (\(project.createdBy)) can change this project's status.")
        }
        if project.status != target {
            guard project.status.canMove(to: target) else {
                throw RoomAccessError("The project is \(project.status.rawValue) now and cannot become \(target.rawValue).")
            }
            project.status = target
            project.updatedAt = clock.now()
            project = try await store.projects.update(project)
        }
        return .plans(.projectSaved(project))
    }

    /// One query on the meetings' time index; the reducer keeps the user's joined rooms.
    func loadReminders(from: Timestamp, to: Timestamp) async throws -> Action {
        let found = try await store.meetings.list(scheduledFrom: from, to: to, PageRequest(limit: 200)).items
        let visible = try await access.visible(found, room: \.roomId)
        return .plans(.remindersLoaded(visible, now: clock.now()))
    }

    /// The program text goes to JDoodle only here, on the student's request; the reply is
    /// posted to the room like any message.
    func runCode(_ message: Message, _ block: CodeBlock) async throws -> Action {
        guard let codeRunner else { throw CodeRunError(.notConfigured, JDoodleClient.howToEnable) }
        let result = try await codeRunner.run(code: block.code, fenceTag: block.language)
        let user = access.user.username
        let reply = Message(roomId: message.roomId, sender: user, text: result.replyText(to: message.messageId, by: user),
                            createdAt: clock.now())
        return .messages(.sent(try await access.send(reply)))
    }
}
