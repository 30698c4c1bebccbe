import DynamoDB
import StudyModel
import StudyStore

/// Study rooms on `<prefix>-chat-rooms` (key roomId, NameIndex(name)).
///
/// Names are unique by `NameKey.key`: a guard item `room#<key>` in `<prefix>-unique` holds the
/// room id, written in the same transaction as the room (as usernames are), so of two
/// terminals creating one name at once exactly one commits. Rooms stored before the guards
/// (or by other tools) have none; they are found through NameIndex and never merged.
struct DynamoChatRoomService: ChatRoomService, DynamoGuardedService {
    let table: ItemTable<ChatRoom>
    let db: Dynamo
    let unique: String

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        self.db = db
        unique = schema.unique
        table = ItemTable(db: db, name: schema.rooms, entity: "room", keyName: "roomId", key: { $0.roomId },
                          indexes: ["NameIndex": ["name"]])
    }

    static func nameGuard(_ name: String) -> String { "room#\(NameKey.key(name))" }

    func create(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        _ = try validated(room) { try $0.validate() }
        // Rooms from before the guards hold no guard: refuse their names too.
        if let existing = try await find(name: room.name), existing.roomId != room.roomId {
            throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
        }
        let item = try table.encode(room)
        var x = ExpressionBuilder()
        let isNew = x.attributeNotExists("roomId")
        do {
            try await db.transact([
                .put(PutItemRequest(table: table.name, item: item, condition: isNew, expressions: x)),
                claim(Self.nameGuard(room.name), room.roomId),
            ])
        } catch where isTransactionFailure(error) {
            if try await table.holds(id: room.roomId, revisionOf: item) == true { return room }
            if try await guardHolder(Self.nameGuard(room.name)).map({ $0 != room.roomId }) ?? false {
                throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
            }
            if try await table.getItem(id: room.roomId) != nil {
                throw StoreError.duplicate(entity: "room", field: "id", value: room.roomId)
            }
            throw StoreError.conflict(entity: "room", id: room.roomId)
        } catch StoreError.outcomeUnknown {
            try await table.settleCreate(id: room.roomId, wrote: item)
        }
        return room
    }

    func get(id: String) async throws -> ChatRoom? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [ChatRoom] { try await table.batchGet(ids: ids) }

    /// A renamed room moves its guard in the same transaction as the write.
    func update(_ room: ChatRoom) async throws -> ChatRoom {
        var room = room
        room.name = NameKey.cleaned(room.name)
        _ = try validated(room) { try $0.validate() }
        for round in 0..<optimisticAttempts {
            guard let oldItem = try await table.getItem(id: room.roomId) else { throw StoreError.notFound(entity: "room", id: room.roomId) }
            let old = try table.decode(oldItem)
            var x = ExpressionBuilder()
            let unchanged = table.unchanged(oldItem, &x)
            var writes: [TransactWriteItem] = [
                .put(PutItemRequest(table: table.name, item: try table.encode(room), condition: unchanged, expressions: x)),
            ]
            let before = Self.nameGuard(old.name), after = Self.nameGuard(room.name)
            if before != after {
                writes.append(claim(after, room.roomId))
                writes.append(release(before, room.roomId))
            }
            do {
                try await db.transact(writes)
                return room
            } catch where isTransactionFailure(error) {
                if before != after, failedConditions(error).contains(1) {
                    throw StoreError.duplicate(entity: "room", field: "name", value: room.name)
                }
                await backoff(round)
            }
        }
        throw StoreError.conflict(entity: "room", id: room.roomId)
    }

    /// Deletes the room and frees its name (a guard of another room of that name stays).
    func delete(id: String) async throws {
        guard let oldItem = try await table.getItem(id: id) else { throw StoreError.notFound(entity: "room", id: id) }
        let old = try table.decode(oldItem)
        var x = ExpressionBuilder()
        let exists = x.attributeExists("roomId")
        do {
            try await db.transact([
                .delete(DeleteItemRequest(table: table.name, key: table.keyItem(id), condition: exists, expressions: x)),
                release(Self.nameGuard(old.name), id),
            ])
        } catch where isTransactionFailure(error) {
            if try await table.getItem(id: id) == nil { return }
            throw StoreError.conflict(entity: "room", id: id)
        } catch StoreError.outcomeUnknown {
            if (try? await table.getItem(id: id)) == .some(nil) { return }
            throw StoreError.outcomeUnknown(Dynamo.unconfirmed)
        }
    }

    func find(name: String) async throws -> ChatRoom? {
        if let roomId = try await guardHolder(Self.nameGuard(name)), let room = try await get(id: roomId) { return room }
        return try await list(name: name).first
    }

    /// The guarded room, and rooms without a guard found by NameIndex under the spellings
    /// `name` and its cleaned form, that have the same key; oldest first.
    func list(name: String) async throws -> [ChatRoom] {
        let key = NameKey.key(name)
        var found: [String: ChatRoom] = [:]
        if let roomId = try await guardHolder(Self.nameGuard(name)), let room = try await get(id: roomId) { found[room.roomId] = room }
        for spelling in Set([name, NameKey.cleaned(name)]) where !spelling.isEmpty {
            let items = try await table.queryItems(index: "NameIndex", partition: spelling, descending: false, limit: 100, cursor: nil).0
            for room in try items.map(table.decode) where room.nameKey == key { found[room.roomId] = room }
        }
        return found.values.sorted { ($0.createdAt, $0.roomId) < ($1.createdAt, $1.roomId) }
    }

    /// All rooms by a paginated Scan (no index covers "every room"); order is DynamoDB's.
    func list(_ page: PageRequest) async throws -> Page<ChatRoom> { try await table.scanPage(page) }

    func join(roomId: String, username: String) async throws -> ChatRoom {
        try await table.modify(id: roomId) { room in
            try room.admit(username)
        }
    }

    func leave(roomId: String, username: String) async throws -> ChatRoom {
        try await table.modify(id: roomId) { room in
            room.members.removeAll { $0 == username }
            room.updatedAt = .now()
        }
    }
}

