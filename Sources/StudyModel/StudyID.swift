import Foundation

/// Generates identifiers that are unique across machines and sort by creation time.
///
/// The format is a ULID: 48 bits of milliseconds then 80 random bits, in 26 characters of
/// Crockford base32. Within one process ids are strictly increasing even inside one
/// millisecond (the random part is incremented), so a page ordered by id is ordered by time.
public enum StudyID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    private static let state = Mutex(IDState())
    private static let objectIds = Mutex(ObjectIdState())
    /// Five random bytes per process, as MongoDB's drivers make them.
    private static let processBytes: [UInt8] = (0..<5).map { _ in UInt8.random(in: 0...255) }

    /// How new ids look.
    public enum Format: Sendable {
        /// 26-character ULIDs (every backend's default).
        case ulid
        /// MongoDB ObjectIds as 24 lowercase hex digits: on DB_TYPE=mongodb the web app's
        /// Mongoose models can then cast StudyCircle's ids (and references) to ObjectId.
        case objectId
    }

    /// The process's id format; the command line switches it once, at start, for MongoDB.
    public static var format: Format {
        get { objectIds.withLock { $0.chosen } }
        set { objectIds.withLock { $0.chosen = newValue } }
    }

    /// A new id for an entity created now, in the process's `format`.
    public static func make(at time: Timestamp = .now()) -> String {
        if format == .objectId { return makeObjectId(at: time) }
        let (ms, hi, lo) = state.withLock { $0.next(ms: UInt64(max(0, time.millisecondsSince1970))) }
        return encode(ms: ms, randomHigh: hi, randomLow: lo)
    }

    /// A new MongoDB ObjectId (seconds, 5 random bytes per process, a counter), as 24 hex
    /// digits. Within one process they increase, like ULIDs.
    public static func makeObjectId(at time: Timestamp = .now()) -> String {
        let seconds1970 = UInt32(truncatingIfNeeded: max(0, time.millisecondsSince1970 / 1000))
        let (seconds, counter) = objectIds.withLock { $0.next(seconds: seconds1970) }
        var bytes: [UInt8] = [UInt8(seconds >> 24), UInt8(seconds >> 16 & 255), UInt8(seconds >> 8 & 255), UInt8(seconds & 255)]
        bytes += processBytes
        bytes += [UInt8(counter >> 16 & 255), UInt8(counter >> 8 & 255), UInt8(counter & 255)]
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// The creation time encoded in an id made by `make` (a ULID, or an ObjectId to the second), if it is one.
    public static func timestamp(of id: String) -> Timestamp? {
        if id.utf8.count == 24, id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
           let seconds = UInt32(id.prefix(8), radix: 16) {
            return Timestamp(millisecondsSince1970: Int64(seconds) * 1000)
        }
        let chars = Array(id.utf8)
        guard chars.count == 26 else { return nil }
        var ms: UInt64 = 0
        for c in chars[0..<10] {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            ms = ms << 5 | UInt64(v)
        }
        return Timestamp(millisecondsSince1970: Int64(ms))
    }

    static func encode(ms: UInt64, randomHigh: UInt16, randomLow: UInt64) -> String {
        var out = [UInt8](repeating: 0, count: 26)
        var t = ms
        for i in stride(from: 9, through: 0, by: -1) {
            out[i] = alphabet[Int(t & 31)]
            t >>= 5
        }
        // 80 random bits: 16 high + 64 low, written as 16 base32 digits.
        var low = randomLow
        var high = UInt64(randomHigh)
        for i in stride(from: 25, through: 10, by: -1) {
            out[i] = alphabet[Int(low & 31)]
            low = (low >> 5) | ((high & 31) << 59)
            high >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The process's ObjectId format choice, and the last ObjectId's time and counter.
    private struct ObjectIdState: Sendable {
        var chosen: Format = .ulid
        var lastSeconds: UInt32 = 0
        var counter = UInt32.random(in: 0..<0x80_0000)

        /// The time (never going back) and the next counter value.
        mutating func next(seconds: UInt32) -> (UInt32, UInt32) {
            lastSeconds = max(lastSeconds, seconds)
            counter = (counter + 1) & 0xFF_FFFF
            return (lastSeconds, counter)
        }
    }

    /// The last id's time and random part, so ids made in the same millisecond increase.
    private struct IDState: Sendable {
        var lastMs: UInt64 = 0
        var hi: UInt16 = 0
        var lo: UInt64 = 0

        mutating func next(ms: UInt64) -> (UInt64, UInt16, UInt64) {
            if ms > lastMs {
                lastMs = ms
                var rng = SystemRandomNumberGenerator()
                hi = UInt16.random(in: 0...UInt16.max, using: &rng)
                lo = UInt64.random(in: 0...UInt64.max, using: &rng)
            } else {
                // Same (or an earlier, after a clock step back) millisecond: stay monotonic.
                lo &+= 1
                if lo == 0 { hi &+= 1 }
            }
            return (lastMs, hi, lo)
        }
    }
}
