import StudyModel
import StudyStore
import Testing

/// The checks every backend shares (StudyStore/Validation.swift): one wording, one rule.
@Suite struct SharedValidationTests {
    private let longAgo = Timestamp(millisecondsSince1970: 1_000)

    @Test func admitAddsANewMemberOnceAndTouchesTheRoom() throws {
        var room = ChatRoom(name: "Algebra", members: ["ana"], createdBy: "ana", createdAt: longAgo)
        try room.admit("ben")
        #expect(room.members == ["ana", "ben"])
        #expect(room.updatedAt > longAgo)

        var again = room
        again.updatedAt = longAgo
        try again.admit("ben")
        #expect(again.members == ["ana", "ben"])
        #expect(again.updatedAt == longAgo, "joining twice changes nothing")
    }

    @Test func aFullRoomRefusesNewMembersButNotExistingOnes() throws {
        let members = (0..<ChatRoom.maxMembers).map { "user\($0)" }
        var room = ChatRoom(name: "Big", members: members, createdBy: "user0", createdAt: longAgo)
        #expect(throws: StoreError.roomFull) { try room.admit("newcomer") }
        #expect(room.members.count == ChatRoom.maxMembers)
        try room.admit("user7")
        #expect(room.members.count == ChatRoom.maxMembers)
    }

    @Test func validatedTurnsAValidationErrorIntoStoreErrorInvalid() throws {
        let problem = ValidationError("name", "A room needs a name.")
        #expect(throws: StoreError.invalid(problem)) { try validated(1) { _ in throw problem } }
        #expect(try validated(42) { _ in } == 42)
    }

    @Test func roomFullNamesTheLimit() {
        guard case .invalid(let error) = StoreError.roomFull else {
            Issue.record("roomFull is not an invalid-input error")
            return
        }
        #expect(error.field == "members")
        #expect(error.message.contains("\(ChatRoom.maxMembers)"))
    }
}
