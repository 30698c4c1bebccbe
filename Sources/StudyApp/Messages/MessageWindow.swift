import StudyModel
import StudyStore

/// The part of one room's history held in memory: a few contiguous history pages.
///
/// A room may hold hundreds of thousands of messages, so only `capacity` messages (a few pages)
/// are kept. Paging up loads an older page and, when over capacity, forgets the newest page but
/// remembers the cursor it was loaded with, so paging back down reloads exactly that page.
/// Cursors are opaque, so every page keeps the cursor it was loaded with (`before`) and the one
/// the store gave for what lies below it (`older`).
public struct MessageWindow: Equatable, Sendable {
    struct LoadedPage: Equatable, Sendable {
        /// The cursor this page was loaded with; nil for the newest page of the room.
        var before: PageCursor?
        /// Where history continues below this page; nil at the start of the room.
        var older: PageCursor?
        /// The first message of the page as loaded; messages at or after it belong to this page.
        var firstKey: MessageKey?
    }

    /// The messages held, ordered by (createdAt, messageId), one per messageId.
    public private(set) var messages: [Message] = []
    var pages: [LoadedPage] = []
    /// `before` cursors of the pages newer than the window that were forgotten, nearest last.
    /// Empty while the window reaches the newest message of the room.
    var newerAbove: [PageCursor?] = []
    /// Messages that arrived while the window did not reach the newest message.
    public private(set) var pendingBelow = 0
    /// The most messages kept (a soft bound: the window never drops below two pages).
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// True once the first page has arrived.
    public var isLoaded: Bool { !pages.isEmpty }
    /// True while the newest message of the room is in the window, so live messages are shown.
    public var isLive: Bool { newerAbove.isEmpty }
    /// Where to load older history from; nil when the start of the room is in the window.
    public var olderCursor: PageCursor? { pages.first?.older }
    /// Where to reload the next newer page from, if the window was detached from the live end.
    public var newerCursor: PageCursor?? { newerAbove.last }
    /// True when the first message of the room is in the window.
    public var reachedStart: Bool { isLoaded && pages.first?.older == nil }

    /// Replaces everything with the newest page of the room.
    public mutating func reset(newest page: MessagePage) {
        messages = mergeMessages([], page.messages)
        pages = [LoadedPage(before: nil, older: page.older, firstKey: messages.first?.key)]
        newerAbove = []
        pendingBelow = 0
    }

    /// Adds the page loaded with `before` below the window. Returns false for a stale load
    /// (the window moved meanwhile), which is ignored.
    @discardableResult
    public mutating func prependOlder(_ page: MessagePage, loadedBefore before: PageCursor) -> Bool {
        guard isLoaded, pages.first?.older == before else { return false }
        messages = mergeMessages(page.messages, messages)
        pages.insert(LoadedPage(before: before, older: page.older, firstKey: page.messages.first?.key), at: 0)
        while messages.count > capacity, pages.count > 2, let newest = pages.popLast() {
            newerAbove.append(newest.before)
            if let first = newest.firstKey {
                messages.removeLast(messages.count - lowerBound(first))
            }
        }
        return true
    }

    /// Adds the page loaded with `before` above the window (paging back down). Returns false
    /// for a stale load.
    @discardableResult
    public mutating func appendNewer(_ page: MessagePage, loadedBefore before: PageCursor?) -> Bool {
        guard isLoaded, let expected = newerAbove.last, expected == before else { return false }
        newerAbove.removeLast()
        if before == nil { pendingBelow = 0 }
        messages = mergeMessages(messages, page.messages)
        pages.append(LoadedPage(before: before, older: page.older, firstKey: page.messages.first?.key))
        dropOldestOverCapacity()
        return true
    }

    /// Adds messages that arrived live. Shown only while the window reaches the newest message;
    /// otherwise they are counted and loaded when the user pages back down.
    public mutating func appendLive(_ incoming: [Message]) {
        guard !incoming.isEmpty else { return }
        guard isLive else {
            pendingBelow += incoming.count
            return
        }
        messages = mergeMessages(messages, incoming)
        dropOldestOverCapacity()
    }

    /// True when live messages made the window much larger than the window should hold;
    /// the owner then reloads the newest page (a fresh anchor) to bound memory.
    public var needsReanchor: Bool { isLive && messages.count > 2 * capacity }

    /// Index of the first message at or after `key`.
    public func lowerBound(_ key: MessageKey) -> Int {
        var low = 0
        var high = messages.count
        while low < high {
            let mid = (low + high) / 2
            if messages[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Index of the message with exactly this key, if held.
    public func index(of key: MessageKey) -> Int? {
        let i = lowerBound(key)
        return i < messages.count && messages[i].key == key ? i : nil
    }

    private mutating func dropOldestOverCapacity() {
        while messages.count > capacity, pages.count > 2 {
            pages.removeFirst()
            if let first = pages.first?.firstKey {
                messages.removeFirst(lowerBound(first))
            }
        }
    }
}
