import Foundation
import StudyEngine
import StudyModel
import StudyStore

/// Performs effects off the UI thread and posts their results as actions.
///
/// Every effect runs in a task of its own, kept in a `TaskSet` so that `cancelAll` stops them
/// when the app quits; nothing here touches state, so the UI thread never waits. Writes of the
/// outbox and of the exam in progress each go through one `SerialJobs`, so they land in the
/// order the reducer asked for. Timers wait on the injected clock. A failure comes back as
/// `Action.failed` with what failed and a typed `AppError`.
final class EffectRunner: Sendable {
    let store: StudyStore
    /// The room services behind the membership rules, as the logged-in user: every room,
    /// message, meeting and project effect goes through it, so private rooms hold in the app too.
    let access: RoomAccess
    /// Runs code blocks on JDoodle; nil when no credentials are configured.
    let codeRunner: JDoodleClient?
    let poller: Poller
    /// Makes summaries and exams: offline by default, or through a configured provider.
    let assistant: StudyAssistant
    let clock: any StudyClock
    private let outbox: OutboxFile?
    private let readMarksPath: String?
    private let examProgressPath: String?
    private let readingPositionsPath: String?
    private let tasks = TaskSet()
    private let outboxWrites = SerialJobs()
    private let progressWrites = SerialJobs()
    private let post: @Sendable (Action) -> Void

    /// - Parameter post: called from any thread with each result; it must hand the action to the UI loop.
    init(store: StudyStore, settings: AppSettings, assistant: StudyAssistant, clock: any StudyClock,
         codeRunner: JDoodleClient? = nil, post: @escaping @Sendable (Action) -> Void) {
        self.store = store
        self.access = store.access(as: settings.currentUser)
        self.codeRunner = codeRunner
        self.assistant = assistant
        self.clock = clock
        self.post = post
        self.outbox = settings.outboxPath.map(OutboxFile.init(path:))
        self.readMarksPath = settings.readMarksPath
        self.examProgressPath = settings.examProgressPath
        self.readingPositionsPath = settings.readingPositionsPath
        self.poller = Poller(messages: store.messages, settings: settings, clock: clock, post: post)
    }

    /// Effects still running (timers included).
    var runningCount: Int { tasks.count }

    func run(_ effects: [Effect]) {
        for effect in effects { run(effect) }
    }

    func run(_ effect: Effect) {
        switch effect {
        case let .watchRooms(rooms):
            poller.watch(rooms)
        case let .seedFeed(roomId, cursor):
            poller.seed(roomId: roomId, cursor: cursor)
        case let .saveOutbox(messages):
            guard let outbox else { return }
            outboxWrites.enqueue { [post] in
                do {
                    try outbox.save(messages)
                } catch {
                    post(.failed(EffectFailure(.saveOutbox(path: outbox.path), AppError(error))))
                }
            }
        case let .send(message):
            tasks.spawn { [access, post] in
                do {
                    post(.messages(.sent(try await access.send(message))))
                } catch is CancellationError {
                    return  // quitting: the outbox file still holds the message
                } catch {
                    post(.messages(.sendFailed(messageId: message.messageId, error: AppError(error))))
                }
            }
        case let .retryOutbox(delay):
            tasks.spawn { [clock, post] in
                guard (try? await clock.sleep(for: delay)) != nil else { return }
                post(.messages(.retryOutbox))
            }
        case let .saveExamProgress(progress):
            guard let path = examProgressPath else { return }
            progressWrites.enqueue { [post] in
                do {
                    try ExamProgressFile.save(progress, path: path)
                } catch {
                    post(.failed(EffectFailure(.saveExamProgress, AppError(error))))
                }
            }
        case let .reminderTick(delay):
            tasks.spawn { [clock, post] in
                guard (try? await clock.sleep(for: delay)) != nil else { return }
                post(.plans(.reminderTick(now: clock.now())))
            }
        case let .examTick(sessionId, delay):
            tasks.spawn { [clock, post] in
                guard (try? await clock.sleep(for: delay)) != nil else { return }
                post(.examSession(.tick(sessionId: sessionId, now: clock.now())))
            }
        case .loadRooms, .loadFirstScreen, .loadHistory, .loadOutbox, .loadReadMarks, .countUnread, .joinRoom, .joinRoomById, .createRoom,
             .leaveRoom, .loadLibrary, .loadDocument, .importFile, .deleteDocument, .loadSummaries, .saveSummary, .loadExams,
             .loadAttempts, .loadTemplates, .summarize, .makeExam, .recordTemplateUse, .recordAttempt,
             .loadExamProgress, .loadReadingPositions, .inviteMember, .removeMember, .loadPlans, .scheduleMeeting,
             .createProject, .moveMeeting, .moveProject, .loadReminders, .runCode:
            let perform = self.perform
            tasks.spawn { [post] in
                do {
                    if let action = try await perform(effect) { post(action) }
                } catch is CancellationError {
                    return
                } catch {
                    post(.failed(EffectFailure(Self.operation(effect), AppError(error))))
                }
            }
        }
    }

