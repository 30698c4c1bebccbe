import Testing
import StudyApp
import StudyModel
import StudyStore

@Suite struct NavigationTests {
    @Test func startLoadsTheFirstScreenThenTheOutboxAndLibrary() {
        var state = AppState(settings: settings(), backendName: "test")
        #expect(AppReducer.reduce(&state, .start) == [.loadFirstScreen(user: "alice", historyLimit: 10,
                                                                         libraryLimit: AppReducer.firstLibraryPage)])
        let effects = AppReducer.reduce(&state, .startDeferred)
        #expect(effects.contains(.loadOutbox))
        #expect(effects.contains { if case .loadLibrary = $0 { return true } else { return false } },
                "the first screen brought no library: the deferred start reads it")
    }

    @Test func tabCyclesThroughFivePanesBothWays() {
        var state = AppState(settings: settings(), backendName: "test")
        var seen: [Pane] = []
        for _ in 0..<5 {
            _ = AppReducer.reduce(&state, .focusNext)
            seen.append(state.focus)
        }
        #expect(seen == [.messages, .library, .summaries, .exams, .rooms])
        _ = AppReducer.reduce(&state, .focusPrevious)
        #expect(state.focus == .exams)
    }

    @Test func roomsLoadedJoinedFirstAndOpensFirstJoinedRoom() {
        var state = AppState(settings: settings(), backendName: "test")
        let effects = AppReducer.reduce(&state, .rooms(.loaded([room("r3", "gamma", members: ["bob"]),
                                                              room("r2", "beta", members: ["alice"]),
                                                              room("r1", "alpha", members: ["alice"])])))
        #expect(state.rooms.entries.map(\.room.name) == ["alpha", "beta", "gamma"])
        #expect(state.openRoom?.roomId == "r1")
        #expect(effects.contains(.watchRooms(["r1", "r2"])))
        #expect(effects.contains(.loadHistory(roomId: "r1", before: nil, limit: 10, direction: .newest)))
    }

    @Test func selectionIsClampedAndEnterOnUnjoinedRoomJoinsIt() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .moveToBottom)
        #expect(state.rooms.selected == 2)
        _ = AppReducer.reduce(&state, .move(10))
        #expect(state.rooms.selected == 2)
        let effects = AppReducer.reduce(&state, .activate)
        #expect(effects == [.joinRoomById(roomId: "r3", user: "alice")])
    }

    @Test func libraryStaleResultsAreDropped() {
        var state = AppState(settings: settings(), backendName: "test")
        _ = AppReducer.reduce(&state, .search("cells"))
        _ = AppReducer.reduce(&state, .focus(.library))
        let first = state.library.requestId
        _ = AppReducer.reduce(&state, .search("atoms"))
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: first, items: [], next: nil, append: false)))
        #expect(state.library.loading)
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: state.library.requestId, items: [], next: nil, append: false)))
        #expect(!state.library.loading)
    }

    @Test func readerRemembersScrollPositionPerDocument() {
        var state = AppState(settings: settings(), backendName: "test")
        let doc = Content(id: "d1", title: "Doc", owner: "alice", sourceText: "text")
        _ = AppReducer.reduce(&state, .library(.documentLoaded(doc)))
        _ = AppReducer.reduce(&state, .library(.scrollText(toLine: 42)))
        _ = AppReducer.reduce(&state, .back)
        #expect(state.reader == nil)
        _ = AppReducer.reduce(&state, .library(.documentLoaded(doc)))
        #expect(state.reader?.top == 42)
    }

    @Test func failureBecomesErrorNotice() {
        var state = AppState(settings: settings(), backendName: "test")
        let failure = EffectFailure(.loadRooms, .store(.unavailable("disk I/O error")))
        _ = AppReducer.reduce(&state, .failed(failure))
        #expect(state.notice?.isError == true)
        #expect(state.notice?.failure == failure)
    }

    @Test func generateSummaryOpensTheDialogAndLoadsTemplatesOnce() {
        var state = AppState(settings: settings(), backendName: "test")
        let effects = AppReducer.reduce(&state, .generate(.summary(contentId: "d1")))
        #expect(state.dialog?.kind == .summary)
        #expect(state.focus == .summaries)
        #expect(effects.contains(.loadTemplates(userId: "alice")))
        _ = AppReducer.reduce(&state, .generate(.cancel))
        #expect(state.dialog == nil)
        #expect(!AppReducer.reduce(&state, .generate(.summary(contentId: "d1"))).contains(.loadTemplates(userId: "alice")))
    }
}

@Suite struct SendingTests {
    @Test func sendQueuesInOutboxAndSavesIt() {
        var state = stateWithOpenRoom()
        let effects = AppReducer.reduce(&state, .messages(.send("hello  \n")))
        #expect(state.outbox.count == 1)
        #expect(state.outbox[0].message.text == "hello")
        #expect(state.outbox[0].inFlight)
        #expect(effects.contains(.send(state.outbox[0].message)))
        #expect(effects.contains(.saveOutbox([state.outbox[0].message])))
    }

    @Test func blankOrTooLongMessagesAreNotSent() {
        var state = stateWithOpenRoom()
        #expect(AppReducer.reduce(&state, .messages(.send("   "))).isEmpty)
        #expect(AppReducer.reduce(&state, .messages(.send(String(repeating: "x", count: Message.maxLength + 1)))).isEmpty)
        #expect(state.outbox.isEmpty)
        #expect(state.notice?.isError == true)
    }

