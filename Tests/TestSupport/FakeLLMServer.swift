import Foundation

/// `scripts/fake_llm_server.py` on a free 127.0.0.1 port, stopped by `stop()` or when the
/// test process exits (the script exits when its standard input closes).
public final class FakeLLMServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let input: Pipe

    public init(jsonFile: String? = nil) throws {
        let script = BuiltProducts.repositoryRoot.appendingPathComponent("scripts/fake_llm_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + (jsonFile.map { ["--json-file", $0] } ?? [])
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
            throw NSError(domain: "FakeLLMServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "fake server did not start"])
        }
        self.port = port
    }

    public var url: String { "http://127.0.0.1:\(port)/v1" }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
