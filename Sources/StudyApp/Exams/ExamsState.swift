import Foundation
import StudyModel
import StudyStore

/// The Exams pane: exams of the selected document and their scores.
public struct ExamsState: Equatable, Sendable {
    public var contentId: String?
    public var items: [Exam] = []
    public var selected = 0
    public var loading = false
    /// True while an exam is being generated.
    public var generating = false
    /// The exam whose attempts are shown, and those attempts (newest first).
    public var attemptsFor: String?
    public var attempts: [ExamAttempt] = []
    public var filter: String?

    public var visible: [Exam] {
        guard let filter, !filter.isEmpty else { return items }
        return items.filter { $0.title.localizedCaseInsensitiveContains(filter) }
    }
    public var selectedItem: Exam? { visible.indices.contains(selected) ? visible[selected] : nil }
}
