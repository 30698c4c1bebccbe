import StudyApp
import StudyModel
import StudyStore

func settings(_ user: String = "alice") -> AppSettings {
    AppSettings(user: user, historyPageSize: 10, messageWindow: 20, outboxPath: nil)
}

func message(_ n: Int, room: String = "r1", sender: String = "bob", text: String? = nil) -> Message {
    Message(messageId: String(format: "M%06d", n), roomId: room, sender: sender, text: text ?? "message \(n)",
            createdAt: Timestamp(millisecondsSince1970: 1_700_000_000_000 + Int64(n) * 1000))
}

func room(_ id: String, _ name: String, members: [String]) -> ChatRoom {
    ChatRoom(roomId: id, name: name, members: members, createdBy: "bob",
             createdAt: Timestamp(millisecondsSince1970: 1_700_000_000_000))
}

/// A state with rooms r1 (joined, open) and r2 (joined), r3 (not joined).
func stateWithOpenRoom(messages: [Message] = []) -> AppState {
    var state = AppState(settings: settings(), backendName: "test")
    _ = AppReducer.reduce(&state, .rooms(.loaded([room("r1", "alpha", members: ["alice"]),
                                                room("r2", "beta", members: ["alice", "bob"]),
                                                room("r3", "gamma", members: ["bob"])])))
    let page = MessagePage(messages: messages, older: messages.isEmpty ? nil : PageCursor(token: "older-\(messages.first?.messageId ?? "")"),
                           feed: PageCursor(token: "feed"))
    _ = AppReducer.reduce(&state, .messages(.historyLoaded(roomId: "r1", page: page, before: nil, direction: .newest)))
    return state
}
