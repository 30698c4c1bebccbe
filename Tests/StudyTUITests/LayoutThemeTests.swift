import Foundation
import Testing
import StudyApp
@testable import StudyTUI

@Suite struct LayoutTests {
    func render(rows: Int, cols: Int, focus: Pane = .rooms) -> Frame {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "sqlite:test")
        state.focus = focus
        var ui = UIState()
        return FrameRenderer.render(state: state, ui: &ui, rows: rows, cols: cols)
    }

    @Test func fivePanesAt80x24() {
        let text = render(rows: 24, cols: 80).canvas.text
        for title in ["Rooms", "Messages", "Library", "Summaries", "Exams"] { #expect(text.contains(title)) }
    }

    @Test func everySizeRendersWithoutCrashing() {
        for rows in 0...30 {
            for cols in stride(from: 0, through: 120, by: 7) {
                let frame = render(rows: rows, cols: cols, focus: Pane(rawValue: (rows + cols) % 5) ?? .rooms)
                #expect(frame.canvas.rows == rows && frame.canvas.cols == cols)
            }
        }
    }

    @Test func tooSmallShowsANotice() {
        let frame = render(rows: 6, cols: 20)
        #expect(frame.canvas.text.contains("too small"))
        #expect(ScreenLayout.compute(rows: 6, cols: 20, focus: .rooms).mode == .tooSmall)
        #expect(ScreenLayout.compute(rows: 12, cols: 50, focus: .rooms).mode == .compact)
        #expect(ScreenLayout.compute(rows: 24, cols: 80, focus: .rooms).mode == .full)
    }

    @Test func helpListsEveryPaneKey() {
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        state.focus = .rooms
        var ui = UIState()
        ui.helpVisible = true
        let text = FrameRenderer.render(state: state, ui: &ui, rows: 40, cols: 100).canvas.text
        #expect(text.contains("Help"))
        #expect(text.contains(":join NAME") || text.contains("Tab / Shift-Tab"))
    }
}

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    @Test func shippedThemesAllParse() throws {
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            let (theme, error) = ThemeLoader.load(name, directories: [Self.themesDirectory])
            #expect(error == nil, "\(name): \(String(describing: error))")
            #expect(theme.name == name)
        }
    }

    @Test func badThemeFileGivesMessageAndDefault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "[styles.normal\nfg = ".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "[styles.normal]\nfg = \"chartreuse-ish\"".write(to: directory.appendingPathComponent("badcolor.toml"), atomically: true, encoding: .utf8)
        let broken = ThemeLoader.load("broken", directories: [directory.path])
        #expect(broken.error?.message.contains("line") == true)
        #expect(broken.theme == ThemeLoader.builtIn)
        let badColor = ThemeLoader.load("badcolor", directories: [directory.path])
        #expect(badColor.error?.message.contains("not a colour") == true)
        let missing = ThemeLoader.load("nope", directories: [directory.path])
        #expect(missing.error != nil)
    }

    @Test func colourFallbacks() {
        let orange = ThemeColor.rgb(255, 135, 0)
        #expect(ColorMapper.number(orange, depth: .indexed256) == 208)
        #expect(ColorMapper.number(orange, depth: .none) == -1)
        #expect((0..<8).contains(ColorMapper.number(orange, depth: .ansi8)))
        #expect(ColorMapper.number(orange, depth: .direct) == 0xFF8700)
        #expect(ColorDepth.detect(colors: 256, noColor: true) == .none)
        #expect(ThemeColor.parse("bright-red") == .ansi(9))
    }
}
