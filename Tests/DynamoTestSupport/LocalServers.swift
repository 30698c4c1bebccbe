import DynamoDB
import Foundation
import StudyHTTP
#if canImport(Glibc)
import Glibc
#endif

/// Paths inside the checkout, found from this file's location (Tests/DynamoTestSupport/…).
public enum RepoPaths {
    /// The repository root (the folder holding Package.swift).
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    /// `scripts/` in the checkout.
    public static var scripts: URL { root.appendingPathComponent("scripts") }
    /// `shared/` beside the checkout (CI clones with shared/ next to the repository).
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
}

/// Why a local test server could not be started.
public struct LocalServerError: Error, CustomStringConvertible {
    public var description: String
}

/// A child process bound to this test process: its stdin is a pipe we hold, and the Python
/// wrappers exit when it closes, so a crashed test run never leaves a server behind.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` and `stdin` are set once in init; `stop` is idempotent under `lock`.
    private let process: Process
    private let stdin: Pipe
    private let lock = NSLock()
    private var stopped = false
    public let logFile: URL

    public init(executable: String = "/usr/bin/env", arguments: [String], environment: [String: String]? = nil) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        stdin = Pipe()
        process.standardInput = stdin
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("studycircle-child-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    public var isRunning: Bool { process.isRunning }
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Ends the process (closing stdin, then SIGTERM, then SIGKILL) and waits for it.
    public func stop() {
        let shouldStop = lock.withLock { () -> Bool in
            if stopped { return false }
            stopped = true
            return true
        }
        guard shouldStop else { return }
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile)
    }

    deinit { stop() }
}

public enum LocalPorts {
    /// A free TCP port on 127.0.0.1, found by binding port 0 and closing the socket.
    public static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LocalServerError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw LocalServerError(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw LocalServerError(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    public static func isOpen(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Waits until `port` accepts connections or `child` exits or `timeout` passes.
    public static func waitUntilOpen(_ port: Int, child: ChildProcess, timeout: Duration, what: String) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if isOpen(port) { return }
            if !child.isRunning {
                throw LocalServerError(description: "\(what) exited before it was ready:\n\(child.log.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        // One last look: on a loaded machine this task may wake only after the deadline, when
        // the server has long been listening.
        if isOpen(port) { return }
        let output = child.log.suffix(1000)
        child.stop()
        throw LocalServerError(description: "\(what) did not start listening on 127.0.0.1:\(port) within \(timeout). Its output:\n\(output)")
    }
}

/// moto's DynamoDB-compatible server on a free loopback port, for tests and the conformance suite.
///
///     let moto = try await MotoServer.start()
///     defer { moto.stop() }
///     let client = moto.client()
public final class MotoServer: Sendable {
    public let port: Int
    public let child: ChildProcess
    /// `http://127.0.0.1:PORT`
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, child: ChildProcess) {
        self.port = port
        self.child = child
    }

    /// Starts `python3 -m moto.server` on 127.0.0.1 and waits until it answers.
    public static func start(timeout: Duration = .seconds(90)) async throws -> MotoServer {
        let port = try LocalPorts.free()
        // The wrapper exits when our end of its stdin closes (see ChildProcess).
        // moto applies a transaction's writes one by one and undoes a failed one by restoring a
        // snapshot of the tables taken when it began, which erases what a concurrent transaction
        // wrote meanwhile. DynamoDB's transactions are atomic; handling one request at a time
        // makes moto's so too, so the concurrency cases test our code, not moto's races.
        let script = """
        import os, sys, threading
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        import moto.server as ms
        _lock = threading.Lock()
        _call = ms.DomainDispatcherApplication.__call__
        def _serialised(self, environ, start_response):
            with _lock:
                return list(_call(self, environ, start_response))
        ms.DomainDispatcherApplication.__call__ = _serialised
        from moto.server import main
        main(["-H", "127.0.0.1", "-p", "\(port)"])
        """
        let child = try ChildProcess(arguments: ["python3", "-c", script])
        try await LocalPorts.waitUntilOpen(port, child: child, timeout: timeout, what: "moto server")
        return MotoServer(port: port, child: child)
    }

    public func stop() { child.stop() }

    /// A client for this server with fixed test credentials and instant retries.
    public func client(transport: (any HTTPTransport)? = nil, retry: RetryPolicy = .instant) -> DynamoDBClient {
        DynamoDBClient(endpoint: endpoint, region: "us-east-1",
                       credentials: StaticCredentialProvider(AWSCredentials(accessKeyId: "testing", secretAccessKey: "testing")),
                       transport: transport ?? CurlTransport(timeouts: HTTPTimeouts(connect: .seconds(2), total: .seconds(10))),
                       retry: retry)
    }
}

/// One moto server shared by every test in the process (starting moto takes about a second).
/// Tests isolate themselves with unique table names. The server stops when the process exits
/// (its stdin closes).
public actor SharedMoto {
    public static let shared = SharedMoto()
    private var server: MotoServer?
    private var starting: Task<MotoServer, any Error>?

    public func get() async throws -> MotoServer {
        if let server { return server }
        if let starting { return try await starting.value }
        let task = Task { try await MotoServer.start() }
        starting = task
        do {
            let started = try await task.value
            server = started
            return started
        } catch {
            starting = nil
            throw error
        }
    }
}

/// `scripts/fault_proxy.py` in front of an upstream server, on a free loopback port.
public final class FaultProxy: Sendable {
    public let port: Int
    public let child: ChildProcess
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, child: ChildProcess) {
        self.port = port
        self.child = child
    }

    public static func start(upstreamPort: Int) async throws -> FaultProxy {
        let port = try LocalPorts.free()
        let script = RepoPaths.scripts.appendingPathComponent("fault_proxy.py").path
        let child = try ChildProcess(arguments: ["python3", script, "\(port)", "\(upstreamPort)"])
        try await LocalPorts.waitUntilOpen(port, child: child, timeout: .seconds(15), what: "fault proxy")
        return FaultProxy(port: port, child: child)
    }

    /// Queues faults for the next requests, e.g. `[["kind": "throttle"]]`.
    public func inject(_ faults: [[String: Any]]) async throws {
        let data = try JSONSerialization.data(withJSONObject: faults)
        let response = try await CurlTransport().send(HTTPRequest(method: "POST", url: endpoint + "/__faults", body: Array(data)))
        guard response.status == 200 else { throw LocalServerError(description: "fault proxy refused faults: \(response.status)") }
    }

    /// How many requests were forwarded to the upstream, per X-Amz-Target.
    public func forwarded() async throws -> [String: Int] {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: endpoint + "/__stats"))
        let json = try JSON.parse(response.body)
        var out: [String: Int] = [:]
        for (key, value) in json["targets"]?.objectValue ?? [:] { out[key] = value.intValue ?? 0 }
        return out
    }

    public func stop() { child.stop() }
}

extension RetryPolicy {
    /// Retries without waiting, for tests.
    public static var instant: RetryPolicy {
        RetryPolicy(sleep: { _ in }, random: { 0.5 })
    }
}
