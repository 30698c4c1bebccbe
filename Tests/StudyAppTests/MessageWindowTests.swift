import Testing
import StudyApp
import StudyModel
import StudyStore

@Suite struct MessageWindowTests {
    func page(_ range: ClosedRange<Int>, older: String?) -> MessagePage {
        MessagePage(messages: range.map { message($0) }, older: older.map(PageCursor.init(token:)), feed: PageCursor(token: "f"))
    }

    @Test func pagingUpStaysBoundedAndPagingDownReloadsTheSamePages() {
        var window = MessageWindow(capacity: 20)
        window.reset(newest: page(91...100, older: "c90"))
        let loadedFirst = window.prependOlder(page(81...90, older: "c80"), loadedBefore: PageCursor(token: "c90"))
        #expect(loadedFirst)
        let loadedSecond = window.prependOlder(page(71...80, older: "c70"), loadedBefore: PageCursor(token: "c80"))
        #expect(loadedSecond)
        // Over capacity: the newest page was forgotten, its cursor (nil: the live end) remembered.
        #expect(window.messages.count == 20)
        #expect(window.messages.first?.messageId == "M000071")
        #expect(!window.isLive)
        #expect(window.newerCursor == .some(nil))
        window.appendLive([message(101)])
        #expect(window.pendingBelow == 1)
        let loadedNewer = window.appendNewer(page(92...101, older: "c91"), loadedBefore: nil)
        #expect(loadedNewer)
        #expect(window.isLive)
        #expect(window.messages.last?.messageId == "M000101")
        #expect(window.messages.count <= 21)
        #expect(window.pendingBelow == 0)
    }

    @Test func staleLoadsAreIgnored() {
        var window = MessageWindow(capacity: 20)
        window.reset(newest: page(91...100, older: "c90"))
        let loadedStale = window.prependOlder(page(1...10, older: nil), loadedBefore: PageCursor(token: "other"))
        #expect(!loadedStale)
        #expect(window.messages.count == 10)
    }

    @Test func reachedStartWhenNoOlderCursor() {
        var window = MessageWindow(capacity: 20)
        window.reset(newest: page(1...5, older: nil))
        #expect(window.reachedStart)
        #expect(window.olderCursor == nil)
    }

    @Test func newestPageSeedsThePollerSoNothingIsSkipped() {
        var state = stateWithOpenRoom()
        let page = MessagePage(messages: [message(1)], older: nil, feed: PageCursor(token: "feed-7"))
        let effects = AppReducer.reduce(&state, .messages(.historyLoaded(roomId: "r1", page: page, before: nil, direction: .newest)))
        #expect(effects == [.seedFeed(roomId: "r1", cursor: PageCursor(token: "feed-7"))])
    }

    @Test func scrollingNearTheTopLoadsOlderOnce() {
        var state = stateWithOpenRoom(messages: (1...10).map { message($0) })
        let effects = AppReducer.reduce(&state, .messages(.scroll(-8)))
        #expect(effects.count == 1)
        #expect(state.openRoom?.bottom == message(2).key)
        #expect(AppReducer.reduce(&state, .messages(.scroll(-1))).isEmpty)  // already loading
    }

    @Test func scrollingBackToTheBottomFollowsLiveMessages() {
        var state = stateWithOpenRoom(messages: (1...10).map { message($0) })
        _ = AppReducer.reduce(&state, .messages(.scroll(-3)))
        #expect(state.openRoom?.bottom != nil)
        _ = AppReducer.reduce(&state, .messages(.scroll(3)))
        #expect(state.openRoom?.bottom == nil)
    }
}
