import Foundation
import GRDB
import StudyModel

/// The embedded database: one SQLite file in WAL mode that several processes may share.
public final class SQLiteDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed, with mode 0600) and migrates the database at `path`.
    /// A file that is not a SQLite database is left untouched and reported as corrupt.
    public init(path: String, migrate: Bool = true) throws {
        self.path = path
        try Self.prepareFile(at: path)
        var config = Configuration()
        // Several terminals may write at once: wait for the lock instead of failing.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if migrate {
                try pool.write { db in
                    if try SQLiteSchema.migrator.hasBeenSuperseded(db) {
                        throw StoreError.unavailable(
                            "The database \(path) was written by a newer StudyCircle. Update StudyCircle, or use another file with --db.")
                    }
                }
                try SQLiteSchema.migrator.migrate(pool)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.corrupt(Self.corruptMessage(path))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_PERM {
            throw StoreError.unavailable("StudyCircle cannot open \(path) (\(error.message ?? "permission denied")). Check the file's permissions, or choose another file with --db.")
        }
    }

    /// Applies migrations up to (and including) `version` only. For tests of upgrades.
    public static func migrate(path: String, upTo version: String) throws {
        try prepareFile(at: path)
        let pool = try DatabasePool(path: path)
        try SQLiteSchema.migrator.migrate(pool, upTo: version)
    }

    /// The schema versions this build knows, oldest first.
    public static var schemaVersions: [String] { SQLiteSchema.migrator.migrations }

    /// Applied schema versions of this file.
    public func appliedVersions() throws -> [String] {
        try pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw Self.translate(error, path: path) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw Self.translate(error, path: path) }
    }

    static func translate(_ error: Error, path: String) -> Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.corrupt(corruptMessage(path))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.unavailable("The database \(path) stayed locked by another program for 10 seconds. Close other StudyCircle windows or try again.")
        case .SQLITE_FULL: return StoreError.unavailable("The disk holding \(path) is full. Free some space and try again.")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return StoreError.unavailable("StudyCircle cannot write to \(path). Check the file's permissions.")
        default: return error
        }
    }

    static func corruptMessage(_ path: String) -> String {
        "The file \(path) is not a StudyCircle database (or it is damaged). It was left untouched. Move it aside, or pass another file with --db."
    }

    /// Creates the parent folder (0700) and an empty file (0600) when missing, and refuses
    /// anything that is not a regular SQLite file, before SQLite touches it.
    static func prepareFile(at path: String) throws {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.unavailable("StudyCircle cannot create the folder \(dir) for its database. Check permissions, or pass --db PATH.")
            }
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue {
                throw StoreError.unavailable("\(path) is a folder, not a database file. Pass a file path with --db.")
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw StoreError.unavailable("StudyCircle cannot read \(path). Check the file's permissions.")
            }
            defer { try? handle.close() }
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
                throw StoreError.corrupt(corruptMessage(path))
            }
        } else {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd < 0 && errno != EEXIST {
                throw StoreError.unavailable("StudyCircle cannot create \(path): \(String(cString: strerror(errno))). Check permissions, or pass --db PATH.")
            }
            if fd >= 0 { close(fd) }
        }
    }
}
