import Foundation
import StudyApp
import StudyModel
import StudyStore
import StudyStoreSQLite
import Testing

/// Issue #9 item 7 in the app: `d` in the Library deletes a document (owner only, after a
/// question), and `:add` of a file already in the library adds no copy.
@Suite struct LibraryDeleteReducerTests {
    static func doc(_ id: String, owner: String = "alice") -> Content {
        Content(id: id, title: "Title \(id)", owner: owner, sourceText: "Text of \(id).")
    }

    /// A library of d1 (alice's), d2 (bob's), d3 (alice's), with d1 selected.
    static func library() -> AppState {
        var state = AppState(settings: settings("alice"), backendName: "test")
        let items = [doc("d1"), doc("d2", owner: "bob"), doc("d3")].map(DocumentSummary.init)
        _ = AppReducer.reduce(&state, .library(.loaded(requestId: 0, items: items, next: nil, append: false)))
        state.focus = .library
        return state
    }

    @Test func askingNamesTheDocumentAndOnlyYesDeletes() {
        var state = Self.library()
        #expect(AppReducer.reduce(&state, .library(.requestDelete)).isEmpty, "asking does nothing yet")
        #expect(state.library.pendingDeletion == PendingDeletion(documentId: "d1", title: "Title d1"))

        #expect(AppReducer.reduce(&state, .library(.answerDelete(false))).isEmpty)
        #expect(state.library.pendingDeletion == nil)
        #expect(state.library.items.map(\.id) == ["d1", "d2", "d3"])
        #expect(state.notice?.text.contains("not deleted") == true)

        _ = AppReducer.reduce(&state, .library(.requestDelete))
        let effects = AppReducer.reduce(&state, .library(.answerDelete(true)))
        #expect(effects == [.deleteDocument(id: "d1", title: "Title d1", userId: "alice")])
        #expect(state.library.pendingDeletion == nil)
    }

    @Test func someoneElsesDocumentIsRefusedBeforeAsking() {
        var state = Self.library()
        _ = AppReducer.reduce(&state, .move(1))
        #expect(state.library.selectedItem?.id == "d2")
        #expect(AppReducer.reduce(&state, .library(.requestDelete)).isEmpty)
        #expect(state.library.pendingDeletion == nil, "no question for bob's document")
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text.contains("Only the owner of “Title d2”") == true, "\(String(describing: state.notice))")
        // An answer without a question does nothing.
        #expect(AppReducer.reduce(&state, .library(.answerDelete(true))).isEmpty)
    }

    @Test func theOpenDocumentIsTheOneDeletedAndTheReaderCloses() {
        var state = Self.library()
        _ = AppReducer.reduce(&state, .library(.documentLoaded(Self.doc("d3"))))
        #expect(state.reader?.documentId == "d3")
        _ = AppReducer.reduce(&state, .library(.requestDelete))
        #expect(state.library.pendingDeletion?.documentId == "d3", "the open document, not the selected row")
        _ = AppReducer.reduce(&state, .library(.answerDelete(true)))
        _ = AppReducer.reduce(&state, .library(.deleted(DocumentDeletion(document: Self.doc("d3"), summariesDeleted: 2, examsDeleted: 1))))
        #expect(state.reader == nil)
        #expect(state.library.items.map(\.id) == ["d1", "d2"])
        #expect(state.notice?.text == "Deleted “Title d3” with 2 summaries and 1 exam.")
    }

    @Test func summariesAndExamsPanesForgetTheDeletedDocument() {
        var state = Self.library()
        #expect(AppReducer.reduce(&state, .focus(.summaries)) == [.loadSummaries(contentId: "d1")])
        _ = AppReducer.reduce(&state, .summaries(.loaded(contentId: "d1", summaries: [Summary(owner: "alice", contentId: "d1", summaryText: "S.")])))
        #expect(AppReducer.reduce(&state, .focus(.exams)) == [.loadExams(contentId: "d1")])
        _ = AppReducer.reduce(&state, .focus(.library))

        _ = AppReducer.reduce(&state, .library(.requestDelete))
        _ = AppReducer.reduce(&state, .library(.answerDelete(true)))
        let effects = AppReducer.reduce(&state, .library(.deleted(DocumentDeletion(document: Self.doc("d1"), summariesDeleted: 1, examsDeleted: 0))))
        #expect(effects.isEmpty, "nothing to load while the Library has focus")
        #expect(state.library.items.map(\.id) == ["d2", "d3"])
        #expect(state.summaries.contentId == nil && state.summaries.items.isEmpty)
        #expect(state.exams.contentId == nil && state.exams.items.isEmpty)
        // The panes load the next selected document when shown.
        #expect(AppReducer.reduce(&state, .focus(.summaries)) == [.loadSummaries(contentId: "d2")])
        #expect(AppReducer.reduce(&state, .focus(.exams)) == [.loadExams(contentId: "d2")])
    }

    @Test func aDocumentDeletedElsewhereLeavesTheListToo() {
        var state = Self.library()
        let failure = EffectFailure(.deleteDocument(id: "d3", title: "Title d3"), .documentGone)
        _ = AppReducer.reduce(&state, .failed(failure))
        #expect(state.library.items.map(\.id) == ["d1", "d2"])
        #expect(state.notice?.failure == failure)
    }

    @Test func addingAFileAlreadyThereNamesItAndAddsNothing() {
        var state = Self.library()
        _ = AppReducer.reduce(&state, .library(.alreadyInLibrary(Self.doc("d3"))))
        #expect(state.library.items.map(\.id) == ["d1", "d2", "d3"])
        #expect(state.library.selectedItem?.id == "d3", "the existing document is selected")
        #expect(state.notice?.text == "“Title d3” is already in your library with the same text; nothing was added.")
        #expect(state.notice?.isError == false)
    }

    @Test func importsBelongToTheUsersId() {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil, userId: "u-42"), backendName: "test")
        #expect(AppReducer.reduce(&state, .library(.importFile(path: "notes.md"))) == [.importFile(path: "notes.md", owner: "u-42")])
    }
}

