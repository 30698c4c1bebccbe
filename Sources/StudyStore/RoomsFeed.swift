import StudyModel

/// Where a poll over many rooms stands: each room's feed cursor (from `history` or `since`),
/// plus a position the backend keeps for itself (DynamoDB: which activity buckets it has read).
public struct RoomsCursor: Sendable, Equatable {
    /// Each watched room's feed position.
    public var rooms: [String: PageCursor]
    /// The backend's own position; nil before the first poll. Opaque.
    public var changes: PageCursor?
    /// Rooms whose position was set from outside since the last poll: the next poll reads them
    /// directly, whatever the backend's change tracking says.
    public var fresh: Set<String>

    public init(rooms: [String: PageCursor] = [:], changes: PageCursor? = nil, fresh: Set<String>? = nil) {
        self.rooms = rooms
        self.changes = changes
        self.fresh = fresh ?? Set(rooms.keys)
    }

    /// Starts (or restarts) `room` from `cursor`.
    public mutating func set(room: String, cursor: PageCursor) {
        rooms[room] = cursor
        fresh.insert(room)
    }

    /// Forgets every room not in `watched`.
    public mutating func keep(only watched: Set<String>) {
        rooms = rooms.filter { watched.contains($0.key) }
        fresh.formIntersection(watched)
    }
}

/// The answer of `since(rooms:limit:)`.
public struct RoomsPage: Sendable, Equatable {
    /// New messages of the rooms that had any, oldest first.
    public var messages: [String: [Message]]
    /// Rooms whose read stopped at `limit` with more waiting.
    public var hasMore: Set<String>
    /// The position to poll from next.
    public var cursor: RoomsCursor

    public init(messages: [String: [Message]], hasMore: Set<String>, cursor: RoomsCursor) {
        self.messages = messages
        self.hasMore = hasMore
        self.cursor = cursor
    }
}

extension MessageService {
    /// Reads every room with `since(roomId:)`: one request per room per poll. Backends with a
    /// cheaper way (one query, a change log) override it.
    public func since(rooms: RoomsCursor, limit: Int) async throws -> RoomsPage {
        try await sinceEachRoom(rooms, only: nil, limit: limit)
    }

    /// Reads `only` those rooms (all when nil) with `since(roomId:)`; the others keep their position.
    public func sinceEachRoom(_ rooms: RoomsCursor, only: Set<String>?, limit: Int) async throws -> RoomsPage {
        var next = rooms
        next.fresh = []
        var messages: [String: [Message]] = [:]
        var more = Set<String>()
        for (room, cursor) in rooms.rooms.sorted(by: { $0.key < $1.key }) where only?.contains(room) ?? true {
            let page = try await since(roomId: room, cursor: cursor, limit: limit)
            next.rooms[room] = page.feed
            if !page.messages.isEmpty { messages[room] = page.messages }
            if page.hasMore { more.insert(room) }
        }
        return RoomsPage(messages: messages, hasMore: more, cursor: next)
    }
}

/// The poll loop's state over the watched rooms: starts new rooms at their newest message,
/// takes positions handed in from history loads, polls all rooms with one `since(rooms:)` and
/// drains bursts room by room.
public struct RoomsFeed: Sendable {
    public private(set) var cursor = RoomsCursor()

    public init() {}

    /// One round: what arrived in `rooms` since the last round, per room, oldest first.
    /// `seeds` replace a room's position (see `Poller.seed`). A failure leaves the position as
    /// it was, so the next round reads the same messages again (never skips them).
    public mutating func poll(_ rooms: [String], seeds: [String: PageCursor], messages service: any MessageService,
                              limit: Int = 200) async throws -> [(room: String, messages: [Message])] {
        var next = cursor
        next.keep(only: Set(rooms))
        for (room, seed) in seeds where rooms.contains(room) { next.set(room: room, cursor: seed) }
        for room in rooms where next.rooms[room] == nil {
            // First round for this room: start from its newest message; history covers the past.
            next.set(room: room, cursor: try await service.history(roomId: room, before: nil, limit: 1).feed)
        }
        let page = try await service.since(rooms: next, limit: limit)
        next = page.cursor
        var arrived = page.messages
        // Drain a burst in bounded pages so one busy room cannot starve the others for long.
        for room in page.hasMore.sorted() {
            guard var position = next.rooms[room] else { continue }
            for _ in 0..<9 {
                let more = try await service.since(roomId: room, cursor: position, limit: limit)
                position = more.feed
                arrived[room, default: []] += more.messages
                if !more.hasMore { break }
            }
            next.rooms[room] = position
        }
        cursor = next
        return rooms.compactMap { room in arrived[room].flatMap { $0.isEmpty ? nil : (room, $0) } }
    }
}
