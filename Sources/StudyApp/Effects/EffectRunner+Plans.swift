import StudyEngine
import StudyModel
import StudyStore

extension EffectRunner {
    /// Meetings and projects, through the room rules (`RoomAccess`).
    func performPlans(_ effect: Effect) async throws -> Action? {
        switch effect {
        case let .loadPlans(roomId):
            let meetings = try await access.meetings(roomId: roomId, PageRequest(limit: 200)).items
            let projects = try await access.projects(roomId: roomId, PageRequest(limit: 200)).items
            return .plans(.loaded(roomId: roomId, meetings: meetings, projects: projects))
        case let .scheduleMeeting(meeting):
            return .plans(.meetingSaved(try await access.schedule(meeting)))
        case let .createProject(project):
            return .plans(.projectSaved(try await access.createProject(project)))
        case let .moveMeeting(id, target):
            // Checked again on the stored meeting: someone may have moved it meanwhile.
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
        case let .moveProject(id, target):
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
        case let .runCode(message, block):
            // The program text goes to JDoodle only here, on the student's request.
            guard let codeRunner else { throw CodeRunError(.notConfigured, JDoodleClient.howToEnable) }
            let result = try await codeRunner.run(code: block.code, fenceTag: block.language)
            let user = access.user.username
            let reply = Message(roomId: message.roomId, sender: user, text: result.replyText(to: message.messageId, by: user),
                                createdAt: clock.now())
            return .messages(.sent(try await access.send(reply)))
        case let .loadReminders(from, to):
            // One query on the time index; the reducer keeps the user's joined rooms.
            let found = try await store.meetings.list(scheduledFrom: from, to: to, PageRequest(limit: 200)).items
            let visible = try await access.visible(found, room: \.roomId)
            return .plans(.remindersLoaded(visible, now: clock.now()))
        default:
            return nil
        }
    }
}
