/// A value that breaks a rule, with a message a student can act on.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The attribute that is wrong, by its stored name (e.g. `email`).
    public var field: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// The message alone: it is written for students, and the field's stored name
    /// (`summaryText`) means nothing to them.
    public var description: String { message }
}

/// Errors every storage backend reports in the same words.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing with that key exists.
    case notFound(entity: String, id: String)
    /// A unique attribute (email, username, id) is already taken.
    case duplicate(entity: String, field: String, value: String)
    /// The input was refused before anything was written.
    case invalid(ValidationError)
    /// The cursor was not made by this backend for this list, or is damaged.
    case badCursor
    /// A concurrent change won; reload and try again.
    case conflict(entity: String, id: String)
    /// The backend cannot be used; the message says why and what to do.
    case unavailable(String)
    /// The database is damaged or not ours; it was left untouched.
    case corrupt(String)
    /// The backend has no tables/schema yet.
    case missingSchema(String)

    public var description: String {
        switch self {
        case let .notFound(entity, id): return "No \(entity) with id '\(id)' exists."
        case let .duplicate(entity, field, value):
            return "A \(entity) with \(field) '\(value)' already exists; choose another \(field)."
        case let .invalid(error): return error.description
        case .badCursor: return "That page position is no longer valid; start again from the first page."
        case let .conflict(entity, id): return "The \(entity) '\(id)' was changed by someone else; reload and try again."
        case let .unavailable(message): return message
        case let .corrupt(message): return message
        case let .missingSchema(message): return message
        }
    }
}
