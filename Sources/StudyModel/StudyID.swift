import Foundation

/// Generates identifiers that are unique across machines and sort by creation time.
///
/// The format is a ULID: 48 bits of milliseconds then 80 random bits, in 26 characters of
/// Crockford base32. Within one process ids are strictly increasing even inside one
/// millisecond (the random part is incremented), so a page ordered by id is ordered by time.
public enum StudyID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    private static let state = Mutex(IDState())

    /// A new id for an entity created now.
    public static func make(at time: Timestamp = .now()) -> String {
        let (ms, hi, lo) = state.withLock { $0.next(ms: UInt64(max(0, time.millisecondsSince1970))) }
        return encode(ms: ms, randomHigh: hi, randomLow: lo)
    }

    /// The creation time encoded in an id made by `make`, if it is one.
    public static func timestamp(of id: String) -> Timestamp? {
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
