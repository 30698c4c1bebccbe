import StudyBackend
import StudyConfig
import StudyModel
import StudyStore
import Testing

/// The one rule for acting as a user, on a shared backend: log in first.
@Suite struct DynamoSessionTests {
    @Test func actingAsAUserNeedsTheRightPasswordOfAnExistingAccount() async throws {
        let store = try await DynamoFixture.shared.store()
        let name = "Zoë\(StudyID.make().suffix(6).lowercased())"
        var user = User(username: name, email: "\(name.suffix(6))@example.org")
        user.password = try PasswordHasher(iterations: 1000).hash("right-password")
        _ = try await store.users.create(user)
        let signedIn = try await Session.signIn(in: store, backend: .dynamodb, username: name.uppercased()) { "right-password" }
        #expect(signedIn.id == user.id)
        await #expect(throws: LoginError.self) {
            try await Session.signIn(in: store, backend: .dynamodb, username: name) { "wrong-password" }
        }
        await #expect(throws: LoginError.self) {
            try await Session.signIn(in: store, backend: .dynamodb, username: "ghost-\(name)") { "right-password" }
        }
        await #expect(throws: LoginError.self) {
            try await Session.signIn(in: store, backend: .dynamodb, username: name) { "" }
        }
        // No local user is ever created on a shared backend.
        #expect(try await store.users.get(username: "ghost-\(name)") == nil)
    }

    @Test func passwordChangesNeedTheAccountItselfOrAnAdmin() throws {
        var carol = User(username: "carol", email: "carol@example.org")
        carol.password = try PasswordHasher(iterations: 1000).hash("carol-secret")
        let bob = User(username: "bob", email: "bob@example.org")
        let admin = User(username: "root", email: "root@example.org", role: .admin)
        #expect(throws: PermissionError.self) {
            try Session.authorizePasswordChange(actor: bob, actorProvedPassword: true, target: carol) { "guess" }
        }
        try Session.authorizePasswordChange(actor: carol, actorProvedPassword: true, target: carol) { "" }
        try Session.authorizePasswordChange(actor: admin, actorProvedPassword: true, target: carol) { "" }
        try Session.authorizePasswordChange(actor: bob, actorProvedPassword: false, target: carol) { "carol-secret" }
        #expect(throws: PermissionError.self) {
            try Session.authorizePasswordChange(actor: bob, actorProvedPassword: false, target: carol) { "guess" }
        }
        // A passwordless account on a shared backend is not anyone's to take.
        let empty = User(username: "empty", email: "empty@example.org")
        #expect(throws: PermissionError.self) {
            try Session.authorizePasswordChange(actor: bob, actorProvedPassword: true, target: empty) { "" }
        }
    }

    @Test func teachersAndAdminsAreMadeByAnAdminOnly() async throws {
        let store = try await DynamoFixture.shared.store()
        // Students register themselves without anyone signing in.
        try await Session.authorizeAccountCreation(role: .student, in: store) { throw LoginError(message: "not asked") }
        let admin = User(username: "admin\(StudyID.make().suffix(6).lowercased())", email: "a\(StudyID.make().suffix(6))@example.org", role: .admin)
        _ = try await store.users.create(admin)
        await #expect(throws: PermissionError.self) {
            try await Session.authorizeAccountCreation(role: .teacher, in: store) { User(username: "bob", email: "bob@example.org") }
        }
        try await Session.authorizeAccountCreation(role: .teacher, in: store) { admin }
        await #expect(throws: LoginError.self) {
            try await Session.authorizeAccountCreation(role: .admin, in: store) { throw LoginError(message: "wrong password") }
        }
    }

    @Test func wholeStoreWorkNeedsAnAdminOnASharedBackend() async throws {
        let store = try await DynamoFixture.shared.store()
        _ = try await store.users.create(User(username: "s\(StudyID.make().suffix(6).lowercased())", email: "s\(StudyID.make().suffix(6))@example.org"))
        let student = User(username: "bob", email: "bob@example.org")
        await #expect(throws: PermissionError.self) {
            try await Session.authorizeWholeStore("exporting", in: store, backend: .dynamodb) { student }
        }
        await #expect(throws: LoginError.self) {
            try await Session.authorizeWholeStore("importing", in: store, backend: .dynamodb) { throw LoginError(message: "wrong password") }
        }
        try await Session.authorizeWholeStore("migrating", in: store, backend: .dynamodb) {
            User(username: "root", email: "root@example.org", role: .admin)
        }
        // The embedded database asks no one: its file is private.
        try await Session.authorizeWholeStore("exporting", in: store, backend: .sqlite) { throw LoginError(message: "not asked") }
    }
}
