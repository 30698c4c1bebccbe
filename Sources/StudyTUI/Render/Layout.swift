import Glibc
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
        // Asked for several times per key (rendering, paging, scrolling) with the same size.
        if let known = LayoutCache.shared.layout(rows: rows, cols: cols, focus: focus) { return known }
        let layout = make(rows: rows, cols: cols, focus: focus)
        LayoutCache.shared.store(layout, focus: focus)
        return layout
    }

    static func make(rows: Int, cols: Int, focus: Pane) -> ScreenLayout {
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

/// The layouts of the current terminal size, one per focused pane (a layout is a pure function
/// of size and focus, so a stored one is the one `make` would return).
private final class LayoutCache: @unchecked Sendable {
    static let shared = LayoutCache()

    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()
    private var rows = -1, cols = -1
    private var byFocus = [ScreenLayout?](repeating: nil, count: Pane.allCases.count)

    func layout(rows: Int, cols: Int, focus: Pane) -> ScreenLayout? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return rows == self.rows && cols == self.cols && byFocus.indices.contains(focus.rawValue) ? byFocus[focus.rawValue] : nil
    }

    func store(_ layout: ScreenLayout, focus: Pane) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if layout.rows != rows || layout.cols != cols {
            rows = layout.rows
            cols = layout.cols
            byFocus = [ScreenLayout?](repeating: nil, count: Pane.allCases.count)
        }
        if byFocus.indices.contains(focus.rawValue) { byFocus[focus.rawValue] = layout }
    }
}
