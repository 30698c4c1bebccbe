import GRDB

/// The order of library search results: FTS5's bm25 (a title match weighs ten times a body
/// match), without scoring every match of words found almost everywhere.
///
/// Scoring costs time per occurrence of each query word in each matching document, so a
/// query of common words ("the", a course's own name, a short prefix) over a large library
/// scored every document. But bm25 gives a word found in half the documents or more no weight:
/// its idf is floored at 1e-6. So when a query matches many documents:
/// - the words that carry weight are scored alone, on the documents that have them (fewer
///   than half), and documents lacking any of the other words are left out: the same order
///   as bm25 of the whole query, up to that 1e-6 floor;
/// - when no word carries weight (every word is in most documents), bm25 has nothing to rank
///   by; documents with one of the words in the title come first, then the most recently added.
enum SearchRanking {
    /// Up to this many matches, the whole query is scored by bm25 directly.
    static let scoreAllUpTo = 1500

    static let fromIndex = "SELECT rowid FROM content_fts WHERE content_fts MATCH ?"
    static let byScore = fromIndex + " ORDER BY bm25(content_fts, 10.0, 1.0)"

    /// Row ids of the documents matching every term, best first, `count` of them from `offset`.
    static func rowids(_ db: Database, terms: [String], offset: Int, count: Int) throws -> [Int64] {
        let query = terms.joined(separator: " ")
        // Every match at once, newest first (FTS5 walks its lists backwards for this, no sort);
        // a prefix is expanded once for this, not again for a count.
        let all = try Int64.fetchAll(db, sql: fromIndex + " ORDER BY rowid DESC", arguments: [query])
        if all.count <= scoreAllUpTo {
            return try Int64.fetchAll(db, sql: byScore + " LIMIT ? OFFSET ?", arguments: [query, count, offset])
        }
        let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM content") ?? 0
        // A document matching the query has every one of its words: when half the library or
        // more matches, every word is in half of it or more, and none carries weight. Counting
        // each word would expand a prefix again (tens of ms for a common one).
        let weighty = all.count >= half(of: documents) ? [] : try terms.filter { try carriesWeight(db, $0, documents: documents) }
        if weighty.isEmpty {
            // A title with any of the words ranks first, as bm25 weighs titles ten times; each
            // group newest first, as `all` is. One pass, and only as many others as the page needs.
            let anyInTitle = "{title} : (\(terms.joined(separator: " OR ")))"
            let inTitle = Set(try Int64.fetchAll(db, sql: fromIndex, arguments: [anyInTitle]))
            let wanted = offset + count
            var titled: [Int64] = []
            var others: [Int64] = []
            for rowid in all {
                if inTitle.contains(rowid) {
                    titled.append(rowid)
                } else if others.count < wanted {
                    others.append(rowid)
                }
            }
            return Array((titled + others.prefix(max(0, wanted - titled.count))).dropFirst(offset).prefix(count))
        }
        // Scored on the weighty words alone; only the page's rows are read past the scoring.
        let matching = Set(all)
        let cursor = try Int64.fetchCursor(db, sql: byScore, arguments: [weighty.joined(separator: " ")])
        var page: [Int64] = []
        var skipped = 0
        while page.count < count, let rowid = try cursor.next() {
            guard matching.contains(rowid) else { continue }
            if skipped < offset { skipped += 1 } else { page.append(rowid) }
        }
        return page
    }

    /// Half of `documents`, rounded up: bm25 gives no weight to a word in that many or more.
    static func half(of documents: Int) -> Int { (documents + 1) / 2 }

    /// True when `term` is in fewer than half of the `documents` (bm25's idf above its floor);
    /// counts no further than that half.
    static func carriesWeight(_ db: Database, _ term: String, documents: Int) throws -> Bool {
        let limit = half(of: documents)
        let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(fromIndex) LIMIT ?)", arguments: [term, limit]) ?? 0
        return found < limit
    }
}
