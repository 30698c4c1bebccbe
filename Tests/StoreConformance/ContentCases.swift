import StudyModel
import StudyStore

enum ContentCases {
    static func lists(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let owner = "owner-\(tag)"
        var made: [Content] = []
        for i in 0..<7 {
            let doc = Content(title: "Chapter \(i) \(tag)", owner: owner, sourceText: "Text \(i).", category: "cat-\(tag)-\(i % 2)",
                              createdAt: time(i * 1000))
            made.append(try await store.content.create(doc))
        }
        let first = try await store.content.list(owner: owner, PageRequest(limit: 3))
        try expectEqual(first.items.map(\.id), made.reversed().prefix(3).map(\.id), "newest page first")
        try expect(first.next != nil, "a next cursor after a full page")
        let all = try await collect(pageSize: 3) { try await store.content.list(owner: owner, $0) }
        try expectEqual(all.map(\.id), made.reversed().map(\.id), "all pages newest first, each once")
        try expectEqual(all.first?.sourceText, "Text 6.", "text survives storage")
        let evens = try await collect(pageSize: 2) { try await store.content.list(category: "cat-\(tag)-0", $0) }
        try expectEqual(Set(evens.map(\.id)), Set(made.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id)), "category filter")
        let everything = try await collect(pageSize: 50) { try await store.content.list(category: nil, $0) }
        try expect(Set(made.map(\.id)).isSubset(of: Set(everything.map(\.id))), "unfiltered list holds every document")
        try expectEqual(try await store.content.list(owner: "nobody-\(tag)", .first).items.count, 0, "unknown owner")
    }

    static func searchUpdateDelete(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let word = "zq\(tag)"
        let a = try await store.content.create(Content(title: "Photosynthesis \(word)", owner: "o-\(tag)",
            sourceText: "Plants turn light into chemical energy."))
        let b = try await store.content.create(Content(title: "Cell biology", owner: "o-\(tag)",
            sourceText: "Mitochondria are the powerhouse of the cell. Keyword \(word) appears in the body."))
        let hits = try await store.content.search(word, .first)
        try expectEqual(Set(hits.items.map(\.id)), Set([a.id, b.id]), "search finds title and body matches")
        let narrowed = try await store.content.search("\(word) mitochondria", .first)
        try expectEqual(narrowed.items.map(\.id), [b.id], "every word must match")
        try expectEqual(try await store.content.search("\"; DROP TABLE content; --", .first).items.count, 0, "hostile query is plain text")

        var changed = a
        changed.title = "Light reactions"
        changed.sourceText = "Chlorophyll absorbs light \(word)x."
        changed.usage.views = 3
        _ = try await store.content.update(changed)
        let reread = try await store.content.get(id: a.id)
        try expectEqual(reread, changed, "update stored every attribute")
        try expectEqual(try await store.content.search(word, .first).items.map(\.id).contains(a.id), true, "prefix search after update")
        try expectEqual(try await store.content.batchGet(ids: [b.id, a.id]).map(\.id), [b.id, a.id], "batch get order")
        try await store.content.delete(id: b.id)
        try expectEqual(try await store.content.get(id: b.id), nil, "deleted")
        try await expectStoreError("bad title", { if case .invalid = $0 { return true }; return false }) {
            try await store.content.create(Content(title: "   ", owner: "o", sourceText: "x"))
        }
    }
}

enum SummaryCases {
    static func lists(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        var made: [Summary] = []
        for i in 0..<5 {
            made.append(try await store.summaries.create(Summary(
                owner: "u-\(tag)-\(i % 2)", contentId: "c-\(tag)", summaryText: "Summary \(i)",
                summaryType: .bulletPoints, createdAt: time(i * 1000))))
        }
        let byContent = try await collect(pageSize: 2) { try await store.summaries.list(contentId: "c-\(tag)", $0) }
        try expectEqual(byContent.map(\.id), made.reversed().map(\.id), "by content newest first")
        let byOwner = try await collect(pageSize: 2) { try await store.summaries.list(owner: "u-\(tag)-1", $0) }
        try expectEqual(byOwner.map(\.id), [made[3].id, made[1].id], "by owner newest first")
        var rated = made[0]
        rated.rating = Summary.Rating(score: 4, ratedAt: time(9999))
        _ = try await store.summaries.update(rated)
        try expectEqual(try await store.summaries.get(id: rated.id)?.rating?.score, 4, "rating stored")
        rated.rating = Summary.Rating(score: 9)
        try await expectStoreError("rating out of range", { if case .invalid = $0 { return true }; return false }) {
            try await store.summaries.update(rated)
        }
        try await store.summaries.delete(id: made[4].id)
        try expectEqual(try await store.summaries.batchGet(ids: made.map(\.id)).count, 4, "one deleted")
    }
}
