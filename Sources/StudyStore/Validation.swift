import StudyModel

// Checks every backend makes the same way, written once so the words a student reads do not
// depend on the backend.

/// Runs an entity's own validation and reports it as a store error.
///
/// - Returns: `item` unchanged when `check` passes.
/// - Throws: `StoreError.invalid` carrying the entity's `ValidationError`.
public func validated<T>(_ item: T, _ check: (T) throws -> Void) throws -> T {
    do { try check(item) } catch let error as ValidationError { throw StoreError.invalid(error) }
    return item
}

extension StoreError {
    /// A join refused because the room already has `ChatRoom.maxMembers` members.
    public static var roomFull: StoreError {
        .invalid(ValidationError("members", "The room is full (\(ChatRoom.maxMembers) members)."))
    }
}

extension ChatRoom {
    /// Adds `username` to the members (and touches `updatedAt`) unless it is already one.
    ///
    /// For backends that read, change and write the room; a write of the same room by someone
    /// else in between is the backend's conflict to detect.
    /// - Throws: `StoreError.roomFull` when the room has no place left.
    public mutating func admit(_ username: String) throws {
        guard !members.contains(username) else { return }
        guard members.count < ChatRoom.maxMembers else { throw StoreError.roomFull }
        members.append(username)
        updatedAt = .now()
    }
}
