import ArgumentParser
import Foundation
import Logging
import StudyBackend
import StudyConfig
import StudyModel
import StudyStore

/// What a command needs: settings, the opened store, and (when asked) the signed-in user.
struct CommandContext {
    let settings: Settings
    let store: StudyStore

    /// Loads settings and opens the configured backend; errors become plain messages.
    /// `admin: true` for commands that inspect or change the schema itself.
    static func open(_ options: GlobalOptions, theme: String? = nil, admin: Bool = false) async throws -> CommandContext {
        try await open(overrides: options.overrides, theme: theme, admin: admin)
    }

    /// The same from overrides already read (the app's start without arguments parses nothing).
    static func open(overrides: Overrides, theme: String? = nil, admin: Bool = false) async throws -> CommandContext {
        var overrides = overrides
        overrides.theme = theme
        let noFlags = overrides.dbType == nil && overrides.db == nil && overrides.tablePrefix == nil
            && overrides.endpoint == nil && overrides.user == nil && overrides.theme == nil && overrides.mongoURI == nil
        let settings = try CLIError.wrap {
            if noFlags, let loaded = LoggingSetup.settingsWithoutFlags { return loaded }
            return try SettingsLoader().load(overrides)
        }
        LoggingSetup.bootstrap(settings)
        // On MongoDB new ids are ObjectIds, so the web app's Mongoose models can read them.
        if settings.dbType == .mongodb { StudyID.format = .objectId }
        let store = try await CLIError.wrapAsync { try await StoreFactory.open(settings, admin: admin) }
        return CommandContext(settings: settings, store: store)
    }

    /// The user this session acts as, by the one rule in `Session.signIn`: on shared backends
    /// a login with password (STUDYCIRCLE_PASSWORD or a prompt), on SQLite the local user
    /// (created on first use, with the demo library when the database is new). Every command
    /// that reads or writes as a user calls this before anything else.
    /// `seedDemo` is kept for callers; first use seeds by itself.
    func currentUser(seedDemo: Bool = false) async throws -> User {
        try await CLIError.wrapAsync {
            try await Session.signIn(in: store, backend: settings.dbType, username: settings.username) {
                try PasswordPrompt.read(prompt: "Password for \(settings.username): ", environment: settings.variables)
            }
        }
    }

    /// True on backends where acting as a user needs a login.
    var isShared: Bool { Session.isShared(settings.dbType) }

    /// Whole-store commands (export, import, migrate) need an admin on a shared backend
    /// (`Session.authorizeWholeStore`); `settings` give the username and password source.
    static func requireAdmin(of store: StudyStore, backend: BackendKind, settings: Settings, doing what: String) async throws {
        try await CLIError.wrapAsync {
            try await Session.authorizeWholeStore(what, in: store, backend: backend) {
                try await Session.signIn(in: store, backend: backend, username: settings.username) {
                    try PasswordPrompt.read(prompt: "Password for \(settings.username) on \(store.backendName): ", environment: settings.variables)
                }
            }
        }
    }
}

/// A failure shown to the user as one clear message, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError { throw error } catch {
            throw CLIError(description: message(for: error))
        }
    }

    static func wrapAsync<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as CLIError { throw error } catch {
            throw CLIError(description: message(for: error))
        }
    }

    static func message(for error: Error) -> String {
        ErrorText.describe(error)
    }
}

extension CLIError: LocalizedError {
    var errorDescription: String? { description }
}
