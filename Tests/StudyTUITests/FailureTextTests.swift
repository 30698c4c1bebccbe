import StudyApp
import StudyModel
import StudyStore
import StudyTUI
import Testing

/// Failures arrive as values; their words for the student are written in one place.
@Suite struct FailureTextTests {
    @Test func failuresAreWordedWithWhatFailedAndWhy() {
        let load = EffectFailure(.loadRooms, .store(.unavailable("The database is locked by another program.")))
        #expect(FailureText.message(load) == "Could not load the rooms: The database is locked by another program.")
        // Validation messages are whole sentences for students; the stored field name stays out.
        let tooLong = String(repeating: "a", count: Message.maxLength + 1)
        let send = EffectFailure(.sendMessage, .validation(ValidationError("text", "Message must be at most 4000 characters (it has 4001).")))
        #expect(FailureText.message(send) == "Message not sent: Message must be at most 4000 characters (it has 4001).")
        #expect(throws: ValidationError.self) { try Message(roomId: "r", sender: "s", text: tooLong).validate() }
        let join = EffectFailure(.joinRoom, .noSuchRoom(name: "chem"))
        #expect(FailureText.message(join) == "Could not join the room: There is no room named 'chem'; create it with :room new chem")
    }

    @Test func theStatusLineShowsTheFailureText() {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "test")
        _ = AppReducer.reduce(&state, .failed(EffectFailure(.loadLibrary, .documentGone)))
        var ui = UIState()
        let text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 120).canvas.text
        #expect(text.contains("Could not load the library: the document is no longer in the library"))
    }
}
