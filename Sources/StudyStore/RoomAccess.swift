import StudyModel

/// A room action refused because of who is asking: a non-member reading or posting in a private
/// room, or someone other than the room's creator (or an admin) managing its members.
public struct RoomAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The room services as one user may use them: every backend's rooms, messages, meetings and
/// projects behind the membership rules, so the app and the command line cannot forget them.
///
/// - Public rooms: anyone reads, posts and joins; planning (meetings, projects) needs membership.
/// - Private rooms: only members (and app admins) see the room, its messages, meetings and
///   projects or post to it; nobody joins by themselves — the creator (or an admin) invites.
/// - Members are added and removed by the creator or an admin; anyone may leave; the creator
///   stays a member.
public struct RoomAccess: Sendable {
    public let store: StudyStore
    public let user: User

    public init(store: StudyStore, user: User) {
        self.store = store
        self.user = user
    }

    private var key: String { Username.key(user.username) }
    private var isAdmin: Bool { user.role == .admin }

    public func isMember(_ room: ChatRoom) -> Bool { room.members.contains { Username.key($0) == key } }
    public func canRead(_ room: ChatRoom) -> Bool { !room.isPrivate || isMember(room) || isAdmin }
    public func canManage(_ room: ChatRoom) -> Bool { Username.key(room.createdBy) == key || isAdmin }

    /// The room, if this user may see it. A private room is refused, not hidden, so the
    /// student knows to ask for an invitation.
    public func readable(roomId: String) async throws -> ChatRoom {
        guard let room = try await store.rooms.get(id: roomId) else { throw StoreError.notFound(entity: "room", id: roomId) }
        guard canRead(room) else {
            throw RoomAccessError("#\(room.name) is a private room; only its members can see it. Ask its creator (\(room.createdBy)) to invite you.")
        }
        return room
    }

    /// The room, if this user is a member (to schedule meetings and create projects in it).
    public func membership(roomId: String) async throws -> ChatRoom {
        let room = try await readable(roomId: roomId)
        guard isMember(room) else {
            throw RoomAccessError("You are not a member of #\(room.name); join it first.")
        }
        return room
    }

    // MARK: Rooms

    /// Creates a room with this user as creator and first member.
    public func createRoom(name: String, description: String = "", isPrivate: Bool) async throws -> ChatRoom {
        var room = ChatRoom(name: name, description: description, members: [user.username], createdBy: user.username)
        room.isPrivate = isPrivate
        return try await store.rooms.create(room)
    }

    /// Rooms this user may see, newest first (private rooms of others are left out of the page).
    public func rooms(_ page: PageRequest) async throws -> Page<ChatRoom> {
        var result = try await store.rooms.list(page)
        result.items = result.items.filter(canRead)
        return result
    }

    /// Joins a public room; private rooms take an invitation.
    public func join(roomId: String) async throws -> ChatRoom {
        let room = try await readable(roomId: roomId)
        if isMember(room) { return room }
        guard !room.isPrivate else {
            throw RoomAccessError("#\(room.name) is private; ask its creator (\(room.createdBy)) to invite you.")
        }
        return try await store.rooms.join(roomId: roomId, username: user.username)
    }

    /// Leaves a room (the creator cannot leave their own room).
    public func leave(roomId: String) async throws -> ChatRoom {
        try await remove(roomId: roomId, username: user.username)
    }

    /// Adds an existing user to the room: the creator or an admin only.
    public func invite(roomId: String, username: String) async throws -> ChatRoom {
        let room = try await readable(roomId: roomId)
        guard canManage(room) else {
            throw RoomAccessError("Only #\(room.name)'s creator (\(room.createdBy)) or an admin can invite members.")
        }
        guard let invited = try await store.users.get(username: username) else {
            throw StoreError.notFound(entity: "user", id: username)
        }
        return try await store.rooms.join(roomId: roomId, username: invited.username)
    }

    /// Removes a member: the creator or an admin removes anyone but the creator; anyone removes themselves.
    public func remove(roomId: String, username: String) async throws -> ChatRoom {
        let room = try await readable(roomId: roomId)
        let target = Username.key(username)
        guard target == key || canManage(room) else {
            throw RoomAccessError("Only #\(room.name)'s creator (\(room.createdBy)) or an admin can remove members.")
        }
        guard target != Username.key(room.createdBy) else {
            throw RoomAccessError("\(room.createdBy) created #\(room.name) and stays its member.")
        }
        guard let stored = room.members.first(where: { Username.key($0) == target }) else { return room }
        return try await store.rooms.leave(roomId: roomId, username: stored)
    }

    /// The member list, for those who may see the room.
    public func members(roomId: String) async throws -> [String] {
        try await readable(roomId: roomId).members
    }

