import Foundation
import Testing
import StudyApp
import StudyModel
@testable import StudyTUI

@Suite struct ExamScreenTests {
    func exam(timeLimit: Int? = 600) -> Exam {
        Exam(id: "x1", owner: "alice", contentId: "d1", title: "Plants", questions: [
            Question(id: "q1", kind: .multipleChoice, prompt: "Which gas do plants take in?",
                     options: ["oxygen", "carbon dioxide", "helium", "neon"], correctOptions: [1],
                     sourceSentence: "Plants take in carbon dioxide through their leaves."),
            Question(id: "q2", kind: .fillInBlank, prompt: "Leaves are green because of ____.",
                     acceptedAnswers: ["chlorophyll"], sourceSentence: "Leaves are green because of chlorophyll."),
        ], configuration: Exam.Configuration(questionCount: 2, timeLimitSeconds: timeLimit))
    }

    func state(_ exam: Exam) -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "sqlite:test")
        state.focus = .exams
        state.exams.contentId = "d1"
        _ = AppReducer.reduce(&state, .exams(.loaded(contentId: "d1", exams: [exam])))
        return state
    }

    /// Feeds keys through the key handler and the reducer, as the main loop does.
    func press(_ keys: [Key], _ state: inout AppState, ui: inout UIState, rows: Int = 24, cols: Int = 80) {
        for key in keys {
            for command in KeyHandler.handle(key, state: state, ui: &ui, rows: rows, cols: cols) {
                if case let .action(action) = command { _ = AppReducer.reduce(&state, action) }
            }
        }
    }

    func text(_ state: AppState, rows: Int, cols: Int) -> String {
        var ui = UIState()
        return FrameRenderer.render(state: state, ui: &ui, rows: rows, cols: cols).canvas.text
    }

    @Test func keysAnswerAndTheScreenSurvivesResize() throws {
        var state = state(exam())
        var ui = UIState()
        press([.enter, .char("b"), .char("f"), .right, .char("c"), .char("h"), .char("l")], &state, ui: &ui)
        #expect(state.examSession?.responses["q1"]?.selectedOptions == [1])
        #expect(state.examSession?.responses["q1"]?.flagged == true)
        #expect(state.examSession?.responses["q2"]?.text == "chl", "letters on a fill-in question are typed, not commands")
        let startedAt = try #require(state.examSession?.startedAt)
        _ = AppReducer.reduce(&state, .examSession(.tick(sessionId: state.examSessionCounter, now: startedAt.adding(milliseconds: 75_000))))
        for (rows, cols) in [(24, 80), (12, 44), (40, 120)] {
            let screen = text(state, rows: rows, cols: cols)
            #expect(screen.contains("Question 2 of 2"), "\(cols)x\(rows):\n\(screen)")
            #expect(screen.contains("08:45"), "time left at \(cols)x\(rows):\n\(screen)")
            #expect(screen.contains("Your answer: chl"), "\(cols)x\(rows):\n\(screen)")
        }
        // Going back shows the flag and the chosen option.
        press([.left], &state, ui: &ui)
        let back = text(state, rows: 24, cols: 80)
        #expect(back.contains("Flagged") && back.contains("(•) b) carbon dioxide"), "\(back)")
    }

    @Test func submitNamesUnansweredThenResultsReviewEveryQuestion() {
        var state = state(exam(timeLimit: nil))
        var ui = UIState()
        press([.enter, .char("a"), .char("s")], &state, ui: &ui)
        let confirm = text(state, rows: 24, cols: 80)
        #expect(confirm.contains("Unanswered: 2"), "\(confirm)")
        press([.char("y")], &state, ui: &ui)
        let results = text(state, rows: 30, cols: 100)
        #expect(results.contains("Score 0% · 0 of 2 right"), "\(results)")
        #expect(results.contains("Your answer: a) oxygen"), "\(results)")
        #expect(results.contains("Right answer: b) carbon dioxide"), "\(results)")
        #expect(results.contains("Source: Plants take in carbon dioxide"), "\(results)")
        #expect(results.contains("Right answer: chlorophyll"), "\(results)")
    }

    @Test func scoreChartScalesBarsToTheScores() {
        let lines = ScoreChart.lines([100, 0, 50], width: 30, height: 4).map(\.text)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("100%│█   "), "\(lines)")   // only the 100% bar reaches the top row
        #expect(lines[3].hasPrefix("    │█   █"), "\(lines)")   // 0% draws nothing
    }

    @Test func dialogOverlayListsFieldsAndTemplates() {
        var state = state(exam())
        _ = AppReducer.reduce(&state, .generate(.exam(contentId: "d1")))
        _ = AppReducer.reduce(&state, .generate(.templatesLoaded([Template(name: "Weekly quiz", type: .exam, examConfig: Exam.Configuration(),
                                                                 isPublic: true, createdBy: "bob")])))
        let screen = text(state, rows: 24, cols: 80)
        #expect(screen.contains("New exam"), "\(screen)")
        #expect(screen.contains("Questions") && screen.contains("Time limit"), "\(screen)")
        #expect(screen.contains("Weekly quiz"), "\(screen)")
    }
}
