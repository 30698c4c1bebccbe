import Foundation
import StudyModel
import Testing
import StudyApp
@testable import StudyTUI

/// Issue 11 in the terminal: the room commands, the side view's keys and drawing at 80x24,
/// and the question asked when `:room new` finds the name taken.
@Suite struct RoomSideViewTests {
    static let start = Timestamp(millisecondsSince1970: 1_800_000_000_000)

    func stateWithPlans() -> AppState {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        let room = ChatRoom(roomId: "r1", name: "study", members: ["alice", "bob"], createdBy: "alice")
        _ = AppReducer.reduce(&state, .rooms(.loaded([room])))
        _ = AppReducer.reduce(&state, .plans(.show(.meetings)))
        let meeting = Meeting(meetingId: "m1", roomId: "r1", title: "Exam prep", organizer: "alice",
                              scheduledTime: Self.start.adding(milliseconds: 3_600_000), durationMinutes: 45)
        let project = Project(projectId: "p1", roomId: "r1", name: "Lab report", createdBy: "bob")
        _ = AppReducer.reduce(&state, .plans(.loaded(roomId: "r1", meetings: [meeting], projects: [project])), now: Self.start)
        return state
    }

    @Test func commandsParse() {
        #expect(CommandParser.parse("room new physics --private") == [.action(.rooms(.create(name: "physics", isPrivate: true)))])
        #expect(CommandParser.parse("room private Study Group") == [.action(.rooms(.create(name: "Study Group", isPrivate: true)))])
        #expect(CommandParser.parse("room new physics") == [.action(.rooms(.create(name: "physics", isPrivate: false)))])
        #expect(CommandParser.parse("invite bob") == [.action(.rooms(.invite(username: "bob")))])
        #expect(CommandParser.parse("remove bob") == [.action(.rooms(.remove(username: "bob")))])
        #expect(CommandParser.parse("members") == [.action(.plans(.show(.members)))])
        #expect(CommandParser.parse("meeting Exam prep at 2026-12-01 14:00 for 90")
            == [.action(.plans(.scheduleMeeting(title: "Exam prep", at: "2026-12-01 14:00", minutes: 90)))])
        #expect(CommandParser.parse("meeting Chat at 2026-12-01 14:00")
            == [.action(.plans(.scheduleMeeting(title: "Chat", at: "2026-12-01 14:00", minutes: 60)))])
        #expect(CommandParser.parse("meeting status 2 in progress") == [.action(.plans(.moveMeeting(number: 2, status: "in progress")))])
        #expect(CommandParser.parse("project Lab report due 2026-12-15") == [.action(.plans(.createProject(name: "Lab report", due: "2026-12-15")))])
        #expect(CommandParser.parse("project Essay") == [.action(.plans(.createProject(name: "Essay", due: nil)))])
        #expect(CommandParser.parse("project status 1 active") == [.action(.plans(.moveProject(number: 1, status: "active")))])
        guard case .action(.showNotice)? = CommandParser.parse("meeting no time given").first else {
            Issue.record("a meeting without 'at' gets the usage")
            return
        }
    }

    @Test func roomsPaneKeysOpenTheSideViewAndEscReturns() {
        var state = stateWithPlans()
        state.focus = .rooms
        var ui = UIState()
        #expect(KeyHandler.handle(.char("p"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.plans(.show(.projects)))])
        #expect(KeyHandler.handle(.char("u"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.plans(.show(.members)))])
        #expect(KeyHandler.handle(.escape, state: state, ui: &ui, rows: 24, cols: 80) == [.action(.plans(.show(.messages)))])
        state.plans.panel = .messages
        #expect(KeyHandler.handle(.char("m"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.plans(.show(.meetings)))])
    }

    @Test func takenNameAsksYesOrNoAndOtherKeysWait() {
        var state = stateWithPlans()
        _ = AppReducer.reduce(&state, .rooms(.offerJoin(name: "physics")))
        var ui = UIState()
        #expect(KeyHandler.handle(.char("x"), state: state, ui: &ui, rows: 24, cols: 80).isEmpty)
        #expect(KeyHandler.handle(.char("y"), state: state, ui: &ui, rows: 24, cols: 80) == [.action(.rooms(.answerJoinOffer(true)))])
        #expect(KeyHandler.handle(.escape, state: state, ui: &ui, rows: 24, cols: 80) == [.action(.rooms(.answerJoinOffer(false)))])
        let text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas.text
        #expect(text.contains("already exists. Join it? y/n"))
    }

    @Test func sideViewDrawsMeetingsProjectsAndMembersAt80x24() {
        var state = stateWithPlans()
        state.focus = .rooms
        var ui = UIState()
        var text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas.text
        #expect(text.contains("#study · Meetings"))
        #expect(text.contains("c Chat m Meetings p Projects u Members"), "the whole tab line fits at 80x24")
        #expect(text.contains("1. " + TimeInput.format(Self.start.adding(milliseconds: 3_600_000))))
        #expect(text.contains("Exam prep"))
        state.plans.panel = .projects
        text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas.text
        #expect(text.contains("1. [planning]") && text.contains("Lab report"))
        state.plans.panel = .members
        text = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas.text
        #expect(text.contains("alice (creator)") && text.contains("• bob"))
        // Compact layout: the side view shows instead of the room list.
        text = FrameRenderer.render(state: state, ui: &ui, rows: 20, cols: 60).canvas.text
        #expect(text.contains("#study · Members"))
    }

    @Test func helpNamesTheNewKeysAndCommands() {
        let all = HelpText.entries.map { $0.key + " " + $0.text }.joined(separator: "\n")
        for needle in ["m  p  u", ":invite USER", ":meeting TITLE at", ":project NAME", "--private"] {
            #expect(all.contains(needle), "help lacks \(needle)")
        }
    }
}
