import StudyModel

/// The order of messages in a room: by creation time, ties broken by id (as the store orders history).
public struct MessageKey: Hashable, Comparable, Sendable {
    public var createdAt: Timestamp
    public var messageId: String

    public init(_ message: Message) {
        self.createdAt = message.createdAt
        self.messageId = message.messageId
    }

    public init(createdAt: Timestamp, messageId: String) {
        self.createdAt = createdAt
        self.messageId = messageId
    }

    public static func < (lhs: MessageKey, rhs: MessageKey) -> Bool {
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
        return lhs.messageId < rhs.messageId
    }
}

extension Message {
    /// Where this message sorts in its room.
    public var key: MessageKey { MessageKey(self) }
}

/// Merges `incoming` into `existing` (both may be unordered), keeping one copy per messageId
/// ordered by (createdAt, messageId). A later copy of the same id replaces the earlier one.
public func mergeMessages(_ existing: [Message], _ incoming: [Message]) -> [Message] {
    if incoming.isEmpty { return existing }
    // An empty window takes an ordered page as it is (the start's first page): no dictionary
    // and no sort.
    if existing.isEmpty, isStrictlyOrdered(incoming) { return incoming }
    // Fast path, by far the most common: polled messages newer than everything held, no repeats.
    if let last = existing.last, isStrictlyOrdered(incoming), let first = incoming.first, last.key < first.key {
        return existing + incoming
    }
    var byId: [String: Message] = [:]
    byId.reserveCapacity(existing.count + incoming.count)
    for message in existing { byId[message.messageId] = message }
    for message in incoming { byId[message.messageId] = message }
    return byId.values.sorted { $0.key < $1.key }
}

private func isStrictlyOrdered(_ messages: [Message]) -> Bool {
    var previous: MessageKey?
    for message in messages {
        let key = message.key
        if let previous, !(previous < key) { return false }
        previous = key
    }
    return true
}
