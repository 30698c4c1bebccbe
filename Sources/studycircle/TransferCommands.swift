import ArgumentParser
import Foundation
import StudyBackend
import StudyConfig
import StudyModel
import StudyStore

/// `studycircle export FILE`: everything, as JSON Lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write all data to a JSON Lines file (`-` for standard output).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to write; an existing file is not overwritten without --force.") var file: String
    @Flag(help: "Overwrite an existing file.") var force = false
    @Flag(help: "Save what is readable from a damaged database: skip (and list) the parts that cannot be read.")
    var salvage = false

    func run() async throws {
        // Salvage opens the file as it is (no schema check or upgrade, which would need the
        // damaged pages); a plain export opens it like every other command.
        let context = try await CommandContext.open(global, admin: salvage)
        try await CommandContext.requireAdmin(of: context.store, backend: context.settings.dbType, settings: context.settings, doing: "exporting")
        if file != "-" && FileManager.default.fileExists(atPath: file) && !force {
            throw CLIError(description: "\(file) already exists; pass --force to overwrite it.")
        }
        let output: Int32
        if file == "-" {
            output = STDOUT_FILENO
        } else {
            output = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard output >= 0 else {
                throw CLIError(description: "Cannot write \(file) (\(String(cString: strerror(errno)))). Check the folder exists and is writable.")
            }
        }
        defer { if output != STDOUT_FILENO { close(output) } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var counts = TransferCounts()
        var buffer = Data()
        var skipped = 0
        let progress = TransferProgress(verb: "exporting", expected: await DataTransfer.expectedCounts(context.store))
        try await CLIError.wrapAsync {
            try await DataTransfer.export(context.store, salvage: salvage ? { part, error in
                skipped += 1
                Output.error("Skipped \(part): \(Self.salvageReason(error))")
            } : nil) { record in
                // Each line is exact JSON; what a terminal could act on is \u-escaped.
                let line = JSONEscaping.terminalSafe(String(decoding: try encoder.encode(record), as: UTF8.self))
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                counts.written[record.typeName, default: 0] += 1
                if buffer.count > 1 << 20 { try Output.data(buffer, to: output); buffer.removeAll(keepingCapacity: true) }
                progress.update(counts)
            }
        }
        try Output.data(buffer, to: output)
        progress.finish("Exported \(counts) from \(context.store.backendName).", onStandardError: file == "-")
        if skipped > 0 {
            Output.error("\(skipped) part(s) could not be read and are missing from \(file == "-" ? "the output" : file) (listed above); everything else was saved.")
        }
    }
}

extension ExportCommand {
    /// Why a part was skipped, short: the full advice for a damaged file is what led here.
    static func salvageReason(_ error: Error) -> String {
        if case StoreError.corrupt = error { return "the database is damaged there." }
        return CLIError.message(for: error)
    }
}

/// `studycircle import FILE`: the whole file is checked first; then records are written,
/// skipping those already present.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read a JSON Lines export into the current backend. Safe to run again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "An export file.") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(description: "Cannot read \(file): no such file, a folder, or not readable.")
        }
        let decoder = JSONDecoder()
        var records: [TransferRecord] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            do {
                records.append(try decoder.decode(TransferRecord.self, from: Data(line)))
            } catch {
                throw CLIError(description: "\(file) line \(index + 1) is not a StudyCircle record (\(Self.reason(error))). Nothing was imported.")
            }
        }
        let context = try await CommandContext.open(global)
        try await CommandContext.requireAdmin(of: context.store, backend: context.settings.dbType, settings: context.settings, doing: "importing")
        var counts = TransferCounts()
        let expected = Dictionary(grouping: records, by: \.typeName).mapValues(\.count)
        let progress = TransferProgress(verb: "importing", expected: expected)
        // Messages and documents go in batches (one transaction each on SQLite).
        try await CLIError.wrapAsync {
            counts = try await DataTransfer.importRecords(records, into: context.store) { progress.update($0) }
        }
        progress.finish("Imported \(counts) into \(context.store.backendName).")
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c): return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let c): return "missing value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}

/// `studycircle migrate --to-db-type dynamodb`: copies everything from the configured backend
/// into another one, page by page.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy all data from the configured backend into another (e.g. SQLite → DynamoDB). Safe to run again.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("to-db-type"), help: "Target backend: sqlite, dynamodb or mongodb.") var toDbType: String
    @Option(name: .customLong("to-db"), help: "Target SQLite file.") var toDb: String?
    @Option(name: .customLong("to-table-prefix"), help: "Target DynamoDB table prefix.") var toTablePrefix: String?
    @Option(name: .customLong("to-endpoint"), help: "Target DynamoDB endpoint.") var toEndpoint: String?
    @Option(name: .customLong("to-mongodb-uri"), help: "Target MongoDB connection string (default: MONGODB_URI).") var toMongoURI: String?

    func run() async throws {
        let source = try await CommandContext.open(global)
        let targetSettings = try CLIError.wrap {
            try SettingsLoader().load(Overrides(dbType: toDbType, db: toDb, tablePrefix: toTablePrefix, endpoint: toEndpoint,
                                                mongoURI: toMongoURI))
        }
        try await CommandContext.requireAdmin(of: source.store, backend: source.settings.dbType, settings: source.settings, doing: "migrating")
        let target = try await CLIError.wrapAsync { try await StoreFactory.open(targetSettings) }
        if target.backendName == source.store.backendName {
            throw CLIError(description: "Source and target are the same (\(target.backendName)); name another target.")
        }
        _ = try await CLIError.wrapAsync { try await target.admin.setup { _ in } }
        try await CommandContext.requireAdmin(of: target, backend: targetSettings.dbType, settings: source.settings, doing: "migrating")
        let progress = TransferProgress(verb: "copying", expected: await DataTransfer.expectedCounts(source.store))
        let counts = try await CLIError.wrapAsync {
            try await DataTransfer.migrate(from: source.store, to: target) { progress.update($0) }
        }
        progress.finish("Copied \(counts) from \(source.store.backendName) to \(target.backendName).")
    }
}

