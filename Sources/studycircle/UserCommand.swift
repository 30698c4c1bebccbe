import ArgumentParser
import Foundation
import StudyBackend
import StudyModel
import StudyStore

/// `studycircle user add|list|passwd`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts (needed on shared backends).",
        subcommands: [Add.self, List.self, Passwd.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create an account. The password is asked for (or read from STUDYCIRCLE_PASSWORD).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username: 3-30 letters, digits, '.', '-' or '_'.") var username: String
        @Option(help: "Email address (unique).") var email: String
        @Option(help: "Role: student, teacher or admin.") var role = "student"
        @Option(help: "Plan: free, basic or premium.") var plan = "free"

        func run() async throws {
            let context = try await CommandContext.open(global)
            try await CLIError.wrapAsync {
                let name = Username.normalized(username)
                let user = User(username: name, email: email, role: try User.Role.parse(role, field: "role"),
                                subscriptionPlan: try User.SubscriptionPlan.parse(plan, field: "subscriptionPlan"))
                try user.validate()
                if try await context.store.users.get(username: name) != nil {
                    throw StoreError.duplicate(entity: "user", field: "username", value: name)
                }
                // On shared backends students register themselves; teachers and admins are
                // made by an admin (signed in with --user), except the very first admin. On
                // SQLite the file's owner decides.
                var byAdmin = false
                if context.isShared {
                    try await Session.authorizeAccountCreation(role: user.role, in: context.store) {
                        byAdmin = true
                        return try await context.currentUser()
                    }
                }
                let password = byAdmin ? try PasswordPrompt.readNew(environment: context.settings.variables, variable: "STUDYCIRCLE_NEW_PASSWORD")
                    : try PasswordPrompt.readNew(environment: context.settings.variables)
                try Validate.password(password)
                var stored = user
                stored.password = try PasswordHasher().hash(password)
                _ = try await context.store.users.create(stored)
                print("Created user \(TextSafety.plain(name)) <\(TextSafety.plain(email))>.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many to show.") var limit = 100

        func run() async throws {
            let context = try await CommandContext.open(global)
            _ = try await context.currentUser()
            let users = try await CLIError.wrapAsync { try await context.store.users.list(PageRequest(limit: limit)) }
            for user in users.items {
                let login = user.password.isEmpty ? "local" : "password"
                print("\(TextSafety.plain(user.username).padding(toLength: 20, withPad: " ", startingAt: 0)) \(TextSafety.plain(user.email).padding(toLength: 36, withPad: " ", startingAt: 0)) \(user.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(user.subscriptionPlan.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(login)")
            }
            if users.items.isEmpty { print("No users yet.") }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Change a password: your own (after logging in with the current one) or, as an admin, anyone's.",
            discussion: """
            On shared backends you log in as --user first (STUDYCIRCLE_PASSWORD or a prompt); only that account \
            itself or an admin may change it. On SQLite an account that has a password asks for it first. \
            The new password is asked twice, or read from STUDYCIRCLE_NEW_PASSWORD.
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username or email; your own account when omitted.") var account: String?

        func run() async throws {
            let context = try await CommandContext.open(global)
            let actor = try await context.currentUser()
            try await CLIError.wrapAsync {
                let name = account ?? actor.username
                let found = name.contains("@") ? try await context.store.users.get(email: name)
                    : try await context.store.users.get(username: name)
                guard var user = found else {
                    throw CLIError(description: "No user '\(TextSafety.plain(name))'. See `studycircle user list`.")
                }
                try Session.authorizePasswordChange(actor: actor, actorProvedPassword: context.isShared, target: user) {
                    try PasswordPrompt.read(prompt: "Current password of \(user.username): ", environment: context.settings.variables)
                }
                let password = try PasswordPrompt.readNew(environment: context.settings.variables, variable: "STUDYCIRCLE_NEW_PASSWORD")
                try Validate.password(password)
                user.password = try PasswordHasher().hash(password)
                user.updatedAt = .now()
                _ = try await context.store.users.update(user)
                print("Password of \(TextSafety.plain(user.username)) changed.")
            }
        }
    }
}
