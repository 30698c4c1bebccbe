import StudyModel

/// Adding many documents at once (`library add` of many files, `import`, `migrate`).
///
/// For each document, in order: one whose id is already stored, or whose owner already has
/// the same text (`ContentHash`), also earlier in the same batch, is `.alreadyPresent` with
/// the stored document; anything else is stored and `.added`. A document that cannot be
/// stored (invalid, a clash) fails alone, as `.failure`; an error of the store itself
/// (unavailable, damaged) is thrown, and then none of the batch is known to be stored.
extension ContentService {
    /// One by one, for backends without a batched write.
    public func add(batch documents: [Content]) async throws -> [Result<DocumentAddition, Error>] {
        var results: [Result<DocumentAddition, Error>] = []
        results.reserveCapacity(documents.count)
        for document in documents {
            do {
                results.append(.success(try await addOne(document)))
            } catch let error as StoreError where error.concernsOneDocument {
                results.append(.failure(error))
            }
        }
        return results
    }

    private func addOne(_ document: Content) async throws -> DocumentAddition {
        let hash = ContentHash.of(document.sourceText)
        if let existing = try await find(owner: document.owner, contentHash: hash) { return .alreadyPresent(existing) }
        do {
            return .added(try await create(document))
        } catch StoreError.duplicate(_, let field, _) {
            // Another writer stored the same text, or this very document, meanwhile.
            if field == "contentHash", let existing = try await find(owner: document.owner, contentHash: hash) {
                return .alreadyPresent(existing)
            }
            if let stored = try await get(id: document.id) { return .alreadyPresent(stored) }
            throw StoreError.conflict(entity: "document", id: document.id)
        }
    }
}

extension StoreError {
    /// True for errors about one record (invalid, a clash, an unknown outcome), which a batch
    /// reports for that record alone and goes on.
    public var concernsOneDocument: Bool {
        switch self {
        case .invalid, .duplicate, .conflict, .notFound, .outcomeUnknown: true
        default: false
        }
    }
}

extension StudyStore {
    /// `addDocument` for many documents: one result per document, in order (see `ContentBatch`).
    public func addDocuments(_ documents: [Content]) async throws -> [Result<DocumentAddition, Error>] {
        try await content.add(batch: documents)
    }
}
