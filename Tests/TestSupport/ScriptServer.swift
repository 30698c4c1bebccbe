import Foundation

/// A fake HTTP server from `scripts/` (Python) on a free 127.0.0.1 port, stopped by `stop()` or
/// when the test process exits (each script exits when its standard input closes). The script
/// prints its port on its first line.
public final class ScriptServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let input: Pipe
    private let lock = NSLock()
    private var stopped = false

    /// Starts `scripts/<script>` with `arguments`.
    public init(script: String, arguments: [String] = []) throws {
        let path = BuiltProducts.repositoryRoot.appendingPathComponent("scripts/\(script)").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
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
            throw NSError(domain: "ScriptServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(script) did not start"])
        }
        self.port = port
    }

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
