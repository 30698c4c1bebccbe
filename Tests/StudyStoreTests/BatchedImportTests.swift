import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// `import` writes messages and documents in batches; the outcome is what one-by-one gave.
@Suite struct BatchedImportTests {
    @Test func batchesKeepOrderCountsAndIdempotence() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try SQLiteStore.open(path: dir.path("import.db"))
        let user = User(username: "ada", email: "ada@example.org")
        let first = ChatRoom(name: "first", createdBy: user.id)
        let second = ChatRoom(name: "second", createdBy: user.id)
        let base = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        var records: [TransferRecord] = [.user(user), .room(first)]
        // More than one batch of messages, then documents (one a copy), then another room.
        let count = BatchedImport.messageBatch + 321
        for i in 0..<count {
            records.append(.message(Message(roomId: first.roomId, sender: "ada", text: "m\(i)", createdAt: base.adding(milliseconds: Int64(i)))))
        }
        let doc = Content(title: "Cells", owner: user.id, sourceText: "Cells divide.")
        records += [.content(doc), .content(Content(title: "Copy", owner: user.id, sourceText: "Cells divide.")), .room(second)]
        records += (0..<5).map { .message(Message(roomId: second.roomId, sender: "ada", text: "s\($0)", createdAt: base)) }
        records.append(.message(Message(roomId: second.roomId, sender: "ada", text: "x", createdAt: base)))
        let duplicate = records.last!
        records.append(duplicate)  // the same message twice in one batch

        let counts = try await DataTransfer.importRecords(records, into: store)
        #expect(counts.written["message"] == count + 6)
        #expect(counts.skipped["message"] == 1)
        #expect(counts.written["content"] == 1)
        #expect(counts.skipped["content"] == 1)
        #expect(counts.written["room"] == 2)

        var texts: [String] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.messages.history(roomId: first.roomId, before: cursor, limit: 500)
            texts = page.messages.map(\.text) + texts
            cursor = page.older
        } while cursor != nil
        #expect(texts == (0..<count).map { "m\($0)" })
        #expect(try await store.content.list(owner: user.id, .first).items.map(\.id) == [doc.id])

        let again = try await DataTransfer.importRecords(records, into: store)
        #expect(again.total == 0)
        #expect(again.skipped["message"] == count + 7)
        #expect(again.skipped["content"] == 2)
    }
}
