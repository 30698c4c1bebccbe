import CNCursesW
import Glibc

/// The only code that calls curses. Used from the UI thread only.
///
/// Curses draws; it does not read the keyboard: `KeyboardReader` reads it in one call per batch
/// (curses read and polled one byte at a time). Keypad mode stays on, so the terminal sends the
/// key strings its terminfo entry lists, which the decoder matches.
final class CursesScreen {
    private(set) var rows: Int
    private(set) var cols: Int
    private(set) var depth: ColorDepth = .none
    private var screen: OpaquePointer?
    private var styles: [(attr: attr_t, pair: Int32)] = []
    /// The last frame on screen, to send only the rows that changed.
    private var shown: Canvas?
    let keyCodes: KeyCodes

    /// Starts curses on the terminal. Throws instead of exiting when the terminal is unusable.
    init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the interactive app needs a terminal; use a subcommand (see --help) for scripts")
        }
        let term = String(cString: getenv("TERM") ?? strdup(""))
        if Self.incapableTerminals.contains(term) { throw TerminalError.incapable(term) }
        // The user's locale, but a UTF-8 one: wide characters need it.
        _ = sc_setlocale_all()
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
        // No typeahead check during doupdate: curses would poll the keyboard and flush its
        // output every few lines, so one frame went out in some twenty writes. Keys are read by
        // the main loop anyway; with this a frame is one write.
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
        // Leave and resume once, before anything is drawn: until the screen has been resumed,
        // ncurses flushes its output after every cursor movement (its state stays "initial"
        // after newterm), so a frame went out in about twenty writes; after it, in one.
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

    /// Sets up one colour pair per role.
    func apply(_ theme: Theme) {
        styles = []
        for role in Role.allCases {
            let style = theme.style(role)
            var attr = sc_a_normal()
            if style.bold { attr |= sc_a_bold() }
            if style.underline { attr |= sc_a_underline() }
            if style.italic { attr |= sc_a_italic() }
            if style.reverse { attr |= sc_a_reverse() }
            if style.dim { attr |= sc_a_dim() }
            var pair: Int32 = 0
            if depth != .none, role.rawValue + 1 < Int(sc_color_pairs()) {
                pair = Int32(role.rawValue + 1)
                let fg = ColorMapper.number(style.fg, depth: depth)
                let bg = ColorMapper.number(style.bg, depth: depth)
                if init_extended_pair(pair, fg, bg) != sc_err() { } else { pair = 0 }
            }
            styles.append((attr, pair))
        }
        shown = nil
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
        clearok(sc_stdscr(), true)
    }

    /// Sends the rows of `frame` that differ from what is on screen, then places the cursor.
    func draw(_ frame: Frame) {
        let canvas = frame.canvas
        let window = sc_stdscr()
        for row in 0..<canvas.rows {
            // Only the changed part of a row: while paging, the side panes on the same rows
            // are not sent to curses again.
            var columns = 0..<canvas.cols
            if let shown {
                guard let changed = canvas.changedColumns(shown, row: row) else { continue }
                columns = changed
            }
            drawRow(canvas, row: row, columns: columns, window: window)
        }
        shown = canvas
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func drawRow(_ canvas: Canvas, row: Int, columns: Range<Int>, window: UnsafeMutablePointer<WINDOW>?) {
        var col = columns.lowerBound
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(canvas.cols + 8)
        while col < columns.upperBound {
            let role = canvas[row, col].role
            let start = col
            buffer.removeAll(keepingCapacity: true)
            while col < columns.upperBound, canvas[row, col].role == role {
                let cell = canvas[row, col]
                if cell.width > 0 {
                    GlyphTable.forEachScalar(of: cell.code) { buffer.append(wchar_t(bitPattern: $0)) }
                }
                col += 1
            }
            let style: (attr: attr_t, pair: Int32) = styles.indices.contains(role.rawValue) ? styles[role.rawValue] : (sc_a_normal(), 0)
            _ = sc_attr_set_ext(window, style.attr, style.pair)
            wmove(window, Int32(row), Int32(start))
            // ERR at the bottom-right corner only means the cursor could not advance.
            _ = sc_wadd_wchars(window, buffer, Int32(buffer.count))
        }
    }

    /// Forces the next draw to repaint everything (Ctrl-L, resume).
    func invalidate() {
        shown = nil
        clearok(sc_stdscr(), true)
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
        updateSize()
    }

    private func leaveTerminal() {
        guard cursesActive else { return }
        let off = "\u{1B}[?2004l" + (sc_tigetstr("rmkx").map { String(cString: $0) } ?? "")
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
