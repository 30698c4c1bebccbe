import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import Testing

/// CurlTransport runs a request on the caller's thread while fewer than `inlineLimit` others do,
/// and on its own queue beyond that; its easy handles keep their options between requests.
/// Whatever the path and however the handles are shared, every answer must belong to its request.
@Suite("CurlTransport: inline and queued requests against moto")
struct TransportPathTests {
    @Test("concurrent puts and gets are answered correctly inline, queued, and mixed", arguments: [0, 1, 4])
    func concurrentRequests(inlineLimit: Int) async throws {
        let moto = try await SharedMoto.shared.get()
        let transport = CurlTransport(timeouts: HTTPTimeouts(connect: .seconds(2), total: .seconds(10)), maxIdleHandles: 2,
                                      inlineLimit: inlineLimit)
        #expect(transport.inlineLimit == inlineLimit)
        let client = moto.client(transport: transport)
        let table = uniqueName("paths")
        try await makeTable(client, table)
        let count = 24
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask {
                    try await client.putItem(table: table, item: ["id": .s("item-\(i)"), "n": .number(i), "text": .s(String(repeating: "é", count: i * 40))])
                }
            }
            try await group.waitForAll()
        }
        let answers = try await withThrowingTaskGroup(of: (Int, Item?).self) { group in
            for i in 0..<count {
                group.addTask { (i, try await client.getItem(table: table, key: ["id": .s("item-\(i)")], consistentRead: true)) }
            }
            var out: [Int: Item?] = [:]
            for try await (i, item) in group { out[i] = item }
            return out
        }
        for i in 0..<count {
            let item = answers[i] ?? nil
            #expect(item?["id"] == .s("item-\(i)"))
            #expect(item?["n"] == .number(i))
            #expect(item?["text"] == .s(String(repeating: "é", count: i * 40)))
        }
        // A missing item after the others: no body or header of an earlier answer leaks into this one.
        #expect(try await client.getItem(table: table, key: ["id": .s("missing")]) == nil)
    }
}
