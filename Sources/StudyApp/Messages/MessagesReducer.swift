import Foundation
import StudyModel
import StudyEngine
import StudyStore

extension AppReducer {
    /// The Messages pane's actions: history, the outbox and live messages.
    static func reduceMessages(_ state: inout AppState, _ action: MessagesAction) -> [Effect] {
        switch action {
        case let .historyLoaded(roomId, page, before, direction):
            guard var open = state.openRoom, open.roomId == roomId else { return [] }
            switch direction {
            case .newest:
                open.loadingReset = false
                open.window.reset(newest: page)
            case .older:
                open.loadingOlder = false
                if let before { open.window.prependOlder(page, loadedBefore: before) }
            case .newer:
                open.loadingNewer = false
                open.window.appendNewer(page, loadedBefore: before)
            }
            keepBottomInWindow(&open)
            state.openRoom = open
            return direction == .newest ? [.seedFeed(roomId: roomId, cursor: page.feed)] : []
        case let .scroll(delta):
            return scrollMessages(&state, by: delta)
        case let .send(text):
            return send(&state, text)
        case let .sent(message):
            state.outbox.removeAll { $0.message.messageId == message.messageId }
            if state.openRoom?.roomId == message.roomId { state.openRoom?.window.appendLive([message]) }
            var effects: [Effect] = [.saveOutbox(state.outbox.map(\.message))]
            if state.connection != .online {
                state.connection = .online
                effects += resendWaiting(&state)
            }
            return effects
        case let .sendFailed(messageId, error):
            guard let index = state.outbox.firstIndex(where: { $0.message.messageId == messageId }) else { return [] }
            if error.isPermanent {
                state.outbox.remove(at: index)
                state.notice = Notice(failure: EffectFailure(.sendMessage, error))
                return [.saveOutbox(state.outbox.map(\.message))]
            }
            state.outbox[index].inFlight = false
            state.outbox[index].attempts += 1
            state.outbox[index].lastError = error
            state.connection = .offline(error)
            return scheduleRetry(&state, attempts: state.outbox[index].attempts)
        case .retryOutbox:
            state.outboxRetryScheduled = false
            return resendWaiting(&state)
        case let .outboxLoaded(messages):
            let known = Set(state.outbox.map(\.message.messageId))
            let fresh = messages.filter { !known.contains($0.messageId) }
            guard !fresh.isEmpty else { return [] }
            state.outbox += fresh.map { OutboxEntry(message: $0) }
            state.outbox.sort { $0.message.key < $1.message.key }
            return resendWaiting(&state)
        case let .arrived(roomId, messages):
            return arrived(&state, roomId: roomId, messages: messages)
        case .runCode:
            guard let open = state.openRoom else {
                state.notice = Notice("Open a room first; :run runs the code of a message in it.", isError: true)
                return []
            }
            let messages = open.window.messages
            var index = min(open.bottomIndex, messages.count - 1)
            while index >= 0 {
                if let block = CodeBlock.first(in: messages[index].text) {
                    state.notice = Notice("Running \(messages[index].sender)'s \(block.language) code on JDoodle…")
                    return [.runCode(message: messages[index], block: block)]
                }
                index -= 1
            }
            state.notice = Notice("No message in view has a fenced code block with a language (```python … ```); scroll to one and press Ctrl-R again.", isError: true)
            return []
        case let .connectionChanged(connection):
            guard state.connection != connection else { return [] }
            state.connection = connection
            if connection == .online, !state.outboxRetryScheduled { return resendWaiting(&state) }
            return []
        }
    }

    static func send(_ state: inout AppState, _ text: String) -> [Effect] {
        guard let open = state.openRoom else {
            state.notice = Notice("Open a room first (Rooms pane, Enter) or :join NAME.", isError: true)
            return []
        }
        // Trailing blank lines of a paste are noise; inner line breaks are kept.
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        let message = Message(roomId: open.roomId, sender: state.settings.user, text: text)
        do {
            try message.validate()
        } catch {
            state.notice = Notice(failure: EffectFailure(.sendMessage, AppError(error)))
            return []
        }
        var entry = OutboxEntry(message: message)
        entry.inFlight = true
        state.outbox.append(entry)
        let jump = jumpToNewest(&state)
        return jump + [.saveOutbox(state.outbox.map(\.message)), .send(message)]
    }

    /// Sends every outbox entry that is not already on its way.
    static func resendWaiting(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for index in state.outbox.indices where !state.outbox[index].inFlight {
            state.outbox[index].inFlight = true
            effects.append(.send(state.outbox[index].message))
        }
        return effects
    }

    /// One retry timer at a time; the delay doubles with each failure up to 30 s.
    static func scheduleRetry(_ state: inout AppState, attempts: Int) -> [Effect] {
        guard !state.outboxRetryScheduled else { return [] }
        state.outboxRetryScheduled = true
        let seconds = min(30, 1 << min(max(0, attempts - 1), 5))
        return [.retryOutbox(after: .seconds(seconds))]
    }

