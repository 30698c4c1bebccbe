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

    /// Checked again on the stored item by `RoomAccess`: someone may have moved it since the
    /// list was drawn.
    func moveMeeting(id: String, to target: Meeting.Status) async throws -> Action {
        .plans(.meetingSaved(try await access.moveMeeting(id: id, to: target, at: clock.now())))
    }

    func moveProject(id: String, to target: Project.Status) async throws -> Action {
        .plans(.projectSaved(try await access.moveProject(id: id, to: target, at: clock.now())))
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
