import Foundation
import StudyConfig
import StudyModel
import StudyStore

/// The first-run experience and the signed-in user.
public enum Session {
    /// The local user on the embedded backend: created without a password on first use,
    /// since the database file itself is private to the person running StudyCircle.
    public static func localUser(in store: StudyStore, username: String) async throws -> User {
        if let existing = try await store.users.get(username: username) { return existing }
        let safeName = sanitizedUsername(username)
        if safeName != username, let existing = try await store.users.get(username: safeName) { return existing }
        let user = User(username: safeName, email: "\(safeName.lowercased())@localhost.localdomain", role: .student)
        do {
            let created = try await store.users.create(user)
            try await joinWelcomeRoom(store, username: created.username)
            return created
        } catch StoreError.duplicate {
            // Another terminal created it at the same moment.
            if let existing = try await store.users.get(username: safeName) { return existing }
            throw StoreError.conflict(entity: "user", id: safeName)
        }
    }

    /// A new local user joins the shared `welcome` room, so messages of others reach them at once.
    static func joinWelcomeRoom(_ store: StudyStore, username: String) async throws {
        for room in try await store.rooms.list(name: "welcome") {
            _ = try await store.rooms.join(roomId: room.roomId, username: username)
        }
    }

    /// Logs in on a shared backend by username or email and password.
    public static func login(in store: StudyStore, identifier: String, password: String) async throws -> User {
        let user = identifier.contains("@") ? try await store.users.get(email: identifier) : try await store.users.get(username: identifier)
        // The same words whether the account is missing or the password wrong: no account probing.
        let refusal = LoginError(message: "The username/email or password is wrong. Try again, or ask an admin to run `studycircle user passwd`.")
        guard let user, !user.password.isEmpty else {
            _ = PasswordHasher.verify(password, against: dummyHash)
            throw refusal
        }
        guard PasswordHasher.verify(password, against: user.password) else { throw refusal }
        return user
    }

    /// A valid hash to verify against when the account is missing, so both paths take as long.
    private static let dummyHash = "$pbkdf2-sha256$600000$c3R1ZHljaXJjbGUtZHVtbXk=$XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg="

    /// Makes a username valid: `$USER` may hold characters usernames cannot.
    static func sanitizedUsername(_ name: String) -> String {
        var cleaned = String(name.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        while let first = cleaned.first, !(first.isLetter || first.isNumber) { cleaned.removeFirst() }
        if cleaned.count < 3 { cleaned = "student" + cleaned }
        return String(cleaned.prefix(30))
    }

    /// Fills a brand-new database with the demo library and a welcome room. Does nothing
    /// when the database already holds content or rooms.
    @discardableResult
    public static func seedDemoIfEmpty(_ store: StudyStore, owner: User) async throws -> Bool {
        let hasContent = !(try await store.content.list(category: nil, PageRequest(limit: 1)).items.isEmpty)
        let hasRooms = !(try await store.rooms.list(PageRequest(limit: 1)).items.isEmpty)
        guard !hasContent && !hasRooms else { return false }
        let start = Timestamp.now()
        for (i, text) in DemoTexts.all.enumerated() {
            _ = try await store.content.create(Content(
                title: text.title, owner: owner.id, contentType: .markdown, sourceText: text.markdown,
                category: text.category, createdAt: start.adding(milliseconds: Int64(i))))
        }
        let room = try await store.rooms.create(ChatRoom(
            name: "welcome", description: "Say hello, ask questions, share what you are studying.",
            members: [owner.username], createdBy: owner.username, createdAt: start))
        let lines = [
            ("studycircle", "Welcome to StudyCircle! This room is shared by everyone using this database."),
            ("studycircle", "Open the Library (press 3) to read the demo texts, then summarise one or build an exam."),
            ("studycircle", "Type a message below and press Enter to send it. Press ? for every key."),
        ]
        for (i, line) in lines.enumerated() {
            _ = try await store.messages.send(Message(roomId: room.roomId, sender: line.0, text: line.1,
                                                      createdAt: start.adding(milliseconds: Int64(10 + i))))
        }
        return true
    }
}

/// Login was refused.
public struct LoginError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