    // MARK: Messages

    /// Posts as this user; private rooms take membership.
    public func send(_ message: Message) async throws -> Message {
        guard Username.key(message.sender) == key else {
            throw RoomAccessError("You can only post as yourself (\(user.username)).")
        }
        let room = try await readable(roomId: message.roomId)
        if room.isPrivate && !isMember(room) {
            throw RoomAccessError("Only members can post in #\(room.name).")
        }
        return try await store.messages.send(message)
    }

    public func history(roomId: String, before: PageCursor?, limit: Int) async throws -> MessagePage {
        _ = try await readable(roomId: roomId)
        return try await store.messages.history(roomId: roomId, before: before, limit: limit)
    }

    public func since(roomId: String, cursor: PageCursor, limit: Int) async throws -> MessagePage {
        _ = try await readable(roomId: roomId)
        return try await store.messages.since(roomId: roomId, cursor: cursor, limit: limit)
    }

    /// A message, if this user may see its room.
    public func message(id: String) async throws -> Message? {
        guard let message = try await store.messages.get(id: id) else { return nil }
        _ = try await readable(roomId: message.roomId)
        return message
    }

    // MARK: Meetings and projects

    public func schedule(_ meeting: Meeting) async throws -> Meeting {
        _ = try await membership(roomId: meeting.roomId)
        guard Username.key(meeting.organizer) == key else { throw RoomAccessError("You can only organize meetings as yourself.") }
        return try await store.meetings.create(meeting)
    }

    public func meetings(roomId: String, _ page: PageRequest) async throws -> Page<Meeting> {
        _ = try await readable(roomId: roomId)
        return try await store.meetings.list(roomId: roomId, page)
    }

    public func meeting(id: String) async throws -> Meeting? {
        guard let meeting = try await store.meetings.get(id: id) else { return nil }
        _ = try await readable(roomId: meeting.roomId)
        return meeting
    }

    /// Moves a meeting along its status path: only its organizer may, and only by an allowed
    /// move (checked on the stored meeting, which may have moved since a list was drawn).
    public func moveMeeting(id: String, to target: Meeting.Status, at now: Timestamp = .now()) async throws -> Meeting {
        guard var meeting = try await meeting(id: id) else { throw StoreError.notFound(entity: "meeting", id: id) }
        if let refusal = PlanMove.refusal(owner: meeting.organizer, role: "organizer", userKey: key,
                                          from: meeting.status, to: target, noun: "meeting") {
            throw RoomAccessError(refusal + " Nothing was changed.")
        }
        guard meeting.status != target else { return meeting }
        meeting.status = target
        meeting.updatedAt = now
        return try await store.meetings.update(meeting)
    }

    public func createProject(_ project: Project) async throws -> Project {
        _ = try await membership(roomId: project.roomId)
        guard Username.key(project.createdBy) == key else { throw RoomAccessError("You can only create projects as yourself.") }
        return try await store.projects.create(project)
    }

    public func projects(roomId: String, _ page: PageRequest) async throws -> Page<Project> {
        _ = try await readable(roomId: roomId)
        return try await store.projects.list(roomId: roomId, page)
    }

    public func project(id: String) async throws -> Project? {
        guard let project = try await store.projects.get(id: id) else { return nil }
        _ = try await readable(roomId: project.roomId)
        return project
    }

    /// Moves a project along its status path: only its creator may, and only by an allowed move.
    public func moveProject(id: String, to target: Project.Status, at now: Timestamp = .now()) async throws -> Project {
        guard var project = try await project(id: id) else { throw StoreError.notFound(entity: "project", id: id) }
        if let refusal = PlanMove.refusal(owner: project.createdBy, role: "creator", userKey: key,
                                          from: project.status, to: target, noun: "project") {
            throw RoomAccessError(refusal + " Nothing was changed.")
        }
        guard project.status != target else { return project }
        project.status = target
        project.updatedAt = now
        return try await store.projects.update(project)
    }

    /// Keeps the items whose room this user may see (lists by organizer, status or time span
    /// cross rooms).
    public func visible<T>(_ items: [T], room: (T) -> String) async throws -> [T] {
        let ids = Array(Set(items.map(room)))
        var readable = Set<String>()
        for start in stride(from: 0, to: ids.count, by: 100) {
            for found in try await store.rooms.batchGet(ids: Array(ids[start..<min(start + 100, ids.count)])) where canRead(found) {
                readable.insert(found.roomId)
            }
        }
        return items.filter { readable.contains(room($0)) }
    }
}

extension StudyStore {
    /// The room services as `user` may use them.
    public func access(as user: User) -> RoomAccess { RoomAccess(store: self, user: user) }
}
