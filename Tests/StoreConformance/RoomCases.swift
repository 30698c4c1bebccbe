import StudyModel
import StudyStore

enum RoomCases {
    static func all(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let a = try await store.rooms.create(ChatRoom(name: "Biology \(tag)", createdBy: "ada", createdAt: time(1000)))
        let b = try await store.rooms.create(ChatRoom(name: "Botany \(tag)", createdBy: "bob", createdAt: time(2000)))
        let c = try await store.rooms.create(ChatRoom(name: "Maths \(tag)", createdBy: "ada", createdAt: time(3000)))
        try expectEqual(try await store.rooms.list(name: "Biology \(tag)").map(\.roomId), [a.roomId], "by name")
        try expectEqual(try await store.rooms.list(name: "BIOLOGY \(tag) ").map(\.roomId), [a.roomId], "by name, any case")
        let all = try await collect(pageSize: 2) { try await store.rooms.list($0) }
        try expect(Set([a.roomId, b.roomId, c.roomId]).isSubset(of: Set(all.map(\.roomId))), "list holds every room")
        try expectEqual(all.count, Set(all.map(\.roomId)).count, "no room twice")
        _ = try await store.rooms.join(roomId: a.roomId, username: "ada")
        _ = try await store.rooms.join(roomId: a.roomId, username: "bob")
        let joined = try await store.rooms.join(roomId: a.roomId, username: "ada")
        try expectEqual(joined.members, ["ada", "bob"], "joining twice is harmless")
        let left = try await store.rooms.leave(roomId: a.roomId, username: "ada")
        try expectEqual(left.members, ["bob"], "leave")
        try expectEqual(try await store.rooms.leave(roomId: a.roomId, username: "ada").members, ["bob"], "leaving twice is harmless")
        try await expectStoreError("join a missing room", { if case .notFound = $0 { return true }; return false }) {
            try await store.rooms.join(roomId: "missing-\(tag)", username: "ada")
        }
        try await store.rooms.delete(id: c.roomId)
        try expectEqual(try await store.rooms.get(id: c.roomId), nil, "deleted")
    }
}

enum MessageCases {
    static func historyAndFeed(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let room = "room-\(tag)"
        var sent: [Message] = []
        let start = Timestamp.now()
        for i in 0..<120 {
            sent.append(try await store.messages.send(Message(roomId: room, sender: "u\(i % 3)", text: "message \(i)",
                                                              createdAt: start.adding(milliseconds: Int64(i)))))
        }
        let newest = try await store.messages.history(roomId: room, before: nil, limit: 50)
        try expectEqual(newest.messages.map(\.text), (70..<120).map { "message \($0)" }, "newest page, oldest first")
        var seen = newest.messages
        var older = newest.older
        while let cursor = older {
            let page = try await store.messages.history(roomId: room, before: cursor, limit: 50)
            seen = page.messages + seen
            older = page.older
        }
        try expectEqual(seen.map(\.messageId), sent.map(\.messageId), "every message once, in order")

        // Nothing new yet.
        let idle = try await store.messages.since(roomId: room, cursor: newest.feed, limit: 100)
        try expectEqual(idle.messages.count, 0, "no new messages")
        var fresh: [Message] = []
        for i in 0..<7 {
            fresh.append(try await store.messages.send(Message(roomId: room, sender: "u", text: "new \(i)")))
        }
        _ = try await store.messages.send(Message(roomId: "other-\(tag)", sender: "u", text: "elsewhere"))
        // A resend of the same message after a lost answer is not a second copy.
        let resent = try await store.messages.send(fresh[3])
        try expectEqual(resent.messageId, fresh[3].messageId, "resend returns the stored message")
        var feed = idle.feed
        var polled: [Message] = []
        for _ in 0..<10 {
            let page = try await store.messages.since(roomId: room, cursor: feed, limit: 3)
            polled += page.messages
            feed = page.feed
            if !page.hasMore && page.messages.isEmpty { break }
        }
        try expectEqual(polled.map(\.messageId), fresh.map(\.messageId), "feed returns each new message exactly once")
        let again = try await store.messages.since(roomId: room, cursor: feed, limit: 100)
        try expectEqual(again.messages.count, 0, "nothing returned twice")
        let total = try await store.messages.history(roomId: room, before: nil, limit: 500)
        try expectEqual(total.messages.count, 127, "no duplicate stored")

        try expectEqual(try await store.messages.get(id: fresh[0].messageId)?.text, "new 0", "get")
        try await store.messages.delete(id: fresh[0].messageId)
        try expectEqual(try await store.messages.get(id: fresh[0].messageId), nil, "deleted")
        try await expectStoreError("empty message", { if case .invalid = $0 { return true }; return false }) {
            try await store.messages.send(Message(roomId: room, sender: "u", text: "  \n"))
        }
    }

