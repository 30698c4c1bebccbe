import CNCursesW
import Glibc

/// The only code that calls curses. Used from the UI thread only.
///
/// Curses sets the terminal up (alternate screen, modes, terminfo) and puts it back; it neither
/// reads the keyboard nor draws. `KeyboardReader` reads the keyboard in one call per batch (curses
/// read and polled one byte at a time); keypad mode stays on, so the terminal sends the key
/// strings its terminfo entry lists, which the decoder matches. `ScreenWriter` makes each frame's
/// bytes from the cells that changed, written in one call.
final class CursesScreen {
    private(set) var rows: Int
    private(set) var cols: Int
    private(set) var depth: ColorDepth = .none
    private var screen: OpaquePointer?
    /// Makes the bytes of each frame (curses only sets the terminal up and puts it back).
    private var writer: ScreenWriter
    /// The last frame on screen, to send only the cells that changed.
    private var shown: Canvas?
    let keyCodes: KeyCodes
    /// The frame's bytes, kept between frames so its storage is reused.
    private var output: [UInt8] = []

    /// Starts curses on the terminal. Throws instead of exiting when the terminal is unusable.
    init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the interactive app needs a terminal; use a subcommand (see --help) for scripts")
        }
        let term = String(cString: getenv("TERM") ?? strdup(""))
        if Self.incapableTerminals.contains(term) { throw TerminalError.incapable(term) }
        // The user's character set, but a UTF-8 one: wide characters need it.
        _ = sc_setlocale_ctype()
        if sc_codeset_is_utf8() == 0 { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        guard let screen = sc_newterm() else {
            throw TerminalError("the terminal type '\(String(cString: getenv("TERM") ?? strdup("unset")))' is unknown to curses; set TERM, e.g. TERM=xterm-256color")
        }
        guard sc_can_address() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.incapable(term)
        }
        self.screen = screen
        cursesActive = true
        terminalModesActive = true
        cbreak()          // Ctrl-C and Ctrl-Z still send signals, handled by TerminalGuard
        Self.disableFlowControl()
        noecho()
        nonl()
        keypad(sc_stdscr(), true)
        nodelay(sc_stdscr(), true)
        // No typeahead check when curses repaints (after Ctrl-Z and `fg`): it would poll the
        // keyboard, which only `KeyboardReader` reads.
        typeahead(-1)
        set_escdelay(25)
        leaveok(sc_stdscr(), false)
        mousemask(sc_button4_pressed() | sc_button5_pressed(), nil)
        mouseinterval(0)
        rows = Int(sc_lines())
        cols = Int(sc_cols())
        if has_colors() {
            start_color()
            use_default_colors()
        }
        depth = ColorDepth.detect(colors: has_colors() ? Int(sc_colors()) : 0, noColor: noColor)
        keyCodes = CursesScreen.makeKeyCodes()
        writer = ScreenWriter(capabilities: Self.capabilities(), styles: [])
        // Leave and resume once, before anything is drawn, so curses has sent its start-up
        // sequences (alternate screen, modes) before the first frame is written beside it.
        endwin()
        doupdate()
        enableTerminalModes()
    }

    /// TERM values of terminals that cannot address the cursor.
    static let incapableTerminals: Set<String> = ["", "dumb", "unknown", "emacs"]

    /// Ctrl-S and Ctrl-Q are keys here (Ctrl-S submits an exam), not XOFF/XON: with flow control
    /// on, Ctrl-S would freeze the screen. curses' cbreak() leaves IXON alone, so it is cleared
    /// here and saved as curses' program mode, which it puts back after Ctrl-Z and `fg`.
    static func disableFlowControl() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON | IXOFF)
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        def_prog_mode()
    }

    static func makeKeyCodes() -> KeyCodes {
        var table: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
            KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_ENTER: .enter, KEY_BTAB: .backTab,
            KEY_RESIZE: .resize, KEY_IC: .insert,
            // Keys some terminfo entries name differently: vt220's Find/Select for Home/End, and
            // the keypad's corners.
            KEY_FIND: .home, KEY_SELECT: .end, KEY_A1: .home, KEY_C1: .end, KEY_A3: .pageUp, KEY_C3: .pageDown,
        ]
        for n in 1...12 { table[sc_key_code_f(Int32(n))] = .function(n) }
        return KeyCodes(table: table, strings: KeyStrings(terminfoKeyNames.compactMap { name, key in
            sc_tigetstr(name).map { (String(cString: $0), key) }
        }))
    }

    /// The terminfo capabilities of the keys the app reads, in order of preference when two
    /// share a string; the same keys curses mapped (see `makeKeyCodes`).
    static let terminfoKeyNames: [(String, Key)] = [
        ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
        ("kpp", .pageUp), ("knp", .pageDown), ("khome", .home), ("kend", .end),
        ("kdch1", .delete), ("kich1", .insert), ("kcbt", .backTab), ("kent", .enter),
        ("kfnd", .home), ("kslt", .end), ("ka1", .home), ("kc1", .end), ("ka3", .pageUp), ("kc3", .pageDown),
    ] + (1...12).map { ("kf\($0)", .function($0)) }

    /// Bracketed paste, so a pasted line break is not Enter; and keypad mode (terminfo `smkx`),
    /// so the keys send the strings terminfo lists. Curses would send `smkx` on its first read
    /// of the keyboard, which never comes: the keyboard is read by `KeyboardReader`.
    private func enableTerminalModes() {
        sc_flush_stdout()
        let on = "\u{1B}[?2004h" + (sc_tigetstr("smkx").map { String(cString: $0) } ?? "")
        _ = on.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Makes each role's style: reset, then its attributes and colours, from terminfo.
    func apply(_ theme: Theme) {
        let reset = Self.string("sgr0") ?? Array("\u{1B}[0m".utf8)
        let pairs = Int(sc_color_pairs())
        writer.styles = Role.allCases.map { role in
            let style = theme.style(role)
            var bytes = reset
            for (on, name) in [(style.bold, "bold"), (style.dim, "dim"), (style.italic, "sitm"),
                               (style.underline, "smul"), (style.reverse, "rev")] where on {
                bytes += Self.string(name) ?? []
            }
            // The same colours curses' pair for the role had (none past the terminal's pairs).
            if depth != .none, role.rawValue + 1 < pairs {
                let fg = ColorMapper.number(style.fg, depth: depth)
                let bg = ColorMapper.number(style.bg, depth: depth)
                if fg >= 0 { bytes += Self.parameterized("setaf", fg) }
                if bg >= 0 { bytes += Self.parameterized("setab", bg) }
            }
            return bytes
        }
        writer.reset()
        shown = nil
    }

    /// A terminfo string as bytes; nil when the terminal has none.
    static func string(_ name: String) -> [UInt8]? {
        sc_tigetstr(name).map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
    }

    /// A terminfo string with one number filled in (tparm).
    static func parameterized(_ name: String, _ value: Int32) -> [UInt8] {
        guard let template = sc_tigetstr(name), let text = sc_tiparm1(template, value) else { return [] }
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }

    /// What `ScreenWriter` needs from terminfo. Cursor addressing in the ANSI form that nearly
    /// every terminal has is made without tparm; any other form goes through it.
    static func capabilities() -> ScreenWriter.Capabilities {
        let ansiMove = "\u{1B}[%i%p1%d;%p2%dH"
        let move: @Sendable (Int, Int) -> [UInt8]
        if let cup = sc_tigetstr("cup"), String(cString: cup) != ansiMove {
            let template = String(cString: cup)
            move = { row, col in
                template.withCString { cap in
                    guard let text = sc_tiparm2(cap, Int32(row), Int32(col)) else { return [] }
                    return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
                }
            }
        } else {
            move = ScreenWriter.ansiMove
        }
        return ScreenWriter.Capabilities(
            clear: string("clear") ?? Array("\u{1B}[H\u{1B}[2J".utf8),
            showCursor: string("cnorm") ?? [], hideCursor: string("civis") ?? [], move: move,
            bottomRightSafe: tigetflag("am") <= 0 || tigetflag("xenl") > 0)
    }

    /// Follows the terminal's new size (after SIGWINCH or resume).
    func updateSize() {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resize_term(Int32(size.ws_row), Int32(size.ws_col))
        }
        rows = Int(sc_lines())
        cols = Int(sc_cols())
        shown = nil
    }

    /// Sends the cells of `frame` that differ from what is on screen, then places the cursor:
    /// one write().
    func draw(_ frame: Frame) {
        output.removeAll(keepingCapacity: true)
        writer.frame(frame.canvas, shown: shown, cursor: frame.cursor, into: &output)
        shown = frame.canvas
        Self.writeAll(output)
    }

    /// Writes all of `bytes` to the terminal, whatever a signal or a full buffer interrupts.
    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
                    var out = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&out, 1, 100)
                } else {
                    return  // the terminal is gone
                }
            }
        }
    }

    /// Forces the next draw to repaint everything (Ctrl-L, resume).
    func invalidate() {
        shown = nil
    }

    /// Ctrl-Z: gives the terminal back, stops, and takes it again when continued.
    func suspend() {
        leaveTerminal()
        TerminalGuard.setDefault(SIGTSTP)
        // kill(getpid()), not raise(): raise() signals only this thread, and the UI loop may run
        // on a thread that blocks SIGTSTP (dispatch workers do), where it would stay pending.
        kill(getpid(), SIGTSTP)
        // Execution continues here after SIGCONT.
        TerminalGuard.reinstallSuspendHandler()
        refresh()
        cursesActive = true
        enableTerminalModes()
        writer.reset()
        updateSize()
    }

    private func leaveTerminal() {
        guard cursesActive else { return }
        // The cursor shown again and the style reset: curses does not know the frames changed them.
        let off = "\u{1B}[?2004l" + (sc_tigetstr("rmkx").map { String(cString: $0) } ?? "")
            + (sc_tigetstr("sgr0").map { String(cString: $0) } ?? "") + (sc_tigetstr("cnorm").map { String(cString: $0) } ?? "")
        _ = off.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        endwin()
        cursesActive = false
    }

    func stop() {
        leaveTerminal()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        TerminalGuard.restoreRaw()
        terminalModesActive = false
    }
}
