import Testing
import StudyModel

/// The one rule for moving a meeting or project along (used by RoomAccess and the app).
@Suite struct PlanMoveTests {
    @Test func onlyTheOwnerMayMoveAndOnlyAlongThePath() {
        let ann = Username.key("Ann")
        #expect(PlanMove.refusal(owner: "ann", role: "organizer", userKey: ann,
                                 from: Meeting.Status.scheduled, to: .inProgress, noun: "meeting") == nil)
        let stranger = PlanMove.refusal(owner: "bob", role: "organizer", userKey: ann,
                                        from: Meeting.Status.scheduled, to: .inProgress, noun: "meeting")
        #expect(stranger == "Only the organizer (bob) can change this meeting's status.")
        let backwards = PlanMove.refusal(owner: "ann", role: "creator", userKey: ann,
                                         from: Project.Status.archived, to: .active, noun: "project")
        #expect(backwards?.contains("cannot become active") == true)
    }
}
