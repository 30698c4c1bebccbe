import StudyApp
import StudyModel

/// Draws the open room: history bottom-up from the bottom message, day separators, the read
/// marker, unsent messages, and the input line.
struct MessagesView {
    let state: AppState
    let ui: UIState

    /// Returns the cursor position when the input line is active.
    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) -> (row: Int, col: Int)? {
        var drawn: DrawnHistory?
        return draw(into: &canvas, rect: rect, focused: focused, drawn: &drawn)
    }

    /// The same, and `drawn` says what the history was laid out from and where its top is.
    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool, drawn: inout DrawnHistory?) -> (row: Int, col: Int)? {
        drawn = nil
        let writing = focused && ui.mode == .normal && state.openRoom != nil
        let title = (state.openRoom.map { "Messages · \($0.name)" } ?? "Messages") + (writing ? " · writing" : "")
        canvas.box(rect, title: title, focused: focused)
        let inner = rect.inner
        guard inner.height >= 1, inner.width >= 4 else { return nil }
        let historyHeight = inner.height - 1
        let lines = historyLines(width: inner.width, height: historyHeight, drawn: &drawn)
        let top = inner.y + historyHeight - lines.count
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: top + offset, col: inner.x, maxWidth: inner.width)
        }
        // The input line.
        let inputRow = inner.y + inner.height - 1
        let prompt = focused && ui.mode == .normal ? "› " : "  "
        canvas.put(prompt, row: inputRow, col: inner.x, role: focused ? .titleFocused : .dim)
        let room = inner.width - 2
        if ui.message.isEmpty && !focused {
            canvas.put(state.openRoom == nil ? "" : "press i, Enter or 2 to write", row: inputRow, col: inner.x + 2,
                       maxWidth: room, role: .dim)
            return nil
        }
        if ui.message.isEmpty && writing {
            // The input has focus: say so where the cursor blinks.
            canvas.put("type a message · Enter sends · Esc leaves", row: inputRow, col: inner.x + 2, maxWidth: room, role: .dim)
            return (inputRow, inner.x + 2)
        }
        let (text, cursor) = ui.message.visible(width: room)
        canvas.put(text, row: inputRow, col: inner.x + 2, maxWidth: room, role: .normal)
        return focused && ui.mode == .normal ? (inputRow, inner.x + 2 + cursor) : nil
    }

    func historyLines(width: Int, height: Int, drawn: inout DrawnHistory?) -> [StyledLine] {
        guard height > 0 else { return [] }
        guard let open = state.openRoom else {
            return [StyledLine("No room open. Pick one in Rooms (1) or :join NAME.", .dim)]
        }
        let bottomIndex = open.bottomIndex
        let atLiveEnd = open.bottom == nil && open.window.isLive
        let result = layout(bottomIndex: bottomIndex, atLiveEnd: atLiveEnd, width: width, height: height)
        if let inputs = layoutInputs(bottomIndex: bottomIndex, atLiveEnd: atLiveEnd, width: width, height: height) {
            drawn = DrawnHistory(inputs: inputs, topFullIndex: result.topFullIndex)
        }
        return result.lines
    }

    /// Everything `layout` reads, so a layout already made can stand for a new one.
    func layoutInputs(bottomIndex: Int, atLiveEnd: Bool, width: Int, height: Int) -> DrawnHistory.Inputs? {
        guard let open = state.openRoom else { return nil }
        return DrawnHistory.Inputs(room: open, outbox: atLiveEnd ? state.outbox : [], user: state.settings.user,
                                   bottomIndex: bottomIndex, atLiveEnd: atLiveEnd, width: width, height: height)
    }

    /// The history as drawn with message `bottomIndex` on the last line.
    struct HistoryLayout {
        var lines: [StyledLine]
        /// The oldest message shown whole (nil when even the bottom one does not fit).
        var topFullIndex: Int?
    }

    /// Lays out the history bottom-up from `bottomIndex`. `atLiveEnd`: the newest message is at the
    /// bottom, so unsent messages follow it; otherwise a "more below" line takes the last row.
    /// Paging uses the same layout, so a page moves by exactly what was on screen.
    func layout(bottomIndex: Int, atLiveEnd: Bool, width: Int, height: Int) -> HistoryLayout {
        guard let open = state.openRoom, height > 0 else { return HistoryLayout(lines: [], topFullIndex: nil) }
        var lines: [StyledLine] = []  // built bottom-up, reversed at the end
        var topFull: Int?
        let messages = open.window.messages
        if atLiveEnd {
            for entry in state.outbox.reversed() where entry.message.roomId == open.roomId {
                let label = entry.inFlight ? " (sending…)" : " (not sent yet, retrying)"
                lines += cached(entry.message, width: width, pending: label).lines.reversed()
            }
        } else {
            let below = open.window.pendingBelow
            let more = below > 0 ? "── \(below) new below · End to jump ──" : "── more below · End to jump ──"
            lines.append(StyledLine(DisplayWidth.truncate(more, to: width), .readMarker))
        }
        var index = min(bottomIndex, messages.count - 1)
        var entry = index >= 0 ? cached(messages[index], width: width, pending: nil) : nil
        while index >= 0 && lines.count < height, let current = entry {
            let message = messages[index]
            if let marker = open.readMarker, message.key == marker, index < messages.count - 1 {
                let label = "── new ──"
                let pad = max(0, (width - DisplayWidth.of(label)) / 2)
                lines.append(StyledLine(String(repeating: " ", count: pad) + label, .readMarker))
            }
            lines += current.lines.reversed()
            if lines.count <= height { topFull = index }
            // The message above is formatted now: it is drawn next unless the screen is full.
            entry = index > 0 ? cached(messages[index - 1], width: width, pending: nil) : nil
            let newDay = entry.map { $0.day != current.day } ?? open.window.reachedStart
            if newDay { lines.append(separator(TimeFormat.date(message.createdAt), width: width)) }
            index -= 1
        }
        if lines.count < height {
            if open.loadingReset && messages.isEmpty {
                lines.append(StyledLine("loading…", .dim))
            } else if open.loadingOlder {
                lines.append(StyledLine("loading older messages…", .dim))
            } else if open.window.reachedStart || messages.isEmpty {
                lines.append(separator("start of \(open.name)", width: width))
            }
        }
        return HistoryLayout(lines: Array(lines.prefix(height).reversed()), topFullIndex: topFull)
    }

    func separator(_ label: String, width: Int) -> StyledLine {
        let text = " " + DisplayWidth.truncate(Sanitizer.clean(label), to: max(1, width - 8)) + " "
        let side = max(0, (width - DisplayWidth.of(text)) / 2)
        return StyledLine(String(repeating: "─", count: side) + text + String(repeating: "─", count: max(0, width - side - DisplayWidth.of(text))), .daySeparator)
    }

    /// `format` through the shared cache, with the message's local day.
    func cached(_ message: Message, width: Int, pending: String?) -> MessageLineCache.Entry {
        MessageLineCache.entry(message, width: width, pending: pending, user: state.settings.user) {
            format(message, width: width, pending: pending)
        }
    }

    /// `14:05 alice: text`, continuation lines (wrapped, or after a line break in the message)
    /// indented under the text, so no line of a message can pass for a line of its own, and the
    /// sender is always on the first line.
    func format(_ message: Message, width: Int, pending: String?) -> [StyledLine] {
        let user = state.settings.user
        let own = message.sender == user
        // Most messages hold no `@` at all: then there is no mention, and the case-insensitive
        // search (Foundation, through ICU) is not needed. Lowercasing never makes an `@`.
        let mentioned = !own && message.text.utf8.contains(UInt8(ascii: "@")) && mentions(message.text, user: user)
        let senderRole: Role = own ? .own : Role.sender(message.sender)
        let textRole: Role = pending != nil ? .pending : (mentioned ? .mention : .normal)
        let head = [Span(TimeFormat.clock(message.createdAt) + " ", .timestamp),
                    Span(DisplayWidth.truncate(Sanitizer.clean(message.sender), to: 16), senderRole),
                    Span(mentioned ? "! " : ": ", mentioned ? .mention : .dim)]
        let headWidth = head.reduce(0) { $0 + DisplayWidth.of($1.text) }
        // Under the text, but never more than half the width (a long name on a narrow pane).
        let indent = [Span(String(repeating: " ", count: max(2, min(headWidth, width / 2))))]
        var lines: [StyledLine] = []
        let clean = Sanitizer.clean(message.text, keepNewlines: true)
        // Most messages are one paragraph: no need to split (and copy) them.
        let paragraphs = clean.utf8.contains(UInt8(ascii: "\n"))
            ? clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [clean]
        for (number, paragraph) in paragraphs.enumerated() {
            var spans = [Span(paragraph, textRole)]
            if number == paragraphs.count - 1, let pending { spans.append(Span(pending, .pending)) }
            lines += Wrap.wrap(spans, width: width, indent: indent, lead: number == 0 ? head : indent)
        }
        return lines
    }
}

/// The history as last drawn: what it was laid out from, and the oldest message shown whole.
/// PgUp pages from the layout on screen; with this it need not lay that layout out again.
struct DrawnHistory: Sendable {
    /// Equal inputs give an equal layout (the formatting of messages is a pure function of them).
    struct Inputs: Equatable, Sendable {
        /// The open room, with its message window, bottom line, read marker and loading flags.
        var room: OpenRoom
        /// Unsent messages, drawn at the live end only.
        var outbox: [OutboxEntry]
        var user: String
        var bottomIndex: Int
        var atLiveEnd: Bool
        var width: Int
        var height: Int
    }

    var inputs: Inputs
    var topFullIndex: Int?
}
