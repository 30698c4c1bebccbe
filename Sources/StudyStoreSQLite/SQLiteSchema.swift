import GRDB
import StudyModel
import StudyStore

/// Versioned migrations of the embedded database. Never edit a shipped migration: add one.
enum SQLiteSchema {
    static let tables = ["users", "content", "summaries", "exams", "templates", "chat_rooms", "messages",
                         "meetings", "projects", "exam_attempts", "content_fts", "ratings"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-seed-tables") { db in
            // Each table keeps the whole entity as JSON in `data` (the seeds' attribute names)
            // plus the columns its access patterns need, each with an index.
            try db.execute(sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY NOT NULL, usernameKey TEXT NOT NULL UNIQUE, emailKey TEXT NOT NULL UNIQUE,
                    createdAt TEXT NOT NULL, data TEXT NOT NULL);
                CREATE TABLE content (
                    id TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL, category TEXT NOT NULL, createdAt TEXT NOT NULL,
                    title TEXT NOT NULL, sourceText TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX content_owner ON content(owner, createdAt, id);
                CREATE INDEX content_category ON content(category, createdAt, id);
                CREATE INDEX content_created ON content(createdAt, id);
                CREATE TABLE summaries (
                    id TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL, contentId TEXT NOT NULL, createdAt TEXT NOT NULL,
                    data TEXT NOT NULL);
                CREATE INDEX summaries_owner ON summaries(owner, createdAt, id);
                CREATE INDEX summaries_content ON summaries(contentId, createdAt, id);
                CREATE TABLE exams (
                    id TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL, contentId TEXT NOT NULL, createdAt TEXT NOT NULL,
                    data TEXT NOT NULL);
                CREATE INDEX exams_owner ON exams(owner, createdAt, id);
                CREATE INDEX exams_content ON exams(contentId, createdAt, id);
                CREATE TABLE templates (
                    id TEXT PRIMARY KEY NOT NULL, createdBy TEXT NOT NULL, type TEXT NOT NULL, category TEXT NOT NULL,
                    isPublic INTEGER NOT NULL, createdAt TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX templates_creator ON templates(createdBy, createdAt, id);
                CREATE INDEX templates_type_category ON templates(type, category, createdAt, id);
                CREATE INDEX templates_public ON templates(isPublic, createdAt, id);
                CREATE TABLE chat_rooms (
                    roomId TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, createdAt TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX chat_rooms_name ON chat_rooms(name);
                CREATE INDEX chat_rooms_created ON chat_rooms(createdAt, roomId);
                CREATE TABLE messages (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, messageId TEXT NOT NULL UNIQUE, roomId TEXT NOT NULL,
                    sender TEXT NOT NULL, text TEXT NOT NULL, createdAt TEXT NOT NULL);
                CREATE INDEX messages_room_time ON messages(roomId, createdAt, messageId);
                CREATE INDEX messages_room_seq ON messages(roomId, seq);
                CREATE TABLE meetings (
                    meetingId TEXT PRIMARY KEY NOT NULL, roomId TEXT NOT NULL, organizer TEXT NOT NULL, status TEXT NOT NULL,
                    scheduledTime TEXT NOT NULL, createdAt TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX meetings_room ON meetings(roomId, scheduledTime, meetingId);
                CREATE INDEX meetings_organizer ON meetings(organizer, scheduledTime, meetingId);
                CREATE INDEX meetings_status ON meetings(status, scheduledTime, meetingId);
                CREATE INDEX meetings_time ON meetings(scheduledTime, meetingId);
                CREATE TABLE projects (
                    projectId TEXT PRIMARY KEY NOT NULL, roomId TEXT NOT NULL, createdBy TEXT NOT NULL, status TEXT NOT NULL,
                    createdAt TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX projects_room ON projects(roomId, createdAt, projectId);
                CREATE INDEX projects_creator ON projects(createdBy, createdAt, projectId);
                CREATE INDEX projects_status ON projects(status, createdAt, projectId);
                """)
        }
        m.registerMigration("v2-search-and-attempts") { db in
            // Full-text search over the library; kept in step with `content` by triggers.
            // The rebuild indexes documents stored before this version.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE content_fts USING fts5(
                    title, sourceText, content='content', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER content_ai AFTER INSERT ON content BEGIN
                    INSERT INTO content_fts(rowid, title, sourceText) VALUES (new.rowid, new.title, new.sourceText);
                END;
                CREATE TRIGGER content_ad AFTER DELETE ON content BEGIN
                    INSERT INTO content_fts(content_fts, rowid, title, sourceText) VALUES('delete', old.rowid, old.title, old.sourceText);
                END;
                CREATE TRIGGER content_au AFTER UPDATE ON content BEGIN
                    INSERT INTO content_fts(content_fts, rowid, title, sourceText) VALUES('delete', old.rowid, old.title, old.sourceText);
                    INSERT INTO content_fts(rowid, title, sourceText) VALUES (new.rowid, new.title, new.sourceText);
                END;
                INSERT INTO content_fts(content_fts) VALUES('rebuild');
                CREATE TABLE exam_attempts (
                    id TEXT PRIMARY KEY NOT NULL, examId TEXT NOT NULL, userId TEXT NOT NULL, finishedAt TEXT NOT NULL,
                    data TEXT NOT NULL);
                CREATE INDEX exam_attempts_exam ON exam_attempts(examId, finishedAt, id);
                CREATE INDEX exam_attempts_user ON exam_attempts(examId, userId, finishedAt, id);
                """)
        }
        m.registerMigration("v3-unique-names-ratings-hashes") { db in
            // Room names unique by NameKey.key: `nameKey` (every room, for lookups) and
            // `nameGuard` (unique). Rooms stored earlier that share a key are left as they are:
            // the oldest holds the guard, the others keep none, and nothing is merged.
            // Documents: the text's hash, unique per owner (NULL for none, so never a clash).
            // Ratings: one row per (template, user), so re-rating replaces.
            try db.execute(sql: """
                ALTER TABLE chat_rooms ADD COLUMN nameKey TEXT;
                ALTER TABLE chat_rooms ADD COLUMN nameGuard TEXT;
                ALTER TABLE content ADD COLUMN contentHash TEXT;
                CREATE TABLE ratings (
                    targetId TEXT NOT NULL, userId TEXT NOT NULL, score INTEGER NOT NULL, ratedAt TEXT NOT NULL,
                    PRIMARY KEY (targetId, userId));
                """)
            var taken = Set<String>()
            for row in try Row.fetchAll(db, sql: "SELECT roomId, name FROM chat_rooms ORDER BY createdAt, roomId") {
                let key = NameKey.key(row["name"])
                let guardKey: String? = taken.insert(key).inserted ? key : nil
                try db.execute(sql: "UPDATE chat_rooms SET nameKey = ?, nameGuard = ? WHERE roomId = ?",
                               arguments: [key, guardKey, row["roomId"] as String])
            }
            var hashes = Set<String>()
            for row in try Row.fetchAll(db, sql: "SELECT id, owner, sourceText FROM content ORDER BY createdAt, id") {
                let owner: String = row["owner"]
                let hash = ContentHash.of(row["sourceText"])
                guard hashes.insert(owner + "\u{0}" + hash).inserted else { continue }
                try db.execute(sql: "UPDATE content SET contentHash = ? WHERE id = ?", arguments: [hash, row["id"] as String])
            }
            try db.execute(sql: """
                CREATE INDEX chat_rooms_name_key ON chat_rooms(nameKey, createdAt, roomId);
                CREATE UNIQUE INDEX chat_rooms_name_guard ON chat_rooms(nameGuard);
                CREATE UNIQUE INDEX content_owner_hash ON content(owner, contentHash);
                """)
        }
        m.registerMigration("v4-search-prefix-index") { db in
            // Search as you type ends in a prefix ("pho"*); without a prefix index FTS5 merges
            // the lists of every word that starts so, tens of ms on a large library. The index
            // of 3-letter prefixes answers those at once (longer prefixes match fewer words).
            // Re-indexing only when the title or text changes: other updates (statistics)
            // no longer rewrite the document's index entries.
            try db.execute(sql: """
                DROP TABLE content_fts;
                CREATE VIRTUAL TABLE content_fts USING fts5(
                    title, sourceText, content='content', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2', prefix='3');
                DROP TRIGGER content_au;
                CREATE TRIGGER content_au AFTER UPDATE OF title, sourceText ON content BEGIN
                    INSERT INTO content_fts(content_fts, rowid, title, sourceText) VALUES('delete', old.rowid, old.title, old.sourceText);
                    INSERT INTO content_fts(rowid, title, sourceText) VALUES (new.rowid, new.title, new.sourceText);
                END;
                INSERT INTO content_fts(content_fts) VALUES('rebuild');
                """)
        }
        m.registerMigration("v5-search-automerge-16") { db in
            // FTS5 merges index segments once a level holds `automerge` of them (4 by default).
            // Adding documents in batches writes a segment per statement, and merging every four
            // cost a quarter of the CPU of adding 10,000 documents; at 16 (the most FTS5 allows)
            // that work is mostly gone and searches of such a library measured no slower.
            try db.execute(sql: "INSERT INTO content_fts(content_fts, rank) VALUES('automerge', 16)")
        }
        return m
    }
}