    static func skewAndBatch(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let room = "skew-\(tag)"
        let now = Timestamp.now()
        _ = try await store.messages.send(Message(roomId: room, sender: "a", text: "first", createdAt: now))
        let start = try await store.messages.history(roomId: room, before: nil, limit: 10)
        // Another client whose clock is 4 seconds behind writes after the reader's cursor.
        let late = try await store.messages.send(Message(roomId: room, sender: "b", text: "slow clock", createdAt: now.adding(milliseconds: -4000)))
        let ahead = try await store.messages.send(Message(roomId: room, sender: "c", text: "fast clock", createdAt: now.adding(milliseconds: 3000)))
        var feed = start.feed
        var got: [Message] = []
        for _ in 0..<3 {
            let page = try await store.messages.since(roomId: room, cursor: feed, limit: 50)
            got += page.messages
            feed = page.feed
        }
        try expectEqual(Set(got.map(\.messageId)), Set([late.messageId, ahead.messageId]), "late and early clocks both delivered")
        try expectEqual(got.count, 2, "each exactly once")

        let batch = (0..<40).map { Message(roomId: room, sender: "import", text: "imported \($0)", createdAt: now.adding(milliseconds: Int64($0 + 10))) }
        try expectEqual(try await store.messages.send(batch: batch), 40, "batch stored")
        try expectEqual(try await store.messages.send(batch: Array(batch.prefix(10))), 0, "batch again adds nothing")
        let all = try await store.messages.history(roomId: room, before: nil, limit: 500)
        try expectEqual(all.messages.count, 43, "no duplicates after re-import")
        try expectEqual(all.messages.first?.text, "slow clock", "history orders by time")
    }
}

enum MeetingCases {
    static func all(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let base = Timestamp(millisecondsSince1970: 1_900_000_000_000 + Int64.random(in: 0..<1_000_000) * 1000)
        var made: [Meeting] = []
        for i in 0..<6 {
            made.append(try await store.meetings.create(Meeting(
                roomId: "r-\(tag)-\(i % 2)", title: "Meeting \(i)", organizer: "o-\(tag)-\(i % 3)",
                scheduledTime: base.adding(milliseconds: Int64((5 - i) * 60_000)), status: i == 5 ? .cancelled : .scheduled)))
        }
        let room0 = try await collect(pageSize: 2) { try await store.meetings.list(roomId: "r-\(tag)-0", $0) }
        try expectEqual(room0.map(\.meetingId), [made[4].meetingId, made[2].meetingId, made[0].meetingId], "room by time")
        let org = try await collect(pageSize: 2) { try await store.meetings.list(organizer: "o-\(tag)-1", $0) }
        try expectEqual(org.map(\.meetingId), [made[4].meetingId, made[1].meetingId], "organizer by time")
        let window = try await collect(pageSize: 2) {
            try await store.meetings.list(scheduledFrom: base.adding(milliseconds: 60_000), to: base.adding(milliseconds: 180_000), $0)
        }
        try expectEqual(window.map(\.meetingId), [made[4].meetingId, made[3].meetingId, made[2].meetingId], "time range inclusive")
        let scheduled = try await collect(pageSize: 2) {
            try await store.meetings.list(status: .scheduled, from: base, to: base.adding(milliseconds: 120_000), $0)
        }
        try expectEqual(scheduled.map(\.meetingId), [made[4].meetingId, made[3].meetingId], "status and time range")
        let cancelled = try await collect(pageSize: 50) { try await store.meetings.list(status: .cancelled, from: nil, to: nil, $0) }
        try expect(cancelled.contains { $0.meetingId == made[5].meetingId }, "status only")
        try expect(!cancelled.contains { $0.meetingId == made[4].meetingId }, "status filters")
        var moved = made[0]
        moved.status = .completed
        _ = try await store.meetings.update(moved)
        try expectEqual(try await store.meetings.get(id: moved.meetingId)?.status, .completed, "update")
        try await store.meetings.delete(id: moved.meetingId)
        try expectEqual(try await store.meetings.batchGet(ids: made.map(\.meetingId)).count, 5, "deleted one")
    }
}

enum ProjectCases {
    static func all(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        var made: [Project] = []
        for i in 0..<5 {
            made.append(try await store.projects.create(Project(
                roomId: "r-\(tag)", name: "Project \(i)", createdBy: "c-\(tag)-\(i % 2)",
                status: i < 2 ? .active : .planning, createdAt: time(i * 1000))))
        }
        let room = try await collect(pageSize: 2) { try await store.projects.list(roomId: "r-\(tag)", $0) }
        try expectEqual(room.map(\.projectId), made.reversed().map(\.projectId), "room newest first")
        let creator = try await collect(pageSize: 2) { try await store.projects.list(createdBy: "c-\(tag)-1", $0) }
        try expectEqual(creator.map(\.projectId), [made[3].projectId, made[1].projectId], "creator newest first")
        let active = try await collect(pageSize: 100) { try await store.projects.list(status: .active, $0) }
        try expect(Set([made[0].projectId, made[1].projectId]).isSubset(of: Set(active.map(\.projectId))), "status")
        try expect(!active.contains { $0.projectId == made[2].projectId }, "status filters")
        try await store.projects.delete(id: made[0].projectId)
        try expectEqual(try await store.projects.get(id: made[0].projectId), nil, "deleted")
    }
}

enum CursorCases {
    static func badCursor(_ store: StudyStore) async throws {
        for token in ["garbage", "", "eyJ4IjoxfQ"] {
            let cursor = PageCursor(token: token)
            try await expectStoreError("content cursor '\(token)'", { $0 == .badCursor }) {
                try await store.content.list(owner: "x", PageRequest(limit: 5, cursor: cursor))
            }
            try await expectStoreError("history cursor '\(token)'", { $0 == .badCursor }) {
                try await store.messages.history(roomId: "x", before: cursor, limit: 5)
            }
            try await expectStoreError("feed cursor '\(token)'", { $0 == .badCursor }) {
                try await store.messages.since(roomId: "x", cursor: cursor, limit: 5)
            }
        }
    }
}
