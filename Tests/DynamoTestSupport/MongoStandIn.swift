import Foundation

/// `scripts/mongo_standin.py`, a MongoDB wire-protocol STAND-IN answered by mongomock (not a
/// MongoDB server), on a free 127.0.0.1 port, stopped by the test (or when this process exits:
/// it quits when its stdin closes).
///
///     let standIn = try await MongoStandIn.start()
///     defer { standIn.stop() }
///     let uri = standIn.uri(database: "sct-abc")
public final class MongoStandIn: Sendable {
    public let port: Int
    public let child: ChildProcess

    private init(port: Int, child: ChildProcess) {
        self.port = port
        self.child = child
    }

    /// `mongodb://127.0.0.1:PORT/DATABASE`
    public func uri(database: String) -> String { "mongodb://127.0.0.1:\(port)/\(database)" }

    /// - Parameter user: `NAME:PASSWORD`; the stand-in then requires a SCRAM-SHA-256 login as
    ///   that user for every command. Without it no login is needed and every login is refused.
    public static func start(user: String? = nil, timeout: Duration = .seconds(90)) async throws -> MongoStandIn {
        let port = try LocalPorts.free()
        let script = RepoPaths.scripts.appendingPathComponent("mongo_standin.py").path
        let child = try ChildProcess(arguments: ["python3", script, "\(port)"] + (user.map { ["--user", $0] } ?? []))
        try await LocalPorts.waitUntilOpen(port, child: child, timeout: timeout, what: "MongoDB stand-in (scripts/mongo_standin.py)")
        return MongoStandIn(port: port, child: child)
    }

    public func stop() { child.stop() }
}

/// One stand-in shared by every test of the process; tests isolate themselves by database name.
public actor SharedMongoStandIn {
    public static let shared = SharedMongoStandIn()
    private var starting: Task<MongoStandIn, any Error>?

    public func get() async throws -> MongoStandIn {
        if let starting { return try await starting.value }
        let task = Task { try await MongoStandIn.start() }
        starting = task
        do {
            return try await task.value
        } catch {
            starting = nil
            throw error
        }
    }
}
