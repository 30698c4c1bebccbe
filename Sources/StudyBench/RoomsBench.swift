import DynamoDB
import DynamoTestSupport
import Foundation
import StudyHTTP
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyStoreDynamo

/// `StudyBench rooms`: what polling joined rooms costs and how fast a message shows (issue #11).
///
/// - DynamoDB (moto): requests and read units (moto's ConsumedCapacity) per minute for an idle
///   client with 20 and 200 rooms — a minute of 1 s polls simulated with a hand-moved clock —
///   next to the old way (one query per room per poll).
/// - Send → shown, p50/p99: a writer sends at random moments and a reader polls at 1 s with
///   `RoomsFeed` as the app does; SQLite with the writer in a second process on the same file,
///   DynamoDB with two clients.
func runRoomsBench() async throws {
    if let path = ProcessInfo.processInfo.environment["ROOMS_BENCH_WRITER"] {
        try await RoomsBench.writer(path: path)
        exit(0)
    }
    let moto = try await MotoServer.start()
    defer { moto.stop() }
    let prefix = "bench-rooms-\(getpid())"
    let setupStore = DynamoStore.make(client: moto.client(), prefix: prefix)
    _ = try await setupStore.admin.setup(progress: { _ in })
    for count in [20, 200] { try await RoomsBench.idleCost(moto: moto, prefix: prefix, rooms: count) }
    try await RoomsBench.latencyDynamo(moto: moto, prefix: prefix)
    try await RoomsBench.latencySQLite()
}

enum RoomsBench {
    static let pollInterval: Double = 1.0
    static let messages = Int(ProcessInfo.processInfo.environment["ROOMS_BENCH_MESSAGES"] ?? "") ?? 30

    final class Clock: Sendable {
        private let ms = Mutex(Timestamp.now().millisecondsSince1970)
        var now: Int64 { ms.withLock { $0 } }
        func advance(_ delta: Int64) { ms.withLock { $0 += delta } }
    }

    static func idleCost(moto: MotoServer, prefix: String, rooms count: Int) async throws {
        let clock = Clock()
        let meter = CapacityMeter(inner: CurlTransport())
        let store = DynamoStore.make(client: moto.client(transport: meter), prefix: prefix, clock: { clock.now })
        let rooms = (0..<count).map { "bench-idle-\(count)-\($0)" }
        var feed = RoomsFeed()
        _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        meter.reset()
        for _ in 0..<60 {
            clock.advance(1000)
            _ = try await feed.poll(rooms, seeds: [:], messages: store.messages)
        }
        report("rooms.dynamo.idle.\(count)rooms.requests_per_min", Double(meter.requestCount()), "requests")
        report("rooms.dynamo.idle.\(count)rooms.read_units_per_min", meter.readUnits, "RCU(moto)")
        // The old way: one `since` per room per poll (MessageService's default loop).
        meter.reset()
        var cursor = feed.cursor
        let polls = count > 50 ? 6 : 60
        for _ in 0..<polls { cursor = try await store.messages.sinceEachRoom(cursor, only: nil, limit: 200).cursor }
        let scale = 60 / Double(polls)
        report("rooms.dynamo.idle.\(count)rooms.per_room_requests_per_min", Double(meter.requestCount()) * scale, "requests")
        report("rooms.dynamo.idle.\(count)rooms.per_room_read_units_per_min", meter.readUnits * scale, "RCU(moto)")
    }

    /// Polls `room` every `pollInterval` until `expected` messages arrived; the delay of each
    /// from its `createdAt` (the writer's clock, the same machine) to the poll that showed it.
    static func reader(_ store: StudyStore, room: String, expected: Int, ready: @Sendable () -> Void) async throws -> [Double] {
        var feed = RoomsFeed()
        _ = try await feed.poll([room], seeds: [:], messages: store.messages)
        ready()
        var delays: [Double] = []
        let deadline = now() + Double(expected) * 3 + 30
        while delays.count < expected && now() < deadline {
            try await Task.sleep(for: .milliseconds(Int(pollInterval * 1000)))
            for (_, batch) in try await feed.poll([room], seeds: [:], messages: store.messages) {
                let shown = Timestamp.now().millisecondsSince1970
                delays += batch.map { Double(shown - $0.createdAt.millisecondsSince1970) }
            }
        }
        guard delays.count == expected else { throw BenchError("only \(delays.count) of \(expected) messages arrived") }
        return delays
    }

    static func send(_ store: StudyStore, room: String, count: Int) async throws {
        var random = SystemRandomNumberGenerator()
        for i in 0..<count {
            try await Task.sleep(for: .milliseconds(Int.random(in: 100...1000, using: &random)))
            _ = try await store.messages.send(Message(roomId: room, sender: "writer", text: "latency \(i)"))
        }
    }

    static func latencyDynamo(moto: MotoServer, prefix: String) async throws {
        let room = "bench-latency-\(getpid())"
        let readerStore = DynamoStore.make(client: moto.client(), prefix: prefix)
        let writerStore = DynamoStore.make(client: moto.client(), prefix: prefix)
        let started = AsyncStream<Void>.makeStream()
        async let delays = reader(readerStore, room: room, expected: messages) { started.continuation.yield(()) }
        for await _ in started.stream { break }
        try await send(writerStore, room: room, count: messages)
        let measured = try await delays
        report("rooms.dynamo.send_to_shown.p50", median(measured), "ms")
        report("rooms.dynamo.send_to_shown.p99", percentile(measured, 0.99), "ms")
    }

    static func latencySQLite() async throws {
        try await withTempDir { dir in
            let path = dir + "/rooms.db"
            let store = try SQLiteStore.open(path: path)
            let room = "latency"
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["rooms"]
            child.environment = ProcessInfo.processInfo.environment.merging(
                ["ROOMS_BENCH_WRITER": path, "ROOMS_BENCH_MESSAGES": String(messages)]) { $1 }
            let started = AsyncStream<Void>.makeStream()
            async let delays = reader(store, room: room, expected: messages) { started.continuation.yield(()) }
            for await _ in started.stream { break }
            child.standardOutput = FileHandle.nullDevice
            try child.run()
            let measured = try await delays
            child.waitUntilExit()
            report("rooms.sqlite.two_processes.send_to_shown.p50", median(measured), "ms")
            report("rooms.sqlite.two_processes.send_to_shown.p99", percentile(measured, 0.99), "ms")
        }
    }

    /// The second process of the SQLite measurement.
    static func writer(path: String) async throws {
        let store = try SQLiteStore.open(path: path)
        try await send(store, room: "latency", count: messages)
    }
}
