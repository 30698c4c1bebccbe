import StudyEngine
import StudyModel

/// The dialog that asks how to generate a summary or an exam of a document.
///
/// It lives in `AppState` (not in the frontend) so the reducer can turn it into options and
/// tests can drive it without a terminal.
public struct GenerateDialog: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case summary, exam }

    /// One row of the dialog; ←/→ change its value, Space toggles question types.
    public enum Field: Equatable, Sendable {
        case summaryType, style, sentences, questionCount, questionType(Question.Kind), difficulty, timeLimit, template
    }

    /// Time limits offered, in minutes (0 is untimed).
    public static let timeLimits = [0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120]

    public var kind: Kind
    public var contentId: String
    /// Index into `fields` of the highlighted row.
    public var field = 0
    public var summaryType: Summary.SummaryType = .brief
    public var style: Summary.Style = .academic
    /// Nil lets the engine choose the length for the type.
    public var sentences: Int?
    public var questionCount = 5
    public var questionTypes: [Question.Kind] = Question.Kind.allCases
    public var difficulty: Question.Difficulty = .medium
    public var timeLimitMinutes = 0
    /// The template applied, by id; nil uses the settings above.
    public var templateId: String?

    public init(kind: Kind, contentId: String) {
        self.kind = kind
        self.contentId = contentId
    }

    public var fields: [Field] {
        switch kind {
        case .summary: return [.summaryType, .style, .sentences, .template]
        case .exam: return [.questionCount] + Question.Kind.allCases.map(Field.questionType) + [.difficulty, .timeLimit, .template]
        }
    }

    public var currentField: Field? { fields.indices.contains(field) ? fields[field] : nil }

    /// Whether a template suits this dialog.
    public func accepts(_ template: Template) -> Bool {
        switch kind {
        case .summary: return template.type != .exam && template.summaryConfig != nil
        case .exam: return template.type != .summary && template.examConfig != nil
        }
    }
}

/// Templates the user can apply: their own and public ones, newest first, without duplicates.
public struct TemplatesState: Equatable, Sendable {
    public var items: [Template] = []
    public var loaded = false
    public var loading = false
    public init() {}
}
