import Foundation
import StudyModel
import StudyStore

/// One exported record: `{"type": "user", "data": {...}}` per line of a JSON Lines file.
public enum TransferRecord: Codable, Sendable {
    case user(User), content(Content), template(Template), summary(Summary), exam(Exam), attempt(ExamAttempt)
    case room(ChatRoom), message(Message), meeting(Meeting), project(Project)

    enum CodingKeys: String, CodingKey { case type, data }

    public var typeName: String {
        switch self {
        case .user: "user"
        case .content: "content"
        case .template: "template"
        case .summary: "summary"
        case .exam: "exam"
        case .attempt: "attempt"
        case .room: "room"
        case .message: "message"
        case .meeting: "meeting"
        case .project: "project"
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "user": self = .user(try c.decode(User.self, forKey: .data))
        case "content": self = .content(try c.decode(Content.self, forKey: .data))
        case "template": self = .template(try c.decode(Template.self, forKey: .data))
        case "summary": self = .summary(try c.decode(Summary.self, forKey: .data))
        case "exam": self = .exam(try c.decode(Exam.self, forKey: .data))
        case "attempt": self = .attempt(try c.decode(ExamAttempt.self, forKey: .data))
        case "room": self = .room(try c.decode(ChatRoom.self, forKey: .data))
        case "message": self = .message(try c.decode(Message.self, forKey: .data))
        case "meeting": self = .meeting(try c.decode(Meeting.self, forKey: .data))
        case "project": self = .project(try c.decode(Project.self, forKey: .data))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown record type '\(type)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .user(let v): try c.encode(v, forKey: .data)
        case .content(let v): try c.encode(v, forKey: .data)
        case .template(let v): try c.encode(v, forKey: .data)
        case .summary(let v): try c.encode(v, forKey: .data)
        case .exam(let v): try c.encode(v, forKey: .data)
        case .attempt(let v): try c.encode(v, forKey: .data)
        case .room(let v): try c.encode(v, forKey: .data)
        case .message(let v): try c.encode(v, forKey: .data)
        case .meeting(let v): try c.encode(v, forKey: .data)
        case .project(let v): try c.encode(v, forKey: .data)
        }
    }
}

/// Counts per record type, for progress and the final report.
public struct TransferCounts: Sendable, Equatable, CustomStringConvertible {
    public var written: [String: Int] = [:]
    public var skipped: [String: Int] = [:]
    public init() {}
    public var total: Int { written.values.reduce(0, +) }
    public mutating func add(_ outcome: DataTransfer.Outcome, _ type: String) {
        switch outcome {
        case .written: written[type, default: 0] += 1
        case .alreadyPresent: skipped[type, default: 0] += 1
        }
    }
    /// Record types in the order they are exported.
    public static let order = ["user", "content", "template", "summary", "exam", "attempt", "room", "message", "meeting", "project"]

