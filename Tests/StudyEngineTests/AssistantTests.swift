import Foundation
import StudyEngine
import StudyHTTP
import StudyModel
import TestSupport
import Testing

@Suite struct AssistantTests {
    static let text = """
    Photosynthesis is the process by which plants turn light energy into chemical energy. It takes place in the \
    chloroplasts of leaf cells. The green pigment chlorophyll absorbs red and blue light. The enzyme RuBisCO fixes \
    carbon dioxide in the Calvin cycle. Oxygen is released when water is split in the light-dependent reactions.
    """

    func client(_ server: FakeLLMServer) -> ChatCompletionsClient {
        ChatCompletionsClient(url: server.url, model: "fake-model", apiKey: "test-key",
                              timeouts: HTTPTimeouts(connect: .seconds(2), total: .seconds(2)))
    }

    @Test func providerSummaryIsUsedAndCounted() async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let calls = Counter()
        let assistant = StudyAssistant(client: client(server), reserveProviderCall: { calls.increment() })
        let result = await assistant.summarize(try StudyDocument(text: Self.text), options: SummaryOptions(type: .brief))
        #expect(result.engine == "fake-model")
        #expect(result.fallbackReason == nil)
        #expect(result.text.contains("chemical energy"))
        #expect(calls.value == 1)
    }

    @Test func failuresAndQuotaFallBackToOfflineAndSaySo() async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let doc = try StudyDocument(text: Self.text + " MODE:500")
        let failing = await StudyAssistant(client: client(server)).summarize(doc, options: SummaryOptions(type: .brief))
        #expect(failing.engine == "offline")
        #expect(failing.fallbackReason?.contains("HTTP 500") == true)
        #expect(failing.text.contains("Photosynthesis"))

        let quota = QuotaExceeded(plan: .free, limit: 50, month: "2026-11")
        let refused = StudyAssistant(client: client(server), reserveProviderCall: { throw quota })
        let result = await refused.summarize(try StudyDocument(text: Self.text), options: SummaryOptions(type: .brief))
        #expect(result.engine == "offline")
        #expect(result.fallbackReason?.contains("all 50 AI requests") == true)
    }

    @Test func providerExamsAreValidatedAgainstTheDocument() async throws {
        let questions = """
        Here you go: [
          {"kind": "multiple_choice", "prompt": "Which pigment absorbs red and blue light?", "options": ["Chlorophyll", "Keratin", "Melanin", "Haemoglobin"], "correct": [0], "source": "The green pigment chlorophyll absorbs red and blue light."},
          {"kind": "fill_in_blank", "prompt": "The enzyme ____ fixes carbon dioxide.", "answer": "RuBisCO", "source": "The enzyme RuBisCO fixes carbon dioxide in the Calvin cycle."},
          {"kind": "true_false", "prompt": "Oxygen is released when water is split.", "options": ["True", "False"], "correct": [0], "source": "Oxygen is released when water is split in the light-dependent reactions."},
          {"kind": "multiple_choice", "prompt": "Invented source?", "options": ["a", "b", "c", "d"], "correct": [1], "source": "Plants were invented in 1850 by a committee."},
          {"kind": "fill_in_blank", "prompt": "Answer in stem: RuBisCO is ____.", "answer": "RuBisCO", "source": "The enzyme RuBisCO fixes carbon dioxide in the Calvin cycle."},
          {"kind": "multiple_choice", "prompt": "Which **pigment** fills the blank? \\"The green pigment ____ absorbs red and blue light.\\"", "options": ["chlorophyll", "1850", "light", "red"], "correct": [0], "source": "The green pigment chlorophyll absorbs red and blue light."},
          {"kind": "multiple_choice", "prompt": "Bad index?", "options": ["a", "b", "c", "d"], "correct": [7], "source": "It takes place in the chloroplasts of leaf cells."}
        ]
        """
        let dir = try TempDir()
        defer { dir.cleanup() }
        try Data(questions.utf8).write(to: URL(fileURLWithPath: dir.path("q.json")))
        let server = try FakeLLMServer(jsonFile: dir.path("q.json"))
        defer { server.stop() }
        let config = Exam.Configuration(questionCount: 4, questionTypes: Question.Kind.allCases)
        let exam = try await StudyAssistant(client: client(server)).exam(try StudyDocument(text: Self.text + " MODE:json"), configuration: config)
        #expect(exam.engine == "fake-model")
        // Three pass the checks (the one with Markdown and mixed options does not); the
        // offline engine stands in for the fourth.
        #expect(exam.questions.count == 4)
        #expect(exam.questions.prefix(3).map(\.kind) == [.multipleChoice, .fillInBlank, .trueFalse])
        #expect(exam.questions[1].acceptedAnswers == ["RuBisCO"])
        #expect(exam.questions.allSatisfy { !$0.prompt.contains("**") })
        #expect(exam.notes.contains { $0.contains("offline engine") })
        #expect(Set(exam.questions.map(\.id)).count == 4)
        // Too few usable questions: the offline engine stands in.
        let many = Exam.Configuration(questionCount: 10, questionTypes: Question.Kind.allCases)
        let fallback = try await StudyAssistant(client: client(server)).exam(try StudyDocument(text: Self.text + " MODE:json"), configuration: many)
        #expect(fallback.engine == "offline")
        #expect(fallback.fallbackReason?.contains("too few usable questions") == true)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
