import StudyEngine
import StudyModel

extension AppReducer {
    /// The generate dialog's actions, and the generated summaries and exams.
    static func reduceGenerate(_ state: inout AppState, _ action: GenerateAction, now: Timestamp) -> [Effect] {
        switch action {
        case let .summary(contentId):
            return openDialog(&state, GenerateDialog(kind: .summary, contentId: contentId))
        case let .exam(contentId):
            return openDialog(&state, GenerateDialog(kind: .exam, contentId: contentId))
        case let .move(delta):
            guard var dialog = state.dialog else { return [] }
            dialog.field = clamp(dialog.field, delta, dialog.fields.count)
            state.dialog = dialog
            return []
        case let .adjust(delta):
            guard var dialog = state.dialog else { return [] }
            adjust(&dialog, by: delta, templates: state.templates.items)
            state.dialog = dialog
            return []
        case .toggle:
            guard var dialog = state.dialog else { return [] }
            adjust(&dialog, by: 1, templates: state.templates.items)
            state.dialog = dialog
            return []
        case .cancel:
            state.dialog = nil
            return []
        case .submit:
            return submitDialog(&state, now: now)
        case let .templatesLoaded(templates):
            state.templates.items = templates
            state.templates.loaded = true
            state.templates.loading = false
            return []
        case let .summaryGenerated(summary, fallbackReason):
            state.summaries.generating = false
            guard state.summaries.contentId == summary.contentId else { return [] }
            state.summaries.items.removeAll { $0.id == summary.id }
            state.summaries.items.insert(summary, at: 0)
            state.summaries.filter = nil
            state.summaries.selected = 0
            state.summaries.reading = summary.id
            state.summaries.top = 0
            state.notice = fallbackReason.map { Notice($0, isError: true) }
                ?? Notice("Summary ready (\(summary.metadata.engine)). r then 1-5 rates it.")
            return []
        case let .examGenerated(exam, fallbackReason):
            state.exams.generating = false
            guard state.exams.contentId == exam.contentId else { return [] }
            state.exams.items.removeAll { $0.id == exam.id }
            state.exams.items.insert(exam, at: 0)
            state.exams.filter = nil
            state.exams.selected = 0
            state.notice = fallbackReason.map { Notice($0, isError: true) }
                ?? Notice("Exam ready: \(exam.questions.count) questions. Enter starts it.")
            return []
        }
    }

    /// Opens the dialog in the pane it belongs to; the first dialog loads the templates.
    static func openDialog(_ state: inout AppState, _ dialog: GenerateDialog) -> [Effect] {
        var effects: [Effect] = []
        state.focus = dialog.kind == .summary ? .summaries : .exams
        effects += loadDocumentPanesIfNeeded(&state)
        state.dialog = dialog
        if !state.templates.loaded && !state.templates.loading {
            state.templates.loading = true
            effects.append(.loadTemplates(userId: state.settings.userId))
        }
        return effects
    }

    /// Templates this dialog can apply, in list order.
    static func applicableTemplates(_ dialog: GenerateDialog, _ templates: [Template]) -> [Template] {
        templates.filter(dialog.accepts)
    }

    static func adjust(_ dialog: inout GenerateDialog, by delta: Int, templates: [Template]) {
        guard let field = dialog.currentField else { return }
        switch field {
        case .summaryType:
            dialog.summaryType = cycle(Summary.SummaryType.allCases, dialog.summaryType, delta)
        case .style:
            dialog.style = cycle(Summary.Style.allCases, dialog.style, delta)
        case .sentences:
            // 0 stands for "the type's default length".
            let next = min(50, max(0, (dialog.sentences ?? 0) + delta))
            dialog.sentences = next == 0 ? nil : next
        case .questionCount:
            dialog.questionCount = min(50, max(1, dialog.questionCount + delta))
        case let .questionType(kind):
            if let index = dialog.questionTypes.firstIndex(of: kind) {
                // At least one type stays chosen, so the exam can be made.
                if dialog.questionTypes.count > 1 { dialog.questionTypes.remove(at: index) }
            } else {
                dialog.questionTypes = Question.Kind.allCases.filter { dialog.questionTypes.contains($0) || $0 == kind }
            }
        case .difficulty:
            dialog.difficulty = cycle(Question.Difficulty.allCases, dialog.difficulty, delta)
        case .timeLimit:
            let limits = GenerateDialog.timeLimits
            let index = limits.firstIndex(of: dialog.timeLimitMinutes) ?? 0
            dialog.timeLimitMinutes = limits[clamp(index, delta, limits.count)]
        case .template:
            // "none" first, then the applicable templates.
            let ids: [String?] = [nil] + applicableTemplates(dialog, templates).map(\.id)
            let index = ids.firstIndex(of: dialog.templateId) ?? 0
            dialog.templateId = ids[(index + delta % ids.count + ids.count) % ids.count]
        }
    }

    static func cycle<T: Equatable>(_ all: [T], _ value: T, _ delta: Int) -> T {
        guard let index = all.firstIndex(of: value), !all.isEmpty else { return value }
        return all[((index + delta) % all.count + all.count) % all.count]
    }

    static func submitDialog(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let dialog = state.dialog else { return [] }
        state.dialog = nil
        let template = dialog.templateId.flatMap { id in state.templates.items.first { $0.id == id } }
        var effects: [Effect] = template.map { [.recordTemplateUse(id: $0.id)] } ?? []
        let owner = state.settings.userId
        switch dialog.kind {
        case .summary:
            let options = template?.summaryConfig.map(SummaryOptions.init(template:))
                ?? SummaryOptions(type: dialog.summaryType, style: dialog.style, sentences: dialog.sentences)
            state.summaries.generating = true
            state.notice = Notice("Summarising…")
            effects.append(.summarize(contentId: dialog.contentId, options: options, templateId: template?.id, owner: owner))
        case .exam:
            var configuration = template?.examConfig ?? Exam.Configuration(
                questionCount: dialog.questionCount, questionTypes: dialog.questionTypes, difficulty: dialog.difficulty,
                timeLimitSeconds: dialog.timeLimitMinutes > 0 ? dialog.timeLimitMinutes * 60 : nil)
            configuration.templateId = template?.id
            state.exams.generating = true
            state.notice = Notice("Generating the exam…")
            // A new seed each time, so asking again gives a differently ordered exam.
            let seed = UInt64(truncatingIfNeeded: now.millisecondsSince1970)
            effects.append(.makeExam(contentId: dialog.contentId, configuration: configuration, owner: owner, seed: seed))
        }
        return effects
    }
}
