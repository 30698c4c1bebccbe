import StudyModel

/// What `deleteDocument` removed.
public struct DocumentDeletion: Sendable, Equatable {
    public var document: Content
    public var summariesDeleted: Int
    public var examsDeleted: Int

    public init(document: Content, summariesDeleted: Int, examsDeleted: Int) {
        self.document = document
        self.summariesDeleted = summariesDeleted
        self.examsDeleted = examsDeleted
    }
}

/// What `addDocument` did.
public enum DocumentAddition: Sendable, Equatable {
    /// Stored now.
    case added(Content)
    /// The owner already has a document with exactly this text; nothing was stored.
    case alreadyPresent(Content)
}

extension StudyStore {
    /// Adds a document unless its owner already has the same text (by `ContentHash`), in which
    /// case it returns that document. Safe to repeat after a failure whose outcome was unknown:
    /// a second run finds the first run's document instead of storing a copy.
    public func addDocument(_ document: Content) async throws -> DocumentAddition {
        let hash = ContentHash.of(document.sourceText)
        if let existing = try await content.find(owner: document.owner, contentHash: hash) { return .alreadyPresent(existing) }
        do {
            return .added(try await content.create(document))
        } catch StoreError.duplicate(_, "contentHash", _) {
            // Another terminal added the same text at the same moment.
            if let existing = try await content.find(owner: document.owner, contentHash: hash) { return .alreadyPresent(existing) }
            throw StoreError.conflict(entity: "document", id: document.id)
        }
    }

    /// Deletes a document with its summaries and exams (and the exams' attempts), for its owner
    /// only. The summaries and exams go first, so a failure halfway leaves the document in the
    /// library and running the delete again finishes it.
    /// - Throws: `StoreError.notFound` for a missing document; `StoreError.invalid` (field
    ///   `owner`) when `userId` is not the owner.
    public func deleteDocument(id: String, requestedBy userId: String) async throws -> DocumentDeletion {
        guard let document = try await content.get(id: id) else { throw StoreError.notFound(entity: "document", id: id) }
        guard document.owner == userId else {
            throw StoreError.invalid(ValidationError("owner", "Only the owner of “\(document.title)” can delete it."))
        }
        // Ids first, then deletes: deleting while paging would shift the pages.
        var summaryIds: [String] = []
        var request = PageRequest(limit: 100)
        while true {
            let page = try await summaries.list(contentId: id, request)
            summaryIds += page.items.map(\.id)
            guard let next = page.next else { break }
            request = PageRequest(limit: 100, cursor: next)
        }
        var examIds: [String] = []
        request = PageRequest(limit: 100)
        while true {
            let page = try await exams.list(contentId: id, request)
            examIds += page.items.map(\.id)
            guard let next = page.next else { break }
            request = PageRequest(limit: 100, cursor: next)
        }
        var summaryCount = 0
        for summaryId in summaryIds {
            do { try await summaries.delete(id: summaryId); summaryCount += 1 } catch StoreError.notFound {}
        }
        var examCount = 0
        for examId in examIds {
            do { try await exams.delete(id: examId); examCount += 1 } catch StoreError.notFound {}
        }
        do { try await content.delete(id: id) } catch StoreError.notFound {}
        return DocumentDeletion(document: document, summariesDeleted: summaryCount, examsDeleted: examCount)
    }
}
