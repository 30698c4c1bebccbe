import Foundation
import Glibc
import StudyApp
import StudyEngine
import StudyModel
import StudyStore

/// The interactive terminal app.
///
/// `studycircle` with no subcommand calls `TerminalApp.run(store:settings:)`. It takes the
/// terminal, runs until the user quits or a signal ends it, and always gives the terminal back.
public enum TerminalApp {
    /// Runs the app on `store`. Returns the process exit status: 0 after `:quit`, 128+N after
    /// signal N (SIGINT, SIGTERM, SIGHUP). Throws when there is no usable terminal.
    /// `assistant` makes summaries and exams (offline unless the caller configures a provider).
    public static func run(store: StudyStore, settings: AppSettings, assistant: StudyAssistant = StudyAssistant(),
                           codeRunner: JDoodleClient? = nil) throws -> Int32 {
        let signalFD = try TerminalGuard.install()
        let wake = try WakePipe()
        let environment = ProcessEnvironment.variables
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        // The first screen's read starts before curses and the theme, and runs beside them.
        let app = AppStore(store: store, settings: settings, assistant: assistant, codeRunner: codeRunner, wake: wake.signal)
        app.start(waitForFirstFrame: true)
        let screen: CursesScreen
        do {
            screen = try CursesScreen(noColor: noColor)
        } catch {
            app.shutdown()
            throw error
        }
        defer { screen.stop() }
        let loop = MainLoop(screen: screen, app: app, wake: wake, signalFD: signalFD,
                            noColor: noColor || screen.depth == .none)
        loop.setTheme(settings.themeName)
        let status = loop.run()
        app.shutdown()
        return status
    }

    /// The same, for async callers: the loop gets a thread of its own, so it never occupies one
    /// of the few threads that run the effects and the poller.
    public static func run(store: StudyStore, settings: AppSettings, assistant: StudyAssistant = StudyAssistant(),
                           codeRunner: JDoodleClient? = nil) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try run(store: store, settings: settings, assistant: assistant, codeRunner: codeRunner) as Int32)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "studycircle-ui"
            thread.start()
        }
    }
}

/// The single-threaded loop: wait for input, a signal or a wake-up from the app core; decode
/// keys into actions and send them to the `AppStore`, let it handle what effects posted, and
/// draw once. The state, the reducer, the effects and the poller all live in the store.
final class MainLoop {
    private let screen: CursesScreen
    private let app: AppStore
    private let wake: WakePipe
    private let signalFD: Int32
    private var state: AppState { app.state }
    private var ui = UIState()
    private var decoder = InputDecoder()
    private let keyboard = KeyboardReader()
    private var exitStatus: Int32?
    private let themeDirectories: [String]
    /// No colours (NO_COLOR or the terminal has none): themes are drawn with attributes only.
    private let noColor: Bool

    init(screen: CursesScreen, app: AppStore, wake: WakePipe, signalFD: Int32, noColor: Bool) {
        self.noColor = noColor
        self.screen = screen
        self.app = app
        self.wake = wake
        self.signalFD = signalFD
        self.themeDirectories = ThemeLoader.searchDirectories(configured: app.state.settings.themesDirectory)
    }

    /// Loads and applies a theme; `announce` (`:theme NAME`) says which theme is now in use.
    func setTheme(_ name: String, announce: Bool = false) {
        let (theme, error) = ThemeLoader.load(name, directories: themeDirectories)
        screen.apply(noColor ? theme.withoutColor() : theme)
        if let error {
            app.send(.showNotice(Notice("Theme: \(error.message)", isError: true)))
        } else if announce {
            app.send(.showNotice(Notice("Theme \(theme.name).")))
        }
    }

    /// How long the first frame waits for the first screen's data before it is drawn without
    /// it ("loading…"): long enough for a local database, short enough that a slow network
    /// backend still shows the frame at once to the eye.
    static let firstScreenWait: Int32 = 150