    public var description: String {
        let order = Self.order
        let plurals = ["content": "documents", "summary": "summaries"]
        var parts = order.compactMap { k in written[k].map { "\($0) \($0 == 1 ? (k == "content" ? "document" : k) : plurals[k] ?? k + "s")" } }
        let skippedTotal = skipped.values.reduce(0, +)
        if skippedTotal > 0 { parts.append("\(skippedTotal) already present") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

/// Export, import and migration between any two backends, through the services only, page by
/// page, so that nothing is loaded whole.
public enum DataTransfer {
    /// Reads every record of `store` in dependency order and hands each to `sink`.
    ///
    /// With `salvage`, a part that cannot be read (a damaged database) is reported to it and
    /// skipped, and the export goes on with the next part, so that everything still readable
    /// is saved. Errors of `sink` itself (a full disk) always stop the export.
    public static func export(_ store: StudyStore, pageSize: Int = 200,
                              salvage: ((_ part: String, _ error: Error) -> Void)? = nil,
                              _ sink: (TransferRecord) async throws -> Void) async throws {
        do {
            try await exportParts(store, pageSize: pageSize, salvage: salvage, sink)
        } catch let failure as SinkFailure {
            throw failure.underlying
        }
    }

    private static func exportParts(_ store: StudyStore, pageSize: Int, salvage: ((String, Error) -> Void)?,
                                    _ sink: (TransferRecord) async throws -> Void) async throws {
        func part(_ name: String, _ body: () async throws -> Void) async throws {
            do {
                try await body()
            } catch let error as SinkFailure {
                throw error
            } catch {
                guard let salvage else { throw error }
                salvage(name, error)
            }
        }
        func emit(_ record: TransferRecord) async throws {
            do { try await sink(record) } catch { throw SinkFailure(underlying: error) }
        }
        var users: [User] = []
        try await part("users") {
            try await pages(pageSize) { try await store.users.list($0) } each: { users.append($0); try await emit(.user($0)) }
        }
        // The unfiltered list holds every document, including ones whose owner is no user
        // (imported by scripts): one pass, not one per owner plus a second to find those.
        try await part("documents") {
            try await pages(pageSize) { try await store.content.list(category: nil, $0) } each: { try await emit(.content($0)) }
        }
        for user in users {
            try await part("templates of \(user.username)") {
                try await pages(pageSize) { try await store.templates.list(createdBy: user.id, $0) } each: { try await emit(.template($0)) }
            }
            try await part("summaries of \(user.username)") {
                try await pages(pageSize) { try await store.summaries.list(owner: user.id, $0) } each: { try await emit(.summary($0)) }
            }
            // Each exam is followed by its attempts (import needs the exam first), so no list
            // of exams is held in memory.
            try await part("exams of \(user.username)") {
                try await pages(pageSize) { try await store.exams.list(owner: user.id, $0) } each: { exam in
                    try await emit(.exam(exam))
                    try await part("attempts of exam \(exam.id)") {
                        try await pages(pageSize) { try await store.exams.attempts(examId: exam.id, userId: nil, $0) } each: { try await emit(.attempt($0)) }
                    }
                }
            }
        }
        try await part("rooms") {
            try await pages(pageSize) { try await store.rooms.list($0) } each: { room in
                try await emit(.room(room))
                // Page by page from the newest; order in the file does not matter to import,
                // since every message carries its own time and id.
                try await part("messages of #\(room.name)") {
                    var cursor: PageCursor?
                    repeat {
                        let page = try await store.messages.history(roomId: room.roomId, before: cursor, limit: pageSize)
                        for m in page.messages { try await emit(.message(m)) }
                        cursor = page.older
                    } while cursor != nil
                }
                try await part("meetings of #\(room.name)") {
                    try await pages(pageSize) { try await store.meetings.list(roomId: room.roomId, $0) } each: { try await emit(.meeting($0)) }
                }
                try await part("projects of #\(room.name)") {
                    try await pages(pageSize) { try await store.projects.list(roomId: room.roomId, $0) } each: { try await emit(.project($0)) }
                }
            }
        }
    }

    /// An error of the export's sink, kept apart from read errors so salvage never hides it.
    struct SinkFailure: Error { var underlying: Error }

    /// What importing one record did.
    public enum Outcome: Sendable { case written, alreadyPresent }

    /// Writes one record into `store`. Records already present are skipped, so an interrupted
    /// import can simply be run again. Exams are stored with empty aggregates and their
    /// attempts replayed, which rebuilds the same aggregates without counting anything twice.
    public static func importRecord(_ record: TransferRecord, into store: StudyStore) async throws -> Outcome {
        do {
            switch record {
            case .user(let v): _ = try await store.users.create(v)
            case .content(let v): _ = try await store.content.create(v)
            case .template(let v): _ = try await store.templates.create(v)
            case .summary(let v): _ = try await store.summaries.create(v)
            case .exam(let v):
                var fresh = v
                fresh.attempts = Exam.AttemptSummary()
                fresh.analytics = Exam.Analytics()
                _ = try await store.exams.create(fresh)
            case .attempt(let v):
                // Recording is idempotent; an unchanged count means it was already there.
                let before = try await store.exams.get(id: v.examId)?.attempts.count ?? 0
                let after = try await store.exams.record(v).attempts.count
                return after == before ? .alreadyPresent : .written
            case .room(let v):
                do {
                    _ = try await store.rooms.create(v)
                } catch StoreError.duplicate(_, "name", _) {
                    // Rooms from before names were unique may share a name; the target keeps
                    // names unique, so the later one is stored under a marked name rather than
                    // merged or dropped (its messages would be lost from view).
                    if try await store.rooms.get(id: v.roomId) != nil { return .alreadyPresent }
                    var renamed = v
                    renamed.name = "\(NameKey.cleaned(v.name).prefix(60)) (\(v.roomId.suffix(6).lowercased()))"
                    _ = try await store.rooms.create(renamed)
                }
            case .message(let v):
                return try await store.messages.send(batch: [v]) == 0 ? .alreadyPresent : .written
            case .meeting(let v): _ = try await store.meetings.create(v)
            case .project(let v): _ = try await store.projects.create(v)
            }
            return .written
        } catch StoreError.duplicate {
            return .alreadyPresent
        }
    }

    /// Copies everything from one backend into another, through `BatchedImport` (messages and
    /// documents in batches). Safe to run again: what the target has is skipped. `progress` is
    /// told the counts after every record or batch; the caller decides how often to show them.
    public static func migrate(from source: StudyStore, to target: StudyStore,
                               progress: (TransferCounts) -> Void) async throws -> TransferCounts {
        var writer = BatchedImport(into: target)
        try await export(source) { record in
            if try await writer.add(record) { progress(writer.counts) }
        }
        try await writer.finish()
        progress(writer.counts)
        return writer.counts
    }

    /// Imports `records` in order through `BatchedImport`; `progress` as for `migrate`.
    public static func importRecords(_ records: some Sequence<TransferRecord>, into store: StudyStore,
                                     progress: (TransferCounts) -> Void = { _ in }) async throws -> TransferCounts {
        var writer = BatchedImport(into: store)
        for record in records {
            if try await writer.add(record) { progress(writer.counts) }
        }
        try await writer.finish()
        progress(writer.counts)
        return writer.counts
    }

    /// How many records of each type (`user`, `message`, ...) the store holds, as far as its
    /// table list tells (exact on SQLite; DynamoDB's counts may lag by hours). Empty when
    /// unknown. For progress and time estimates only.
    public static func expectedCounts(_ store: StudyStore) async -> [String: Int] {
        guard let tables = try? await store.admin.listTables() else { return [:] }
        let suffixes: [(String, String)] = [
            ("exam_attempts", "attempt"), ("exam-attempts", "attempt"), ("chat_rooms", "room"), ("chat-rooms", "room"),
            ("users", "user"), ("content", "content"), ("summaries", "summary"), ("exams", "exam"),
            ("templates", "template"), ("messages", "message"), ("meetings", "meeting"), ("projects", "project"),
        ]
        var counts: [String: Int] = [:]
        for table in tables {
            guard let count = table.itemCount,
                  let type = suffixes.first(where: { table.name == $0.0 || table.name.hasSuffix("-" + $0.0) })?.1 else { continue }
            counts[type, default: 0] += count
        }
        return counts
    }

    private static func pages<T>(_ size: Int, _ fetch: (PageRequest) async throws -> Page<T>,
                                 each: (T) async throws -> Void) async throws {
        var request = PageRequest(limit: size)
        while true {
            let page = try await fetch(request)
            for item in page.items { try await each(item) }
            guard let next = page.next else { return }
            request = PageRequest(limit: size, cursor: next)
        }
    }
}
