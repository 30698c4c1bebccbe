import ArgumentParser
import Foundation
import StudyBackend
import StudyStore

/// `studycircle setup`: create or upgrade the schema; safe to run again.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create or upgrade the tables (SQLite schema or DynamoDB tables). Safe to run again.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try await CommandContext.open(global, admin: true)
        _ = try await CLIError.wrapAsync {
            try await context.store.admin.setup { line in print(line) }
        }
    }
}

/// `studycircle tables list|delete`.
struct TablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables", abstract: "List or delete StudyCircle's tables.",
        subcommands: [List.self, Delete.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tables with their status and item counts.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try await CommandContext.open(global, admin: true)
            let tables = try await CLIError.wrapAsync { try await context.store.admin.listTables() }
            print("Backend: \(context.store.backendName)")
            if tables.isEmpty { print("No tables yet. Run `studycircle setup`.") }
            for table in tables {
                let count = table.itemCount.map { "\($0) items" } ?? ""
                print("  \(table.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(table.status.padding(toLength: 10, withPad: " ", startingAt: 0)) \(count)")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete StudyCircle's tables and everything in them. Requires --confirm.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Really delete. Without it, only says what would be deleted.")
        var confirm = false

        func run() async throws {
            let context = try await CommandContext.open(global, admin: true)
            let names = try await CLIError.wrapAsync { try await context.store.admin.tablesToDelete() }
            guard confirm else {
                print("This would delete \(names.count) tables of \(context.store.backendName) and all their data:")
                names.forEach { print("  \($0)") }
                print("Nothing was deleted. Run again with --confirm to delete them.")
                throw ExitCode(2)
            }
            let deleted = try await CLIError.wrapAsync { try await context.store.admin.deleteTables() }
            deleted.forEach { print("Deleted \($0)") }
            print("Deleted \(deleted.count) tables. Run `studycircle setup` to create them again.")
        }
    }
}

/// `studycircle doctor`: checks configuration, backend and schema, and explains each problem.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check configuration, credentials, database and tables, and explain any problem.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let report = await Doctor.run(global.overrides)
        for check in report {
            let mark = switch check.status { case .ok: "ok     "; case .warning: "warning"; case .problem: "PROBLEM" }
            print("[\(mark)] \(check.name): \(check.detail)")
            if !check.fix.isEmpty { print("          → \(check.fix)") }
        }
        let problems = report.filter { $0.status == .problem }.count
        print(problems == 0 ? "\nAll checks passed." : "\n\(problems) problem(s) found.")
        if problems > 0 { throw ExitCode(1) }
    }
}
