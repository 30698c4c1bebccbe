import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import StudyModel
import StudyStore
import StudyStoreDynamo
import Testing

/// A clock the test moves by hand (ms since 1970).
final class HandClock: @unchecked Sendable {
    // @unchecked: `ms` is only touched under `lock`.
    private let lock = NSLock()
    private var ms: Int64
    init(_ start: Int64) { ms = start }
    var now: Int64 { lock.withLock { ms } }
    func advance(_ delta: Int64) { lock.withLock { ms += delta } }
}

/// Cheap polling on DynamoDB (issue #11): an idle client costs one request per poll whatever the
/// number of rooms it watches, counted through the transport, and the activity buckets never
/// lose a message — at bucket edges, under ±5 s of clock skew, or when a mark fails.
@Suite(.serialized) struct DynamoActivityTests {
    /// A store on the conformance tables whose feed reads buckets by `clock`, counted by a meter.
    func store(_ clock: HandClock, rule: InterceptingTransport.Rule? = nil) async throws -> (StudyStore, CapacityMeter) {
        _ = try await DynamoFixture.shared.store()
        let moto = try await SharedMoto.shared.get()
        let inner: any HTTPTransport = rule.map { InterceptingTransport(inner: CurlTransport(), rule: $0) } ?? CurlTransport()
        let meter = CapacityMeter(inner: inner)
        let store = DynamoStore.make(client: moto.client(transport: meter), prefix: DynamoFixture.prefix, clock: { clock.now })
        return (store, meter)
    }

    static func rooms(_ count: Int) -> [String] {
        let tag = StudyID.make().suffix(8).lowercased()
        return (0..<count).map { "idle-\(tag)-\($0)" }
    }

    @Test("an idle client makes one request per poll and reads about one unit, with 20 and with 200 rooms", arguments: [20, 200])
    func idleCost(_ count: Int) async throws {
        let clock = HandClock(Timestamp.now().millisecondsSince1970)
        let (store, meter) = try await store(clock)
        let rooms = Self.rooms(count)
        var feed = RoomsFeed()
        _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        meter.reset()
        // A minute of polls at a 1 s interval, without waiting.
        for _ in 0..<60 {
            clock.advance(1000)
            let arrived = try await feed.poll(rooms, seeds: [:], messages: store.messages)
            #expect(arrived.isEmpty)
        }
        #expect(meter.requestCount() == 60, "one request per poll: \(meter.requestCount())")
        #expect(meter.requestCount("Query") == 0)
        // One small item per poll (moto: 0.5 unit per GetItem, 1 per key of a BatchGetItem at a
        // bucket edge): far below one unit per room.
        #expect(meter.readUnits <= 60, "read units in a minute: \(meter.readUnits)")
    }

    @Test("news in one of 200 rooms costs one query for that room, and arrives once")
    func newsCostsOneQuery() async throws {
        // 7 s into a 20 s bucket: the message's marks ([-6 s, +6 s] around it) and the polls stay
        // in this bucket. (Across an edge the second mark is news once more: one extra query.)
        let clock = HandClock((Timestamp.now().millisecondsSince1970 / 20_000 + 1) * 20_000 + 7_000)
        let (store, meter) = try await store(clock)
        let rooms = Self.rooms(200)
        var feed = RoomsFeed()
        _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        let message = try await store.messages.send(Message(roomId: rooms[137], sender: "ada", text: "hi",
                                                            createdAt: Timestamp(millisecondsSince1970: clock.now)))
        meter.reset()
        clock.advance(1000)
        let arrived = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        #expect(arrived.map(\.room) == [rooms[137]])
        #expect(arrived.first?.messages.map(\.messageId) == [message.messageId])
        #expect(meter.requestCount("Query") == 1)
        // The room stays "hot" briefly (index lag) and then costs nothing again.
        var again: [Message] = []
        for _ in 0..<10 {
            clock.advance(1000)
            again += try await feed.poll(rooms, seeds: [:], messages: store.messages).flatMap(\.messages)
        }
        #expect(again.isEmpty)
        // The detecting poll and the two more within the 3 s index-lag window.
        #expect(meter.requestCount("Query") == 3)
    }

    @Test("writers 5 s behind and ahead, across bucket edges: every message once, at the next poll")
    func skewAndBucketEdges() async throws {
        // Start just before a bucket edge so that polls and marks cross several.
        let width: Int64 = 20_000
        let start = (Timestamp.now().millisecondsSince1970 / width + 1) * width - 2_500
        let clock = HandClock(start)
        let (store, _) = try await store(clock)
        let rooms = Self.rooms(3)
        var feed = RoomsFeed()
        _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        var sent: [String] = []
        var got: [String] = []
        var late: [String] = []
        for step in 0..<50 {
            let skew: Int64 = [-5_000, 5_000, 0, -4_999, 4_999][step % 5]
            let message = try await store.messages.send(Message(
                roomId: rooms[step % 3], sender: "w", text: "s\(step)", createdAt: Timestamp(millisecondsSince1970: clock.now + skew)))
            sent.append(message.messageId)
            clock.advance(700)
            let arrived = try await feed.poll(rooms, seeds: [:], messages: store.messages).flatMap(\.messages).map(\.messageId)
            if !arrived.contains(message.messageId) { late.append(message.messageId) }
            got += arrived
        }
        #expect(late.isEmpty, "messages not shown at the next poll: \(late.count)")
        #expect(got.sorted() == sent.sorted())
    }

    @Test("a lost activity mark or a writer far behind is caught by the safety net, once")
    func safetyNet() async throws {
        let clock = HandClock(Timestamp.now().millisecondsSince1970)
        // Every activity mark fails before reaching the server.
        let (store, _) = try await store(clock, rule: { operation, _, _ in
            operation == "UpdateItem" ? .failBeforeSending(.connectionReset) : .forward
        })
        let rooms = Self.rooms(4)
        var feed = RoomsFeed()
        _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        let unmarked = try await store.messages.send(Message(roomId: rooms[1], sender: "a", text: "no mark",
                                                             createdAt: Timestamp(millisecondsSince1970: clock.now)))
        let (plainStore, _) = try await self.store(clock)
        let farBehind = try await plainStore.messages.send(Message(roomId: rooms[2], sender: "b", text: "90 s behind",
                                                                   createdAt: Timestamp(millisecondsSince1970: clock.now - 90_000)))
        var got: [String] = []
        // Eleven minutes of polls at 5 s.
        for _ in 0..<132 {
            clock.advance(5_000)
            got += try await feed.poll(rooms, seeds: [:], messages: store.messages).flatMap(\.messages).map(\.messageId)
        }
        #expect(got.sorted() == [unmarked.messageId, farBehind.messageId].sorted())
    }
}
