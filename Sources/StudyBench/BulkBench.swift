import Foundation
import StudyBackend
import StudyModel
import StudyStore
import StudyStoreSQLite

/// Bulk data at storage speed (issue 13, item 5), on temporary SQLite databases:
/// `studycircle import` of 100,000 messages (target ≤ 3 s), 10,000 documents of 5 KB added
/// (target ≤ 5 s) by the store and by `studycircle library add`, a migration, and library
/// search over those 10,000 documents (target p99 ≤ 20 ms).
///
/// The `_cli` figures run the release `studycircle` next to this binary, whole process
/// included (start, decoding the file, writing, the printed lines).
///
/// `BULK_STEPS=library,search` (any of import, library, cli, search) runs only those steps,
/// for quick comparisons; by default every step runs.
func runBulkBench() async throws {
    let environment = ProcessInfo.processInfo.environment
    let steps = Set((environment["BULK_STEPS"] ?? "import,library,cli,search").split(separator: ",").map(String.init))
    try await withTempDir { dir in
        let app = PtyBench.studycircleBinary()
        let haveApp = FileManager.default.isExecutableFile(atPath: app)
        if !haveApp { print("# bulk: \(app) is missing (swift build -c release --product studycircle); _cli figures skipped") }
        if steps.contains("import") { try await BulkBenchData.importSteps(dir: dir, app: haveApp ? app : nil) }

        // library: 10,000 documents of 5 KB, in batches as `library add` stores them.
        let library = try SQLiteStore.open(path: dir + "/library.db")
        var generator = TextGenerator(seed: 42)
        let documents = (0..<10_000).map { i in
            Content(title: "Document \(i) \(generator.word())", owner: "bench", sourceText: generator.text(bytes: 5000), category: "c\(i % 20)")
        }
        BulkBenchData.reportCost("bulk_add_10k_documents_5kb_store", try await BulkBenchData.measure {
            for start in stride(from: 0, to: documents.count, by: 500) {
                _ = try await library.addDocuments(Array(documents[start..<start + 500]))
            }
        })

        if haveApp && steps.contains("cli") {
            let folder = dir + "/files"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var paths: [String] = []
            for (i, document) in documents.enumerated() {
                let path = folder + "/note\(i).md"
                try Data("# \(document.title)\n\n\(document.sourceText)\n".utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            // The folder, as the README advises for many files; then the same files named one
            // by one as arguments (the argument parser's own cost grows with their square).
            for (name, arguments) in [("bulk_library_add_10k_files_5kb_cli", [folder]),
                                      ("bulk_library_add_10k_files_5kb_as_arguments_cli", paths)] {
                let db = dir + "/\(name).db"
                let prepare = try SQLiteStore.open(path: db)
                _ = try await Session.localUser(in: prepare, username: PtyBench.user)
                try BulkBenchData.reportCost(name, BulkBenchData.run(app, ["--db", db, "library", "add"] + arguments, home: dir))
            }
        }

        if steps.contains("search") { try await BulkBenchData.searches(library) }
    }
}

enum BulkBenchData {
    /// `studycircle import` of 100,000 messages (by the release binary when `app` is given,
    /// and by the store), then a migration of them into another SQLite file.
    static func importSteps(dir: String, app: String?) async throws {
        // One user, one room, 100,000 messages, as `export` writes them.
        let file = dir + "/messages.jsonl"
        try writeExport(to: file, messages: 100_000)
        if let app {
            let db = dir + "/import.db"
            try reportCost("bulk_import_100k_messages_cli", run(app, ["--db", db, "import", file], home: dir))
            try reportCost("bulk_import_100k_messages_again_cli", run(app, ["--db", db, "import", file], home: dir))
        }
        let records = try decode(file)
        let storeDb = try SQLiteStore.open(path: dir + "/store-import.db")
        var imported = TransferCounts()
        reportCost("bulk_import_100k_messages_store", try await measure {
            imported = try await DataTransfer.importRecords(records, into: storeDb)
        })
        if imported.written["message"] != 100_000 { print("# warning: imported \(imported)") }

        let target = try SQLiteStore.open(path: dir + "/migrated.db")
        reportCost("bulk_migrate_100k_messages_sqlite", try await measure {
            _ = try await DataTransfer.migrate(from: storeDb, to: target) { _ in }
        })
    }

    /// Wall and CPU seconds (user + system) of one step.
    struct Cost { var wall: Double; var cpu: Double }

    /// Prints `name` (wall seconds) and `name_cpu`: on a busy machine the CPU figure says
    /// what the step costs, the wall figure what the machine gave it.
    static func reportCost(_ name: String, _ cost: Cost) {
        report(name, cost.wall, "s")
        report(name + "_cpu", cost.cpu, "s")
    }

    static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// CPU seconds of this process, to the nanosecond.
    static func processCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func measure(_ body: () async throws -> Void) async throws -> Cost {
        let cpu = cpuSeconds(RUSAGE_SELF)
        let wall = try await time(body)
        return Cost(wall: wall, cpu: cpuSeconds(RUSAGE_SELF) - cpu)
    }

    /// Writes a JSON Lines export: a user, a room and `messages` messages in it.
    static func writeExport(to path: String, messages: Int) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let user = User(username: "bulk", email: "bulk@example.org")
        let room = ChatRoom(name: "bulk", createdBy: user.id)
        var out = Data()
        func line(_ record: TransferRecord) throws {
            out.append(try encoder.encode(record))
            out.append(0x0A)
        }
        try line(.user(user))
        try line(.room(room))
        let base = Timestamp.now().adding(milliseconds: -Int64(messages))
        for i in 0..<messages {
            try line(.message(Message(roomId: room.roomId, sender: "user\(i % 7)",
                                      text: "Message number \(i) about the lecture and the exercises for Tuesday",
                                      createdAt: base.adding(milliseconds: Int64(i)))))
        }
        try out.write(to: URL(fileURLWithPath: path))
    }

    static func decode(_ path: String) throws -> [TransferRecord] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(TransferRecord.self, from: Data($0)) }
    }

    /// Runs the binary with a clean environment and its own HOME; returns its wall and CPU seconds.
    static func run(_ app: String, _ arguments: [String], home: String) throws -> Cost {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: app)
        process.arguments = arguments
        let folder = home + "/home"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8",
            "STUDYCIRCLE_USER": PtyBench.user, "DB_TYPE": "sqlite", "XDG_CONFIG_HOME": folder + "/.config",
            "XDG_DATA_HOME": folder + "/.local/share", "XDG_STATE_HOME": folder + "/.local/state",
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = now()
        let cpu = cpuSeconds(RUSAGE_CHILDREN)
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = now() - start
        guard process.terminationStatus == 0 else {
            throw BenchError("studycircle \(arguments.prefix(4).joined(separator: " ")) failed: \(String(decoding: stderr.prefix(500), as: UTF8.self))")
        }
        return Cost(wall: elapsed, cpu: cpuSeconds(RUSAGE_CHILDREN) - cpu)
    }

    /// Search over the library: the storage group's two-word queries, plus the kinds that
    /// make the tail (one very common word, common words with a prefix, rare words).
    static func searches(_ store: StudyStore) async throws {
        var queries: [String] = []
        var words = TextGenerator(seed: 7)
        for _ in 0..<100 { queries.append("\(words.word()) \(words.word())") }
        let vocabulary = TextGenerator.vocabulary
        for i in 0..<20 { queries.append(vocabulary[i]) }
        for i in 0..<20 { queries.append("\(vocabulary[i]) \(vocabulary[(i * 7) % 50].prefix(3))") }
        for i in 0..<20 { queries.append(String(vocabulary[(i * 37) % 200].prefix(3))) }
        for i in 0..<20 { queries.append("\(vocabulary[4000 + i]) \(vocabulary[i])") }
        for query in queries { _ = try await store.content.search(query, PageRequest(limit: 20)) }  // warm the cache
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var hits = 0
        for query in queries {
            let cpu = processCPU()
            times.append(try await time { hits += try await store.content.search(query, PageRequest(limit: 20)).items.count })
            cpuTimes.append(processCPU() - cpu)
        }
        report("bulk_search_10k_docs_median", median(times) * 1000, "ms")
        report("bulk_search_10k_docs_p99", percentile(times, 0.99) * 1000, "ms")
        // CPU of the whole (otherwise idle) process: what a query costs whatever the load.
        report("bulk_search_10k_docs_cpu_median", median(cpuTimes) * 1000, "ms")
        report("bulk_search_10k_docs_cpu_p99", percentile(cpuTimes, 0.99) * 1000, "ms")
        report("bulk_search_10k_docs_max", (times.max() ?? 0) * 1000, "ms")
        let slowest = zip(queries, times).sorted { $0.1 > $1.1 }.prefix(3)
        print("# slowest searches: " + slowest.map { "'\($0.0)' " + String(format: "%.1f ms", $0.1 * 1000) }.joined(separator: ", "))
        if hits == 0 { print("# warning: searches found nothing") }
    }
}
