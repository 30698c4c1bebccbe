import ArgumentParser
import Foundation
import StudyBackend
import StudyConfig
import StudyEngine
import StudyModel
import StudyStore
import StudyApp
import StudyTUI
#if canImport(Glibc)
import Glibc
#endif

/// `studycircle`: opens the app; subcommands do the same work from the shell.
@main
struct StudyCircleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studycircle",
        abstract: "StudyCircle: study content, summaries, exams and live study rooms in your terminal.",
        discussion: """
        With no command, opens the app. Settings come from (strongest first) command-line flags, the environment, \
        a .env file in the current folder, $XDG_CONFIG_HOME/studycircle/config.toml, and defaults. \
        The embedded SQLite database is the default and needs no setup.
        """,
        version: StudyCircleVersion.current,
        subcommands: [SetupCommand.self, TablesCommand.self, LibraryCommand.self, UserCommand.self, DoctorCommand.self,
                      SummarizeCommand.self, ExamCommand.self, RoomCommand.self, MeetingCommand.self, ProjectCommand.self, TemplateCommand.self, ExportCommand.self, ImportCommand.self, MigrateCommand.self])

    @OptionGroup var global: GlobalOptions

    /// The entry point: ArgumentParser parses and runs the command; everything it or the
    /// command would print passes `Output`, and standard input/output/error that were closed
    /// are made safe before anything else opens a file.
    static func main() async {
        StandardInput.guardStandardDescriptors()
        LoggingSetup.bootstrapFromEnvironment()
        do {
            if CommandLine.arguments.count <= 1 {
                // Plain `studycircle`, the app: nothing to parse, so ArgumentParser (building the
                // tree of every subcommand and its options, a few ms of each start) is skipped.
                MallocArenas.useOneArena()
                CommandLog.started(Self.self)
                try await openApp(overrides: Overrides(), theme: nil)
                CommandLog.finished(status: 0)
                return
            }
            var command = try await asyncParseAsRoot(nil)
            CommandLog.started(type(of: command))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            CommandLog.finished(status: 0)
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty { Output.generated(text, toStandardError: code != .success) }
            CommandLog.finished(status: code.rawValue, message: text)
            Foundation.exit(code.rawValue)
        }
    }

    @Option(help: "Colour theme: dark, light, high-contrast, monochrome or a file name in themes/. Env: STUDYCIRCLE_THEME.")
    var theme: String?

    func run() async throws {
        try await Self.openApp(overrides: global.overrides, theme: theme)
    }

    /// The app on a terminal, else the text overview; `overrides` and `theme` come from the flags.
    static func openApp(overrides: Overrides, theme: String?) async throws {
        let context = try await CommandContext.open(overrides: overrides, theme: theme)
        let user = try await context.currentUser(seedDemo: true)
        // On a terminal the interactive app; piped or redirected, a text overview.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try await Overview.show(context: context, user: user)
            return
        }
        let settings = context.settings
        var app = AppSettings(
            user: user.username, pollInterval: .milliseconds(Int64(settings.pollInterval * 1000)),
            themeName: settings.theme,
            outboxPath: AppSettings.outboxPath(stateDirectory: settings.paths.stateHome,
                                               backend: context.store.backendName, user: user.username),
            userId: user.id)
        app.role = user.role  // an admin reads and manages every room in the app as in the CLI
        let status = try await TerminalApp.run(store: context.store, settings: app,
                                               assistant: Self.assistant(settings.provider, store: context.store, user: user),
                                               codeRunner: try? JDoodleClient.from(settings.variables, transport: LazyHTTPTransport()))
        if status != 0 { throw ExitCode(status) }
    }
}

extension StudyCircleCommand {
    /// Offline, or the configured provider metered against the user's monthly plan (the same
    /// as `summarize` and `exam` on the command line).
    static func assistant(_ provider: ProviderSettings?, store: StudyStore, user: User) -> StudyAssistant {
        MeteredProvider.assistant(provider, store: store, user: user)
    }
}

/// A plain-text view of the library and rooms, for terminals without the UI.
enum Overview {
    static func show(context: CommandContext, user: User) async throws {
        let store = context.store
        print("StudyCircle — \(store.backendName) — signed in as \(user.username)")
        print("\nLibrary:")
        let docs = try await store.content.list(category: nil, PageRequest(limit: 50))
        for doc in docs.items {
            print("  \(TextSafety.plain(doc.title))  [\(TextSafety.plain(doc.category))]  \(doc.sourceMetadata.wordCount) words")
        }
        if docs.items.isEmpty { print("  (empty: add files with `studycircle library add FILE`)") }
        print("\nRooms:")
        let rooms = try await store.rooms.list(PageRequest(limit: 50))
        for room in rooms.items {
            print("  #\(TextSafety.plain(room.name))  \(room.members.count) members")
            let recent = try await store.messages.history(roomId: room.roomId, before: nil, limit: 5)
            for message in recent.messages {
                print("    \(message.createdAt.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ")) <\(TextSafety.plain(message.sender))> \(TextSafety.plain(message.text))")
            }
        }
    }
}
