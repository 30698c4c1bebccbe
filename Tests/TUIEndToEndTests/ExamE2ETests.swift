import Foundation
import StudyModel
import StudyStore
import StudyStoreSQLite
import TestSupport
import Testing

/// End-to-end: generate an exam in the real app, answer every question, submit, and read the
/// score and the review back from the screen; then check them against what was stored.
@Suite(.enabled(if: BuiltProducts.path("studycircle") != nil && Tmux.path != nil,
                "needs .build/debug/studycircle and tmux: run `make test` (it builds everything first)"),
       .serialized)
struct ExamE2ETests {
    @Test func generateAnswerEverySubmitAndReview() async throws {
        let s = try TerminalAppE2ETests.Sandbox()
        defer { s.cleanup() }
        try s.startApp("x", user: "alice", width: 100, height: 30)
        let tmux = s.tmux

        // Open the first document of the demo library, then ask for an exam with the defaults.
        try tmux.send("x", "3")
        #expect(tmux.wait("x") { $0.contains("Photosynthesis") }.ok, "library:\n\(tmux.capture("x"))")
        try tmux.send("x", "Enter")
        #expect(tmux.wait("x") { $0.contains("Library · ") }.ok, "reader:\n\(tmux.capture("x"))")
        try tmux.send("x", "e")
        let dialog = tmux.wait("x") { $0.contains("New exam") && $0.contains("Questions") }
        #expect(dialog.ok, "dialog:\n\(dialog.screen)")
        try tmux.send("x", "Enter")
        let ready = tmux.wait("x", timeout: 20) { $0.contains("Exam ready") }
        try #require(ready.ok, "exam generated:\n\(ready.screen)")

        // Take it: answer every question (a choice, or typed text), moving on each time.
        try tmux.send("x", "Enter")
        let first = tmux.wait("x") { $0.contains("Question 1 of") }
        try #require(first.ok, "exam screen:\n\(first.screen)")
        let total = try #require(Self.number(after: "Question 1 of ", in: first.screen))
        #expect(total >= 1)
        for n in 1...total {
            // Wait for the question's body too: a capture can land between the header and the
            // body of one redraw, and deciding on half a screen types into the wrong kind.
            let screen = tmux.wait("x") {
                $0.contains("Question \(n) of \(total)") && ($0.contains("Your answer:") || $0.contains("a) "))
            }.screen
            if screen.contains("Your answer:") {
                try tmux.type("x", "xyz")
                #expect(tmux.wait("x") { $0.contains("Your answer: xyz") }.ok, "typed answer q\(n):\n\(tmux.capture("x"))")
                try tmux.send("x", "Enter")
            } else {
                try tmux.send("x", "a")
                let chosen = tmux.wait("x") { $0.contains("(•) a)") || $0.contains("[x] a)") }
                #expect(chosen.ok, "choice q\(n):\n\(chosen.screen)")
                try tmux.send("x", "Right")
            }
        }
        // Past the last question the app asks to submit and says nothing is missing.
        let confirm = tmux.wait("x") { $0.contains("Submit now?") }
        #expect(confirm.ok && confirm.screen.contains("All \(total) answered."), "confirmation:\n\(confirm.screen)")
        try tmux.send("x", "y")
        let results = tmux.wait("x") { $0.contains("Score ") && $0.contains("Attempt recorded.") }
        try #require(results.ok, "results:\n\(results.screen)")
        let score = try #require(Self.score(in: results.screen), "score line:\n\(results.screen)")
        #expect(score.total == total, "results:\n\(results.screen)")
        #expect(results.screen.contains("Your answer:") && results.screen.contains("Right answer:")
                && results.screen.contains("Source:"), "review:\n\(results.screen)")

        // What was stored agrees with the screen: one attempt, the same score, and the review
        // quotes the first question's source sentence from the document.
        let store = try SQLiteStore.open(path: s.db)
        var exams: [Exam] = []
        for content in try await store.content.list(category: nil, PageRequest(limit: 50)).items {
            exams += try await store.exams.list(contentId: content.id, PageRequest(limit: 10)).items
        }
        let exam = try #require(exams.first)
        #expect(exams.count == 1)
        #expect(exam.questions.count == total)
        #expect(exam.attempts.count == 1)
        let attempt = try #require(try await store.exams.attempts(examId: exam.id, userId: nil, PageRequest(limit: 5)).items.first)
        #expect(Int(attempt.score.rounded()) == score.percent)
        #expect(attempt.answers.filter(\.correct).count == score.right)
        let source = String(exam.questions[0].sourceSentence.prefix(20))
        #expect(results.screen.contains("Source: " + source), "source sentence \(source):\n\(results.screen)")

        // Esc leaves the results for the exam's history.
        try tmux.send("x", "Escape")
        let history = tmux.wait("x") { $0.contains("History · ") && $0.contains("Attempts 1") }
        #expect(history.ok, "history:\n\(history.screen)")
    }

    static func number(after prefix: String, in screen: String) -> Int? {
        guard let range = screen.range(of: prefix) else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    /// "Score 60% · 3 of 5 right" → (60, 3, 5).
    static func score(in screen: String) -> (percent: Int, right: Int, total: Int)? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Score ") && $0.contains(" right") }),
              let start = line.range(of: "Score ") else { return nil }
        let rest = line[start.upperBound...]
        let percentText = rest.prefix { $0.isNumber || $0 == "." }
        guard let percent = Double(percentText), let dot = rest.range(of: "· ") else { return nil }
        let parts = rest[dot.upperBound...].split(separator: " ")
        guard parts.count >= 3, let right = Int(parts[0]), parts[1] == "of", let total = Int(parts[2]) else { return nil }
        return (Int(percent.rounded()), right, total)
    }
}
