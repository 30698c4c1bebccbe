import ArgumentParser
import Foundation
import StudyModel
import StudyStore
#if canImport(Glibc)
import Glibc
#endif

/// `studycircle library add|list|delete`.
struct LibraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library", abstract: "Add documents to the library, list them, or delete one.",
        subcommands: [Add.self, List.self, Delete.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add .txt, .md or .pdf files (PDF needs pdftotext from poppler-utils).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Category for the new documents.") var category = "general"
        @Argument(help: "Files to add.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to add.") }
        }

        /// Files per store write: one transaction on SQLite, and a bounded amount of text in memory.
        static let batchSize = 500

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let importer = DocumentImporter()
            var failures = 0
            for start in stride(from: 0, to: files.count, by: Self.batchSize) {
                let paths = Array(files[start..<min(start + Self.batchSize, files.count)])
                // Read and check every file of the batch, then store the good ones at once;
                // the lines are printed in the order of the files either way.
                var read: [Result<Content, Error>] = []
                for path in paths {
                    read.append(Result { try importer.document(from: path, owner: user.id, category: category) })
                }
                let documents = read.compactMap { try? $0.get() }
                let stored: [Result<DocumentAddition, Error>]
                do {
                    stored = try await context.store.addDocuments(documents)
                } catch {
                    stored = documents.map { _ in .failure(error) }
                }
                var next = stored.makeIterator()
                for (offset, (path, document)) in zip(paths, read).enumerated() {
                    let counter = files.count > 1 ? "[\(start + offset + 1)/\(files.count)] " : ""
                    let outcome = document.flatMap { _ in next.next() ?? .failure(StoreError.conflict(entity: "document", id: "")) }
                    if !report(outcome, path: path, counter: counter) { failures += 1 }
                }
            }
            if failures > 0 {
                Output.error("\(failures) of \(files.count) files were not added (or not confirmed); the others are in the library.")
                throw ExitCode(1)
            }
        }

        /// Prints what happened to one file; false when it was not added (or not confirmed).
        func report(_ outcome: Result<DocumentAddition, Error>, path: String, counter: String) -> Bool {
            switch outcome {
            case .success(.added(let stored)):
                print("\(counter)Added “\(TextSafety.plain(stored.title))” (\(stored.sourceMetadata.wordCount) words) from \(TextSafety.plain(path))")
            case .success(.alreadyPresent(let existing)):
                print("\(counter)Already in your library: \(TextSafety.plain(path)) is unchanged since it was added as \(existing.id) “\(TextSafety.plain(existing.title))”; nothing added.")
            case .failure(StoreError.outcomeUnknown(let known)):
                Output.error("\(counter)\(TextSafety.plain(path)): \(known) Running the same command again is safe: a document already stored is recognised and not added twice.")
                return false
            case .failure(let error):
                Output.error("\(counter)Skipped \(CLIError.message(for: error))")
                return false
            }
            return true
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List documents, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this category.") var category: String?
        @Option(help: "Only documents matching these words.") var search: String?
        @Option(help: "How many to show.") var limit = 50

        func run() async throws {
            let context = try await CommandContext.open(global)
            _ = try await context.currentUser()
            let page = PageRequest(limit: limit)
            let docs = try await CLIError.wrapAsync {
                if let search { return try await context.store.content.search(search, page) }
                return try await context.store.content.list(category: category, page)
            }
            for doc in docs.items {
                print("\(doc.id)  \(TextSafety.plain(doc.title))  [\(TextSafety.plain(doc.category))]  \(doc.sourceMetadata.wordCount) words")
            }
            if docs.items.isEmpty { print("No documents found.") }
            if docs.next != nil { print("… more; use --limit to see more.") }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete one of your documents, with its summaries and exams.",
            discussion: "Asks for confirmation on a terminal; pass --yes in scripts. Only the owner can delete a document.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Document id (see `studycircle library list`).") var id: String
        @Flag(name: [.customLong("yes"), .customShort("y")], help: "Do not ask for confirmation.") var yes = false

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            try await CLIError.wrapAsync {
                guard let document = try await context.store.content.get(id: id) else {
                    throw CLIError(description: "No document with id '\(TextSafety.plain(id))'. See `studycircle library list`.")
                }
                guard document.owner == user.id else {
                    throw CLIError(description: "Only the owner of “\(TextSafety.plain(document.title))” can delete it; nothing was deleted.")
                }
                if !yes {
                    guard isatty(STDIN_FILENO) == 1 else {
                        throw CLIError(description: "Deleting needs confirmation: add --yes to delete “\(TextSafety.plain(document.title))” with its summaries and exams.")
                    }
                    guard ConfirmPrompt.yes("Delete “\(TextSafety.plain(document.title))” with its summaries and exams? Type yes: ") else {
                        throw CLIError(description: "Not deleted.")
                    }
                }
                let done = try await context.store.deleteDocument(id: id, requestedBy: user.id)
                print("Deleted “\(TextSafety.plain(done.document.title))” (\(done.document.id)) with \(done.summariesDeleted) summaries and \(done.examsDeleted) exams.")
            }
        }
    }
}
