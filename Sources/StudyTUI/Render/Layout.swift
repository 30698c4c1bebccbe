import StudyApp

/// Where each pane goes for a terminal size.
public struct ScreenLayout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        /// Below the minimum size: only a notice is drawn.
        case tooSmall
        /// Narrow or short: one pane at a time under a tab bar.
        case compact
        /// All five panes side by side.
        case full
    }

    public static let minCols = 40
    public static let minRows = 10
    /// Below this the five panes get too narrow to read, so one is shown at a time.
    public static let fullCols = 72
    public static let fullRows = 14

    public var mode: Mode
    public var rows: Int
    public var cols: Int
    /// The box of each pane that is shown.
    public var panes: [Pane: Rect] = [:]
    /// The big middle area: Messages, or the reader when a document or summary is open.
    public var main: Rect = Rect(x: 0, y: 0, width: 0, height: 0)
    public var tabs: Rect?
    public var status: Rect
    public var bottom: Rect

    public static func compute(rows: Int, cols: Int, focus: Pane) -> ScreenLayout {
        let status = Rect(x: 0, y: rows - 2, width: cols, height: 1)
        let bottom = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        var layout = ScreenLayout(mode: .full, rows: rows, cols: cols, status: status, bottom: bottom)
        if rows < minRows || cols < minCols {
            layout.mode = .tooSmall
            return layout
        }
        let height = rows - 2
        if cols < fullCols || rows < fullRows {
            layout.mode = .compact
            layout.tabs = Rect(x: 0, y: 0, width: cols, height: 1)
            let area = Rect(x: 0, y: 1, width: cols, height: height - 1)
            layout.panes[focus] = area
            layout.main = area
            return layout
        }
        let side = max(18, cols / 4)
        let middle = cols - 2 * side
        let topHeight = height / 2
        layout.panes[.rooms] = Rect(x: 0, y: 0, width: side, height: topHeight)
        layout.panes[.library] = Rect(x: 0, y: topHeight, width: side, height: height - topHeight)
        layout.main = Rect(x: side, y: 0, width: middle, height: height)
        layout.panes[.messages] = layout.main
        layout.panes[.summaries] = Rect(x: side + middle, y: 0, width: side, height: topHeight)
        layout.panes[.exams] = Rect(x: side + middle, y: topHeight, width: side, height: height - topHeight)
        return layout
    }
}
