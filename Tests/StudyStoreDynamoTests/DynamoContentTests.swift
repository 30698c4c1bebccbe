import DynamoDB
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// Documents larger than one DynamoDB item (400 KB) round-trip through the chunk table.
@Suite struct DynamoContentTests {
    /// About `bytes` of text with multi-byte characters, so splits must respect characters.
    func text(_ bytes: Int, seed: String) -> String {
        let line = "\(seed) Photosynthèse — 光合作用 🌿 turns light into chemical energy.\n"
        return String(repeating: line, count: bytes / line.utf8.count + 1)
    }

    func chunkCount(_ client: DynamoDBClient, _ prefix: String, _ id: String) async throws -> Int {
        var x = ExpressionBuilder()
        let condition = x.equals("contentId", .s(id))
        let projection = x.projection(["part"])
        var request = QueryRequest(table: DynamoSchema(prefix: prefix).contentChunks, keyCondition: condition,
                                   expressions: x, consistentRead: true, projection: projection)
        var count = 0
        repeat {
            let page = try await client.query(request)
            count += page.count
            request.exclusiveStartKey = page.lastEvaluatedKey
        } while request.exclusiveStartKey != nil
        return count
    }

    @Test func longTextRoundTrip() async throws {
        let store = try await DynamoFixture.shared.store()
        let client = try await DynamoFixture.shared.client()
        let prefix = DynamoFixture.prefix
        let long = text(1_200_000, seed: "first")
        let doc = try await store.content.create(Content(title: "Long \(StudyID.make())", owner: "long-owner", sourceText: long))
        let read = try await store.content.get(id: doc.id)
        #expect(read?.sourceText == long)
        #expect(read == doc)
        let parts = try await chunkCount(client, prefix, doc.id)
        #expect(parts >= 4)

        var changed = doc
        changed.sourceText = text(700_000, seed: "second")
        _ = try await store.content.update(changed)
        #expect(try await store.content.get(id: doc.id)?.sourceText == changed.sourceText)
        #expect(try await store.content.batchGet(ids: [doc.id]).first?.sourceText == changed.sourceText)
        #expect(try await store.content.list(owner: "long-owner", .first).items.first { $0.id == doc.id }?.sourceText == changed.sourceText)
        // Only the current version's parts remain.
        #expect(try await chunkCount(client, prefix, doc.id) < parts)

        changed.sourceText = "Short again."
        _ = try await store.content.update(changed)
        #expect(try await store.content.get(id: doc.id)?.sourceText == "Short again.")
        #expect(try await chunkCount(client, prefix, doc.id) == 0)

        changed.sourceText = long
        _ = try await store.content.update(changed)
        try await store.content.delete(id: doc.id)
        #expect(try await store.content.get(id: doc.id) == nil)
        #expect(try await chunkCount(client, prefix, doc.id) == 0)
    }
}
