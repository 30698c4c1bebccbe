import Foundation

/// Prints one figure as `name value unit`, the format `make bench` promises.
func report(_ name: String, _ value: Double, _ unit: String) {
    let text = value >= 100 ? String(format: "%.0f", value) : value >= 1 ? String(format: "%.2f", value) : String(format: "%.4f", value)
    print("\(name) \(text) \(unit)")
    fflush(nil)  // nil flushes every stream; `stdout` is not concurrency-safe to name in Swift 6
}

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` and returns the elapsed seconds.
func time(_ body: () async throws -> Void) async rethrows -> Double {
    let start = now()
    try await body()
    return now() - start
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[sorted.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

/// Resident memory of this process in MB: `VmRSS` (everything, shared library pages included)
/// or `RssAnon` (the process's own heap and stacks).
func residentMegabytes(_ field: String = "VmRSS") -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

/// A temporary folder for one benchmark, removed afterwards.
func withTempDir<T>(_ body: (String) async throws -> T) async throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("studybench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    return try await body(dir)
}

/// Deterministic pseudo-random text (SplitMix64) with a Zipf-like word distribution over
/// a 5,000-word vocabulary, like real prose: a few words everywhere, most words rare.
struct TextGenerator {
    private var state: UInt64
    static let vocabulary: [String] = {
        let onsets = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cl", "st", "tr", "ph", "ch", "gr"]
        let vowels = ["a", "e", "i", "o", "u", "io", "ea", "ou", "ai", "y"]
        let codas = ["", "n", "r", "s", "l", "m", "x", "th", "nd", "st", "ck", "ng", "rt", "ll", "ph", "sm", "ct", "mb", "lt", "ve", "ne", "te", "re", "se", "de"]
        var words: [String] = []
        outer: for a in onsets { for v in vowels { for c in codas { for v2 in ["", "a", "o", "i"] {
            words.append(a + v + c + v2)
            if words.count == 5000 { break outer }
        } } } }
        return words
    }()

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Rank r is drawn with probability about 1/r (inverse-CDF of a log-uniform variable).
    mutating func word() -> String {
        let u = Double(next() % 1_000_000) / 1_000_000
        let rank = Int(exp(u * log(Double(Self.vocabulary.count)))) - 1
        return Self.vocabulary[min(max(rank, 0), Self.vocabulary.count - 1)]
    }

    mutating func text(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 16)
        var sentence = 0
        while out.utf8.count < bytes {
            var w = word()
            if sentence == 0 { w = w.prefix(1).uppercased() + w.dropFirst() }
            out += w
            sentence += 1
            if sentence > 8 && next() % 5 == 0 { out += ". "; sentence = 0 } else { out += " " }
        }
        return out
    }
}

/// A benchmark that could not measure what it should, and why.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
