import StudyModel

/// Counts a user's provider (LLM) calls in their record against the plan's monthly allowance.
///
/// Only calls the provider answered count: `checkAllowance()` runs before a call and refuses
/// it with `QuotaExceeded` when the allowance is used up, without counting anything;
/// `recordAnsweredCall()` runs after the provider answered. A call that never reached the
/// provider (connection refused, DNS failure, timeout) costs the student nothing.
public struct UsageMeter: Sendable {
    public let users: any UserService
    public let userId: String

    public init(users: any UserService, userId: String) {
        self.users = users
        self.userId = userId
    }

    /// Throws `QuotaExceeded` when this month's allowance is used up; counts nothing.
    public func checkAllowance() async throws {
        let user = try await current()
        let now = Timestamp.now()
        if user.providerCallsLeft(at: now) == 0 {
            throw QuotaExceeded(plan: user.subscriptionPlan, limit: user.subscriptionPlan.monthlyQuota, month: User.usageMonth(now))
        }
    }

    /// Counts one answered call.
    public func recordAnsweredCall() async throws {
        var user = try await current()
        let month = User.usageMonth(.now())
        // The call was answered, so it counts even if a parallel call used the last one meanwhile.
        if user.apiUsage.month != month {
            user.apiUsage.month = month
            user.apiUsage.requests = 0
        }
        user.apiUsage.requests += 1
        user.apiUsage.totalRequests += 1
        user.updatedAt = .now()
        _ = try await users.update(user)
    }

    private func current() async throws -> User {
        guard let user = try await users.get(id: userId) else {
            throw StoreError.notFound(entity: "user", id: userId)
        }
        return user
    }
}
