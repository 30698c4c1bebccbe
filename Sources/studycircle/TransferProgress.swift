import Foundation
import StudyBackend

/// Progress of export, import and migrate on standard error.
///
/// On a terminal: one line rewritten in place a few times a second, with the count of each
/// record type (of the expected total where known), the rate and the time left. Not on a
/// terminal (a pipe, a log file, CI): nothing until the final line, so logs stay short.
final class TransferProgress {
    let verb: String
    let expected: [String: Int]
    let interactive: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drew = false

    init(verb: String, expected: [String: Int], interactive: Bool = Output.standardErrorIsTerminal) {
        self.verb = verb
        self.expected = expected
        self.interactive = interactive
    }

    /// Called after every record; draws at most every 0.2 s and only on a terminal.
    func update(_ counts: TransferCounts) {
        guard interactive else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        drew = true
        Output.progressLine(Self.line(verb: verb, counts: counts, expected: expected, elapsed: now.timeIntervalSince(started)))
    }

    /// Clears the progress line and prints the result: on standard output, or on standard
    /// error when standard output carries the data itself (`export -`).
    func finish(_ summary: String, onStandardError: Bool = false) {
        if drew { Output.clearProgress() }
        if onStandardError { Output.error(summary) } else { print(summary) }
    }

    /// `copying user 3/3 · content 120/400 · message 12500/50000 — 2340 records/s, about 21 s left`
    static func line(verb: String, counts: TransferCounts, expected: [String: Int], elapsed: TimeInterval) -> String {
        var parts: [String] = []
        for type in TransferCounts.order {
            let done = counts.written[type, default: 0] + counts.skipped[type, default: 0]
            let total = expected[type]
            if done == 0 && (total ?? 0) == 0 { continue }
            parts.append(total.map { "\(type) \(done)/\(max($0, done))" } ?? "\(type) \(done)")
        }
        let done = counts.written.values.reduce(0, +) + counts.skipped.values.reduce(0, +)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(verb) " + (parts.isEmpty ? "…" : parts.joined(separator: " · "))
        text += " — \(Int(rate)) records/s"
        let total = expected.values.reduce(0, +)
        // The first second's rate says little about the rest.
        if total > done, rate > 0, elapsed >= 1 {
            text += ", about \(duration(Double(total - done) / rate)) left"
        }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s / 60 % 60) min"
    }
}
