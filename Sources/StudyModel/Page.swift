/// An opaque position in a list. Only the backend that made it can read it.
public struct PageCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The backend's encoding (base64url text); never parse it outside the backend.
    public var token: String
    public init(token: String) { self.token = token }
    public var description: String { token }
}

/// One page of a list and where the next one starts.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Pass this to get the following page; nil when the list is exhausted.
    public var next: PageCursor?
    public init(items: [Item], next: PageCursor?) {
        self.items = items
        self.next = next
    }
}

extension Page: Equatable where Item: Equatable {}

/// How many items a page may hold, and where it starts.
public struct PageRequest: Hashable, Sendable {
    public static let maxLimit = 500
    public var limit: Int
    public var cursor: PageCursor?
    public init(limit: Int = 50, cursor: PageCursor? = nil) {
        self.limit = max(1, min(limit, PageRequest.maxLimit))
        self.cursor = cursor
    }
    public static let first = PageRequest()
}
