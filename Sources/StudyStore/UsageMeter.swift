import StudyModel

/// Counts a user's provider (LLM) calls in their record and refuses calls beyond the plan's
/// monthly allowance with `QuotaExceeded`.
public struct UsageMeter: Sendable {
    public let users: any UserService
    public let userId: String

    public init(users: any UserService, userId: String) {
        self.users = users
        self.userId = userId
    }

    public func reserve() async throws {
        guard var user = try await users.get(id: userId) else {
            throw StoreError.notFound(entity: "user", id: userId)
        }
        try user.recordProviderCall()
        _ = try await users.update(user)
    }
}
