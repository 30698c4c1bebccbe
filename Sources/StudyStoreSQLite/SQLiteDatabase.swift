import Foundation
import GRDB
import StudyModel
import StudyStore

/// The embedded database: one SQLite file in WAL mode that several processes may share.
public final class SQLiteDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// True when the disk was full at open: the file is then opened read-only, so that
    /// reading still works, and writes say the disk is full.
    public let readOnlyBecauseDiskFull: Bool

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
            // Readers keep a small page cache (256 KiB instead of SQLite's 2 MB each): the file's
            // pages stay in the system's page cache, so a page read again costs one read(2),
            // while every reader's own cache was private memory of the app (issue 13). The
            // writer keeps the default, so that large transactions do not spill pages early.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -256") }
        }
        do {
            do {
                pool = try Self.openAndMigrate(path: path, config, migrate: migrate)
                readOnlyBecauseDiskFull = false
            } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
                // Opening a WAL database writes (GRDB primes the -wal file); on a full disk
                // that fails. A read-only connection writes nothing, so reads still work.
                var readOnly = config
                readOnly.readonly = true
                // Read-only needs the -shm file; when even that cannot be made, the file is
                // read as immutable (no locks, no -shm): nobody can write on a full disk anyway.
                guard let pool = (try? Self.openAndMigrate(path: path, readOnly, migrate: migrate))
                        ?? (try? Self.openAndMigrate(path: Self.immutableURI(path), readOnly, migrate: migrate)) else { throw error }
                self.pool = pool
                readOnlyBecauseDiskFull = true
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    private static func openAndMigrate(path: String, _ config: Configuration, migrate: Bool) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: config)
        if migrate {
            // A read first: an up-to-date file (the usual case) is then opened without any
            // write, so reading works on a full disk or a file that is busy being written.
            let state = try pool.read { db in
                (superseded: try SQLiteSchema.migrator.hasBeenSuperseded(db),
                 current: try SQLiteSchema.migrator.hasCompletedMigrations(db))
            }
            if state.superseded {
                throw StoreError.unavailable(
                    "The database \(path) was written by a newer StudyCircle. Update StudyCircle, or use another file with --db.")
            }
            if !state.current {
                // Read-only (full disk): an upgrade cannot be written now.
                if config.readonly { throw DatabaseError(resultCode: .SQLITE_FULL) }
                try SQLiteSchema.migrator.migrate(pool)
            }
        }
        return pool
    }

    /// True when the file system holding `path` has no space left for us.
    static func diskIsFull(_ path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_bavail == 0
    }

    /// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for ch in path {
            switch ch {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(ch)
            }
        }
        return "file:\(escaped)?immutable=1"
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
        // Once any command found damage, no command writes into the file (which could spread
        // it); reads go on, so that what is readable can still be saved.
        if DamageMark.isSet(path) { throw StoreError.corrupt(Self.damagedMessage(path)) }
        do { return try await pool.write(body) } catch {
            if readOnlyBecauseDiskFull, let db = error as? DatabaseError, db.resultCode == .SQLITE_READONLY {
                if Self.diskIsFull(path) {
                    throw StoreError.unavailable("The disk holding \(path) is full: StudyCircle can show what is stored but not save anything. Free some space and try again.")
                }
                throw StoreError.unavailable("StudyCircle could open \(path) only for reading (the disk reported an error when it was opened), so nothing was saved. Check the disk, then try again.")
            }
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: Error, path: String) -> Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            DamageMark.set(path)
            return StoreError.corrupt(damagedMessage(path))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.unavailable("The database \(path) stayed locked by another program for 10 seconds. Close other StudyCircle windows or try again.")
        case .SQLITE_FULL: return StoreError.unavailable("The disk holding \(path) is full. Free some space and try again.")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return StoreError.unavailable("StudyCircle cannot open or write \(path) (\(db.message ?? "permission denied")). Check the permissions of the file and its folder (`chmod 600 \(path)`), or choose another file with --db.")
        default: return error
        }
    }

    /// For a file that is not SQLite at all: refused before SQLite opened it, so this is true.
    static func corruptMessage(_ path: String) -> String {
        "The file \(path) is not a StudyCircle database. It was left untouched. Move it aside, or pass another file with --db."
    }

    /// For damage SQLite found inside a database file. Every command says the same; the
    /// advice is the salvage that `doctor` also gives.
    public static func damagedMessage(_ path: String) -> String {
        "The database \(path) is damaged (SQLite found broken pages); this command stopped there. Save what is still readable with `studycircle --db \(path) export --salvage rescued.jsonl`, move the damaged file aside, and import the rescue into a new one with `studycircle import rescued.jsonl`."
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
                throw StoreError.unavailable("StudyCircle cannot read \(path). Check the file's permissions (`chmod 600 \(path)`).")
            }
            // A read-only file is refused before SQLite opens it: SQLite would otherwise
            // create its -shm/-wal companions read-only too, and they would keep the file
            // unusable after `chmod 600`. Companions left that way by an older version are
            // given back their write bit when they are ours.
            if access(path, W_OK) != 0 {
                throw StoreError.unavailable("StudyCircle cannot write \(path): the file is read-only. Run `chmod 600 \(path)` (it must be yours), or choose another file with --db.")
            }
            repairCompanions(of: path)
            defer { try? handle.close() }
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            // Compared byte by byte: `Data(String.UTF8View)` asks the runtime for a protocol
            // conformance (a scan of every conformance record) at each start (issue 13).
            if !header.isEmpty && !header.elementsEqual("SQLite format 3\0".utf8) {
                throw StoreError.corrupt(corruptMessage(path))
            }
        } else {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 && errno != EEXIST {
                throw StoreError.unavailable("StudyCircle cannot create \(path): \(String(cString: strerror(errno))). Check permissions, or pass --db PATH.")
            }
            if fd >= 0 { close(fd) }
        }
    }

    /// Gives a read-only `-shm` or `-wal` companion of ours its owner write bit back, so a
    /// database whose file is writable again opens normally.
    static func repairCompanions(of path: String) {
        for suffix in ["-shm", "-wal"] {
            let companion = path + suffix
            var info = stat()
            guard stat(companion, &info) == 0, info.st_uid == geteuid(), info.st_mode & S_IWUSR == 0 else { continue }
            chmod(companion, (info.st_mode & 0o7777) | S_IWUSR | S_IRUSR)
        }
    }
}

/// Remembers, beside a database file (`<path>.damaged`), that SQLite found damage in it, so
/// that every command treats the file alike: reads go on, writes are refused with the salvage
/// advice. The mark names the file by device and inode, so a new file put at the same path
/// (after the damaged one was moved aside) is not affected; `doctor` clears it when the
/// integrity check passes again.
public enum DamageMark {
    static func markPath(_ path: String) -> String { path + ".damaged" }

    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino)"
    }

    /// Marks the file at `path` as damaged (best effort).
    public static func set(_ path: String) {
        guard let id = identity(path) else { return }
        let fd = open(markPath(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = id.withCString { write(fd, $0, strlen($0)) }
    }

    /// True when the file now at `path` was marked damaged.
    public static func isSet(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: markPath(path)) else { return false }
        return String(decoding: data, as: UTF8.self) == identity(path)
    }

    /// Removes the mark (after a passing integrity check).
    public static func clear(_ path: String) {
        unlink(markPath(path))
    }
}