/// The same flows through `AppStore` and a real SQLite store.
@Suite(.timeLimit(.minutes(1))) struct LibraryDeleteStoreTests {
    struct Fixture {
        let dir: URL
        let store: StudyStore
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("libdel-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            store = try SQLiteStore.open(path: dir.appendingPathComponent("t.db").path)
        }
        func cleanup() { try? FileManager.default.removeItem(at: dir) }
    }

    @Test func deleteRemovesTheDocumentWithItsSummariesAndExams() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let mine = try await f.store.content.create(Content(title: "Cells", owner: "alice", sourceText: "Cells are small."))
        let other = try await f.store.content.create(Content(title: "Stars", owner: "bob", sourceText: "Stars are far."))
        _ = try await f.store.summaries.create(Summary(owner: "alice", contentId: mine.id, summaryText: "Small cells."))
        let question = Question(id: "q1", kind: .multipleChoice, prompt: "Small?", options: ["yes", "no"],
                                correctOptions: [0], sourceSentence: "Cells are small.")
        _ = try await f.store.exams.create(Exam(owner: "alice", contentId: mine.id, title: "Cells quiz", questions: [question]))

        let harness = StoreHarness(store: f.store, settings: AppSettings(user: "alice", outboxPath: nil))
        harness.app.send(.start)
        await harness.run { $0.library.items.count == 2 }
        harness.app.send(.focus(.library))
        let index = try #require(harness.state.library.items.firstIndex { $0.id == mine.id })
        harness.app.send(.move(index))
        harness.app.send(.focus(.summaries))
        await harness.run { $0.summaries.items.count == 1 }
        harness.app.send(.focus(.library))
        harness.app.send(.library(.documentLoaded(mine)))

        harness.app.send(.library(.requestDelete))
        #expect(harness.state.library.pendingDeletion?.title == "Cells")
        harness.app.send(.library(.answerDelete(true)))
        await harness.run { !$0.library.items.contains { $0.id == mine.id } }
        #expect(harness.state.reader == nil, "the reader showed the deleted document")
        #expect(harness.state.summaries.items.isEmpty)
        #expect(harness.state.notice?.text == "Deleted “Cells” with 1 summary and 1 exam.")
        #expect(try await f.store.content.get(id: mine.id) == nil)
        #expect(try await f.store.summaries.list(contentId: mine.id, PageRequest(limit: 10)).items.isEmpty)
        #expect(try await f.store.exams.list(contentId: mine.id, PageRequest(limit: 10)).items.isEmpty)

        // Bob's document: refused before asking, and still stored.
        harness.app.send(.moveToTop)
        #expect(harness.state.library.selectedItem?.id == other.id)
        harness.app.send(.library(.requestDelete))
        #expect(harness.state.library.pendingDeletion == nil)
        #expect(harness.state.notice?.isError == true)
        #expect(try await f.store.content.get(id: other.id) != nil)
    }

    @Test func theStoreRefusesSomeoneElsesDocumentWhenTheListIsWrong() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let other = try await f.store.content.create(Content(title: "Stars", owner: "bob", sourceText: "Stars are far."))
        let harness = StoreHarness(store: f.store, settings: AppSettings(user: "alice", outboxPath: nil))
        // A list that claims the document is alice's: the question is asked, the store says no.
        var stale = DocumentSummary(other)
        stale.owner = "alice"
        harness.app.send(.library(.loaded(requestId: 0, items: [stale], next: nil, append: false)))
        harness.app.send(.focus(.library))
        harness.app.send(.library(.requestDelete))
        #expect(harness.state.library.pendingDeletion?.documentId == other.id)
        harness.app.send(.library(.answerDelete(true)))
        await harness.run { $0.notice?.failure != nil }
        let failure = try #require(harness.state.notice?.failure)
        #expect(failure.operation == .deleteDocument(id: other.id, title: "Stars"))
        guard case let .store(.invalid(error)) = failure.error else {
            Issue.record("expected the store's owner check, got \(failure.error)")
            return
        }
        #expect(error.field == "owner")
        #expect(harness.state.library.items.map(\.id) == [other.id], "a refused delete keeps the row")
        #expect(try await f.store.content.get(id: other.id) != nil)
    }

    @Test func addingTheSameFileTwiceKeepsOneDocument() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let file = f.dir.appendingPathComponent("cells.md")
        try Data("# Cells\n\nCells are the unit of life.".utf8).write(to: file)
        let harness = StoreHarness(store: f.store, settings: AppSettings(user: "alice", outboxPath: nil))
        harness.app.send(.library(.importFile(path: file.path)))
        await harness.run { $0.library.items.contains { $0.title == "Cells" } }
        let first = try #require(harness.state.library.items.first)

        for _ in 0..<2 {
            harness.app.send(.library(.importFile(path: file.path)))
            await harness.run { $0.notice?.text.contains("already in your library") == true }
            #expect(harness.state.notice?.text == "“Cells” is already in your library with the same text; nothing was added.")
            #expect(harness.state.notice?.failure == nil)
            harness.app.send(.dismissNotice)
        }
        #expect(harness.state.library.items.map(\.id) == [first.id])
        #expect(try await f.store.content.list(category: nil, PageRequest(limit: 10)).items.map(\.id) == [first.id])
    }
}
