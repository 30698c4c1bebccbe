import Foundation
import StudyModel
import StudyStore

/// Study rooms on `chatrooms` (`_id` is the roomId; NameIndex(name)). Joining and leaving are
/// single update operators ($addToSet, $pull), so concurrent joins are all kept.
struct MongoChatRoomService: ChatRoomService {
    let table: MongoTable<ChatRoom>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<ChatRoom>(keyName: "roomId", entity: "room")
        mapping.defaults = ["description": .string(""), "members": .array([]), "createdBy": .string("")]
        mapping.restore = { doc in
            // The web app's rooms may hold members as ObjectIds or objects; keep the names.
            if case .array(let members)? = doc["members"] {
                doc["members"] = .array(members.compactMap { member -> BSON? in
                    if case .document(let d) = member { return d["username"] ?? d["user"] }
                    return member
                })
            }
        }
        table = MongoTable(collection: connection.collection(schema.chatrooms), mapping: mapping, key: { $0.roomId })
    }

    func create(_ room: ChatRoom) async throws -> ChatRoom { try await table.create(validated(room) { try $0.validate() }) }
    func get(id: String) async throws -> ChatRoom? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [ChatRoom] { try await table.batchGet(ids: ids) }
    func update(_ room: ChatRoom) async throws -> ChatRoom { try await table.update(validated(room) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(name: String) async throws -> [ChatRoom] {
        // Like the other backends, at most 100 rooms of one name.
        try await table.page(["name": .string(name)], sortKey: nil, descending: false, PageRequest(limit: 100)).items
    }

    func list(_ page: PageRequest) async throws -> Page<ChatRoom> {
        try await table.page([:], sortKey: "createdAt", descending: true, page)
    }

    func join(roomId: String, username: String) async throws -> ChatRoom {
        let now = BSON.date(Timestamp.now().millisecondsSince1970)
        // Matches only while the room has room for one more (no element at index max-1).
        let notFull: BSONDocument = ["members.\(ChatRoom.maxMembers - 1)": .document(["$exists": .bool(false)])]
        let update: BSONDocument = ["$addToSet": .document(["members": .string(username)]), "$set": .document(["updatedAt": now])]
        if let room = try await table.modify(id: roomId, update, filter: notFull) { return room }
        guard let room = try await get(id: roomId) else { throw StoreError.notFound(entity: "room", id: roomId) }
        if room.members.contains(username) { return room }
        throw StoreError.invalid(ValidationError("members", "The room is full (\(ChatRoom.maxMembers) members)."))
    }

    func leave(roomId: String, username: String) async throws -> ChatRoom {
        let update: BSONDocument = ["$pull": .document(["members": .string(username)]),
                                    "$set": .document(["updatedAt": .date(Timestamp.now().millisecondsSince1970)])]
        guard let room = try await table.modify(id: roomId, update) else { throw StoreError.notFound(entity: "room", id: roomId) }
        return room
    }
}

/// Meetings on `meetings`, with the seeds' five indexes; every list is ordered by scheduled time.
struct MongoMeetingService: MeetingService {
    let table: MongoTable<Meeting>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Meeting>(keyName: "meetingId", entity: "meeting")
        mapping.defaults = ["description": .string(""), "durationMinutes": .int32(60), "status": .string("scheduled"),
                            "participants": .array([]), "organizer": .string("")]
        table = MongoTable(collection: connection.collection(schema.meetings), mapping: mapping, key: { $0.meetingId })
    }

    func create(_ meeting: Meeting) async throws -> Meeting { try await table.create(validated(meeting) { try $0.validate() }) }
    func get(id: String) async throws -> Meeting? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Meeting] { try await table.batchGet(ids: ids) }
    func update(_ meeting: Meeting) async throws -> Meeting { try await table.update(validated(meeting) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(roomId: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.page(["roomId": .string(roomId)], sortKey: "scheduledTime", descending: false, page)
    }
    func list(organizer: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.page(["organizer": .string(organizer)], sortKey: "scheduledTime", descending: false, page)
    }
    func list(status: Meeting.Status, from: Timestamp?, to: Timestamp?, _ page: PageRequest) async throws -> Page<Meeting> {
        var filter: BSONDocument = ["status": .string(status.rawValue)]
        if let range = Self.range(from, to) { filter["scheduledTime"] = .document(range) }
        return try await table.page(filter, sortKey: "scheduledTime", descending: false, page)
    }
    func list(scheduledFrom from: Timestamp, to: Timestamp, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.page(["scheduledTime": .document(Self.range(from, to) ?? [:])], sortKey: "scheduledTime", descending: false, page)
    }

    static func range(_ from: Timestamp?, _ to: Timestamp?) -> BSONDocument? {
        var range = BSONDocument()
        if let from { range["$gte"] = .date(from.millisecondsSince1970) }
        if let to { range["$lte"] = .date(to.millisecondsSince1970) }
        return range.isEmpty ? nil : range
    }
}

/// Group projects on `projects`: RoomIdIndex, CreatedByIndex, StatusIndex, newest first.
struct MongoProjectService: ProjectService {
    let table: MongoTable<Project>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<Project>(keyName: "projectId", entity: "project")
        mapping.defaults = ["description": .string(""), "status": .string("planning"), "members": .array([]), "createdBy": .string("")]
        table = MongoTable(collection: connection.collection(schema.projects), mapping: mapping, key: { $0.projectId })
    }

    func create(_ project: Project) async throws -> Project { try await table.create(validated(project) { try $0.validate() }) }
    func get(id: String) async throws -> Project? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Project] { try await table.batchGet(ids: ids) }
    func update(_ project: Project) async throws -> Project { try await table.update(validated(project) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(roomId: String, _ page: PageRequest) async throws -> Page<Project> {
        try await table.page(["roomId": .string(roomId)], sortKey: "createdAt", descending: true, page)
    }
    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Project> {
        try await table.page(["createdBy": .string(createdBy)], sortKey: "createdAt", descending: true, page)
    }
    func list(status: Project.Status, _ page: PageRequest) async throws -> Page<Project> {
        try await table.page(["status": .string(status.rawValue)], sortKey: "createdAt", descending: true, page)
    }
}
