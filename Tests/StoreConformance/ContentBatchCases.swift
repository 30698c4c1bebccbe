import StudyModel
import StudyStore

/// `ContentService.add(batch:)`: the rules of `addDocument` for each document of a batch.
enum ContentBatchCases {
    static func addBatch(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        let owner = "batch-\(tag)"
        let stored = try await store.content.create(Content(title: "Stored \(tag)", owner: owner, sourceText: "Already here \(tag)."))
        let fresh = Content(title: "Fresh \(tag)", owner: owner, sourceText: "New text \(tag).")
        let copyOfFresh = Content(title: "Copy \(tag)", owner: owner, sourceText: "New text \(tag).")
        let copyOfStored = Content(title: "Again \(tag)", owner: owner, sourceText: "Already here \(tag).")
        let theirs = Content(title: "Theirs \(tag)", owner: "other-\(tag)", sourceText: "New text \(tag).")
        let invalid = Content(title: "   ", owner: owner, sourceText: "Untitled \(tag).")
        let results = try await store.content.add(batch: [fresh, copyOfFresh, copyOfStored, stored, invalid, theirs])
        try expectEqual(results.count, 6, "one result per document")

        func outcome(_ index: Int) -> (added: Bool, id: String)? {
            guard case .success(let addition) = results[index] else { return nil }
            switch addition {
            case .added(let document): return (true, document.id)
            case .alreadyPresent(let document): return (false, document.id)
            }
        }
        try expect(outcome(0)?.added == true && outcome(0)?.id == fresh.id, "a new text is added")
        try expect(outcome(1)?.added == false && outcome(1)?.id == fresh.id, "the same text later in the batch names the first")
        try expect(outcome(2)?.added == false && outcome(2)?.id == stored.id, "a text already stored names the stored document")
        try expect(outcome(3)?.added == false && outcome(3)?.id == stored.id, "a document already stored (same id) is present")
        guard case .failure(StoreError.invalid) = results[4] else { throw ConformanceFailure(description: "an invalid document fails alone: \(results[4])") }
        try expect(outcome(5)?.added == true, "another owner's same text is theirs to add")

        let mine = try await collect(pageSize: 10) { try await store.content.list(owner: owner, $0) }
        try expectEqual(Set(mine.map(\.id)), [stored.id, fresh.id], "only the new text was stored, once")
        try expectEqual(try await store.content.find(owner: owner, contentHash: ContentHash.of(fresh.sourceText))?.id, fresh.id,
                        "the batch stores the hash with the document")
        try expectEqual(try await store.content.search("Fresh \(tag)", .first).items.map(\.id), [fresh.id], "and indexes it for search")

        // Again: nothing new.
        let again = try await store.content.add(batch: [fresh, copyOfStored])
        try expect(again.allSatisfy { if case .success(.alreadyPresent) = $0 { true } else { false } }, "a repeated batch adds nothing")
    }
}
