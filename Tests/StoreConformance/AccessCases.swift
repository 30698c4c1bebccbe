import StudyModel
import StudyStore

/// Private rooms and membership (`RoomAccess`), the same on every backend: a non-member is
/// refused reading, posting, meetings and projects; the creator invites and removes; members
/// see the member list and can leave; public rooms are joined freely.
enum AccessCases {
    static func isRefused<T>(_ what: String, line: Int = #line, _ body: () async throws -> T) async throws {
        do {
            _ = try await body()
        } catch is RoomAccessError {
            return
        } catch {
            throw ConformanceFailure(description: "line \(line): \(what): expected a refusal, got \(error)")
        }
        throw ConformanceFailure(description: "line \(line): \(what): expected a refusal, it was allowed")
    }

    static func privateRooms(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let owner = try await store.users.create(User(username: "owner\(tag)", email: "owner.\(tag)@example.org"))
        let member = try await store.users.create(User(username: "member\(tag)", email: "member.\(tag)@example.org"))
        let outsider = try await store.users.create(User(username: "outsider\(tag)", email: "outsider.\(tag)@example.org"))
        let (asOwner, asMember, asOutsider) = (store.access(as: owner), store.access(as: member), store.access(as: outsider))

        let room = try await asOwner.createRoom(name: "secret-\(tag)", isPrivate: true)
        try expect(room.isPrivate, "stored as private")
        try expect(try await store.rooms.get(id: room.roomId)?.isPrivate == true, "read back as private")
        _ = try await asOwner.send(Message(roomId: room.roomId, sender: owner.username, text: "for members"))

        // A non-member: no reading, posting, joining, meetings or projects.
        try await isRefused("outsider reads history") { try await asOutsider.history(roomId: room.roomId, before: nil, limit: 10) }
        try await isRefused("outsider posts") { try await asOutsider.send(Message(roomId: room.roomId, sender: outsider.username, text: "hi")) }
        try await isRefused("outsider joins") { try await asOutsider.join(roomId: room.roomId) }
        try await isRefused("outsider sees members") { try await asOutsider.members(roomId: room.roomId) }
        try await isRefused("outsider schedules") {
            try await asOutsider.schedule(Meeting(roomId: room.roomId, title: "x", organizer: outsider.username, scheduledTime: .now()))
        }
        try await isRefused("outsider creates a project") {
            try await asOutsider.createProject(Project(roomId: room.roomId, name: "x", createdBy: outsider.username))
        }
        try await isRefused("outsider invites") { try await asOutsider.invite(roomId: room.roomId, username: outsider.username) }
        let listed = try await collect(pageSize: 200) { try await asOutsider.rooms($0) }
        try expect(!listed.contains { $0.roomId == room.roomId }, "a private room is not listed to outsiders")

        // Invitation: the member reads, posts, plans, sees the members.
        _ = try await asOwner.invite(roomId: room.roomId, username: member.username.uppercased())
        try expectEqual(Set(try await asMember.members(roomId: room.roomId)), [owner.username, member.username], "members")
        try expectEqual(try await asMember.history(roomId: room.roomId, before: nil, limit: 10).messages.map(\.text), ["for members"], "history")
        _ = try await asMember.send(Message(roomId: room.roomId, sender: member.username, text: "thanks"))
        let meeting = try await asMember.schedule(Meeting(roomId: room.roomId, title: "Review", organizer: member.username, scheduledTime: .now()))
        let project = try await asMember.createProject(Project(roomId: room.roomId, name: "Essay", createdBy: member.username))
        try await isRefused("outsider reads a meeting") { try await asOutsider.meeting(id: meeting.meetingId) }
        try await isRefused("outsider lists projects") { try await asOutsider.projects(roomId: room.roomId, PageRequest()) }
        try await isRefused("outsider reads a project") { try await asOutsider.project(id: project.projectId) }
        let mine = try await asOutsider.visible([meeting], room: \.roomId)
        try expect(mine.isEmpty, "cross-room lists leave out private rooms of others")
        try expectEqual(try await asMember.meetings(roomId: room.roomId, PageRequest()).items.map(\.meetingId), [meeting.meetingId], "member lists meetings")
        try await isRefused("member posts as someone else") { try await asMember.send(Message(roomId: room.roomId, sender: owner.username, text: "x")) }

        // Removal: only the creator removes others; the creator stays; members can leave.
        try await isRefused("member removes the owner") { try await asMember.remove(roomId: room.roomId, username: owner.username) }
        try await isRefused("owner removes themselves") { try await asOwner.leave(roomId: room.roomId) }
        _ = try await asOwner.remove(roomId: room.roomId, username: member.username)
        try await isRefused("removed member reads") { try await asMember.history(roomId: room.roomId, before: nil, limit: 10) }
        _ = try await asOwner.invite(roomId: room.roomId, username: member.username)
        _ = try await asMember.leave(roomId: room.roomId)
        try await isRefused("member who left posts") { try await asMember.send(Message(roomId: room.roomId, sender: member.username, text: "x")) }

        // Public rooms: found by name and joined by anyone; reading is open.
        let open = try await asOwner.createRoom(name: "open-\(tag)", isPrivate: false)
        try expect(try await store.rooms.find(name: "OPEN-\(tag)")?.roomId == open.roomId, "found by name")
        _ = try await asOutsider.history(roomId: open.roomId, before: nil, limit: 5)
        let joined = try await asOutsider.join(roomId: open.roomId)
        try expect(joined.members.contains(outsider.username), "joined a public room")
        try await isRefused("a member of a public room still cannot remove others") {
            try await asOutsider.remove(roomId: open.roomId, username: owner.username)
        }
    }
}
