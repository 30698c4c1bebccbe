import Foundation

/// `scripts/fake_llm_server.py`: an OpenAI-compatible chat-completions fake on 127.0.0.1.
public final class FakeLLMServer: Sendable {
    private let server: ScriptServer
    public var port: Int { server.port }
    public var url: String { "http://127.0.0.1:\(port)/v1" }

    /// `jsonFile` holds the answer the fake gives (see the script).
    public init(jsonFile: String? = nil) throws {
        server = try ScriptServer(script: "fake_llm_server.py", arguments: jsonFile.map { ["--json-file", $0] } ?? [])
    }

    public func stop() { server.stop() }
}
