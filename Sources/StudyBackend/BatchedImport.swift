import StudyModel
import StudyStore

/// Writes records into a store the way `import` and `migrate` need: messages and documents
/// gathered into batches (one SQLite transaction each; on DynamoDB, BatchWriteItem requests
/// of which several run at once), everything else one by one as `DataTransfer.importRecord`.
///
/// Order is kept where it matters: a record of any other type first writes what is gathered,
/// so a room is stored before its messages, a document before its summaries and exams.
/// Idempotent like `importRecord`: a message or document already stored is counted as
/// skipped, so an interrupted import or migration can simply be run again.
public struct BatchedImport {
    /// Messages per flush; split into `parallelRequests` parts written concurrently.
    public static let messageBatch = 4000
    /// Concurrent `send(batch:)` calls per flush: DynamoDB answers them in parallel; SQLite
    /// takes them one after another (a few transactions of 1,000 rows cost next to nothing).
    public static let parallelRequests = 4
    /// Documents per flush (5 KB each is typical: a few MB per transaction).
    public static let documentBatch = 500

    let store: StudyStore
    public private(set) var counts = TransferCounts()
    private var messages: [Message] = []
    private var documents: [Content] = []

    public init(into store: StudyStore) {
        self.store = store
        messages.reserveCapacity(Self.messageBatch)
    }

    /// Takes one record; returns true when something was written (the counts changed).
    @discardableResult
    public mutating func add(_ record: TransferRecord) async throws -> Bool {
        switch record {
        case .message(let message):
            if !documents.isEmpty { try await flushDocuments() }
            messages.append(message)
            guard messages.count >= Self.messageBatch else { return false }
            try await flushMessages()
        case .content(let document):
            if !messages.isEmpty { try await flushMessages() }
            documents.append(document)
            guard documents.count >= Self.documentBatch else { return false }
            try await flushDocuments()
        default:
            try await finish()
            counts.add(try await DataTransfer.importRecord(record, into: store), record.typeName)
        }
        return true
    }

    /// Writes whatever is gathered. Call once after the last record.
    public mutating func finish() async throws {
        try await flushDocuments()
        try await flushMessages()
    }

    private mutating func flushMessages() async throws {
        guard !messages.isEmpty else { return }
        let service = store.messages
        let batch = messages
        let part = max(1, (batch.count + Self.parallelRequests - 1) / Self.parallelRequests)
        let added = try await withThrowingTaskGroup(of: Int.self) { group in
            for start in stride(from: 0, to: batch.count, by: part) {
                let slice = Array(batch[start..<min(start + part, batch.count)])
                group.addTask { try await service.send(batch: slice) }
            }
            return try await group.reduce(0, +)
        }
        counts.written["message", default: 0] += added
        counts.skipped["message", default: 0] += batch.count - added
        messages.removeAll(keepingCapacity: true)
    }

    private mutating func flushDocuments() async throws {
        guard !documents.isEmpty else { return }
        let results = try await store.content.add(batch: documents)
        for result in results {
            switch result {
            case .success(.added): counts.written["content", default: 0] += 1
            case .success(.alreadyPresent): counts.skipped["content", default: 0] += 1
            case .failure(let error): throw error
            }
        }
        documents.removeAll(keepingCapacity: true)
    }
}
