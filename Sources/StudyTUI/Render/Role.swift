/// What a piece of the screen is; the theme decides how each role looks.
public enum Role: Int, CaseIterable, Sendable {
    case normal, border, borderFocused, title, titleFocused, selected, selectedUnfocused, dim
    case status, statusError, statusOK, statusWarn, hint, command
    case timestamp, own, mention, daySeparator, readMarker, pending, unread
    case heading, emphasis, strong, code, link, quote
    case help, helpKey, error, notice
    case sender0, sender1, sender2, sender3, sender4, sender5, sender6, sender7
    /// A search match in the reader.
    case match

    /// The theme key of this role in a theme file (`[styles.<key>]`). Spelled out rather than
    /// taken from `String(describing:)`, which reads reflection metadata (about 4M instructions
    /// while the theme loads at start).
    public var key: String {
        switch self {
        case .normal: return "normal"
        case .border: return "border"
        case .borderFocused: return "border_focused"
        case .title: return "title"
        case .titleFocused: return "title_focused"
        case .selected: return "selected"
        case .selectedUnfocused: return "selected_unfocused"
        case .dim: return "dim"
        case .status: return "status"
        case .statusError: return "status_error"
        case .statusOK: return "status_ok"
        case .statusWarn: return "status_warn"
        case .hint: return "hint"
        case .command: return "command"
        case .timestamp: return "timestamp"
        case .own: return "own"
        case .mention: return "mention"
        case .daySeparator: return "day_separator"
        case .readMarker: return "read_marker"
        case .pending: return "pending"
        case .unread: return "unread"
        case .heading: return "heading"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .code: return "code"
        case .link: return "link"
        case .quote: return "quote"
        case .help: return "help"
        case .helpKey: return "help_key"
        case .error: return "error"
        case .notice: return "notice"
        case .sender0: return "sender0"
        case .sender1: return "sender1"
        case .sender2: return "sender2"
        case .sender3: return "sender3"
        case .sender4: return "sender4"
        case .sender5: return "sender5"
        case .sender6: return "sender6"
        case .sender7: return "sender7"
        case .match: return "match"
        }
    }

    static let senders: [Role] = [.sender0, .sender1, .sender2, .sender3, .sender4, .sender5, .sender6, .sender7]

    /// A stable colour per sender name (FNV-1a, so it is the same on every run and machine).
    public static func sender(_ name: String) -> Role {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return senders[Int(hash % UInt32(senders.count))]
    }
}

/// A run of text drawn in one role.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// One screen line of styled text.
public struct StyledLine: Equatable, Sendable {
    public var spans: [Span]
    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, _ role: Role = .normal) { self.spans = [Span(text, role)] }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
