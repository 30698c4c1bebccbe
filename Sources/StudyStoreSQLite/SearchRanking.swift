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
        // Every match at once (a prefix is expanded once for this, not again for a count).
        let all = try Int64.fetchAll(db, sql: fromIndex, arguments: [query])
        if all.count <= scoreAllUpTo {
            return try Int64.fetchAll(db, sql: byScore + " LIMIT ? OFFSET ?", arguments: [query, count, offset])
        }
        let matching = Set(all)
        let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM content") ?? 0
        let weighty = try terms.filter { try carriesWeight(db, $0, documents: documents) }
        if weighty.isEmpty {
            // A title with any of the words ranks first, as bm25 weighs titles ten times.
            let anyInTitle = "{title} : (\(terms.joined(separator: " OR ")))"
            let inTitle = Set(try Int64.fetchAll(db, sql: fromIndex, arguments: [anyInTitle]))
            let ordered = matching.sorted { a, b in
                let (ta, tb) = (inTitle.contains(a), inTitle.contains(b))
                return ta != tb ? ta : a > b
            }
            return Array(ordered.dropFirst(offset).prefix(count))
        }
        // Scored on the weighty words alone; only the page's rows are read past the scoring.
        let cursor = try Int64.fetchCursor(db, sql: byScore, arguments: [weighty.joined(separator: " ")])
        var page: [Int64] = []
        var skipped = 0
        while page.count < count, let rowid = try cursor.next() {
            guard matching.contains(rowid) else { continue }
            if skipped < offset { skipped += 1 } else { page.append(rowid) }
        }
        return page
    }

    /// True when `term` is in fewer than half of the `documents` (bm25's idf above its floor);
    /// counts no further than that half.
    static func carriesWeight(_ db: Database, _ term: String, documents: Int) throws -> Bool {
        let half = (documents + 1) / 2
        let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(fromIndex) LIMIT ?)", arguments: [term, half]) ?? 0
        return found < half
    }
}
