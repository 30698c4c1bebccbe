import StudyApp

/// The last frame and what its side panes were drawn from, so a pane whose inputs did not
/// change (the Rooms and Library lists while paging through messages) is copied from the last
/// frame instead of being laid out and drawn again on every key.
struct PaneSnapshots: Sendable {
    /// What a pane's drawing depends on; equal keys draw equal cells.
    struct Key: Equatable, Sendable {
        var rect: Rect
        var focused: Bool
        var inputs: Inputs
    }

    /// Everything `RoomsView` and `LibraryView` read. A view that starts reading more state
    /// must add it here, or its pane would not be redrawn when that state changes.
    enum Inputs: Equatable, Sendable {
        case rooms(RoomsState, openRoomId: String?)
        case library(LibraryState, readerId: String?)
    }

    /// The frame last rendered, when nothing was drawn over its panes (no dialog, help or prompt).
    var frame: Canvas?
    var keys: [Pane: Key] = [:]

    /// The key of a pane that can be copied, or nil for panes that are always drawn.
    static func key(_ pane: Pane, _ state: AppState, rect: Rect) -> Key? {
        let focused = state.focus == pane
        switch pane {
        case .rooms:
            return Key(rect: rect, focused: focused, inputs: .rooms(state.rooms, openRoomId: state.openRoom?.roomId))
        case .library:
            return Key(rect: rect, focused: focused, inputs: .library(state.library, readerId: state.reader?.documentId))
        case .messages, .summaries, .exams:
            return nil
        }
    }

    /// Copies the pane from the last frame when it was drawn from the same inputs; false when
    /// it must be drawn.
    func restore(_ key: Key, pane: Pane, into canvas: inout Canvas) -> Bool {
        guard let frame, keys[pane] == key else { return false }
        return canvas.copy(key.rect, from: frame)
    }
}
