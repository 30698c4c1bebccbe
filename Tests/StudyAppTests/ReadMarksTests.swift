import Foundation
import StudyApp
import StudyModel
import StudyStore
import Testing

@Suite struct ReadMarksTests {
    let rooms = [room("r1", "alpha", members: ["alice"]), room("r2", "beta", members: ["alice", "bob"]),
                 room("r3", "gamma", members: ["bob"])]

    func countEffects(_ effects: [Effect]) -> [String: MessageKey] {
        var out: [String: MessageKey] = [:]
        for case let .countUnread(roomId, after, user) in effects where user == "alice" { out[roomId] = after }
        return out
    }

    @Test func theDeferredStartLoadsTheMarks() {
        var state = AppState(settings: settings(), backendName: "test")
        #expect(!AppReducer.reduce(&state, .start).contains(.loadReadMarks))
        #expect(AppReducer.reduce(&state, .startDeferred).contains(.loadReadMarks))
    }

    @Test func savedMarksAskForUnreadCountsOfJoinedRoomsThatAreNotOpen() {
        let marks = ["r1": message(3).key, "r2": message(5, room: "r2").key, "r3": message(1, room: "r3").key]
        // Marks first, then rooms.
        var a = AppState(settings: settings(), backendName: "test")
        #expect(countEffects(AppReducer.reduce(&a, .rooms(.readMarksLoaded(marks)))).isEmpty)
        let effectsA = AppReducer.reduce(&a, .rooms(.loaded(rooms)))
        #expect(countEffects(effectsA) == ["r2": marks["r2"]!], "r1 is opened, r3 is not joined")
        // Rooms first, then marks.
        var b = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&b, .rooms(.loaded(rooms)))
        #expect(countEffects(AppReducer.reduce(&b, .rooms(.readMarksLoaded(marks)))) == ["r2": marks["r2"]!])
        // Counted messages show as unread, added to what the poller found meanwhile.
        _ = AppReducer.reduce(&b, .messages(.arrived(roomId: "r2", messages: [message(9, room: "r2")])))
        _ = AppReducer.reduce(&b, .rooms(.unreadCounted(roomId: "r2", unread: 4, mentions: 1)))
        let beta = b.rooms.entries.first { $0.room.roomId == "r2" }
        #expect(beta?.unread == 5)
        #expect(beta?.mentions == 1)
        // The open room never shows an unread count.
        _ = AppReducer.reduce(&b, .rooms(.unreadCounted(roomId: "r1", unread: 7, mentions: 0)))
        #expect(b.rooms.entries.first { $0.room.roomId == "r1" }?.unread == 0)
    }

    @Test func quittingRemembersTheOpenRoomUpToItsNewestMessage() {
        var state = stateWithOpenRoom(messages: (1...4).map { message($0) })
        _ = AppReducer.reduce(&state, .rooms(.readMarksLoaded(["r2": message(2, room: "r2").key])))
        let marks = AppReducer.currentReadMarks(state)
        #expect(marks["r1"] == message(4).key)
        #expect(marks["r2"] == message(2, room: "r2").key)
    }

    @Test func fileRoundTripAndPathBesideTheOutbox() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("marks-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/state/read-1.json"
        #expect(ReadMarksFile.load(path: path).isEmpty)
        let marks = ["r1": message(3).key, "r2": message(8, room: "r2").key]
        try ReadMarksFile.save(marks, path: path)
        #expect(ReadMarksFile.load(path: path) == marks)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(ReadMarksFile.load(path: path).isEmpty)
        let withOutbox = AppSettings(user: "alice", outboxPath: "/s/studycircle/outbox-abc.json")
        #expect(withOutbox.readMarksPath == "/s/studycircle/read-abc.json")
        #expect(AppSettings(user: "alice", outboxPath: nil).readMarksPath == nil)
    }
}
