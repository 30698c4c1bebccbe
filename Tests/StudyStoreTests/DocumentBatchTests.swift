import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// SQLite's batched `add(batch:)` (many rows per INSERT) stores and indexes what adding the
/// documents one by one stores, and ranks searches the same.
@Suite struct DocumentBatchTests {
    /// 530 documents (more than two full INSERT statements, and a shorter last one), with
    /// copies of earlier texts and ids mixed in, some words in many texts and some in few.
    func documents() -> [Content] {
        let base = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        var documents: [Content] = []
        for i in 0..<530 {
            var text = "Shared words of note \(i): cells and energy."
            if i % 7 == 0 { text += " Photosynthesis in leaves." }
            if i % 50 == 0 { text += " Mitochondria mitochondria." }
            let title = i % 11 == 0 ? "Photosynthesis \(i)" : "Note \(i)"
            documents.append(Content(title: title, owner: "o", sourceText: text, createdAt: base.adding(milliseconds: Int64(i))))
        }
        // The same text as an earlier document, and a document already in the batch.
        documents.insert(Content(title: "Copy", owner: "o", sourceText: documents[3].sourceText, createdAt: base), at: 300)
        documents.insert(documents[10], at: 400)
        return documents
    }

    func everything(_ store: StudyStore) async throws -> [Content] {
        var all: [Content] = []
        var request = PageRequest(limit: 200)
        while true {
            let page = try await store.content.list(owner: "o", request)
            all += page.items
            guard let next = page.next else { return all }
            request = PageRequest(limit: 200, cursor: next)
        }
    }

    @Test func batchStoresAndRanksLikeOneByOne() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let docs = documents()
        let single = try SQLiteStore.open(path: dir.path("single.db"))
        var singleOutcomes: [String] = []
        for document in docs {
            let result = try await single.content.add(batch: [document])  // one per transaction
            singleOutcomes.append(Self.describe(result[0]))
        }
        let batched = try SQLiteStore.open(path: dir.path("batched.db"))
        let results = try await batched.content.add(batch: docs)
        #expect(results.map(Self.describe) == singleOutcomes)
        #expect(results.filter { if case .success(.added) = $0 { true } else { false } }.count == 530)

        let a = try await everything(single)
        let b = try await everything(batched)
        #expect(a.count == 530)
        #expect(a.map(\.id) == b.map(\.id))
        #expect(a.map(\.sourceText) == b.map(\.sourceText))
        #expect(a.map(\.title) == b.map(\.title))
        for document in b.prefix(5) {
            #expect(try await batched.content.find(owner: "o", contentHash: ContentHash.of(document.sourceText))?.id == document.id)
        }
        for query in ["photosynthesis", "mitochondria", "cells energy", "leaves photo", "note 42", "ener"] {
            var request = PageRequest(limit: 40)
            for _ in 0..<3 {  // a few pages each, cursors included
                let one = try await single.content.search(query, request)
                let other = try await batched.content.search(query, request)
                #expect(one.items.map(\.id) == other.items.map(\.id), "\(query)")
                #expect(!one.items.isEmpty, "\(query) finds something")
                guard let next = one.next else { break }
                request = PageRequest(limit: 40, cursor: next)
            }
        }
    }

    static func describe(_ result: Result<DocumentAddition, Error>) -> String {
        switch result {
        case .success(.added(let document)): "added \(document.id)"
        case .success(.alreadyPresent(let document)): "present \(document.id)"
        case .failure(let error): "failed \(error)"
        }
    }
}
