import Foundation
import StudyModel
import StudyStore

/// The Summaries pane: summaries of the selected document.
public struct SummariesState: Equatable, Sendable {
    public var contentId: String?
    public var items: [Summary] = []
    public var selected = 0
    public var loading = false
    /// True while a summary is being generated (the pane shows "working…").
    public var generating = false
    /// The summary open for reading, by id.
    public var reading: String?
    public var top = 0
    public var filter: String?

    public var visible: [Summary] {
        guard let filter, !filter.isEmpty else { return items }
        return items.filter { $0.summaryText.localizedCaseInsensitiveContains(filter) }
    }
    public var selectedItem: Summary? { visible.indices.contains(selected) ? visible[selected] : nil }
}
