import StudyApp

/// The last frame and what its side panes were drawn from, so a pane whose inputs did not
/// change (the side lists while paging through messages) is copied from the last
/// frame instead of being laid out and drawn again on every key.
struct PaneSnapshots: Sendable {
    /// What a pane's drawing depends on; equal keys draw equal cells.
    struct Key: Equatable, Sendable {
        var rect: Rect
        var focused: Bool
        var inputs: Inputs
    }

    /// Everything `RoomsView`, `LibraryView`, `SummariesView` and `ExamsView` read. A view that
    /// starts reading more state must add it here, or its pane would not be redrawn when that
    /// state changes.
    enum Inputs: Equatable, Sendable {
        case rooms(RoomsState, openRoomId: String?)
        case library(LibraryState, readerId: String?)
        case summaries(SummariesState, selectedDocumentId: String?)
        case exams(ExamsState, selectedDocumentId: String?)
        case messages(MessagesInputs)
    }

    /// Everything `MessagesView.draw` reads: the open room (its window, bottom line, read
    /// marker, loading flags), unsent messages, the local user and the input line.
    struct MessagesInputs: Equatable, Sendable {
        var room: OpenRoom?
        var outbox: [OutboxEntry]
        var user: String
        var mode: UIState.Mode
        var message: LineEditor
    }

    /// The frame last rendered, when nothing was drawn over its panes (no dialog, help or prompt).
    var frame: Canvas?
    var keys: [Pane: Key] = [:]
    /// Where the Messages pane put the cursor in `frame`.
    var messagesCursor: Frame.Cursor?

    /// The key of a pane that can be copied, or nil for panes that are always drawn.
    static func key(_ pane: Pane, _ state: AppState, rect: Rect) -> Key? {
        let focused = state.focus == pane
        switch pane {
        case .rooms:
            return Key(rect: rect, focused: focused, inputs: .rooms(state.rooms, openRoomId: state.openRoom?.roomId))
        case .library:
            return Key(rect: rect, focused: focused, inputs: .library(state.library, readerId: state.reader?.documentId))
        case .summaries:
            return Key(rect: rect, focused: focused,
                       inputs: .summaries(state.summaries, selectedDocumentId: state.selectedDocumentId))
        case .exams:
            return Key(rect: rect, focused: focused, inputs: .exams(state.exams, selectedDocumentId: state.selectedDocumentId))
        case .messages:
            return nil
        }
    }

    /// The key of the Messages pane drawn in the main area.
    static func messagesKey(_ state: AppState, ui: UIState, rect: Rect) -> Key {
        Key(rect: rect, focused: state.focus == .messages,
            inputs: .messages(MessagesInputs(room: state.openRoom, outbox: state.outbox, user: state.settings.user,
                                             mode: ui.mode, message: ui.message)))
    }

    /// Copies the pane from the last frame when it was drawn from the same inputs; false when
    /// it must be drawn.
    func restore(_ key: Key, pane: Pane, into canvas: inout Canvas) -> Bool {
        guard let frame, keys[pane] == key else { return false }
        return canvas.copy(key.rect, from: frame)
    }
}
