/// A study room: a chat with meetings and projects.
public struct ChatRoom: Codable, Sendable, Hashable, Identifiable {
    /// Rooms hold their member list; it is capped so the record stays small.
    public static let maxMembers = 2000

    public var roomId: String
    public var name: String
    public var description: String
    /// Usernames of the members.
    public var members: [String]
    public var createdBy: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// Private rooms, their messages, meetings and projects are for members only (checked by
    /// `RoomAccess`). Absent in records made before rooms could be private: public.
    public var isPrivate: Bool = false

    public var id: String { roomId }

    /// The key that makes room names unique: `welcome`, `Welcome ` and `wel\u{200B}come` are one room.
    public var nameKey: String { NameKey.key(name) }

    public init(roomId: String = StudyID.make(), name: String, description: String = "", members: [String] = [],
                createdBy: String, createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil) {
        self.roomId = roomId
        self.name = name
        self.description = description
        self.members = members
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        // Judged as stored: invisible characters and outer spaces do not count.
        try Validate.text(NameKey.cleaned(name), field: "name", label: "Room name", max: 80)
        try Validate.text(description, field: "description", label: "Description", min: 0, max: 1000)
        if members.count > ChatRoom.maxMembers {
            throw ValidationError("members", "A room may have at most \(ChatRoom.maxMembers) members.")
        }
    }
}

extension ChatRoom {
    private enum StoredKeys: String, CodingKey { case roomId, name, description, members, createdBy, createdAt, updatedAt, isPrivate }

    /// Decodes rooms stored before `isPrivate` existed as public.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: StoredKeys.self)
        self.init(roomId: try c.decode(String.self, forKey: .roomId), name: try c.decode(String.self, forKey: .name),
                  description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
                  members: try c.decodeIfPresent([String].self, forKey: .members) ?? [],
                  createdBy: try c.decode(String.self, forKey: .createdBy), createdAt: try c.decode(Timestamp.self, forKey: .createdAt),
                  updatedAt: try c.decodeIfPresent(Timestamp.self, forKey: .updatedAt))
        isPrivate = try c.decodeIfPresent(Bool.self, forKey: .isPrivate) ?? false
    }
}

/// One chat message. `messageId` is made by the sending client, so a resend after a lost
/// answer writes the same record again instead of a second copy.
public struct Message: Codable, Sendable, Hashable, Identifiable {
    public static let maxLength = 4000

    public var messageId: String
    public var roomId: String
    /// The sender's username.
    public var sender: String
    public var text: String
    public var createdAt: Timestamp

    public var id: String { messageId }

    public init(messageId: String = StudyID.make(), roomId: String, sender: String, text: String, createdAt: Timestamp = .now()) {
        self.messageId = messageId
        self.roomId = roomId
        self.sender = sender
        self.text = text
        self.createdAt = createdAt
    }

    public func validate() throws {
        try Validate.text(text, field: "text", label: "Message", max: Message.maxLength)
        try Validate.text(roomId, field: "roomId", label: "Room", max: 64)
        try Validate.text(sender, field: "sender", label: "Sender", max: 64)
    }
}

/// A meeting scheduled in a room.
public struct Meeting: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, StoredEnum {
        case scheduled
        case inProgress = "in_progress"
        case completed, cancelled
    }

    public var meetingId: String
    public var roomId: String
    public var title: String
    public var description: String
    /// The organizer's username.
    public var organizer: String
    public var scheduledTime: Timestamp
    public var durationMinutes: Int
    public var status: Status
    public var participants: [String]
    public var meetingLink: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public var id: String { meetingId }

    public init(meetingId: String = StudyID.make(), roomId: String, title: String, description: String = "",
                organizer: String, scheduledTime: Timestamp, durationMinutes: Int = 60, status: Status = .scheduled,
                participants: [String] = [], meetingLink: String? = nil, createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil) {
        self.meetingId = meetingId
        self.roomId = roomId
        self.title = title
        self.description = description
        self.organizer = organizer
        self.scheduledTime = scheduledTime
        self.durationMinutes = durationMinutes
        self.status = status
        self.participants = participants
        self.meetingLink = meetingLink
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(title, field: "title", label: "Meeting title", max: 200)
        try Validate.range(durationMinutes, 1...1440, field: "durationMinutes", label: "Duration in minutes")
        if participants.count > ChatRoom.maxMembers {
            throw ValidationError("participants", "A meeting may have at most \(ChatRoom.maxMembers) participants.")
        }
    }
}

/// A group project in a room.
public struct Project: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, StoredEnum { case planning, active, completed, archived }

    public var projectId: String
    public var roomId: String
    public var name: String
    public var description: String
    public var createdBy: String
    public var status: Status
    public var members: [String]
    public var dueDate: Timestamp?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public var id: String { projectId }

    public init(projectId: String = StudyID.make(), roomId: String, name: String, description: String = "",
                createdBy: String, status: Status = .planning, members: [String] = [], dueDate: Timestamp? = nil,
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil) {
        self.projectId = projectId
        self.roomId = roomId
        self.name = name
        self.description = description
        self.createdBy = createdBy
        self.status = status
        self.members = members
        self.dueDate = dueDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func validate() throws {
        try Validate.text(name, field: "name", label: "Project name", max: 200)
        try Validate.text(description, field: "description", label: "Description", min: 0, max: 5000)
        if members.count > ChatRoom.maxMembers {
            throw ValidationError("members", "A project may have at most \(ChatRoom.maxMembers) members.")
        }
    }
}
