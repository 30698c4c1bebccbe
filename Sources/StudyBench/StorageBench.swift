import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite

/// Storage figures on a temporary SQLite database (issue 2's targets:
/// 100,000 inserts < 2 s, newest page < 1 ms, search < 10 ms).
func runStorageBench() async throws {
    try await withTempDir { dir in
        let store = try SQLiteStore.open(path: dir + "/bench.db")
        let room = "bench-room"
        let base = Timestamp.now()
        let messages = (0..<100_000).map {
            Message(roomId: room, sender: "user\($0 % 7)", text: "Message number \($0) about the lecture",
                    createdAt: base.adding(milliseconds: Int64($0)))
        }
        // Batched as an import or migration writes them: 1,000 per transaction.
        let insert = try await time {
            for start in stride(from: 0, to: messages.count, by: 1000) {
                _ = try await store.messages.send(batch: Array(messages[start..<start + 1000]))
            }
        }
        report("store_insert_100k_messages_batched", insert, "s")

        // One transaction per message, as live chat writes them.
        let single = try await time {
            for i in 0..<2000 {
                _ = try await store.messages.send(Message(roomId: "live-room", sender: "u", text: "live \(i)"))
            }
        }
        report("store_send_one_message", single / 2000 * 1e6, "us")

        var pageTimes: [Double] = []
        for _ in 0..<200 {
            pageTimes.append(try await time { _ = try await store.messages.history(roomId: room, before: nil, limit: 50) })
        }
        report("store_newest_page_50_median", median(pageTimes) * 1000, "ms")

        var pages = 0
        var seen = 0
        let pageAll = try await time {
            var cursor: PageCursor?
            repeat {
                let page = try await store.messages.history(roomId: room, before: cursor, limit: 50)
                seen += page.messages.count
                pages += 1
                cursor = page.older
            } while cursor != nil
        }
        report("store_page_through_100k_total", pageAll, "s")
        report("store_page_through_100k_per_page", pageAll / Double(pages) * 1000, "ms")
        if seen != messages.count { print("# warning: paged \(seen) of \(messages.count) messages") }

        var generator = TextGenerator(seed: 42)
        let loadDocs = try await time {
            for i in 0..<10_000 {
                let text = generator.text(bytes: 5000)
                _ = try await store.content.create(Content(title: "Document \(i) \(generator.word())", owner: "bench",
                                                           sourceText: text, category: "c\(i % 20)"))
            }
        }
        report("store_load_10k_documents_5kb", loadDocs, "s")
        var searchTimes: [Double] = []
        var hits = 0
        var queries = TextGenerator(seed: 7)
        for _ in 0..<100 {
            // Two words as a student would type them, drawn like the text itself.
            let query = "\(queries.word()) \(queries.word())"
            searchTimes.append(try await time { hits += try await store.content.search(query, PageRequest(limit: 20)).items.count })
        }
        report("store_search_10k_docs_median", median(searchTimes) * 1000, "ms")
        report("store_search_10k_docs_p99", percentile(searchTimes, 0.99) * 1000, "ms")
        if hits == 0 { print("# warning: searches found nothing") }
    }
}
