import Glibc
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

    private static let storage = Storage()

    /// The cached entry for `message`, made by `make` when missing or stale.
    static func entry(_ message: Message, width: Int, pending: String?, user: String,
                      make: () -> [StyledLine]) -> Entry {
        let key = Key(messageId: message.messageId, width: width, pending: pending, user: user)
        if let hit = storage.entry(key), hit.text == message.text, hit.sender == message.sender,
           hit.createdAt == message.createdAt {
            return hit
        }
        let entry = Entry(text: message.text, sender: message.sender, createdAt: message.createdAt, lines: make(),
                          day: TimeFormat.day(message.createdAt))
        storage.store(entry, for: key)
        return entry
    }

    /// The entries behind a lock of their own: the generic `Mutex` of StudyModel is not
    /// specialised across modules, and this is looked up for every visible message on every key.
    private final class Storage: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
            return mutex
        }()
        private var entries: [Key: Entry] = [:]

        func entry(_ key: Key) -> Entry? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return entries[key]
        }

        func store(_ entry: Entry, for key: Key) {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
