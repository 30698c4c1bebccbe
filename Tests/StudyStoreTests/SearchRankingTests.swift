import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// Library search on SQLite when a query matches more documents than it scores directly.
@Suite struct SearchRankingTests {
    /// 1,600 documents that all say "common"; "quokka" in three of them.
    func library(_ dir: TempDir) async throws -> (StudyStore, [Content]) {
        let store = try SQLiteStore.open(path: dir.path("search.db"))
        let documents = (0..<1600).map { i in
            var title = "Notes \(i)"
            var text = "Common filler words of document \(i), common again."
            switch i {
            case 5, 7: title = "Common \(i)"
            case 10: text += " A quokka."
            case 20: text += " Quokka, quokka and quokka."
            case 30: title = "Quokka \(i)"
            default: break
            }
            return Content(title: title, owner: "o", sourceText: text, createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(i)))
        }
        for start in stride(from: 0, to: documents.count, by: 500) {
            _ = try await store.addDocuments(Array(documents[start..<min(start + 500, documents.count)]))
        }
        return (store, documents)
    }

    @Test func aRareWordAmongCommonOnesIsRankedLikeBM25() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, docs) = try await library(dir)
        // Title match first (weight 10), then the text saying it three times, then once.
        let expected = [docs[30].id, docs[20].id, docs[10].id]
        #expect(try await store.content.search("common quokka", PageRequest(limit: 10)).items.map(\.id) == expected)
        #expect(try await store.content.search("common quok", PageRequest(limit: 10)).items.map(\.id) == expected, "prefix")
        let first = try await store.content.search("common quokka", PageRequest(limit: 2))
        let rest = try await store.content.search("common quokka", PageRequest(limit: 2, cursor: first.next))
        #expect(first.items.map(\.id) + rest.items.map(\.id) == expected, "paged the same")
        #expect(rest.next == nil)
        #expect(try await store.content.search("common zebra", PageRequest(limit: 10)).items.isEmpty)
    }

    @Test func wordsInEveryDocumentListTitleMatchesThenNewestEachOnce() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, docs) = try await library(dir)
        var seen: [String] = []
        var request = PageRequest(limit: 500)
        while true {
            let page = try await store.content.search("common words", request)
            seen += page.items.map(\.id)
            guard let next = page.next else { break }
            request = PageRequest(limit: 500, cursor: next)
        }
        #expect(seen.count == docs.count)
        #expect(Set(seen) == Set(docs.map(\.id)))
        #expect(Array(seen.prefix(3)) == [docs[7].id, docs[5].id, docs[1599].id])
    }

    /// More matches than are scored directly, but fewer than half the library: the word in
    /// fewer than half the documents is scored alone, the others only filter.
    @Test func aWordInFewerThanHalfIsScoredAloneOnLargeMatches() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("large.db"))
        // 3,200 documents say "filler"; 1,550 of them (over 1,500, under half) also "ocelot":
        // once, three times in #100, and in the title of #200.
        let documents = (0..<3200).map { i in
            var text = "Filler text number \(i) of the same length."
            if i < 1550 { text += i == 100 ? " Ocelot ocelot ocelot." : " An ocelot here." }
            return Content(title: i == 200 ? "Ocelot \(i)" : "Page \(i)", owner: "o", sourceText: text,
                           createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(i)))
        }
        for start in stride(from: 0, to: documents.count, by: 500) {
            _ = try await store.addDocuments(Array(documents[start..<min(start + 500, documents.count)]))
        }
        let page = try await store.content.search("filler ocelot", PageRequest(limit: 3))
        #expect(Array(page.items.map(\.id).prefix(2)) == [documents[200].id, documents[100].id])
        #expect(page.items.count == 3)
        #expect(page.next != nil)
        let words = try await store.content.search("filler text", PageRequest(limit: 2))
        #expect(words.items.map(\.id) == [documents[3199].id, documents[3198].id], "no weight: newest first")
        #expect(try await store.content.search("ocelot filler", PageRequest(limit: 1)).items.map(\.id) == [documents[200].id])
    }
}
