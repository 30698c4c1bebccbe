import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle library add|list`.
struct LibraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library", abstract: "Add documents to the library or list it.",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add .txt, .md or .pdf files (PDF needs pdftotext from poppler-utils).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Category for the new documents.") var category = "general"
        @Argument(help: "Files to add.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to add.") }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let importer = DocumentImporter()
            var failures = 0
            for (index, path) in files.enumerated() {
                let counter = files.count > 1 ? "[\(index + 1)/\(files.count)] " : ""
                do {
                    let document = try importer.document(from: path, owner: user.id, category: category)
                    let stored = try await context.store.content.create(document)
                    print("\(counter)Added “\(TextSafety.plain(stored.title))” (\(stored.sourceMetadata.wordCount) words) from \(path)")
                } catch {
                    failures += 1
                    Output.error("\(counter)Skipped \(CLIError.message(for: error))")
                }
            }
            if failures > 0 {
                Output.error("\(failures) of \(files.count) files were not added; nothing else changed.")
                throw ExitCode(1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List documents, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this category.") var category: String?
        @Option(help: "Only documents matching these words.") var search: String?
        @Option(help: "How many to show.") var limit = 50

        func run() async throws {
            let context = try await CommandContext.open(global)
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
}
