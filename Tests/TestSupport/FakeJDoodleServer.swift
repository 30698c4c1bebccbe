import Foundation

/// `scripts/fake_jdoodle_server.py`: JDoodle's execute API, faked on 127.0.0.1.
public final class FakeJDoodleServer: Sendable {
    private let server: ScriptServer
    public var port: Int { server.port }
    public var url: String { "http://127.0.0.1:\(port)/v1/execute" }

    public init() throws { server = try ScriptServer(script: "fake_jdoodle_server.py") }

    public func stop() { server.stop() }
}
