/// The monthly allowance of provider (LLM) calls that `subscriptionPlan` sets.
public struct QuotaExceeded: Error, Equatable, Sendable, CustomStringConvertible {
    public var plan: User.SubscriptionPlan
    public var limit: Int
    public var month: String
    public init(plan: User.SubscriptionPlan, limit: Int, month: String) {
        self.plan = plan
        self.limit = limit
        self.month = month
    }
    public var description: String {
        "You have used all \(limit) AI requests of the \(plan.rawValue) plan for \(month). The offline engine still works; the allowance renews next month, or a bigger plan raises it."
    }
}

extension User {
    /// `yyyy-MM` of a time, in UTC: the unit the quota counts in.
    public static func usageMonth(_ time: Timestamp) -> String {
        String(time.iso8601.prefix(7))
    }

    /// Provider calls still allowed this month.
    public func providerCallsLeft(at time: Timestamp = .now()) -> Int {
        let used = apiUsage.month == User.usageMonth(time) ? apiUsage.requests : 0
        return max(0, subscriptionPlan.monthlyQuota - used)
    }

    /// Counts one provider call, starting a new count in a new month; throws when the plan's
    /// allowance is used up (nothing is counted then).
    public mutating func recordProviderCall(at time: Timestamp = .now()) throws {
        let month = User.usageMonth(time)
        if apiUsage.month != month {
            apiUsage.month = month
            apiUsage.requests = 0
        }
        guard apiUsage.requests < subscriptionPlan.monthlyQuota else {
            throw QuotaExceeded(plan: subscriptionPlan, limit: subscriptionPlan.monthlyQuota, month: month)
        }
        apiUsage.requests += 1
        apiUsage.totalRequests += 1
        updatedAt = time
    }
}