    /// Cancels every running effect and timer (the app is quitting).
    func cancelAll() {
        tasks.cancelAll()
    }

    /// Lets the queued file writes finish (the outbox, the exam in progress); no more are taken.
    func finishWrites() async {
        await outboxWrites.finish()
        await progressWrites.finish()
    }

    /// Effects that read or write the store and answer with one action.
    @Sendable private func perform(_ effect: Effect) async throws -> Action? {
        switch effect {
        case .loadRooms:
            return .rooms(.loaded(try await loadAllRooms()))
        case let .loadFirstScreen(user, historyLimit, libraryLimit):
            return .rooms(try await loadFirstScreen(user: user, historyLimit: historyLimit, libraryLimit: libraryLimit))
        case let .loadHistory(roomId, before, limit, direction):
            let page = try await access.history(roomId: roomId, before: before, limit: limit)
            return .messages(.historyLoaded(roomId: roomId, page: page, before: before, direction: direction))
        case .loadReadMarks:
            return .rooms(.readMarksLoaded(readMarksPath.map(ReadMarksFile.load(path:)) ?? [:]))
        case .loadExamProgress:
            guard let path = examProgressPath, let progress = ExamProgressFile.load(path: path) else { return nil }
            return .examSession(.progressLoaded(progress))
        case .loadReadingPositions:
            guard let path = readingPositionsPath else { return nil }
            let positions = ReadingPositionsFile.load(path: path)
            return positions.isEmpty ? nil : .library(.readingPositionsLoaded(positions))
        case let .countUnread(roomId, after, user):
            let page = try await access.history(roomId: roomId, before: nil, limit: 100)
            let fresh = page.messages.filter { $0.key > after && $0.sender != user }
            return .rooms(.unreadCounted(roomId: roomId, unread: fresh.count,
                                         mentions: fresh.filter { mentions($0.text, user: user) }.count))
        case .loadOutbox:
            guard let outbox else { return nil }
            let messages = try outbox.load()
            return messages.isEmpty ? nil : .messages(.outboxLoaded(messages))
        case let .joinRoom(name, _):
            guard let room = try await store.rooms.find(name: name) else {
                throw AppError.noSuchRoom(name: name)
            }
            return .rooms(.joined(try await access.join(roomId: room.roomId)))
        case let .joinRoomById(roomId, _):
            return .rooms(.joined(try await access.join(roomId: roomId)))
        case let .createRoom(name, _, isPrivate):
            do {
                return .rooms(.joined(try await access.createRoom(name: name, isPrivate: isPrivate)))
            } catch StoreError.duplicate(entity: "room", field: "name", value: _) {
                // The name is taken: offer to join that room instead of failing.
                return .rooms(.offerJoin(name: name))
            }
        case let .leaveRoom(roomId, _):
            _ = try await access.leave(roomId: roomId)
            return .rooms(.left(roomId: roomId))
        case let .inviteMember(roomId, username):
            return .rooms(.membersChanged(try await access.invite(roomId: roomId, username: username)))
        case let .removeMember(roomId, username):
            return .rooms(.membersChanged(try await access.remove(roomId: roomId, username: username)))
        case let .loadPlans(roomId):
            return try await loadPlans(roomId: roomId)
        case let .scheduleMeeting(meeting):
            return .plans(.meetingSaved(try await access.schedule(meeting)))
        case let .createProject(project):
            return .plans(.projectSaved(try await access.createProject(project)))
        case let .moveMeeting(id, target):
            return try await moveMeeting(id: id, to: target)
        case let .moveProject(id, target):
            return try await moveProject(id: id, to: target)
        case let .loadReminders(from, to):
            return try await loadReminders(from: from, to: to)
        case let .runCode(message, block):
            return try await runCode(message, block)
        case let .loadLibrary(requestId, category, query, cursor, limit):
            let request = PageRequest(limit: limit, cursor: cursor)
            let page = if let query { try await store.content.search(query, request) }
                       else { try await store.content.list(category: category, request) }
            return .library(.loaded(requestId: requestId, items: page.items.map(DocumentSummary.init),
                                    next: page.next, append: cursor != nil))
        case let .loadDocument(id):
            guard let content = try await store.content.get(id: id) else {
                throw AppError.documentGone
            }
            return .library(.documentLoaded(content))
        case let .importFile(path, owner):
            // The same importer as `studycircle library add`: one set of checks (size, UTF-8,
            // empty, folder) and PDF support through pdftotext.
            let home = ProcessInfo.processInfo.environment["HOME"]
            let document = try DocumentImporter().document(from: HomePath.expand(path, home: home), owner: owner)
            // `addDocument` recognises a file whose text this user already added (content hash),
            // so adding it again neither stores a copy nor fails.
            switch try await store.addDocument(document) {
            case let .added(stored): return .library(.imported(stored))
            case let .alreadyPresent(existing): return .library(.alreadyInLibrary(existing))
            }
        case let .deleteDocument(id, _, userId):
            do {
                return .library(.deleted(try await store.deleteDocument(id: id, requestedBy: userId)))
            } catch StoreError.notFound {
                throw AppError.documentGone
            }
        case let .loadSummaries(contentId):
            let page = try await store.summaries.list(contentId: contentId, PageRequest(limit: 100))
            return .summaries(.loaded(contentId: contentId, summaries: page.items))
        case let .saveSummary(summary):
            return .summaries(.updated(try await store.summaries.update(summary)))
        case let .loadExams(contentId):
            let page = try await store.exams.list(contentId: contentId, PageRequest(limit: 100))
            return .exams(.loaded(contentId: contentId, exams: page.items))
        case let .loadAttempts(examId):
            let page = try await store.exams.attempts(examId: examId, userId: nil, PageRequest(limit: 100))
            return .exams(.attemptsLoaded(examId: examId, attempts: page.items))
        case .loadTemplates, .summarize, .makeExam, .recordTemplateUse, .recordAttempt:
            return try await performStudy(effect)
        case .send, .saveOutbox, .retryOutbox, .watchRooms, .seedFeed, .examTick, .saveExamProgress, .reminderTick:
            return nil  // handled in `run`
        }
    }

