/// A small deterministic random generator (SplitMix64): the same seed gives the same
/// sequence on every machine and every run, unlike Swift's randomly seeded hashing.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A seed made from text with FNV-1a, stable across processes and platforms.
    public init(text: String, salt: UInt64 = 0) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = hash ^ (salt &* 0x9E37_79B9_7F4A_7C15)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A deterministic shuffle (Fisher–Yates), independent of the standard library's
    /// algorithm, which may change between Swift versions.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        guard out.count > 1 else { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }

    /// A number in `0..<upperBound` (0 when the bound is not positive).
    public mutating func below(_ upperBound: Int) -> Int {
        upperBound > 0 ? Int(next() % UInt64(upperBound)) : 0
    }
}
