import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyStoreSQLite
import Testing

/// Issue 13: the first frame needs one read (the rooms and the open room's newest page, with the
/// Library's first page beside it); the outbox, read marks, saved exam, reading positions,
/// reminders and the poller wait until that frame is drawn, and then still happen.
@Suite struct StartupReducerTests {
    let rooms = [room("r3", "gamma", members: ["bob"]), room("r2", "beta", members: ["alice"]),
                 room("r1", "Alpha", members: ["alice"])]

    @Test func theRoomToOpenIsTheFirstJoinedRoomOfTheList() {
        #expect(AppReducer.roomToOpen(rooms, user: "alice") == "r1", "joined first, then by name whatever its case")
        #expect(AppReducer.roomToOpen(rooms, user: "bob") == "r3")
        #expect(AppReducer.roomToOpen(rooms, user: "carol") == nil)
    }

    @Test func theFirstScreenOpensTheRoomWithItsPageAndReadsNothingMore() {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .start)
        #expect(state.startup == .loadingFirstScreen)
        let page = MessagePage(messages: [message(1), message(2)], older: nil, feed: PageCursor(token: "feed-r1"))
        let doc = DocumentSummary(Content(title: "Cells", owner: "alice", sourceText: "Cells are small."))
        let effects = AppReducer.reduce(&state, .rooms(.firstScreenLoaded(rooms: rooms, newest: FirstPage(roomId: "r1", page: page),
                                                                          library: FirstLibraryPage(items: [doc], next: nil))))
        #expect(state.startup == .firstScreenReady)
        #expect(state.library.items == [doc] && state.library.loaded && !state.library.loading, "the Library is on the first frame")
        #expect(state.connection == .online, "the store answered: the first frame does not say connecting")
        #expect(!AppReducer.reduce(&state, .startDeferred).contains { if case .loadLibrary = $0 { return true } else { return false } },
                "and is not read again")
        #expect(state.rooms.entries.map(\.room.name) == ["Alpha", "beta", "gamma"])
        #expect(state.openRoom?.roomId == "r1")
        #expect(state.openRoom?.window.messages.map(\.messageId) == [message(1).messageId, message(2).messageId])
        #expect(!effects.contains { if case .loadHistory = $0 { return true } else { return false } }, "the page came with the rooms")
        #expect(effects.contains(.seedFeed(roomId: "r1", cursor: PageCursor(token: "feed-r1"))), "the poller starts from that page")
        #expect(effects.contains(.watchRooms(["r1", "r2"])))
        #expect(!effects.contains(.loadReadMarks) && !effects.contains(.loadOutbox), "those wait for the first frame")
    }

    @Test func withoutItsPageTheRoomLoadsItAsBefore() {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .start)
        let effects = AppReducer.reduce(&state, .rooms(.firstScreenLoaded(rooms: rooms, newest: nil)))
        #expect(effects.contains(.loadHistory(roomId: "r1", before: nil, limit: 10, direction: .newest)))
        #expect(state.startup == .firstScreenReady)
    }

    @Test func aFailedFirstReadStillLetsTheRestStartOnce() {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .start)
        _ = AppReducer.reduce(&state, .failed(EffectFailure(.loadRooms, AppError.noSuchRoom(name: "x"))))
        #expect(state.startup == .firstScreenReady)
        #expect(AppReducer.reduce(&state, .startDeferred).contains(.loadReadMarks))
        #expect(state.startup == .complete)
        #expect(AppReducer.reduce(&state, .startDeferred).isEmpty, "the rest starts once")
        #expect(AppReducer.reduce(&state, .start).isEmpty, "and so does the start")
    }
}

/// The same through `AppStore` on a SQLite database, with a manual clock: nothing of the rest
/// runs before the frontend says the first frame is drawn, and all of it runs after.
@Suite(.timeLimit(.minutes(1))) struct StartupStoreTests {
    @Test func theRestWaitsForTheFirstFrameAndThenHappens() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let alpha = try await store.rooms.create(ChatRoom(name: "alpha", members: ["alice", "bob"], createdBy: "bob"))
        let beta = try await store.rooms.create(ChatRoom(name: "beta", members: ["alice", "bob"], createdBy: "bob"))
        let old = try await store.messages.send(Message(roomId: beta.roomId, sender: "bob", text: "read before"))
        for n in 1...3 { _ = try await store.messages.send(Message(roomId: beta.roomId, sender: "bob", text: "new \(n)")) }
        let newest = try await store.messages.send(Message(roomId: alpha.roomId, sender: "bob", text: "newest in alpha"))
        _ = try await store.content.create(Content(title: "Cells", owner: "alice", sourceText: "Cells are small."))

        var settings = AppSettings(user: "alice", outboxPath: dir.appendingPathComponent("outbox.json").path)
        settings.reminderInterval = nil  // the only timer on the clock is the poller's
        let marks = try #require(settings.readMarksPath)
        try ReadMarksFile.save([beta.roomId: old.key], path: marks)
        let harness = StoreHarness(store: store, settings: settings)

        harness.app.start(waitForFirstFrame: true)
        await harness.run { $0.startup == .firstScreenReady }
        #expect(harness.state.openRoom?.roomId == alpha.roomId)
        #expect(harness.state.openRoom?.window.messages.last?.messageId == newest.messageId, "the first screen shows the newest message")
        #expect(harness.state.library.items.count == 1, "the Library's first page came with it")
        #expect(harness.state.connection == .online)
        // Nothing else was asked for: no read marks, no poller.
        await harness.drainEffects()
        #expect(!harness.state.readMarksLoaded)
        #expect(harness.clock.pendingSleeps == 0, "the poller has not started")

        harness.app.firstFrameDrawn()
        #expect(harness.state.startup == .complete)
        await harness.run { $0.library.items.count == 1 && $0.readMarksLoaded
            && $0.rooms.entries.first { $0.room.roomId == beta.roomId }?.unread == 3 }
        await harness.clock.waitForSleepers(1)  // the poller's first round is done and it waits
        harness.app.firstFrameDrawn()  // later frames change nothing
        #expect(harness.state.startup == .complete)
        harness.app.shutdown()
    }

    @Test func quittingBeforeTheRestLoadedKeepsTheSavedReadMarks() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let alpha = try await store.rooms.create(ChatRoom(name: "alpha", members: ["alice"], createdBy: "alice"))
        _ = try await store.messages.send(Message(roomId: alpha.roomId, sender: "bob", text: "hello"))
        let settings = AppSettings(user: "alice", outboxPath: dir.appendingPathComponent("outbox.json").path)
        let marks = try #require(settings.readMarksPath)
        let saved = ["another-room": message(7, room: "another-room").key]
        try ReadMarksFile.save(saved, path: marks)

        let harness = StoreHarness(store: store, settings: settings)
        harness.app.start(polling: false, waitForFirstFrame: true)
        await harness.run { $0.startup == .firstScreenReady }
        harness.app.shutdown()  // before any frame: the marks were never loaded
        #expect(ReadMarksFile.load(path: marks) == saved)
    }

    @Test func withoutAFrontendFrameTheRestFollowsTheFirstScreen() async throws {
        let (store, cleanup) = try AppStoreTests.temporaryStore()
        defer { cleanup() }
        _ = try await store.content.create(Content(title: "Cells", owner: "alice", sourceText: "Cells are small."))
        let harness = StoreHarness(store: store, settings: AppSettings(user: "alice", outboxPath: nil))
        harness.app.start(polling: false)
        await harness.run { $0.library.items.count == 1 }
        #expect(harness.state.startup == .complete)
        harness.app.shutdown()
    }
}
