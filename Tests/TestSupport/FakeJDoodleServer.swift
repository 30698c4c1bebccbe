import Foundation

/// `scripts/fake_jdoodle_server.py` on a free 127.0.0.1 port, stopped by `stop()` or when the
/// test process exits (the script exits when its standard input closes).
public final class FakeJDoodleServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let input: Pipe

    public init() throws {
        let script = BuiltProducts.repositoryRoot.appendingPathComponent("scripts/fake_jdoodle_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw NSError(domain: "FakeJDoodleServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "fake server did not start"])
        }
        self.port = port
    }

    public var url: String { "http://127.0.0.1:\(port)/v1/execute" }

    private let lock = NSLock()
    private var stopped = false

    /// Stops the server; safe to call more than once. Polls instead of `waitUntilExit`, which
    /// can spin forever in swift-corelibs-foundation when called again on a reaped process.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    deinit { stop() }
}
