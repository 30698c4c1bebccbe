import Foundation
import Testing
import StudyApp
import StudyEngine
import StudyModel
import StudyStore

/// Issue 9: focus after opening a room (16), quitting with unsaved work and resuming an exam
/// (11), private state files, `:category` of an unknown name, `~` in `:add`.
@Suite struct Issue9AppTests {
    @Test func openingOrJoiningARoomKeepsFocusInTheRoomList() {
        var state = stateWithOpenRoom()
        state.focus = .rooms
        state.rooms.selected = 1  // beta, joined, not open
        _ = AppReducer.reduce(&state, .activate)
        #expect(state.openRoom?.roomId == "r2")
        #expect(state.focus == .rooms, "opening a room does not start writing")
        _ = AppReducer.reduce(&state, .activate)
        #expect(state.focus == .messages, "Enter on the open room starts writing")

        state.focus = .library
        _ = AppReducer.reduce(&state, .rooms(.joined(room("r3", "gamma", members: ["alice", "bob"]))))
        #expect(state.openRoom?.roomId == "r3")
        #expect(state.focus == .rooms)
        #expect(state.rooms.visible[state.rooms.selected].room.roomId == "r3", "the joined room is selected")
    }

    @Test func quitAsksOnlyWhenWorkWouldBeLost() {
        var idle = stateWithOpenRoom()
        _ = AppReducer.reduce(&idle, .requestQuit(draft: false))
        #expect(idle.quitRequested && idle.quitConfirm == nil)

        var typing = stateWithOpenRoom()
        _ = AppReducer.reduce(&typing, .requestQuit(draft: true))
        #expect(!typing.quitRequested)
        #expect(typing.quitConfirm?.reasons.count == 1)
        _ = AppReducer.reduce(&typing, .answerQuit(false))
        #expect(!typing.quitRequested && typing.quitConfirm == nil, "n stays")
        _ = AppReducer.reduce(&typing, .requestQuit(draft: true))
        _ = AppReducer.reduce(&typing, .requestQuit(draft: true))
        #expect(typing.quitRequested, "a second Ctrl-C while asking quits")

        var exam = stateWithExam()
        _ = AppReducer.reduce(&exam, .examSession(.take(examId: "x1")))
        _ = AppReducer.reduce(&exam, .requestQuit(draft: false))
        #expect(!exam.quitRequested && exam.quitConfirm?.reasons.first?.contains(":resume") == true)
        _ = AppReducer.reduce(&exam, .answerQuit(true))
        #expect(exam.quitRequested)
    }

