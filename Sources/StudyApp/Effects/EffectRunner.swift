import Foundation
import StudyEngine
import StudyModel
import StudyStore

/// Performs effects off the UI thread and posts their results as actions.
///
/// Every effect runs in its own task; nothing here touches state, so the UI thread never waits.
/// Failures come back as actions with a message a student can act on.
public final class EffectRunner: Sendable {
    public let store: StudyStore
    public let poller: Poller
    /// Makes summaries and exams: offline by default, or through a configured provider.
    public let assistant: StudyAssistant
    private let outbox: OutboxFile?
    private let readMarksPath: String?
    private let examProgressPath: String?
    private let readingPositionsPath: String?
    /// Saves of the exam in progress run one after another, in the order asked for.
    private let fileQueue = DispatchQueue(label: "studycircle.exam-progress")
    private let post: @Sendable (Action) -> Void
    private let saveSequence = Locked(0)

    /// - Parameter post: called from any thread with each result; it must hand the action to the UI loop.
    public init(store: StudyStore, settings: AppSettings, assistant: StudyAssistant = StudyAssistant(),
                post: @escaping @Sendable (Action) -> Void) {
        self.store = store
        self.assistant = assistant
        self.post = post
        self.outbox = settings.outboxPath.map(OutboxFile.init(path:))
        self.readMarksPath = settings.readMarksPath
        self.examProgressPath = settings.examProgressPath
        self.readingPositionsPath = settings.readingPositionsPath
        self.poller = Poller(messages: store.messages, settings: settings, post: post)
    }

    public func run(_ effects: [Effect]) {
        for effect in effects { run(effect) }
    }

    public func run(_ effect: Effect) {
        switch effect {
        case let .watchRooms(rooms):
            poller.watch(rooms)
        case let .seedFeed(roomId, cursor):
            poller.seed(roomId: roomId, cursor: cursor)
        case let .saveOutbox(messages):
            // Numbered now, on the caller's thread, so saves land in the order they were asked for.
            let sequence = saveSequence.withLock { value -> Int in
                value += 1
                return value
            }
            guard let outbox else { return }
            Task.detached { [post] in
                do {
                    try await outbox.save(messages, sequence: sequence)
                } catch {
                    post(.showNotice(Notice("Could not save the outbox to \(outbox.path): \(error)", isError: true)))
                }
            }
        case let .send(message):
            Task.detached { [store, post] in
                do {
                    post(.messageSent(try await store.messages.send(message)))
                } catch {
                    post(.messageFailed(messageId: message.messageId, error: Self.describe(error),
                                        permanent: Self.isPermanent(error)))
                }
            }
        case let .retryOutbox(delay):
            Task.detached { [post] in
                try? await Task.sleep(for: delay)
                post(.retryOutbox)
            }
        case let .saveExamProgress(progress):
            guard let path = examProgressPath else { return }
            fileQueue.async { [post] in
                do {
                    try ExamProgressFile.save(progress, path: path)
                } catch {
                    post(.showNotice(Notice("Could not save the exam in progress: \(error)", isError: true)))
                }
            }
        case let .examTick(sessionId, delay):
            Task.detached { [post] in
                try? await Task.sleep(for: delay)
                post(.examTick(sessionId: sessionId, now: .now()))
            }
        default:
            let perform = self.perform
            Task.detached { [post] in
                do {
                    if let action = try await perform(effect) { post(action) }
                } catch {
                    post(.failed(operation: Self.operation(effect), message: Self.describe(error)))
                }
            }
        }
    }

