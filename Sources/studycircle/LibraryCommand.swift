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
            abstract: "Add .txt, .md or .pdf files (PDF needs pdftotext from poppler-utils).",
            discussion: """
                A folder adds every .txt, .md and .pdf file in it and its subfolders (hidden ones left out). \
                For many files, name their folder or a list of paths (--from-list) rather than each file: \
                thousands of arguments slow the shell and the command down.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Category for the new documents.") var category = "general"
        @Option(name: .customLong("from-list"), help: ArgumentHelp(
            "Also add the paths listed in this file, one per line ('-' reads them from standard input).",
            valueName: "file"))
        var fromList: String?
        @Argument(help: "Files or folders to add.") var files: [String] = []

        func validate() throws {
            if files.isEmpty && fromList == nil { throw ValidationError("Name at least one file or folder to add, or a list of paths with --from-list.") }
        }

        /// Files per store write: one transaction on SQLite, and a bounded amount of text in memory.
        static let batchSize = 500

        func run() async throws {
            let paths = try CLIError.wrap { try expandedPaths() }
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            var tally = AddTally()
            if !paths.skippedInFolders.isEmpty {
                let shown = paths.skippedInFolders.prefix(3).map(TextSafety.plain).joined(separator: ", ")
                let more = paths.skippedInFolders.count > 3 ? " and \(paths.skippedInFolders.count - 3) more" : ""
                let files = paths.skippedInFolders.count == 1 ? "1 file" : "\(paths.skippedInFolders.count) files"
                Output.error("Left out \(files) in the folders that \(paths.skippedInFolders.count == 1 ? "is" : "are") not .txt, .md or .pdf: \(shown)\(more).")
            }
            guard !paths.files.isEmpty else {
                Output.error("No .txt, .md or .pdf files to add; nothing was added.")
                throw ExitCode(1)
            }
            let files = paths.files
            let importer = DocumentImporter()
            let (owner, category) = (user.id, self.category)
            /// Reads and checks the files of the batch starting at `start` (nil past the end).
            func reading(from start: Int) -> Task<[Result<Content, Error>], Never>? {
                guard start < files.count else { return nil }
                let batch = Array(files[start..<min(start + Self.batchSize, files.count)])
                return Task.detached {
                    batch.map { path in Result { try importer.document(from: path, owner: owner, category: category) } }
                }
            }
            // Read and check every file of a batch, then store the good ones at once; the next
            // batch is read meanwhile (on the other core), and the lines are printed in the
            // order of the files either way.
            var pending = reading(from: 0)
            for start in stride(from: 0, to: files.count, by: Self.batchSize) {
                guard let current = pending else { break }
                let read = await current.value
                pending = reading(from: start + Self.batchSize)
                let batch = files[start..<min(start + Self.batchSize, files.count)]
                let documents = read.compactMap { try? $0.get() }
                let stored: [Result<DocumentAddition, Error>]
                do {
                    stored = try await context.store.addDocuments(documents)
                } catch {
                    stored = documents.map { _ in .failure(error) }
                }
                var next = stored.makeIterator()
                for (offset, (path, document)) in zip(batch, read).enumerated() {
                    let counter = files.count > 1 ? "[\(start + offset + 1)/\(files.count)] " : ""
                    let outcome = document.flatMap { _ in next.next() ?? .failure(StoreError.conflict(entity: "document", id: "")) }
                    tally.count(outcome)
                    report(outcome, path: path, counter: counter)
                }
            }
            if files.count > 1 { print(tally.summary) }
            if tally.failed > 0 {
                Output.error("\(tally.failed) of \(files.count) files were not added (or not confirmed); the others are in the library.")
                throw ExitCode(1)
            }
        }

        /// The arguments and the listed paths, folders walked (see `LibraryPaths`).
        func expandedPaths() throws -> LibraryPaths.Expansion {
            var arguments = files
            if let fromList {
                let text: String
                if fromList == "-" {
                    text = try StandardInput.readText(limit: 64 * 1_048_576, what: "list of paths", instead: "or name the list's file with --from-list")
                } else {
                    guard let data = FileManager.default.contents(atPath: fromList) else {
                        throw CLIError(description: "Cannot read the list of paths \(TextSafety.plain(fromList)): no such file, or not readable. Check the path.")
                    }
                    guard let listed = String(validating: data, as: UTF8.self) else {
                        throw CLIError(description: "The list of paths \(TextSafety.plain(fromList)) is not UTF-8 text. Save it as UTF-8, one path per line.")
                    }
                    text = listed
                }
                arguments += LibraryPaths.list(text)
            }
            return LibraryPaths.expand(arguments)
        }

        /// Prints what happened to one file.
        func report(_ outcome: Result<DocumentAddition, Error>, path: String, counter: String) {
            switch outcome {
            case .success(.added(let stored)):
                print("\(counter)Added “\(TextSafety.plain(stored.title))” (\(stored.sourceMetadata.wordCount) words) from \(TextSafety.plain(path))")
            case .success(.alreadyPresent(let existing)):
                print("\(counter)Already in your library: \(TextSafety.plain(path)) is unchanged since it was added as \(existing.id) “\(TextSafety.plain(existing.title))”; nothing added.")
            case .failure(StoreError.outcomeUnknown(let known)):
                Output.error("\(counter)\(TextSafety.plain(path)): \(known) Running the same command again is safe: a document already stored is recognised and not added twice.")
            case .failure(let error):
                Output.error("\(counter)Skipped \(CLIError.message(for: error))")
            }
        }
    }

    /// What happened to the files of one `library add`, for its closing line.
    struct AddTally {
        var added = 0
        var alreadyPresent = 0
        var failed = 0

        mutating func count(_ outcome: Result<DocumentAddition, Error>) {
            switch outcome {
            case .success(.added): added += 1
            case .success(.alreadyPresent): alreadyPresent += 1
            case .failure: failed += 1
            }
        }

        var summary: String {
            "\(added) added, \(alreadyPresent) already in your library (not added again), \(failed) not added."
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
