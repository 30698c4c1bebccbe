import Foundation
import StudyModel
import StudyStore

extension AppReducer {
    /// The Library pane's actions: the list, categories, the reader and imports.
    static func reduceLibrary(_ state: inout AppState, _ action: LibraryAction) -> [Effect] {
        switch action {
        case let .loaded(requestId, items, next, append):
            guard requestId == state.library.requestId else { return [] }  // an older list's answer
            state.library.loading = false
            state.library.loaded = true
            state.library.items = append ? state.library.items + items : items
            state.library.next = next
            state.library.selected = min(state.library.selected, max(0, state.library.items.count - 1))
            let categories = Set(state.library.categories).union(items.map(\.category))
            // Case-folded by the standard library rather than a locale's collator, which would map
            // ICU's collation data on the first library page (issue 13: start-up memory).
            state.library.categories = categories.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            if !append, items.isEmpty, let category = state.library.category, state.library.query == nil {
                state.notice = Notice(noSuchCategory(category, known: state.library.categories), isError: true)
            }
            return []
        case let .setCategory(category):
            return setCategory(&state, category?.trimmingCharacters(in: .whitespaces))
        case .cycleCategory:
            let all = state.library.categories
            guard !all.isEmpty else { return [] }
            let next: String?
            if let current = state.library.category, let index = all.firstIndex(of: current) {
                next = index + 1 < all.count ? all[index + 1] : nil
            } else {
                next = all.first
            }
            return reduceLibrary(&state, .setCategory(next))
        case let .documentLoaded(content):
            state.reader = ReaderState(documentId: content.id, title: content.title, contentType: content.contentType,
                                       text: content.sourceText, top: state.readerPositions[content.id] ?? 0)
            state.reader?.owner = content.owner
            state.focus = .library
            return []
        case let .readingPositionsLoaded(positions):
            // Positions of this run win over the saved ones.
            state.readerPositions.merge(positions) { current, _ in current }
            if var reader = state.reader, reader.top == 0, let saved = positions[reader.documentId] {
                reader.top = saved
                state.reader = reader
            }
            return []
        case let .findInDocument(query, line):
            guard var reader = state.reader else { return [] }
            let query = query?.isEmpty == true ? nil : query
            reader.searchQuery = query
            reader.matchLine = query == nil ? nil : line
            if let query, line == nil {
                state.notice = Notice("'\(query)' is not in this document.", isError: true)
            } else if let line {
                // The match a little below the top, so the lines before it give context.
                reader.top = max(0, line - 2)
                state.readerPositions[reader.documentId] = reader.top
                state.notice = nil
            }
            state.reader = reader
            return []
        case let .scrollText(line):
            let line = max(0, line)
            if state.focus == .summaries, state.summaries.reading != nil {
                state.summaries.top = line
            } else if var reader = state.reader {
                reader.top = line
                state.reader = reader
                state.readerPositions[reader.documentId] = line
            }
            return []
        case let .importFile(path):
            let path = path.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                state.notice = Notice("Usage: :add PATH (a .txt or .md file)", isError: true)
                return []
            }
            state.notice = Notice("Importing \(path)…")
            // `~` is expanded by the runner, from $HOME. Documents belong to the user's id, as
            // with `studycircle library add`, so the owner check of a delete recognises them.
            return [.importFile(path: path, owner: state.settings.userId)]
        case let .imported(content):
            state.notice = Notice("Added \"\(content.title)\" to the library.")
            let item = DocumentSummary(content)
            state.library.items.removeAll { $0.id == item.id }
            state.library.items.insert(item, at: 0)
            state.library.selected = 0
            if !state.library.categories.contains(item.category) {
                state.library.categories = (state.library.categories + [item.category]).sorted()
            }
            return []
        case let .alreadyInLibrary(existing):
            state.notice = Notice("“\(existing.title)” is already in your library with the same text; nothing was added.")
            if let index = state.library.items.firstIndex(where: { $0.id == existing.id }), state.reader == nil {
                state.library.selected = index
            }
            return []
        case .requestDelete:
            return requestDelete(&state)
        case let .answerDelete(yes):
            guard let pending = state.library.pendingDeletion else { return [] }
            state.library.pendingDeletion = nil
            guard yes else {
                state.notice = Notice("“\(pending.title)” was not deleted.")
                return []
            }
            state.notice = Notice("Deleting “\(pending.title)”…")
            return [.deleteDocument(id: pending.documentId, title: pending.title, userId: state.settings.userId)]
        case let .deleted(deletion):
            let document = deletion.document
            state.notice = Notice("Deleted “\(document.title)” with \(count(deletion.summariesDeleted, "summary", "summaries")) "
                                  + "and \(count(deletion.examsDeleted, "exam", "exams")).")
            return removeDocument(&state, id: document.id)
        }
    }

    /// `d` or Delete: the open document in the reader, else the selected one. Someone else's
    /// document is refused here, before asking (the store checks the owner again).
    static func requestDelete(_ state: inout AppState) -> [Effect] {
        let target: (id: String, title: String, owner: String?)
        if let reader = state.reader {
            let listed = state.library.items.first { $0.id == reader.documentId }
            target = (reader.documentId, reader.title, reader.owner ?? listed?.owner)
        } else if let item = state.library.selectedItem {
            target = (item.id, item.title, item.owner)
        } else {
            state.notice = Notice("Select a document in the Library to delete it.", isError: true)
            return []
        }
        if let owner = target.owner, owner != state.settings.userId {
            state.notice = Notice("Only the owner of “\(target.title)” can delete it; it stays in the library.", isError: true)
            return []
        }
        state.library.pendingDeletion = PendingDeletion(documentId: target.id, title: target.title)
        state.notice = nil
        return []
    }

    /// Takes a deleted document out of the list, closes it in the reader, and lets the Summaries
    /// and Exams panes forget it (they load the next selected document's when focused).
    static func removeDocument(_ state: inout AppState, id: String) -> [Effect] {
        if let index = state.library.items.firstIndex(where: { $0.id == id }) {
            state.library.items.remove(at: index)
            state.library.selected = min(state.library.selected, max(0, state.library.items.count - 1))
        }
        if state.reader?.documentId == id { state.reader = nil }
        state.readerPositions[id] = nil
        if state.library.pendingDeletion?.documentId == id { state.library.pendingDeletion = nil }
        // `now` is unused by this action (it stamps ratings only).
        return reduceSummaries(&state, .documentDeleted(contentId: id), now: .now())
            + reduceExams(&state, .documentDeleted(contentId: id))
    }

    /// A delete that failed; a document someone else deleted meanwhile leaves the list too.
    static func deleteFailed(_ state: inout AppState, _ failure: EffectFailure) -> [Effect] {
        guard case let .deleteDocument(id, _) = failure.operation, failure.error == .documentGone else { return [] }
        return removeDocument(&state, id: id)
    }

    /// "1 summary", "3 summaries".
    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    /// `:category NAME`: filters by a category, matched without regard to case. A name that is
    /// not a category is refused with the list of those that exist, when every document has been
    /// listed (otherwise the filtered list is asked for, and an empty answer says the same).
    static func setCategory(_ state: inout AppState, _ requested: String?) -> [Effect] {
        var category = requested?.isEmpty == true ? nil : requested
        if let name = category {
            let known = state.library.categories
            if let match = known.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                category = match
            } else if state.library.loaded, state.library.next == nil, state.library.query == nil, state.library.category == nil {
                state.notice = Notice(noSuchCategory(name, known: known), isError: true)
                return []
            }
        }
        state.library.category = category
        state.library.query = nil
        state.reader = nil
        state.notice = nil
        return reloadLibrary(&state)
    }

    static func noSuchCategory(_ name: String, known: [String]) -> String {
        let list = known.isEmpty ? "the library has no categories yet" : "categories: " + known.joined(separator: ", ")
        return "There is no category '\(name)'; \(list). :category alone shows everything."
    }

    /// Starts the library list again for the current category or search; answers to the previous
    /// request are dropped by id.
    static func reloadLibrary(_ state: inout AppState) -> [Effect] {
        state.library.requestId += 1
        state.library.items = []
        state.library.next = nil
        state.library.selected = 0
        state.library.loading = true
        return [.loadLibrary(requestId: state.library.requestId, category: state.library.category,
                             query: state.library.query, cursor: nil, limit: state.settings.libraryPageSize)]
    }

    /// Loads the next page when the selection comes near the end of what is loaded.
    static func loadMoreLibraryIfNeeded(_ state: inout AppState) -> [Effect] {
        let library = state.library
        guard !library.loading, let next = library.next, library.selected >= library.items.count - 20 else { return [] }
        state.library.loading = true
        return [.loadLibrary(requestId: library.requestId, category: library.category, query: library.query,
                             cursor: next, limit: state.settings.libraryPageSize)]
    }
}