    /// Rooms are few, but still read page by page (bounded, in case a backend holds thousands).
    private func loadAllRooms() async throws -> [ChatRoom] {
        var rooms: [ChatRoom] = []
        var cursor: PageCursor?
        for _ in 0..<20 {
            let page = try await access.rooms(PageRequest(limit: 200, cursor: cursor))
            rooms += page.items
            guard let next = page.next else { break }
            cursor = next
        }
        return rooms
    }

    /// The rooms and the newest page of the room the reducer will open, in one effect, so the
    /// first frame waits for one hand-over to the UI thread instead of two. A page that cannot
    /// be read is left to the usual `loadHistory`, which reports its own failure.
    /// The Library's first page is read beside them (a second reader on SQLite), since the
    /// pane is on the first frame too; one that fails is read again by the deferred start.
    private func loadFirstScreen(user: String, historyLimit: Int, libraryLimit: Int) async throws -> RoomsAction {
        let store = self.store
        async let library = try? store.content.list(category: nil, PageRequest(limit: libraryLimit))
        let rooms = try await loadAllRooms()
        var newest: FirstPage?
        if let roomId = AppReducer.roomToOpen(rooms, user: user),
           let page = try? await access.history(roomId: roomId, before: nil, limit: historyLimit) {
            newest = FirstPage(roomId: roomId, page: page)
        }
        let first = await library.map { FirstLibraryPage(items: $0.items.map(DocumentSummary.init), next: $0.next) }
        return .firstScreenLoaded(rooms: rooms, newest: newest, library: first)
    }

    /// What a failed effect was doing, for `EffectFailure`.
    static func operation(_ effect: Effect) -> EffectFailure.Operation {
        switch effect {
        case .loadRooms, .loadFirstScreen: return .loadRooms
        case .loadReadMarks: return .loadReadMarks
        case .countUnread: return .countUnread
        case let .loadHistory(_, _, _, direction): return .loadHistory(direction)
        case .loadOutbox: return .loadOutbox
        case .joinRoom, .joinRoomById: return .joinRoom
        case .createRoom: return .createRoom
        case .leaveRoom: return .leaveRoom
        case .inviteMember: return .inviteMember
        case .runCode: return .runCode
        case .removeMember: return .removeMember
        case .loadPlans: return .loadPlans
        case .scheduleMeeting: return .scheduleMeeting
        case .createProject: return .createProject
        case .moveMeeting: return .moveMeeting
        case .moveProject: return .moveProject
        case .loadReminders, .reminderTick: return .loadReminders
        case .loadLibrary: return .loadLibrary
        case .loadDocument: return .loadDocument
        case let .importFile(path, _): return .importFile(path: path)
        case let .deleteDocument(id, title, _): return .deleteDocument(id: id, title: title)
        case .loadSummaries: return .loadSummaries
        case .saveSummary: return .saveRating
        case .loadExams: return .loadExams
        case .loadAttempts: return .loadAttempts
        case .loadTemplates: return .loadTemplates
        case .summarize: return .summarize
        case .makeExam: return .makeExam
        case .recordTemplateUse: return .recordTemplateUse
        case .recordAttempt: return .recordAttempt
        case .loadExamProgress: return .loadExamProgress
        case .loadReadingPositions: return .loadReadingPositions
        // Handled in `run`, which reports their failures itself (timers and the poller's
        // bookkeeping cannot fail); listed so that a new effect must be placed here.
        case .send, .retryOutbox, .watchRooms, .seedFeed: return .sendMessage
        case .saveOutbox: return .saveOutbox(path: "")
        case .saveExamProgress, .examTick: return .saveExamProgress
        }
    }
}
