import Foundation
import StudyModel
import StudyStore

/// Study rooms on `chatrooms` (`_id` is the roomId; NameIndex(name)). Joining and leaving are
/// single update operators ($addToSet, $pull), so concurrent joins are all kept.
///
/// Names are unique by `NameKey.key`: each room holds `nameKey`, with the unique index
/// NameKeyUnique, so of two terminals creating one name at once exactly one insert succeeds.
/// Rooms other tools wrote have no key: they are found by their name (case-insensitively),
/// refused as taken to new rooms, and given their key by `setup`, oldest first (a later room
/// of a taken name keeps none; nothing is merged or renamed).
struct MongoChatRoomService: ChatRoomService {
    let table: MongoTable<ChatRoom>

    init(_ connection: MongoConnection, _ schema: MongoSchema) {
        var mapping = DocumentMapping<ChatRoom>(keyName: "roomId", entity: "room")
        mapping.defaults = ["description": .string(""), "members": .array([]), "createdBy": .string("")]
        mapping.restore = { doc in
            // The web app's rooms may hold members as ObjectIds or objects; keep the names.
            doc["nameKey"] = nil
            if case .array(let members)? = doc["members"] {
                doc["members"] = .array(members.compactMap { member -> BSON? in
                    if case .document(let d) = member { return d["username"] ?? d["user"] }
                    return member
                })
            }
        }
        mapping.prepare = { room, doc in doc["nameKey"] = .string(room.nameKey) }
        table = MongoTable(collection: connection.collection(schema.chatrooms), mapping: mapping, key: { $0.roomId })
    }

    private var connection: MongoConnection { table.connection }

    /// Stores the cleaned name; a taken name is `duplicate` (field `name`).
    func create(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        _ = try validated(room) { try $0.validate() }
        // Rooms without a key (other tools) are not in the unique index: refuse their names too.
        if let existing = try await find(name: room.name), existing.roomId != room.roomId {
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        }
        do {
            try await table.insertRaw(try table.encode(room), id: room.roomId)
        } catch let error as MongoError where error.isDuplicateKey {
            if try await table.get(id: room.roomId) != nil { throw StoreError.duplicate(entity: "room", field: "id", value: room.roomId) }
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        }
        return room
    }

    func get(id: String) async throws -> ChatRoom? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [ChatRoom] { try await table.batchGet(ids: ids) }

    /// Replaces the room; a rename onto a taken name is `duplicate` (field `name`).
    func update(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        _ = try validated(room) { try $0.validate() }
        guard let old = try await mongo(connection, { try await table.collection.find(table.idQuery(room.roomId), limit: 1) }).first else {
            throw StoreError.notFound(entity: "room", id: room.roomId)
        }
        var doc = try table.encode(room)
        let oldKey = NameKey.key(old["name"]?.stringValue ?? "")
        if old["nameKey"] == nil && oldKey == room.nameKey {
            // A room without a key keeps its name as it was: another room may hold that key.
            doc["nameKey"] = nil
        } else if oldKey != room.nameKey, let existing = try await find(name: room.name), existing.roomId != room.roomId {
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        }
        let result: MongoCollection.UpdateResult
        do {
            result = try await table.collection.replaceOne(table.idQuery(room.roomId), doc)
        } catch let error as MongoError where error.isDuplicateKey {
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        } catch let error as MongoError where error.mayHaveBeenApplied {
            throw StoreError.outcomeUnknown(mongoUnconfirmed)
        } catch {
            throw storeError(error, connection, entity: "room", id: room.roomId)
        }
        if result.matched == 0 { throw StoreError.notFound(entity: "room", id: room.roomId) }
        return room
    }

    /// Deleting the document frees its name with it.
    func delete(id: String) async throws { try await table.delete(id: id) }

    /// The room holding the name's key, else the oldest room of that name without a key.
    func find(name: String) async throws -> ChatRoom? {
        let key = NameKey.key(name)
        guard !key.isEmpty else { return nil }
        let keyed = try await mongo(connection) { try await table.collection.find(["nameKey": .string(key)], limit: 1) }
        if let room = try keyed.first.map(table.decode) { return room }
        return try await list(name: name).first
    }

    /// Rooms whose name has this key, oldest first (at most 100, like the other backends): the
    /// keyed one and rooms without a key, found by their name compared case-insensitively.
    func list(name: String) async throws -> [ChatRoom] {
        let key = NameKey.key(name)
        guard !key.isEmpty else { return [] }
        var spellings: [BSON] = Array(Set([name, NameKey.cleaned(name)])).map(BSON.string)
        spellings.append(.document(["$regex": .string("^" + NSRegularExpression.escapedPattern(for: NameKey.cleaned(name)) + "$"),
                                    "$options": .string("i")]))
        let filter: BSONDocument = ["$or": .array([
            .document(["nameKey": .string(key)]),
            .document(["nameKey": .document(["$exists": .bool(false)]),
                       "$or": .array(spellings.map { .document(["name": $0]) })]),
        ])]
        let docs = try await mongo(connection) { try await table.collection.find(filter, sort: ["createdAt": .int32(1), "_id": .int32(1)], limit: 100) }
        return try docs.map(table.decode).filter { $0.nameKey == key }
            .sorted { ($0.createdAt, $0.roomId) < ($1.createdAt, $1.roomId) }
    }

    /// Gives rooms without a key (other tools, older versions) theirs, oldest first; a later
    /// room of a taken name keeps none. Returns how many were keyed.
    func keyAll() async throws -> Int {
        let missing: BSONDocument = ["nameKey": .document(["$exists": .bool(false)])]
        let docs = try await mongo(connection) {
            try await table.collection.find(missing, sort: ["createdAt": .int32(1), "_id": .int32(1)],
                                            projection: ["_id": .int32(1), "name": .int32(1)])
        }
        var done = 0
        for doc in docs {
            guard let id = doc["_id"], let name = doc["name"]?.stringValue, !NameKey.key(name).isEmpty else { continue }
            do {
                let result = try await table.collection.updateOne(["_id": id, "nameKey": .document(["$exists": .bool(false)])],
                                                                  ["$set": .document(["nameKey": .string(NameKey.key(name))])])
                done += result.modified
            } catch let error as MongoError where error.isDuplicateKey {
                continue
            } catch {
                throw storeError(error, connection)
            }
        }
        return done
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
        throw StoreError.roomFull
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
