import StudyEngine
import StudyHTTP
import TestSupport
import Testing

@Suite struct ProviderClientTests {
    @Test func completionAndEveryFailureHasAPlainMessage() async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let client = ChatCompletionsClient(url: server.url, model: "test-model", apiKey: "test-key",
                                           timeouts: HTTPTimeouts(connect: .seconds(2), total: .seconds(2)))
        #expect(client.endpoint.hasSuffix("/v1/chat/completions"))
        let text = try await client.complete(system: "Summarise.", user: "Some text MODE:ok")
        #expect(text.contains("chemical energy"))
        let cases: [(String, String)] = [("500", "HTTP 500"), ("garbage", "not a chat completion"), ("slow", "could not be reached"), ("401", "API key")]
        for (mode, words) in cases {
            do {
                _ = try await client.complete(system: "s", user: "x MODE:\(mode)")
                Issue.record("mode \(mode) must fail")
            } catch let error as ProviderError {
                #expect(error.message.contains(words), "\(mode): \(error.message)")
            }
        }
        let wrongKey = ChatCompletionsClient(url: server.url, model: "m", apiKey: "nope")
        await #expect(throws: ProviderError.self) { _ = try await wrongKey.complete(system: "s", user: "u") }
        // Nothing listens on port 1 (a stopped server's port may be reused by a parallel test).
        let nowhere = ChatCompletionsClient(url: "http://127.0.0.1:1/v1", model: "m", apiKey: "k")
        await #expect(throws: ProviderError.self) { _ = try await nowhere.complete(system: "s", user: "unreachable") }
    }
}
