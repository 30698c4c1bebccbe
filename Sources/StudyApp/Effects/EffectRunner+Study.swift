import Foundation
import StudyEngine
import StudyModel
import StudyStore

extension EffectRunner {
    /// Effects of the study engine: templates, generating summaries and exams, recording attempts.
    /// Generation runs here, in a detached task, so a long document never blocks the UI loop.
    func performStudy(_ effect: Effect) async throws -> Action? {
        switch effect {
        case let .loadTemplates(userId):
            let own = try await store.templates.list(createdBy: userId, PageRequest(limit: 100)).items
            let shared = try await store.templates.listPublic(PageRequest(limit: 100)).items
            var seen = Set<String>()
            let all = (own + shared).filter { seen.insert($0.id).inserted }
            return .generate(.templatesLoaded(all.sorted { $0.createdAt > $1.createdAt }))
        case let .summarize(contentId, options, templateId, owner):
            let content = try await document(contentId)
            let started = ContinuousClock.now
            let made = await assistant.summarize(try StudyDocument(text: content.sourceText), options: options)
            let elapsed = Int((ContinuousClock.now - started).wholeMilliseconds)
            let summary = Summary(
                owner: owner, contentId: contentId, summaryText: made.text, summaryType: options.type, style: options.style,
                configuration: Summary.Configuration(sentences: options.sentences, templateId: templateId),
                metadata: Summary.Metadata(engine: made.engine, wordCount: made.sourceWordCount,
                                           processingMilliseconds: elapsed, fallbackReason: made.fallbackReason))
            return .generate(.summaryGenerated(try await store.summaries.create(summary), fallbackReason: made.fallbackReason))
        case let .makeExam(contentId, configuration, owner, seed):
            let content = try await document(contentId)
            let made = try await assistant.exam(try StudyDocument(text: content.sourceText), configuration: configuration,
                                                seed: seed)
            guard !made.questions.isEmpty else {
                throw AppError.nothingToAsk(note: made.notes.first)
            }
            let title = String("\(content.title) · \(made.questions.count) questions".prefix(200))
            let exam = Exam(owner: owner, contentId: contentId, title: title, questions: made.questions,
                            configuration: configuration)
            return .generate(.examGenerated(try await store.exams.create(exam), fallbackReason: made.fallbackReason))
        case let .recordTemplateUse(id):
            _ = try await store.templates.recordUse(id: id)
            return nil
        case let .recordAttempt(attempt):
            return .examSession(.attemptRecorded(try await store.exams.record(attempt)))
        default:
            return nil
        }
    }

    private func document(_ id: String) async throws -> Content {
        guard let content = try await store.content.get(id: id) else {
            throw AppError.documentGone
        }
        return content
    }
}
