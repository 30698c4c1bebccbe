import Foundation
import GRDB
import StudyModel
import StudyStore

/// Builds the services of the embedded SQLite backend.
public enum SQLiteStore {
    /// Opens (creating and migrating when needed) the database at `path` and returns its services.
    /// `migrate: false` is for the admin commands (`setup`, `tables`, `doctor`), which must
    /// see the schema as it is rather than create it as a side effect.
    public static func open(path: String, migrate: Bool = true) throws -> StudyStore {
        let db = try SQLiteDatabase(path: path, migrate: migrate)
        return make(db)
    }

    public static func make(_ db: SQLiteDatabase) -> StudyStore {
        StudyStore(
            backendName: "sqlite:\(db.path)",
            users: SQLiteUserService(db: db), content: SQLiteContentService(db: db),
            summaries: SQLiteSummaryService(db: db), exams: SQLiteExamService(db: db),
            templates: SQLiteTemplateService(db: db), rooms: SQLiteChatRoomService(db: db),
            messages: SQLiteMessageService(db: db), meetings: SQLiteMeetingService(db: db),
            projects: SQLiteProjectService(db: db), admin: SQLiteAdmin(db: db))
    }
}

/// `setup`, `tables` and `doctor` for the embedded database.
struct SQLiteAdmin: StoreAdmin {
    let db: SQLiteDatabase

    public func setup(progress: @Sendable (String) -> Void) async throws -> [String] {
        let before = Set(try db.appliedVersions())
        try SQLiteSchema.migrator.migrate(db.pool)
        let after = try db.appliedVersions()
        let applied = after.filter { !before.contains($0) }
        var lines = applied.map { "Applied schema version \($0)." }
        if applied.isEmpty { lines.append("Schema is up to date (version \(after.last ?? "none")); nothing to do.") }
        lines.append("Database: \(db.path)")
        lines.forEach(progress)
        return lines
    }

    public func listTables() async throws -> [TableInfo] {
        try await db.read { database in
            try SQLiteSchema.tables.filter { try database.tableExists($0) }.map { name in
                let count = name == "content_fts" ? nil : try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM \(name)")
                return TableInfo(name: name, status: "ok", itemCount: count)
            }
        }
    }

    public func tablesToDelete() async throws -> [String] {
        try await listTables().map(\.name)
    }

    public func deleteTables() async throws -> [String] {
        let names = try await tablesToDelete()
        try await db.write { database in
            // The FTS table and its triggers go first: they refer to `content`.
            for trigger in ["content_ai", "content_ad", "content_au"] {
                try database.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
            }
            for name in ["content_fts"] + names.filter({ $0 != "content_fts" }) {
                try database.execute(sql: "DROP TABLE IF EXISTS \(name)")
            }
            try database.execute(sql: "DROP TABLE IF EXISTS grdb_migrations")
        }
        return names
    }

    public func healthChecks() async -> [HealthCheck] {
        var checks: [HealthCheck] = []
        checks.append(HealthCheck(name: "database file", status: .ok, detail: db.path))
        if let attributes = try? FileManager.default.attributesOfItem(atPath: db.path),
           let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue {
            let privateFile = mode & 0o077 == 0
            checks.append(HealthCheck(
                name: "file permissions", status: privateFile ? .ok : .warning,
                detail: String(format: "mode %03o", mode),
                fix: privateFile ? "" : "Others can read your study data: run `chmod 600 \(db.path)`."))
        }
        do {
            let versions = try db.appliedVersions()
            let known = SQLiteDatabase.schemaVersions
            let current = versions.last ?? "none"
            if versions.count < known.count {
                checks.append(HealthCheck(name: "schema", status: .problem, detail: "version \(current) of \(known.last ?? "")",
                                          fix: versions.isEmpty ? "Run `studycircle setup`, or just start `studycircle`: it creates the database." : "Run `studycircle setup` to upgrade the schema."))
            } else {
                checks.append(HealthCheck(name: "schema", status: .ok, detail: "version \(current)"))
            }
            let mode = try await db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
            checks.append(HealthCheck(name: "journal", status: mode == "wal" ? .ok : .warning, detail: mode,
                                      fix: mode == "wal" ? "" : "The database is not in WAL mode; several terminals may block each other."))
            let integrity = try await db.read { try String.fetchOne($0, sql: "PRAGMA quick_check") ?? "" }
            checks.append(HealthCheck(name: "integrity", status: integrity == "ok" ? .ok : .problem, detail: integrity,
                                      fix: integrity == "ok" ? "" : "The database is damaged. Export what you can with `studycircle export`, then start a new file."))
        } catch {
            checks.append(HealthCheck(name: "database", status: .problem, detail: "\(error)",
                                      fix: "Check the file with `studycircle doctor`, or pass another file with --db."))
        }
        return checks
    }
}
