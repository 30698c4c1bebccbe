import StudyModel
import StudyStore

/// Issue 9: things a user must be able to trust on every backend — one rating per user,
/// usernames and room names compared as people read them, documents recognised by their
/// text, deletes that take a document's summaries and exams along, repeated creates.
enum TrustCases {
    static func ratingsOncePerUser(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let template = try await store.templates.create(Template(
            name: "Rated \(tag)", type: .summary, summaryConfig: .init(), isPublic: true, createdBy: "maker-\(tag)"))
        for _ in 0..<10 { _ = try await store.templates.rate(id: template.id, userId: "ann-\(tag)", score: 4) }
        var now = try await store.templates.rate(id: template.id, userId: "ann-\(tag)", score: 4)
        try expectEqual(now.ratings.count, 1, "ten ratings by one user count once")
        try expectEqual(now.ratings.average, 4, "average of one rating")
        now = try await store.templates.rate(id: template.id, userId: "ann-\(tag)", score: 2)
        try expectEqual(now.ratings.count, 1, "re-rating replaces")
        try expectEqual(now.ratings.average, 2, "re-rated score")
        now = try await store.templates.rate(id: template.id, userId: "ben-\(tag)", score: 5)
        try expectEqual(now.ratings.count, 2, "a second user counts")
        try expectEqual(now.ratings.average, 3.5, "average of two users")
        try expectEqual(try await store.templates.get(id: template.id)?.ratings, now.ratings, "stored aggregate")
        // Concurrent ratings by different users all count, each once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask { _ = try await store.templates.rate(id: template.id, userId: "crowd\(i)-\(tag)", score: 1 + i % 5) }
                group.addTask { _ = try await store.templates.rate(id: template.id, userId: "crowd\(i)-\(tag)", score: 1 + i % 5) }
            }
            try await group.waitForAll()
        }
        let final = try await store.templates.get(id: template.id)
        try expectEqual(final?.ratings.count, 8, "six more users, each once")
        let crowd: [Double] = (0..<6).map { Double(1 + $0 % 5) }
        let expected: Double = (2.0 + 5.0 + crowd.reduce(0, +)) / 8
        try expect(abs((final?.ratings.average ?? 0) - expected) < 1e-9, "average \(final?.ratings.average ?? 0) is \(expected)")
        try await expectStoreError("rating a missing template", { if case .notFound = $0 { return true }; return false }) {
            try await store.templates.rate(id: "missing-\(tag)", userId: "ann-\(tag)", score: 3)
        }
    }

    static func unicodeUsernames(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let jose = try await store.users.create(User(username: "José\(tag)", email: "jose.\(tag)@example.org"))
        let nihongo = try await store.users.create(User(username: "日本語\(tag)", email: "nihongo.\(tag)@example.org"))
        try expectEqual(try await store.users.get(username: "José\(tag)")?.id, jose.id, "José found as typed")
        try expectEqual(try await store.users.get(username: "JOSÉ\(tag)")?.id, jose.id, "case-insensitive")
        try expectEqual(try await store.users.get(username: "Jose\u{301}\(tag)")?.id, jose.id, "decomposed é is the same name")
        try expectEqual(try await store.users.get(username: "Jos\(tag)"), nil, "Jos is another name")
        try expectEqual(try await store.users.get(username: "日本語\(tag)")?.id, nihongo.id, "Japanese name")
        try await UserCases.expectDuplicate(store, User(username: "jose\u{301}\(tag)".uppercased(), email: "j2.\(tag)@example.org"), field: "username")
        try await UserCases.expectDuplicate(store, User(username: "ｊｏｓé\(tag)", email: "j3.\(tag)@example.org"), field: "username")
        let other = try await store.users.create(User(username: "Jos\(tag)", email: "jos.\(tag)@example.org"))
        try expect(other.id != jose.id, "Jos and José are two accounts")
        for bad in ["ab", "a b\(tag)", "a/b\(tag)", "wel\u{200B}come\(tag)", ".dot\(tag)"] {
            try await expectStoreError("username \(bad)", { if case .invalid(let v) = $0 { return v.field == "username" }; return false }) {
                try await store.users.create(User(username: bad, email: "bad\(bad.count).\(tag)@example.org"))
            }
        }
    }

    static func uniqueRoomNames(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let room = try await store.rooms.create(ChatRoom(name: "  Physics \(tag) ", createdBy: "ada"))
        try expectEqual(room.name, "Physics \(tag)", "stored trimmed")
        for spelling in ["physics \(tag)", "Physics \(tag) ", "Phy\u{200B}sics \(tag)", "ＰＨＹＳＩＣＳ \(tag)", "Physics\u{00A0}\(tag)", "physics  \(tag)"] {
            try await expectStoreError("room \(spelling.debugDescription)", {
                if case .duplicate(_, let field, _) = $0 { return field == "name" }
                return false
            }) { try await store.rooms.create(ChatRoom(name: spelling, createdBy: "bob")) }
            try expectEqual(try await store.rooms.find(name: spelling)?.roomId, room.roomId, "find \(spelling.debugDescription)")
        }
        try await expectStoreError("invisible-only name", { if case .invalid = $0 { return true }; return false }) {
            try await store.rooms.create(ChatRoom(name: "\u{200B}\u{200D} ", createdBy: "bob"))
        }
        try expectEqual(try await store.rooms.find(name: "Chemistry \(tag)"), nil, "no such room")
        // Concurrent creation: exactly one room.
        let wins = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let name = i % 2 == 0 ? "Race \(tag)" : "race \(tag)"
                    return (try? await store.rooms.create(ChatRoom(name: name, createdBy: "u\(i)"))) != nil
                }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        try expectEqual(wins, 1, "concurrent creations that won the name")
        try expectEqual(try await store.rooms.list(name: "RACE \(tag)").count, 1, "one room of that name")
        // Renaming onto a taken name is refused; a deleted room frees its name.
        var maths = try await store.rooms.create(ChatRoom(name: "Maths \(tag)", createdBy: "ada"))
        maths.name = "PHYSICS \(tag)"
        try await expectStoreError("rename onto a taken name", { if case .duplicate = $0 { return true }; return false }) {
            try await store.rooms.update(maths)
        }
        maths.name = "Algebra \(tag)"
        _ = try await store.rooms.update(maths)
        try expectEqual(try await store.rooms.find(name: "algebra \(tag)")?.roomId, maths.roomId, "renamed room found")
        _ = try await store.rooms.create(ChatRoom(name: "Maths \(tag)", createdBy: "bob"))
        try await store.rooms.delete(id: room.roomId)
        try expectEqual(try await store.rooms.find(name: "physics \(tag)"), nil, "deleted room not found")
        _ = try await store.rooms.create(ChatRoom(name: "physics \(tag)", createdBy: "bob"))
        // A repeated create of the same room (same id, after a lost answer) is not a second room.
        let again = ChatRoom(name: "Repeat \(tag)", createdBy: "ada")
        _ = try await store.rooms.create(again)
        try await expectStoreError("same id again", { if case .duplicate = $0 { return true }; return false }) {
            try await store.rooms.create(again)
        }
        try expectEqual(try await store.rooms.list(name: "repeat \(tag)").count, 1, "one room after a repeat")
    }

    static func documentsByHashAndDelete(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let owner = "owner-\(tag)"
        let text = "Mitochondria make ATP. \(tag) Cells need energy."
        let first = Content(title: "Cells", owner: owner, sourceText: text)
        guard case .added(let stored) = try await store.addDocument(first) else {
            throw ConformanceFailure(description: "first add was not added")
        }
        try expectEqual(stored, first, "stored as given")
        for _ in 0..<3 {
            let again = try await store.addDocument(Content(title: "Cells again", owner: owner, sourceText: text))
            try expectEqual(again, .alreadyPresent(stored), "re-adding the same text is recognised")
        }
        try expectEqual(try await store.content.find(owner: owner, contentHash: ContentHash.of(text))?.id, first.id, "find by hash")
        try await expectStoreError("same text, same owner", {
            if case .duplicate(_, "contentHash", let value) = $0 { return value == first.id }
            return false
        }) { try await store.content.create(Content(title: "Copy", owner: owner, sourceText: text)) }
        let theirs = try await store.addDocument(Content(title: "Cells", owner: "other-\(tag)", sourceText: text))
        guard case .added = theirs else { throw ConformanceFailure(description: "another owner's copy was not added") }
        try expectEqual(try await store.content.list(owner: owner, .first).items.map(\.id), [first.id], "one document for the owner")

        // Concurrent adds of one text: one document.
        let raceText = "Race text \(tag) about osmosis."
        let added = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    if case .added = try await store.addDocument(Content(title: "Osmosis", owner: owner, sourceText: raceText)) { return true }
                    return false
                }
            }
            var count = 0
            for try await ok in group where ok { count += 1 }
            return count
        }
        try expectEqual(added, 1, "concurrent adds that stored the text")

        // Delete: owner only, with summaries and exams.
        let summary = try await store.summaries.create(Summary(owner: owner, contentId: first.id, summaryText: "ATP."))
        let exam = try await store.exams.create(ExamCases.makeExam(owner: owner, contentId: first.id, at: 1))
        try await expectStoreError("delete by someone else", { if case .invalid(let v) = $0 { return v.field == "owner" }; return false }) {
            try await store.deleteDocument(id: first.id, requestedBy: "mallory-\(tag)")
        }
        try expect(try await store.content.get(id: first.id) != nil, "refused delete changed nothing")
        let done = try await store.deleteDocument(id: first.id, requestedBy: owner)
        try expectEqual(done.summariesDeleted, 1, "summaries deleted")
        try expectEqual(done.examsDeleted, 1, "exams deleted")
        try expectEqual(try await store.content.get(id: first.id), nil, "document gone")
        try expectEqual(try await store.summaries.get(id: summary.id), nil, "summary gone")
        try expectEqual(try await store.exams.get(id: exam.id), nil, "exam gone")
        try expectEqual(try await store.content.find(owner: owner, contentHash: ContentHash.of(text)), nil, "hash freed")
        guard case .added = try await store.addDocument(Content(title: "Cells", owner: owner, sourceText: text)) else {
            throw ConformanceFailure(description: "the text could not be added again after delete")
        }
        try await expectStoreError("delete of a missing document", { if case .notFound = $0 { return true }; return false }) {
            try await store.deleteDocument(id: first.id, requestedBy: owner)
        }
    }
}