    static func arrived(_ state: inout AppState, roomId: String, messages: [Message]) -> [Effect] {
        guard !messages.isEmpty else { return [] }
        var effects: [Effect] = []
        if state.connection != .online { state.connection = .online }
        // Our own messages seen by the poller are delivered, whatever happened to the answer.
        let ids = Set(messages.map(\.messageId))
        let before = state.outbox.count
        state.outbox.removeAll { ids.contains($0.message.messageId) && !$0.inFlight }
        if state.outbox.count != before { effects.append(.saveOutbox(state.outbox.map(\.message))) }

        if var open = state.openRoom, open.roomId == roomId {
            open.window.appendLive(messages)
            if open.window.needsReanchor, !open.loadingReset {
                open.loadingReset = true
                effects.append(.loadHistory(roomId: roomId, before: nil, limit: state.settings.historyPageSize,
                                            direction: .newest))
            }
            keepBottomInWindow(&open)
            state.openRoom = open
            return effects
        }
        guard let index = state.rooms.index(of: roomId) else { return effects }
        let user = state.settings.user
        let lastRead = state.rooms.entries[index].lastRead
        for message in messages where message.sender != user {
            if let lastRead, message.key <= lastRead { continue }
            state.rooms.entries[index].unread += 1
            if mentions(message.text, user: user) { state.rooms.entries[index].mentions += 1 }
        }
        return effects
    }

    static func scrollMessages(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var open = state.openRoom else { return [] }
        let messages = open.window.messages
        let pageSize = state.settings.historyPageSize
        var effects: [Effect] = []
        if !messages.isEmpty {
            let target = clamp(open.bottomIndex, delta, messages.count)
            open.bottom = target == messages.count - 1 && open.window.isLive ? nil : messages[target].key
            // Load ahead: half a page before the edge, so paging rarely waits on the store.
            let threshold = max(1, pageSize / 2)
            if target < threshold, let cursor = open.window.olderCursor, !open.loadingOlder {
                open.loadingOlder = true
                effects.append(.loadHistory(roomId: open.roomId, before: cursor, limit: pageSize, direction: .older))
            }
            if messages.count - 1 - target < threshold, !open.loadingNewer, let next = open.window.newerCursor {
                if next == nil, open.window.pendingBelow > PageRequest.maxLimit - pageSize {
                    // Too much arrived meanwhile to bridge with one page: start again at the newest.
                    state.openRoom = open
                    return jumpToNewest(&state)
                }
                open.loadingNewer = true
                let limit = next == nil ? min(PageRequest.maxLimit, pageSize + open.window.pendingBelow) : pageSize
                effects.append(.loadHistory(roomId: open.roomId, before: next, limit: limit, direction: .newer))
            }
        }
        state.openRoom = open
        return effects
    }

    /// Shows the newest message, reloading the newest page if the window had moved away from it.
    static func jumpToNewest(_ state: inout AppState) -> [Effect] {
        guard var open = state.openRoom else { return [] }
        open.bottom = nil
        var effects: [Effect] = []
        if !open.window.isLive, !open.loadingReset {
            open.loadingReset = true
            effects.append(.loadHistory(roomId: open.roomId, before: nil, limit: state.settings.historyPageSize,
                                        direction: .newest))
        }
        state.openRoom = open
        return effects
    }

    /// Searches the loaded messages above the bottom line, newest first.
    static func findMessage(_ state: inout AppState, containing query: String) -> [Effect] {
        guard var open = state.openRoom else { return [] }
        let messages = open.window.messages
        var index = min(open.bottomIndex, messages.count) - 1
        while index >= 0 {
            if messages[index].text.localizedCaseInsensitiveContains(query)
                || messages[index].sender.localizedCaseInsensitiveContains(query) {
                open.bottom = messages[index].key
                state.openRoom = open
                state.notice = nil
                return []
            }
            index -= 1
        }
        state.notice = Notice("'\(query)' is not in the loaded messages; page up to load older history and search again.")
        return []
    }

    /// After the window changed, the bottom line must still be a held message.
    static func keepBottomInWindow(_ open: inout OpenRoom) {
        guard let bottom = open.bottom else { return }
        let messages = open.window.messages
        guard let first = messages.first, let last = messages.last else {
            open.bottom = nil
            return
        }
        if bottom < first.key {
            open.bottom = first.key
        } else if last.key < bottom {
            open.bottom = open.window.isLive ? nil : last.key
        } else if open.window.index(of: bottom) == nil {
            open.bottom = messages[min(open.window.lowerBound(bottom), messages.count - 1)].key
        }
    }
}

/// True when `text` mentions `@user` as a whole word (case-insensitive).
public func mentions(_ text: String, user: String) -> Bool {
    guard !user.isEmpty else { return false }
    let needle = "@" + user.lowercased()
    let haystack = text.lowercased()
    var searchStart = haystack.startIndex
    while let range = haystack.range(of: needle, range: searchStart..<haystack.endIndex) {
        let beforeOK = range.lowerBound == haystack.startIndex
            || !isNameCharacter(haystack[haystack.index(before: range.lowerBound)])
        let afterOK = range.upperBound == haystack.endIndex || !isNameCharacter(haystack[range.upperBound])
        if beforeOK && afterOK { return true }
        searchStart = range.upperBound
    }
    return false
}

private func isNameCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_" || c == "-"
}