    @Test func failedSendStaysQueuedAndRetriesWithTheSameId() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.send("hello")))
        let sent = state.outbox[0].message
        let failure = AppReducer.reduce(&state, .messages(.sendFailed(messageId: sent.messageId, error: .store(.unavailable("database is locked")))))
        #expect(failure == [.retryOutbox(after: .seconds(1))])
        #expect(state.connection == .offline(.store(.unavailable("database is locked"))))
        #expect(state.outbox.count == 1 && !state.outbox[0].inFlight)
        let retry = AppReducer.reduce(&state, .messages(.retryOutbox))
        #expect(retry == [.send(sent)])  // same messageId: idempotent on the backend
        _ = AppReducer.reduce(&state, .messages(.sent(sent)))
        #expect(state.outbox.isEmpty)
        #expect(state.connection == .online)
        #expect(state.openRoom?.window.messages.map(\.messageId) == [sent.messageId])
    }

    @Test func onlyOneRetryTimerAtATime() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.send("a")))
        _ = AppReducer.reduce(&state, .messages(.send("b")))
        let ids = state.outbox.map(\.message.messageId)
        #expect(AppReducer.reduce(&state, .messages(.sendFailed(messageId: ids[0], error: .store(.unavailable("down"))))).count == 1)
        #expect(AppReducer.reduce(&state, .messages(.sendFailed(messageId: ids[1], error: .store(.unavailable("down"))))).isEmpty)
    }

    @Test func permanentFailureDropsTheMessageWithANotice() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.send("x")))
        let id = state.outbox[0].message.messageId
        _ = AppReducer.reduce(&state, .messages(.sendFailed(messageId: id, error: .validation(ValidationError("text", "invalid")))))
        #expect(state.outbox.isEmpty)
        #expect(state.notice?.isError == true)
    }

    @Test func outboxLoadedFromDiskIsResentOnce() {
        var state = stateWithOpenRoom()
        let saved = [message(5, sender: "alice"), message(6, sender: "alice")]
        let effects = AppReducer.reduce(&state, .messages(.outboxLoaded(saved)))
        #expect(effects == saved.map { .send($0) })
        #expect(AppReducer.reduce(&state, .messages(.outboxLoaded(saved))).isEmpty)
    }

    @Test func reconnectResendsWaitingMessages() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.send("a")))
        let m = state.outbox[0].message
        _ = AppReducer.reduce(&state, .messages(.sendFailed(messageId: m.messageId, error: .store(.unavailable("down")))))
        _ = AppReducer.reduce(&state, .messages(.retryOutbox))   // the timer fired; still in flight
        _ = AppReducer.reduce(&state, .messages(.sendFailed(messageId: m.messageId, error: .store(.unavailable("down")))))
        _ = AppReducer.reduce(&state, .messages(.retryOutbox))
        _ = AppReducer.reduce(&state, .messages(.sendFailed(messageId: m.messageId, error: .store(.unavailable("down")))))
        #expect(state.outbox[0].attempts == 3)
        state.outboxRetryScheduled = false
        #expect(AppReducer.reduce(&state, .messages(.connectionChanged(.online))) == [.send(m)])
    }
}

@Suite struct PollingAndUnreadTests {
    @Test func arrivalsInOtherRoomsCountUnreadAndMentions() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.arrived(roomId: "r2", messages: [
            message(1, room: "r2"), message(2, room: "r2", text: "hi @alice!"), message(3, room: "r2", sender: "alice"),
        ])))
        let beta = state.rooms.entries.first { $0.room.roomId == "r2" }
        #expect(beta?.unread == 2)
        #expect(beta?.mentions == 1)
    }

    @Test func openingARoomClearsUnreadAndSetsReadMarker() {
        var state = stateWithOpenRoom(messages: [message(1), message(2)])
        _ = AppReducer.reduce(&state, .rooms(.open(roomId: "r2")))
        _ = AppReducer.reduce(&state, .messages(.arrived(roomId: "r1", messages: [message(3)])))
        #expect(state.rooms.entries.first { $0.room.roomId == "r1" }?.unread == 1)
        _ = AppReducer.reduce(&state, .rooms(.open(roomId: "r1")))
        #expect(state.rooms.entries.first { $0.room.roomId == "r1" }?.unread == 0)
        #expect(state.openRoom?.readMarker == message(2).key)
    }

    @Test func polledMessagesMergeDeduplicatedAndOrdered() {
        var state = stateWithOpenRoom(messages: [message(1), message(3)])
        // A late writer's clock put message 2 before 3; message 3 arrives again via the poller.
        _ = AppReducer.reduce(&state, .messages(.arrived(roomId: "r1", messages: [message(3), message(2), message(4)])))
        #expect(state.openRoom?.window.messages.map(\.messageId) == ["M000001", "M000002", "M000003", "M000004"])
    }

    @Test func ownMessageSeenByPollerLeavesTheOutbox() {
        var state = stateWithOpenRoom()
        _ = AppReducer.reduce(&state, .messages(.send("hi")))
        var m = state.outbox[0].message
        _ = AppReducer.reduce(&state, .messages(.sendFailed(messageId: m.messageId, error: .store(.unavailable("timeout")))))
        m.text = "hi"
        _ = AppReducer.reduce(&state, .messages(.arrived(roomId: "r1", messages: [m])))
        #expect(state.outbox.isEmpty)
        #expect(state.connection == .online)
    }

    @Test func mentionMatchesWholeNamesOnly() {
        #expect(mentions("hey @alice, look", user: "alice"))
        #expect(mentions("@ALICE", user: "alice"))
        #expect(!mentions("@alicex", user: "alice"))
        #expect(!mentions("mail alice@example.com", user: "alice"))
    }
}
