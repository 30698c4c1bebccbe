import Foundation
import StudyConfig
import StudyModel
import StudyStore

/// The first-run experience and the signed-in user.
///
/// The one rule for acting as a user (every command that reads or writes as a user, and the
/// app, go through `signIn`):
/// - On shared backends (DynamoDB, MongoDB) the user logs in first: a wrong or missing
///   password, or an unknown user, is refused before anything is read or written.
/// - On the embedded SQLite backend the database file is private to the person running
///   StudyCircle, so the local user needs no password; it is created on first use, and a brand
///   new database gets the demo library and the `welcome` room at that moment, whichever
///   command (or the app) comes first.
public enum Session {
    /// True for backends several people share, where acting as a user needs a login.
    public static func isShared(_ backend: BackendKind) -> Bool { backend != .sqlite }

    /// The user this session acts as, by the rule above. `password` is asked only on shared
    /// backends (from the environment or a prompt; the caller decides).
    public static func signIn(in store: StudyStore, backend: BackendKind, username: String,
                              password: () throws -> String) async throws -> User {
        guard isShared(backend) else { return try await localUser(in: store, username: username) }
        return try await login(in: store, identifier: username, password: try password())
    }

    /// The local user on the embedded backend: created without a password on first use,
    /// since the database file itself is private to the person running StudyCircle. A name
    /// that cannot be a username is refused (never rewritten to another, maybe existing, name).
    public static func localUser(in store: StudyStore, username: String) async throws -> User {
        let name = Username.normalized(username)
        if let existing = try await store.users.get(username: name) { return existing }
        if name.contains("@"), let existing = try await store.users.get(email: name) { return existing }
        do {
            try Username.validate(name)
        } catch let error as ValidationError {
            throw LoginError(message: "'\(username)' cannot be a username: \(error.message) Choose one with --user NAME or STUDYCIRCLE_USER.")
        }
        let brandNew = try await isEmpty(store)
        let user = User(username: name, email: localEmail(name), role: .student)
        do {
            let created = try await store.users.create(user)
            if brandNew { try await seedDemoIfEmpty(store, owner: created) }
            try await joinWelcomeRoom(store, username: created.username)
            return created
        } catch StoreError.duplicate(_, "username", _) {
            // Another terminal created it at the same moment.
            if let existing = try await store.users.get(username: name) { return existing }
            throw StoreError.conflict(entity: "user", id: name)
        }
    }

    /// An address for a local user: the name itself when it is plain ASCII, else a stable
    /// hex form (an email address cannot hold every letter).
    static func localEmail(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        let local = plain ? name.lowercased() : "u" + ContentHash.of(Username.key(name)).prefix(40)
        return "\(local)@localhost.localdomain"
    }

    /// True before anyone used the database: no users, documents or rooms.
    static func isEmpty(_ store: StudyStore) async throws -> Bool {
        let one = PageRequest(limit: 1)
        guard try await store.users.list(one).items.isEmpty else { return false }
        guard try await store.content.list(category: nil, one).items.isEmpty else { return false }
        return try await store.rooms.list(one).items.isEmpty
    }

    /// A new local user joins the shared `welcome` room, so messages of others reach them at once.
    static func joinWelcomeRoom(_ store: StudyStore, username: String) async throws {
        if let room = try await store.rooms.find(name: "welcome") {
            _ = try await store.rooms.join(roomId: room.roomId, username: username)
        }
    }

    /// Who may set `target`'s password: the account itself once it proved its current password
    /// (`actorProvedPassword`: a login on a shared backend), an admin, or anyone who gives
    /// the account's current password (`currentPassword`, asked only when needed). A local
    /// account without a password (SQLite) may be given one by the person owning the file.
    public static func authorizePasswordChange(actor: User, actorProvedPassword: Bool, target: User,
                                               currentPassword: () throws -> String) throws {
        if actor.role == .admin { return }
        if actor.id == target.id && actorProvedPassword { return }
        if target.password.isEmpty && !actorProvedPassword { return }
        if !target.password.isEmpty, PasswordHasher.verify(try currentPassword(), against: target.password) { return }
        throw PermissionError(message: "Only \(target.username), with the current password, or an admin can change this password; nothing was changed. Run it as `studycircle --user \(target.username) user passwd \(target.username)`.")
    }

    /// Creating a teacher or admin account needs an admin, except for the very first admin of
    /// a deployment (nobody could create it otherwise). Students may register themselves.
    public static func authorizeAccountCreation(role: User.Role, in store: StudyStore, admin: () async throws -> User) async throws {
        guard role != .student else { return }
        if try await !hasAdmin(store) && role == .admin { return }
        let actor = try await admin()
        guard actor.role == .admin else {
            throw PermissionError(message: "Only an admin can create a \(role.rawValue) account; \(actor.username) is a \(actor.role.rawValue). Nothing was created.")
        }
    }

    /// Whole-store work (export, import, migrate) reads or writes everyone's data. On a shared
    /// backend it needs an admin's login; on the embedded database the private file is the
    /// guard, and a shared store with no accounts yet (a new deployment being filled) has no
    /// admin to ask for. `what` names the work for the refusal ("exporting").
    public static func authorizeWholeStore(_ what: String, in store: StudyStore, backend: BackendKind,
                                           signIn: () async throws -> User) async throws {
        guard isShared(backend) else { return }
        guard try await !store.users.list(PageRequest(limit: 1)).items.isEmpty else { return }
        let actor = try await signIn()
        guard actor.role == .admin else {
            throw PermissionError(message: "\(what.prefix(1).uppercased() + what.dropFirst()) on \(store.backendName) reads or writes everyone's data, so it needs an admin account; \(actor.username) is a \(actor.role.rawValue). Sign in with --user ADMIN. Nothing was changed.")
        }
    }

    static func hasAdmin(_ store: StudyStore) async throws -> Bool {
        var request = PageRequest(limit: 200)
        while true {
            let page = try await store.users.list(request)
            if page.items.contains(where: { $0.role == .admin }) { return true }
            guard let next = page.next else { return false }
            request = PageRequest(limit: 200, cursor: next)
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

    /// Fills a brand-new database with the demo library and a welcome room. Does nothing
    /// when the database already holds content or rooms.
    @discardableResult
    public static func seedDemoIfEmpty(_ store: StudyStore, owner: User) async throws -> Bool {
        let hasContent = !(try await store.content.list(category: nil, PageRequest(limit: 1)).items.isEmpty)
        let hasRooms = !(try await store.rooms.list(PageRequest(limit: 1)).items.isEmpty)
        guard !hasContent && !hasRooms else { return false }
        let start = Timestamp.now()
        for (i, text) in DemoTexts.all.enumerated() {
            _ = try await store.addDocument(Content(
                title: text.title, owner: owner.id, contentType: .markdown, sourceText: text.markdown,
                category: text.category, createdAt: start.adding(milliseconds: Int64(i))))
        }
        let room: ChatRoom
        do {
            room = try await store.rooms.create(ChatRoom(
                name: "welcome", description: "Say hello, ask questions, share what you are studying.",
                members: [owner.username], createdBy: owner.username, createdAt: start))
        } catch StoreError.duplicate(_, "name", _) {
            // Another terminal seeded at the same moment: theirs is the welcome room.
            return false
        }
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

/// The signed-in user may not do this.
public struct PermissionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Login was refused.
public struct LoginError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