    func run() -> Int32 {
        waitForFirstScreen()
        render()
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0)]
        while exitStatus == nil && !state.quitRequested {
            for i in fds.indices { fds[i].revents = 0 }
            // With half an escape sequence held back, wait only briefly for the rest.
            let timeout = decoder.hasPending ? InputDecoder.escapeTimeoutMilliseconds : -1
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { break }
            // The signal pipe is read only when poll says it holds something (one syscall less per key).
            var changed = false
            if fds[1].revents != 0 {
                changed = handleSignals()
                // Back in the foreground after a failed read (SIGCONT): listen to the keyboard again.
                fds[0].fd = STDIN_FILENO
            }
            if ready == 0 && decoder.hasPending {
                changed = true
                handle(decoder.flush(keyCodes: screen.keyCodes))
            }
            // The keyboard is read only when poll says it holds something: one read per batch.
            if fds[0].revents != 0 {
                switch keyboard.read(from: STDIN_FILENO) {
                case let .input(raw) where !raw.isEmpty:
                    app.noteActivity()
                    changed = true
                    handle(decoder.decode(raw, keyCodes: screen.keyCodes))
                case .input:
                    break
                case .closed:
                    // The terminal hung up (SIGHUP then ends the app through the loop), or a read
                    // in the background failed: stop polling it, or poll would return at once
                    // forever. Any signal (SIGCONT after `fg`) turns it back on.
                    fds[0].fd = -1
                }
            }
            if fds[2].revents != 0 { wake.drain() }
            if app.processPending() { changed = true }
            if changed && exitStatus == nil && !state.quitRequested { render() }
        }
        return exitStatus ?? 0
    }

    /// Waits (at most `firstScreenWait` ms) until the first screen's data is in, so the first
    /// frame written to the terminal is the complete one rather than "loading…" and a redraw.
    private func waitForFirstScreen() {
        var wakeFD = pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0)
        var deadline = Self.firstScreenWait
        while state.startup == .loadingFirstScreen && deadline > 0 {
            let before = DispatchTime.now().uptimeNanoseconds
            wakeFD.revents = 0
            let ready = poll(&wakeFD, 1, deadline)
            if ready < 0 && errno != EINTR { return }
            if wakeFD.revents != 0 { wake.drain() }
            app.processPending()
            deadline -= Int32(clamping: (DispatchTime.now().uptimeNanoseconds - before) / 1_000_000)
        }
    }

    /// Returns true when the screen must be redrawn.
    private func handleSignals() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        var redraw = false
        while true {
            let count = read(signalFD, &buffer, buffer.count)
            guard count > 0 else { break }
            for byte in buffer.prefix(count) {
                switch Int32(byte) {
                case SIGWINCH, SIGCONT:
                    screen.updateSize()
                    redraw = true
                case SIGTSTP:
                    screen.suspend()
                    redraw = true
                case SIGINT:
                    // Ctrl-C asks first when an exam or a typed message would be lost.
                    app.send(.requestQuit(draft: !ui.message.isEmpty))
                    if state.quitRequested { exitStatus = 128 + SIGINT }
                    redraw = true
                case let signal where TerminalGuard.endSignals.contains(signal):
                    exitStatus = 128 + signal
                default:
                    break
                }
            }
        }
        return redraw
    }

    private func handle(_ keys: [Key]) {
        for key in keys {
            if key == .resize {
                screen.updateSize()
                continue
            }
            for command in KeyHandler.handle(key, state: state, ui: &ui, rows: screen.rows, cols: screen.cols) {
                switch command {
                case let .action(action): app.send(action)
                case let .theme(name): setTheme(name, announce: true)
                case .repaint: screen.invalidate()
                case .help:
                    ui.helpVisible = true
                    ui.helpTop = 0
                }
            }
        }
    }

    private func render() {
        screen.draw(FrameRenderer.render(state: state, ui: &ui, rows: screen.rows, cols: screen.cols))
        // The rest of the start (library, read marks, poller…) waits for the first full frame.
        app.firstFrameDrawn()
    }
}
