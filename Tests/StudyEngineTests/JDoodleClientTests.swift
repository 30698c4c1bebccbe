import StudyEngine
import StudyHTTP
import Testing
import TestSupport

/// The JDoodle client against a local fake JDoodle (scripts/fake_jdoodle_server.py on 127.0.0.1).
@Suite(.serialized) struct JDoodleClientTests {
    func client(_ server: FakeJDoodleServer, id: String = "student", total: Duration = .seconds(10)) -> JDoodleClient {
        JDoodleClient(clientId: id, clientSecret: "secret", endpoint: server.url,
                      timeouts: HTTPTimeouts(connect: .seconds(2), total: total))
    }

    @Test("a run returns output, status, CPU time and memory")
    func success() async throws {
        let server = try FakeJDoodleServer()
        defer { server.stop() }
        let result = try await client(server).run(code: "print('hi')\n", fenceTag: "Python")
        #expect(result.output == "ran python3: print('hi')\n")
        #expect(result.compiled && result.success == true)
        #expect(result.cpuTime == "0.01" && result.memory == "7340" && result.statusCode == 200)
        let reply = result.replyText(to: "m1", by: "ada")
        #expect(reply.contains("finished successfully") && reply.contains("CPU 0.01 s") && reply.contains("memory 7340 KB"))
    }

    @Test("a compile error is a result with the compiler's message")
    func compileError() async throws {
        let server = try FakeJDoodleServer()
        defer { server.stop() }
        let result = try await client(server).run(code: "int main() { return 0 } // MODE:compile", fenceTag: "c")
        #expect(!result.compiled)
        #expect(result.output.contains("expected ';'"))
        #expect(result.replyText(to: "m1", by: "ada").contains("did not compile"))
    }

    @Test("a run that does not answer in time is a timeout error")
    func timeout() async throws {
        let server = try FakeJDoodleServer()
        defer { server.stop() }
        do {
            _ = try await client(server, total: .seconds(1)).run(code: "while True: pass # MODE:slow", fenceTag: "py")
            Issue.record("expected a timeout")
        } catch let error as CodeRunError {
            #expect(error.kind == .timeout)
        }
    }

    @Test("bad credentials, the daily credit limit and unsupported languages are told apart", arguments: [
        ("bad", "python", CodeRunError.Kind.badCredentials, "JDOODLE_CLIENT_ID"),
        ("spent", "python", .creditsExhausted, "daily credits"),
        ("student", "brainfuck", .unsupportedLanguage, "Supported fence languages"),
    ])
    func refusals(_ id: String, _ tag: String, _ kind: CodeRunError.Kind, _ words: String) async throws {
        let server = try FakeJDoodleServer()
        defer { server.stop() }
        do {
            _ = try await client(server, id: id).run(code: "print(1)", fenceTag: tag)
            Issue.record("expected \(kind)")
        } catch let error as CodeRunError {
            #expect(error.kind == kind)
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    @Test("without credentials the client says how to enable runs")
    func notConfigured() {
        #expect(throws: CodeRunError.self) { try JDoodleClient.from([:]) }
        do { _ = try JDoodleClient.from(["JDOODLE_CLIENT_ID": "x"]) } catch let error as CodeRunError {
            #expect(error.kind == .notConfigured && error.message.contains("JDOODLE_CLIENT_SECRET"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("the first fenced block with a language is the program")
    func codeBlocks() {
        let text = "look:\n```\nplain\n```\nand\n```python\nprint(1)\nprint(2)\n```\nbye"
        #expect(CodeBlock.first(in: text) == CodeBlock(language: "python", code: "print(1)\nprint(2)"))
        #expect(CodeBlock.first(in: "no code here") == nil)
        #expect(CodeBlock.first(in: "~~~ js\nconsole.log(1)\n~~~") == CodeBlock(language: "js", code: "console.log(1)"))
    }
}
