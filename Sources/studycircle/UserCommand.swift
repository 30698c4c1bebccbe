import ArgumentParser
import Foundation
import StudyModel
import StudyStore

/// `studycircle user add|list|passwd`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts (needed on shared backends).",
        subcommands: [Add.self, List.self, Passwd.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account. The password is asked for (or read from STUDYCIRCLE_PASSWORD).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username: 3-30 letters, digits, '.', '-' or '_'.") var username: String
        @Option(help: "Email address (unique).") var email: String
        @Option(help: "Role: student, teacher or admin.") var role = "student"
        @Option(help: "Plan: free, basic or premium.") var plan = "free"

        func run() async throws {
            let context = try await CommandContext.open(global)
            try await CLIError.wrapAsync {
                let user = User(username: username, email: email, role: try User.Role.parse(role, field: "role"),
                                subscriptionPlan: try User.SubscriptionPlan.parse(plan, field: "subscriptionPlan"))
                try user.validate()
                if try await context.store.users.get(username: username) != nil {
                    throw StoreError.duplicate(entity: "user", field: "username", value: username)
                }
                let password = try PasswordPrompt.readNew(environment: context.settings.variables)
                try Validate.password(password)
                var stored = user
                stored.password = try PasswordHasher().hash(password)
                _ = try await context.store.users.create(stored)
                print("Created user \(username) <\(email)>.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many to show.") var limit = 100

        func run() async throws {
            let context = try await CommandContext.open(global)
            let users = try await CLIError.wrapAsync { try await context.store.users.list(PageRequest(limit: limit)) }
            for user in users.items {
                let login = user.password.isEmpty ? "local" : "password"
                print("\(TextSafety.plain(user.username).padding(toLength: 20, withPad: " ", startingAt: 0)) \(TextSafety.plain(user.email).padding(toLength: 36, withPad: " ", startingAt: 0)) \(user.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(user.subscriptionPlan.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(login)")
            }
            if users.items.isEmpty { print("No users yet.") }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username or email.") var account: String

        func run() async throws {
            let context = try await CommandContext.open(global)
            try await CLIError.wrapAsync {
                let found = account.contains("@") ? try await context.store.users.get(email: account)
                    : try await context.store.users.get(username: account)
                guard var user = found else {
                    throw CLIError(description: "No user '\(account)'. See `studycircle user list`.")
                }
                let password = try PasswordPrompt.readNew(environment: context.settings.variables)
                try Validate.password(password)
                user.password = try PasswordHasher().hash(password)
                user.updatedAt = .now()
                _ = try await context.store.users.update(user)
                print("Password of \(user.username) changed.")
            }
        }
    }
}
