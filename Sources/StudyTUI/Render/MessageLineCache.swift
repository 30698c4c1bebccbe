import StudyModel

/// Formatted (sanitised, wrapped) lines of single messages, kept per (message, width, pending
/// label, local user), so drawing a frame and measuring a page re-use what earlier frames laid
/// out instead of formatting every visible message on every key.
///
/// A plain memo: an entry is used only when the message's text, sender and time are still the
/// ones it was made from, so a result never differs from formatting afresh. Bounded: when full
/// it starts over, which costs one re-format of what is on screen.
enum MessageLineCache {
    struct Key: Hashable, Sendable {
        var messageId: String
        var width: Int
        var pending: String?
        var user: String
    }

    struct Entry: Sendable {
        var text: String
        var sender: String
        var createdAt: Timestamp
        var lines: [StyledLine]
        /// The local day (`TimeFormat.day`), for day separators.
        var day: Int
    }

    /// A few screens of history at a few widths; small next to the message window itself.
    static let limit = 1024

    private static let storage = Mutex<[Key: Entry]>([:])

    /// The cached entry for `message`, made by `make` when missing or stale.
    static func entry(_ message: Message, width: Int, pending: String?, user: String,
                      make: () -> [StyledLine]) -> Entry {
        let key = Key(messageId: message.messageId, width: width, pending: pending, user: user)
        if let hit = storage.withLock({ $0[key] }), hit.text == message.text, hit.sender == message.sender,
           hit.createdAt == message.createdAt {
            return hit
        }
        let entry = Entry(text: message.text, sender: message.sender, createdAt: message.createdAt, lines: make(),
                          day: TimeFormat.day(message.createdAt))
        storage.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[key] = entry
        }
        return entry
    }
}
