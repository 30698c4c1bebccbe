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

    /// The theme key of this role in a theme file (`[styles.<key>]`).
    public var key: String {
        switch self {
        case .borderFocused: return "border_focused"
        case .titleFocused: return "title_focused"
        case .selectedUnfocused: return "selected_unfocused"
        case .statusError: return "status_error"
        case .statusOK: return "status_ok"
        case .statusWarn: return "status_warn"
        case .daySeparator: return "day_separator"
        case .readMarker: return "read_marker"
        case .helpKey: return "help_key"
        default: return String(describing: self)
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