/// Meetings on `<prefix>-meetings`.
///
/// Indexes: RoomIdIndex(roomId, scheduledTime), OrganizerIndex(organizer, scheduledTime),
/// StatusIndex(status, createdAt), StatusScheduledTimeIndex(status, scheduledTime) and the
/// seeds' ScheduledTimeIndex(scheduledTime). The last is hash-only, so it can only find one
/// exact time: a range of times is served by merging StatusScheduledTimeIndex over the few
/// statuses (one Query per status, key conditions only, ordered), never by a Scan.
struct DynamoMeetingService: MeetingService {
    let table: ItemTable<Meeting>

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        table = ItemTable(db: db, name: schema.meetings, entity: "meeting", keyName: "meetingId", key: { $0.meetingId },
                          indexes: ["RoomIdIndex": ["roomId", "scheduledTime"], "OrganizerIndex": ["organizer", "scheduledTime"],
                                    "StatusIndex": ["status", "createdAt"],
                                    "StatusScheduledTimeIndex": ["status", "scheduledTime"],
                                    "ScheduledTimeIndex": ["scheduledTime"]])
    }

    func create(_ meeting: Meeting) async throws -> Meeting { try await table.create(validated(meeting) { try $0.validate() }) }
    func get(id: String) async throws -> Meeting? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Meeting] { try await table.batchGet(ids: ids) }
    func update(_ meeting: Meeting) async throws -> Meeting { try await table.update(validated(meeting) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(roomId: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.queryPage(index: "RoomIdIndex", roomId, descending: false, page)
    }
    func list(organizer: String, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.queryPage(index: "OrganizerIndex", organizer, descending: false, page)
    }
    func list(status: Meeting.Status, from: Timestamp?, to: Timestamp?, _ page: PageRequest) async throws -> Page<Meeting> {
        try await table.queryPage(index: "StatusScheduledTimeIndex", status.rawValue,
                                  range: KeyRange.bounds(from?.iso8601, to?.iso8601), descending: false, page)
    }

    /// Where each status's stream continues; statuses absent from `starts` start at the beginning.
    struct MergeCursor: Codable {
        var starts: [String: String]
        var done: [String]
    }

    func list(scheduledFrom from: Timestamp, to: Timestamp, _ page: PageRequest) async throws -> Page<Meeting> {
        let position = try page.cursor.map { try CursorCodec.decode(MergeCursor.self, from: $0) } ?? MergeCursor(starts: [:], done: [])
        let range = KeyRange.between(from.iso8601, to.iso8601)
        // Each status's next limit+1 items; the first `limit` of their merge are the page.
        var fetched: [(status: String, items: [Item], exhausted: Bool)] = []
        for status in Meeting.Status.allCases.map(\.rawValue) where !position.done.contains(status) {
            let start = position.starts[status].map { PageCursor(token: $0) }
            let (items, next) = try await table.queryItems(index: "StatusScheduledTimeIndex", partition: status, range: range,
                                                           descending: false, limit: page.limit, cursor: start)
            // queryItems keeps `limit`; a non-nil `next` means more follow.
            fetched.append((status, items, next == nil))
        }
        var merged: [(time: String, id: String, status: String, item: Item)] = []
        for entry in fetched {
            for item in entry.items {
                merged.append((item["scheduledTime"]?.stringValue ?? "", item["meetingId"]?.stringValue ?? "", entry.status, item))
            }
        }
        merged.sort { ($0.time, $0.id) < ($1.time, $1.id) }
        let taken = Array(merged.prefix(page.limit))
        var cursor = position
        let attributes = table.cursorAttributes("StatusScheduledTimeIndex")
        for entry in fetched {
            let mine = taken.filter { $0.status == entry.status }
            if let last = mine.last, let next = KeyCursor.encode(last.item, attributes) { cursor.starts[entry.status] = next.token }
            if entry.exhausted && mine.count == entry.items.count { cursor.done.append(entry.status) }
        }
        let finished = Set(cursor.done).isSuperset(of: Meeting.Status.allCases.map(\.rawValue))
        return Page(items: try taken.map { try table.decode($0.item) }, next: finished ? nil : CursorCodec.encode(cursor))
    }
}

/// Group projects on `<prefix>-projects`: RoomIdIndex, CreatedByIndex and StatusIndex, each
/// sorted by createdAt.
struct DynamoProjectService: ProjectService {
    let table: ItemTable<Project>

    init(_ db: Dynamo, _ schema: DynamoSchema) {
        table = ItemTable(db: db, name: schema.projects, entity: "project", keyName: "projectId", key: { $0.projectId },
                          indexes: ["RoomIdIndex": ["roomId", "createdAt"], "CreatedByIndex": ["createdBy", "createdAt"],
                                    "StatusIndex": ["status", "createdAt"]])
    }

    func create(_ project: Project) async throws -> Project { try await table.create(validated(project) { try $0.validate() }) }
    func get(id: String) async throws -> Project? { try await table.get(id: id) }
    func batchGet(ids: [String]) async throws -> [Project] { try await table.batchGet(ids: ids) }
    func update(_ project: Project) async throws -> Project { try await table.update(validated(project) { try $0.validate() }) }
    func delete(id: String) async throws { try await table.delete(id: id) }

    func list(roomId: String, _ page: PageRequest) async throws -> Page<Project> {
        try await table.queryPage(index: "RoomIdIndex", roomId, page)
    }
    func list(createdBy: String, _ page: PageRequest) async throws -> Page<Project> {
        try await table.queryPage(index: "CreatedByIndex", createdBy, page)
    }
    func list(status: Project.Status, _ page: PageRequest) async throws -> Page<Project> {
        try await table.queryPage(index: "StatusIndex", status.rawValue, page)
    }
}
