import StudyModel
import StudyStore

enum UserCases {
    static func lifecycle(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let user = User(username: "ada\(tag)", email: "Ada.\(tag)@Example.org", password: "$pbkdf2-sha256$1$AA==$AA==")
        _ = try await store.users.create(user)
        try expectEqual(try await store.users.get(id: user.id), user, "get by id")
        try expectEqual(try await store.users.get(email: "ada.\(tag)@example.org")?.id, user.id, "email lookup ignores case")
        try expectEqual(try await store.users.get(username: "ada\(tag)")?.id, user.id, "username lookup")
        try expectEqual(try await store.users.get(username: "nobody\(tag)"), nil, "missing username")

        try await expectDuplicate(store, User(username: "other\(tag)", email: "ada.\(tag)@example.org"), field: "email")
        try await expectDuplicate(store, User(username: "ada\(tag)", email: "other.\(tag)@example.org"), field: "username")

        var changed = user
        changed.subscriptionPlan = .premium
        changed.email = "ada2.\(tag)@example.org"
        _ = try await store.users.update(changed)
        try expectEqual(try await store.users.get(id: user.id)?.subscriptionPlan, .premium, "updated plan")
        try expectEqual(try await store.users.get(email: "ada2.\(tag)@example.org")?.id, user.id, "new email found")
        try expectEqual(try await store.users.get(email: "ada.\(tag)@example.org"), nil, "old email released")
        // The released address can be taken by someone else.
        let second = User(username: "grace\(tag)", email: "ada.\(tag)@example.org")
        _ = try await store.users.create(second)

        try await store.users.delete(id: user.id)
        try expectEqual(try await store.users.get(id: user.id), nil, "deleted")
        try expectEqual(try await store.users.get(username: "ada\(tag)"), nil, "username released on delete")
        try await expectStoreError("update of a missing user", { if case .notFound = $0 { return true }; return false }) {
            try await store.users.update(changed)
        }
        try await expectStoreError("delete of a missing user", { if case .notFound = $0 { return true }; return false }) {
            try await store.users.delete(id: user.id)
        }
    }

    static func expectDuplicate(_ store: StudyStore, _ user: User, field: String, line: Int = #line) async throws {
        try await expectStoreError("duplicate \(field)", line: line, {
            if case .duplicate(_, let f, _) = $0 { return f == field }
            return false
        }) { try await store.users.create(user) }
    }

    static func concurrentRegistration(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let user = User(username: "race\(tag)", email: "race\(i).\(tag)@example.org")
                    return (try? await store.users.create(user)) != nil
                }
            }
            var wins = 0
            for await ok in group where ok { wins += 1 }
            return wins
        }
        try expectEqual(outcomes, 1, "registrations that won the username")
        let emailOutcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let user = User(username: "mail\(i)\(tag)", email: "same.\(tag)@example.org")
                    return (try? await store.users.create(user)) != nil
                }
            }
            var wins = 0
            for await ok in group where ok { wins += 1 }
            return wins
        }
        try expectEqual(emailOutcomes, 1, "registrations that won the email")
    }

    static func validationAndBatch(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        try await expectStoreError("bad email", { if case .invalid(let v) = $0 { return v.field == "email" }; return false }) {
            try await store.users.create(User(username: "bad\(tag)", email: "not-an-email"))
        }
        try await expectStoreError("bad username", { if case .invalid(let v) = $0 { return v.field == "username" }; return false }) {
            try await store.users.create(User(username: "x", email: "x.\(tag)@example.org"))
        }
        var users: [User] = []
        for i in 0..<5 {
            users.append(try await store.users.create(User(username: "b\(i)\(tag)", email: "b\(i).\(tag)@example.org")))
        }
        let ids = [users[3].id, "missing-\(tag)", users[0].id, users[4].id]
        try expectEqual(try await store.users.batchGet(ids: ids).map(\.id), [users[3].id, users[0].id, users[4].id], "batch order")
        try expectEqual(try await store.users.batchGet(ids: []).count, 0, "empty batch")
        let everyone = try await collect(pageSize: 2) { try await store.users.list($0) }
        try expect(Set(users.map(\.id)).isSubset(of: Set(everyone.map(\.id))), "list pages contain every user")
        try expectEqual(everyone.count, Set(everyone.map(\.id)).count, "no user listed twice")
    }
}
