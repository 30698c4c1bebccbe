import Foundation
import StudyModel

/// A summary as the assistant made it, with which engine made it and why it fell back.
public struct AssistantSummary: Sendable, Hashable {
    public var text: String
    /// `offline` or the provider's model name.
    public var engine: String
    /// Set when a provider was configured but the offline engine stood in; shown to the user.
    public var fallbackReason: String?
    public var notes: [String]
    public var sourceWordCount: Int
}

/// An exam as the assistant made it.
public struct AssistantExam: Sendable, Hashable {
    public var questions: [Question]
    public var engine: String
    public var fallbackReason: String?
    public var notes: [String]
}

/// Makes summaries and exams: through the configured provider when there is one and the
/// user's allowance permits, else (and on any provider failure) with the offline engine.
public struct StudyAssistant: Sendable {
    public var client: ChatCompletionsClient?
    /// Called before each provider call; throws (e.g. `QuotaExceeded`) to refuse it.
    public var reserveProviderCall: @Sendable () async throws -> Void

    public init(client: ChatCompletionsClient? = nil, reserveProviderCall: @escaping @Sendable () async throws -> Void = {}) {
        self.client = client
        self.reserveProviderCall = reserveProviderCall
    }

    public func summarize(_ document: StudyDocument, options: SummaryOptions) async -> AssistantSummary {
        let offline = Summarizer(options: options).summarize(document)
        var result = AssistantSummary(text: offline.text, engine: "offline", fallbackReason: nil, notes: offline.notes,
                                      sourceWordCount: offline.sourceWordCount)
        guard let client else { return result }
        do {
            try await reserveProviderCall()
            let text = try await ProviderPrompts.summary(client: client, document: document, options: options,
                                                         offlineSentenceCount: max(1, offline.sentences.count))
            result.text = text
            result.engine = client.model
            result.notes = []
        } catch {
            result.fallbackReason = "\(Self.reason(error)) The offline engine made this summary instead."
        }
        return result
    }

    public func exam(_ document: StudyDocument, configuration: Exam.Configuration, seed: UInt64 = 0) async throws -> AssistantExam {
        let draft = try ExamGenerator(configuration: configuration, seed: seed).generate(from: document)
        var result = AssistantExam(questions: draft.questions, engine: "offline", fallbackReason: nil, notes: draft.notes)
        guard let client else { return result }
        do {
            try await reserveProviderCall()
            var questions = try await ProviderPrompts.exam(client: client, document: document, configuration: configuration)
            result.engine = client.model
            result.notes = []
            if questions.count < configuration.questionCount {
                // The offline engine stands in for the questions that failed the checks.
                let sources = Set(questions.map { ProviderPrompts.normalize($0.sourceSentence) })
                let stand = draft.questions.filter { !sources.contains(ProviderPrompts.normalize($0.sourceSentence)) }
                    .prefix(configuration.questionCount - questions.count)
                result.notes = ["The provider made \(questions.count) usable questions of the \(configuration.questionCount) asked for; \(stand.count) came from the offline engine."]
                questions += stand
            }
            for index in questions.indices { questions[index].id = "q\(index + 1)" }
            result.questions = questions
        } catch {
            result.fallbackReason = "\(Self.reason(error)) The offline engine made this exam instead."
        }
        return result
    }

    static func reason(_ error: Error) -> String {
        let text = String(describing: error)
        return text.hasSuffix(".") ? text : text + "."
    }
}
