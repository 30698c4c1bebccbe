import ArgumentParser
import Foundation
import StudyBackend
import StudyConfig
import StudyStore

/// `studycircle export FILE`: everything, as JSON Lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write all data to a JSON Lines file (`-` for standard output).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to write; an existing file is not overwritten without --force.") var file: String
    @Flag(help: "Overwrite an existing file.") var force = false

    func run() async throws {
        let context = try await CommandContext.open(global)
        if file != "-" && FileManager.default.fileExists(atPath: file) && !force {
            throw CLIError(description: "\(file) already exists; pass --force to overwrite it.")
        }
        let output: FileHandle
        if file == "-" {
            output = FileHandle.standardOutput
        } else {
            guard FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: file) else {
                throw CLIError(description: "Cannot write \(file). Check the folder exists and is writable.")
            }
            output = handle
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var counts = TransferCounts()
        var buffer = Data()
        try await CLIError.wrapAsync {
            try await DataTransfer.export(context.store) { record in
                buffer.append(try encoder.encode(record))
                buffer.append(0x0A)
                counts.written[record.typeName, default: 0] += 1
                if buffer.count > 1 << 20 { output.write(buffer); buffer.removeAll(keepingCapacity: true) }
                if counts.total % 5000 == 0 { Progress.line("exported \(counts.total) records…") }
            }
        }
        output.write(buffer)
        if file != "-" { try output.close() }
        Progress.done("Exported \(counts) from \(context.store.backendName).")
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
            throw CLIError(description: "Cannot read \(file): no such file or not readable.")
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
        var counts = TransferCounts()
        try await CLIError.wrapAsync {
            for (i, record) in records.enumerated() {
                counts.add(try await DataTransfer.importRecord(record, into: context.store), record.typeName)
                if i % 2000 == 1999 { Progress.line("imported \(i + 1) of \(records.count) records…") }
            }
        }
        Progress.done("Imported \(counts) into \(context.store.backendName).")
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
        let target = try await CLIError.wrapAsync { try await StoreFactory.open(targetSettings) }
        if target.backendName == source.store.backendName {
            throw CLIError(description: "Source and target are the same (\(target.backendName)); name another target.")
        }
        _ = try await CLIError.wrapAsync { try await target.admin.setup { _ in } }
        let counts = try await CLIError.wrapAsync {
            try await DataTransfer.migrate(from: source.store, to: target) { Progress.line("copied \($0)…") }
        }
        Progress.done("Copied \(counts) from \(source.store.backendName) to \(target.backendName).")
    }
}

/// Progress on standard error, rewritten in place on a terminal.
enum Progress {
    static let interactive = isatty(STDERR_FILENO) == 1

    static func line(_ text: String) {
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    static func done(_ text: String) {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(text)
    }
}