    /// Effects that read or write the store and answer with one action.
    @Sendable private func perform(_ effect: Effect) async throws -> Action? {
        switch effect {
        case .loadRooms:
            return .roomsLoaded(try await loadAllRooms())
        case let .loadHistory(roomId, before, limit, direction):
            let page = try await store.messages.history(roomId: roomId, before: before, limit: limit)
            return .historyLoaded(roomId: roomId, page: page, before: before, direction: direction)
        case .loadReadMarks:
            return .readMarksLoaded(readMarksPath.map(ReadMarksFile.load(path:)) ?? [:])
        case .loadExamProgress:
            guard let path = examProgressPath, let progress = ExamProgressFile.load(path: path) else { return nil }
            return .examProgressLoaded(progress)
        case .loadReadingPositions:
            guard let path = readingPositionsPath else { return nil }
            let positions = ReadingPositionsFile.load(path: path)
            return positions.isEmpty ? nil : .readingPositionsLoaded(positions)
        case let .countUnread(roomId, after, user):
            let page = try await store.messages.history(roomId: roomId, before: nil, limit: 100)
            let fresh = page.messages.filter { $0.key > after && $0.sender != user }
            return .unreadCounted(roomId: roomId, unread: fresh.count, mentions: fresh.filter { mentions($0.text, user: user) }.count)
        case .loadOutbox:
            guard let outbox else { return nil }
            let messages = try await outbox.load()
            return messages.isEmpty ? nil : .outboxLoaded(messages)
        case let .joinRoom(name, user):
            guard let room = try await store.rooms.list(name: name).first else {
                throw RunnerError("There is no room named '\(name)'; create it with :room new \(name)")
            }
            return .roomJoined(try await store.rooms.join(roomId: room.roomId, username: user))
        case let .joinRoomById(roomId, user):
            return .roomJoined(try await store.rooms.join(roomId: roomId, username: user))
        case let .createRoom(name, user):
            let room = ChatRoom(name: name, members: [user], createdBy: user)
            return .roomJoined(try await store.rooms.create(room))
        case let .leaveRoom(roomId, user):
            _ = try await store.rooms.leave(roomId: roomId, username: user)
            return .roomLeft(roomId: roomId)
        case let .loadLibrary(requestId, category, query, cursor, limit):
            let request = PageRequest(limit: limit, cursor: cursor)
            let page = if let query { try await store.content.search(query, request) }
                       else { try await store.content.list(category: category, request) }
            return .libraryLoaded(requestId: requestId, items: page.items.map(DocumentSummary.init),
                                  next: page.next, append: cursor != nil)
        case let .loadDocument(id):
            guard let content = try await store.content.get(id: id) else {
                throw RunnerError("the document is no longer in the library")
            }
            return .documentLoaded(content)
        case let .importFile(path, owner):
            // The same importer as `studycircle library add`: one set of checks (size, UTF-8,
            // empty, folder) and PDF support through pdftotext.
            let home = ProcessInfo.processInfo.environment["HOME"]
            let document = try DocumentImporter().document(from: HomePath.expand(path, home: home), owner: owner)
            return .documentImported(try await store.content.create(document))
        case let .loadSummaries(contentId):
            let page = try await store.summaries.list(contentId: contentId, PageRequest(limit: 100))
            return .summariesLoaded(contentId: contentId, summaries: page.items)
        case let .saveSummary(summary):
            return .summaryUpdated(try await store.summaries.update(summary))
        case let .loadExams(contentId):
            let page = try await store.exams.list(contentId: contentId, PageRequest(limit: 100))
            return .examsLoaded(contentId: contentId, exams: page.items)
        case let .loadAttempts(examId):
            let page = try await store.exams.attempts(examId: examId, userId: nil, PageRequest(limit: 100))
            return .attemptsLoaded(examId: examId, attempts: page.items)
        case .loadTemplates, .summarize, .makeExam, .recordTemplateUse, .recordAttempt:
            return try await performStudy(effect)
        case .send, .saveOutbox, .retryOutbox, .watchRooms, .seedFeed, .examTick, .saveExamProgress:
            return nil  // handled in `run`
        }
    }

    /// Rooms are few, but still read page by page (bounded, in case a backend holds thousands).
    private func loadAllRooms() async throws -> [ChatRoom] {
        var rooms: [ChatRoom] = []
        var cursor: PageCursor?
        for _ in 0..<20 {
            let page = try await store.rooms.list(PageRequest(limit: 200, cursor: cursor))
            rooms += page.items
            guard let next = page.next else { break }
            cursor = next
        }
        return rooms
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? RunnerError { return error.message }
        return String(describing: error)
    }

    /// A message the backend refused as invalid will be refused again: do not retry it.
    static func isPermanent(_ error: Error) -> Bool {
        if error is ValidationError { return true }
        if case .invalid = error as? StoreError { return true }
        return false
    }

    static func operation(_ effect: Effect) -> String {
        switch effect {
        case .loadRooms: return "load the rooms"
        case .loadReadMarks: return "read where rooms were last read"
        case .countUnread: return "count unread messages"
        case .loadHistory: return "load messages"
        case .loadOutbox: return "read the outbox"
        case .joinRoom, .joinRoomById: return "join the room"
        case .createRoom: return "create the room"
        case .leaveRoom: return "leave the room"
        case .loadLibrary: return "load the library"
        case .loadDocument: return "open the document"
        case .importFile(let path, _): return "add \(path)"
        case .loadSummaries: return "load summaries"
        case .saveSummary: return "save the rating"
        case .loadExams: return "load exams"
        case .loadAttempts: return "load past scores"
        case .loadTemplates: return "load templates"
        case .summarize: return "summarise the document"
        case .makeExam: return "generate the exam"
        case .recordTemplateUse: return "count the template's use"
        case .recordAttempt: return "record the attempt"
        case .loadExamProgress: return "read the saved exam"
        case .loadReadingPositions: return "read where documents were last read"
        case .send, .saveOutbox, .retryOutbox, .watchRooms, .seedFeed, .examTick, .saveExamProgress:
            return "complete the request"
        }
    }
}

/// An error whose message is already written for the student.
struct RunnerError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
