import GRDB
import StudyModel
import StudyStore

/// The write transaction of `SQLiteContentService.add(batch:)`: which documents are already
/// stored, then the new ones inserted a chunk per statement.
///
/// The outcome per document is the one that storing them one by one, in order, would give
/// (see `ContentBatch`): a document whose id is stored, or whose owner has its text stored,
/// also earlier in the same batch, is `.alreadyPresent`; the others are `.added`.
enum ContentBatchWrite {
    /// A checked document with its text hash, and its place in the caller's batch.
    typealias Ready = (index: Int, document: Content, hash: String)

    /// Page cache of the writing connection during a batch, in KiB (SQLite's default is 2 MB).
    /// A batch of 5 KB documents changes more pages than that (text, indexes, full-text
    /// segments): a bigger cache saves writing pages out mid-transaction and reading them back.
    /// Only for the batch: readers of a large library should not keep that much memory.
    static let cacheKiB = 32_768

    static func write(_ database: Database, _ batch: [Ready]) throws -> [(Int, Result<DocumentAddition, Error>)] {
        let previousCache = try Int.fetchOne(database, sql: "PRAGMA cache_size") ?? -2000
        try database.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
        defer { try? database.execute(sql: "PRAGMA cache_size = \(previousCache)") }
        let table = Tables.content
        var outcomes: [(Int, Result<DocumentAddition, Error>)] = []
        outcomes.reserveCapacity(batch.count)
        var fresh: [Ready] = []
        // Earlier documents of this batch, by id and by owner and hash, as the database will
        // hold them once the inserts below have run.
        var batchIds: [String: Content] = [:]
        var batchTexts: [String: Content] = [:]
        for ready in batch {
            let document = ready.document
            let textKey = document.owner + "\u{0}" + ready.hash
            if let earlier = batchIds[document.id] {
                outcomes.append((ready.index, .success(.alreadyPresent(earlier))))
            } else if let stored = try table.fetch(database, id: document.id) {
                outcomes.append((ready.index, .success(.alreadyPresent(stored))))
            } else if let earlier = batchTexts[textKey] {
                outcomes.append((ready.index, .success(.alreadyPresent(earlier))))
            } else if let stored = try table.fetchOne(database, where: "owner = ? AND contentHash = ?", [document.owner, ready.hash]) {
                outcomes.append((ready.index, .success(.alreadyPresent(stored))))
            } else {
                fresh.append(ready)
                batchIds[document.id] = document
                batchTexts[textKey] = document
            }
        }
        let chunk = DocumentTable<Content>.rowsPerInsert
        for start in stride(from: 0, to: fresh.count, by: chunk) {
            let part = fresh[start..<min(start + chunk, fresh.count)]
            do {
                try table.insertMany(database, part.map { ($0.document, [("contentHash", $0.hash)]) })
                outcomes += part.map { ($0.index, .success(.added($0.document))) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // The checks above should leave no clash; if one slips through, the failed
                // statement undid only itself, and row by row each document gets its own outcome.
                outcomes += try part.map { ready in (ready.index, try insertOne(database, ready)) }
            }
        }
        return outcomes
    }

    /// One document, with a clash reported for it alone (a failed INSERT undoes only itself).
    private static func insertOne(_ database: Database, _ ready: Ready) throws -> Result<DocumentAddition, Error> {
        do {
            try Tables.content.insert(database, ready.document, extra: [("contentHash", ready.hash)])
            return .success(.added(ready.document))
        } catch let error as StoreError {
            return .failure(error)
        }
    }
}