    @Test func everyAnswerIsSavedAndTheExamResumesWhereItStopped() throws {
        var state = stateWithExam(sampleExam(timeLimit: 600))
        _ = AppReducer.reduce(&state, .examSession(.take(examId: "x1")))
        let effects = AppReducer.reduce(&state, .examSession(.choose(1)))
        guard case let .saveExamProgress(saved?)? = effects.last else {
            Issue.record("choosing an answer saves the progress: \(effects)")
            return
        }
        #expect(saved.responses["q1"]?.selectedOptions == [1])
        _ = AppReducer.reduce(&state, .examSession(.navigate(1)))
        let progress = try #require(ExamProgress(state.examSession, now: .now().adding(milliseconds: 90_000)))
        #expect(progress.index == 1)

        // On disk, private, and back.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exam-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/exam.json"
        try ExamProgressFile.save(progress, path: path)
        #expect(try permissions(path) == 0o600)
        let loaded = try #require(ExamProgressFile.load(path: path))
        #expect(loaded == progress)

        // A new run: offered, resumed with the answers, the question and the time already spent.
        var next = stateWithExam(sampleExam(timeLimit: 600))
        _ = AppReducer.reduce(&next, .examSession(.progressLoaded(loaded)))
        #expect(next.notice?.text.contains(":resume") == true)
        _ = AppReducer.reduce(&next, .examSession(.resume))
        let session = try #require(next.examSession)
        #expect(session.index == 1)
        #expect(session.responses["q1"]?.selectedOptions == [1])
        #expect((session.secondsLeft ?? 0) <= 510 && (session.secondsLeft ?? 0) > 400, "time spent is kept: \(session.secondsLeft ?? -1)")
        #expect(next.savedExam == nil)

        // Submitting removes the saved progress.
        _ = AppReducer.reduce(&next, .examSession(.submit))
        let submitted = AppReducer.reduce(&next, .examSession(.confirm(true)))
        #expect(submitted.contains(.saveExamProgress(nil)))
        try ExamProgressFile.save(nil, path: path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func takingTheUnfinishedExamAgainContinuesIt() throws {
        var state = stateWithExam()
        let exam = try #require(state.exams.items.first)
        let progress = ExamProgress(exam: exam, index: 2, responses: ["q1": QuestionResponse(selectedOptions: [0])],
                                    elapsedMilliseconds: 1000)
        _ = AppReducer.reduce(&state, .examSession(.progressLoaded(progress)))
        _ = AppReducer.reduce(&state, .examSession(.take(examId: exam.id)))
        #expect(state.examSession?.index == 2)
        #expect(state.examSession?.responses["q1"]?.selectedOptions == [0])
    }

    @Test func outboxAndReadPositionFilesAreOwnerOnly() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("private-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outbox = OutboxFile(path: dir + "/state/outbox-1.json")
        try outbox.save([message(1)])
        #expect(try permissions(dir + "/state/outbox-1.json") == 0o600)
        #expect(try permissions(dir + "/state") == 0o700)
        try ReadMarksFile.save(["r1": message(1).key], path: dir + "/state/read-1.json")
        #expect(try permissions(dir + "/state/read-1.json") == 0o600)
        try ReadingPositionsFile.save(["d1": 3], path: dir + "/state/reading-1.json")
        #expect(try permissions(dir + "/state/reading-1.json") == 0o600)
        #expect(try outbox.load() == [message(1)])
        #expect(ReadMarksFile.load(path: dir + "/state/read-1.json") == ["r1": message(1).key])
        // Rewriting an existing file keeps it private and leaves no temporary file behind.
        try ReadMarksFile.save(["r1": message(2).key], path: dir + "/state/read-1.json")
        #expect(try permissions(dir + "/state/read-1.json") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/state").sorted()
                == ["outbox-1.json", "read-1.json", "reading-1.json"])
    }

    @Test func unknownCategoryIsNamedWithTheOnesThatExist() {
        var state = AppState(settings: settings(), backendName: "t")
        let docs = [("d1", "biology"), ("d2", "History")].map { id, category in
            DocumentSummary(Content(id: id, title: id, owner: "alice", sourceText: "text", category: category))
        }
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: 0, items: docs, next: nil, append: false)))
        let refused = AppReducer.reduce(&state, .library(.setCategory("nosuch")))
        #expect(refused.isEmpty)
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text.contains("nosuch") == true && state.notice?.text.contains("biology, History") == true)
        #expect(state.library.items.count == 2, "the list is left as it was")
        // Names match without regard to case.
        _ = AppReducer.reduce(&state, .library(.setCategory("history")))
        #expect(state.library.category == "History")
        // When not every document was listed, the store is asked; an empty answer says the same.
        var partial = AppState(settings: settings(), backendName: "t")
        _ = AppReducer.reduce(&partial, .library(.loaded(requestId: 0, items: docs, next: PageCursor(token: "p2"), append: false)))
        #expect(!AppReducer.reduce(&partial, .library(.setCategory("rare"))).isEmpty)
        _ = AppReducer.reduce(&partial, .library(.loaded(requestId: partial.library.requestId, items: [], next: nil, append: false)))
        #expect(partial.notice?.text.contains("There is no category 'rare'") == true)
    }

    @Test func tildeIsTheHomeFromTheEnvironment() {
        #expect(HomePath.expand("~/notes/x.md", home: "/home/student") == "/home/student/notes/x.md")
        #expect(HomePath.expand("~", home: "/home/student/") == "/home/student")
        #expect(HomePath.expand("/tmp/~x", home: "/home/student") == "/tmp/~x")
        #expect(HomePath.expand("notes.md", home: "/home/student") == "notes.md")
    }
}

func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
