import DynamoTestSupport
import Foundation
import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyStoreMongo

/// The MongoDB backend benchmark, against the wire-protocol stand-in (scripts/mongo_standin.py,
/// answered by mongomock) that the tests use:
/// - CPU per insert (`messages.send`) and per indexed find (`messages.get`, by `_id`) of this
///   backend, next to pymongo doing the same on the same server in the same run. CPU time is
///   each client process's own (CLOCK_PROCESS_CPUTIME_ID / time.process_time), so the
///   stand-in's work is not counted;
/// - migrating 100,000 messages SQLite → MongoDB: time and peak memory (RssAnon, sampled).
/// Needs python3 with mongomock and pymongo (scripts/install-deps.sh bench).
func runMongoBench() async throws {
    let requests = Int(ProcessInfo.processInfo.environment["MONGO_BENCH_REQUESTS"] ?? "") ?? 2000
    let migrated = Int(ProcessInfo.processInfo.environment["MONGO_BENCH_MESSAGES"] ?? "") ?? 100_000
    let standIn = try await MongoStandIn.start()
    defer { standIn.stop() }

    let connection = try MongoConnection(uri: standIn.uri(database: "bench-ours"))
    let store = MongoStore.make(connection: connection)
    _ = try await store.admin.setup { _ in }
    func message(_ i: Int) -> Message {
        Message(messageId: "swift-\(i)", roomId: "room-1", sender: "ada", text: String(repeating: "x", count: 100),
                createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(i)))
    }
    for i in 0..<50 { _ = try await store.messages.send(message(-1 - i)) } // warm up: pool, code paths
    let insertStart = DynamoBenchSupport.cpuSeconds()
    for i in 0..<requests { _ = try await store.messages.send(message(i)) }
    let insertEnd = DynamoBenchSupport.cpuSeconds()
    var found = 0
    for i in 0..<requests where try await store.messages.get(id: "swift-\(i)") != nil { found += 1 }
    let findEnd = DynamoBenchSupport.cpuSeconds()
    guard found == requests else { throw BenchError("find returned \(found) of \(requests) messages") }
    let ourInsert = (insertEnd - insertStart) / Double(requests) * 1e6
    let ourFind = (findEnd - insertEnd) / Double(requests) * 1e6

    // pymongo: the same documents (ISO text → BSON date, as ours), insert_one then find_one by _id.
    let script = """
    import datetime, json, sys, time, pymongo
    n = int(sys.argv[2])
    db = pymongo.MongoClient(sys.argv[1]).get_default_database()
    col = db.messages
    col.create_index([("roomId", 1), ("createdAt", 1)], name="RoomIdIndex")
    base = datetime.datetime(2026, 9, 21, tzinfo=datetime.timezone.utc)
    def doc(i):
        return {"_id": f"py-{i}", "roomId": "room-1", "sender": "ada", "text": "x" * 100,
                "createdAt": base + datetime.timedelta(milliseconds=i)}
    for i in range(50):
        col.insert_one(doc(-1 - i)); col.find_one({"_id": f"py-{-1 - i}"})
    t0 = time.process_time()
    for i in range(n): col.insert_one(doc(i))
    t1 = time.process_time()
    hits = sum(1 for i in range(n) if col.find_one({"_id": f"py-{i}"}) is not None)
    t2 = time.process_time()
    assert hits == n
    print(json.dumps({"insert_us": (t1 - t0) / n * 1e6, "find_us": (t2 - t1) / n * 1e6}))
    """
    let python = try DynamoBenchSupport.runJSON(["python3", "-c", script, standIn.uri(database: "bench-pymongo"), String(requests)])
    let pyInsert = python["insert_us"] ?? .nan
    let pyFind = python["find_us"] ?? .nan

    func line(_ name: String, _ value: Double, _ unit: String) {
        print("\(name) \(String(format: value >= 1000 ? "%.0f" : "%.2f", value)) \(unit)")
        fflush(nil)
    }
    line("mongo_insert_cpu_ours", ourInsert, "us")
    line("mongo_find_cpu_ours", ourFind, "us")
    line("mongo_insert_cpu_pymongo", pyInsert, "us")
    line("mongo_find_cpu_pymongo", pyFind, "us")
    line("mongo_insert_cpu_ratio_pymongo_to_ours", pyInsert / ourInsert, "x")
    line("mongo_find_cpu_ratio_pymongo_to_ours", pyFind / ourFind, "x")

    // Migration: 100,000 messages in one room, SQLite → MongoDB, memory sampled every 20 ms.
    try await withTempDir { dir in
        let source = try SQLiteStore.open(path: dir + "/source.db")
        let room = try await source.rooms.create(ChatRoom(name: "Bench room", createdBy: "ada"))
        for start in stride(from: 0, to: migrated, by: 1000) {
            let batch = (start..<min(start + 1000, migrated)).map {
                Message(roomId: room.roomId, sender: "u\($0 % 7)", text: "message \($0) " + String(repeating: "y", count: 80),
                        createdAt: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64($0)))
            }
            _ = try await source.messages.send(batch: batch)
        }
        let target = MongoStore.make(connection: try MongoConnection(uri: standIn.uri(database: "bench-migrate")))
        _ = try await target.admin.setup { _ in }
        let before = residentMegabytes("RssAnon")
        let sampler = PeakSampler()
        let samplerTask = Task { await sampler.run() }
        let start = now()
        let counts = try await DataTransfer.migrate(from: source, to: target) { _ in }
        let elapsed = now() - start
        samplerTask.cancel()
        _ = await samplerTask.value
        guard counts.written["message"] == migrated else { throw BenchError("migrated \(counts.written["message"] ?? 0) of \(migrated) messages") }
        line("mongo_migrate_100k_messages_seconds", elapsed, "s")
        line("mongo_migrate_100k_messages_rate", Double(migrated) / elapsed, "messages/s")
        line("mongo_migrate_rss_anon_before", before, "MB")
        line("mongo_migrate_rss_anon_peak", max(before, await sampler.peak), "MB")
    }
}

/// The highest RssAnon seen while running.
actor PeakSampler {
    private(set) var peak = 0.0
    func run() async {
        while !Task.isCancelled {
            peak = max(peak, residentMegabytes("RssAnon"))
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
