import Foundation
import Testing
import StudyApp
@testable import StudyTUI

/// Issue 9, items 13 and 14: built-in themes work from any folder, user themes are found where
/// the README says, and without colour the selection stays visible.
@Suite struct ThemeInstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func builtInThemesLoadWithNoThemeFolderAnywhere() {
        let nowhere = ["/nonexistent-\(UUID().uuidString)"]
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            let (theme, error) = ThemeLoader.load(name, directories: nowhere)
            #expect(error == nil, "\(name): \(error?.message ?? "")")
            #expect(theme.name == name)
        }
        let (_, error) = ThemeLoader.load("nosuch", directories: nowhere)
        #expect(error?.message.contains("dark, high-contrast, light, monochrome") == true, "\(error?.message ?? "")")
    }

    @Test func compiledInThemesMatchTheThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("themes").path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == ThemeLoader.builtInNames.sorted())
        for source in BuiltInTheme.sources {
            let file = try String(contentsOf: Self.repository.appendingPathComponent("themes/\(source.name).toml"), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .whitespacesAndNewlines) == source.text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "themes/\(source.name).toml changed: run themes/embed-themes.sh")
        }
    }

    @Test func userThemesComeFromTheConfigFolderAndBesideTheInstalledBinary() throws {
        let dirs = ThemeLoader.searchDirectories(configured: nil, executablePath: "/opt/sc/bin/studycircle",
                                                 environment: ["HOME": "/home/s", "XDG_CONFIG_HOME": "/home/s/.cfg"])
        #expect(dirs.contains("/home/s/.cfg/studycircle/themes"))
        #expect(dirs.contains("/opt/sc/share/studycircle/themes"))
        #expect(!dirs.contains { $0.hasSuffix("/themes") && $0.hasPrefix(FileManager.default.currentDirectoryPath + "/themes") },
                "not the working folder")
        let fallback = ThemeLoader.searchDirectories(configured: nil, executablePath: "studycircle", environment: ["HOME": "/home/s"])
        #expect(fallback.first == "/home/s/.config/studycircle/themes")

        // A user theme is found there, and wins over a built-in of the same name.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "name = \"mine\"\n[styles.selected]\nbold = true\n".write(to: dir.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"my-light\"\n".write(to: dir.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        #expect(ThemeLoader.load("mine", directories: [dir.path]).theme.name == "mine")
        #expect(ThemeLoader.load("light", directories: [dir.path]).theme.name == "my-light")
        #expect(ThemeLoader.availableThemes(directories: [dir.path]).contains("mine"))
    }

    @Test func withoutColourTheSelectionIsReversed() {
        for name in ThemeLoader.builtInNames {
            let theme = ThemeLoader.load(name, directories: []).theme.withoutColor()
            for role in [Role.selected, .selectedUnfocused, .match] {
                let style = theme.style(role)
                #expect(style.reverse, "\(name) \(role)")
                #expect(style.fg == .terminalDefault && style.bg == .terminalDefault)
            }
        }
        // And the selected row is drawn in that role.
        var state = AppState(settings: AppSettings(user: "alice", outboxPath: nil), backendName: "t")
        _ = AppReducer.reduce(&state, .rooms(.loaded([.init(roomId: "r1", name: "alpha", members: ["alice"], createdBy: "b"),
                                                    .init(roomId: "r2", name: "beta", members: ["alice"], createdBy: "b")])))
        state.rooms.selected = 1
        var ui = UIState()
        let canvas = FrameRenderer.render(state: state, ui: &ui, rows: 24, cols: 80).canvas
        let row = (0..<24).first { canvas.text(row: $0).contains("beta") } ?? -1
        #expect(row >= 0 && canvas[row, 2].role == .selected)
    }
}

/// The install prefix beside the binary is found with `realpath` and string work (issue 13:
/// no URL on the start-up path); it must be what URL's resolvingSymlinksInPath gave.
@Suite struct InstallPrefixTests {
    @Test func itIsTheFolderAboveTheBinarysFolderWithLinksResolved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("prefix-\(UUID().uuidString)")
        let bin = dir.appendingPathComponent("real/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = bin.appendingPathComponent("studycircle")
        try Data().write(to: binary)
        let link = dir.appendingPathComponent("studycircle-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        for path in [binary.path, link.path, "/opt/sc/bin/studycircle", "/opt/sc/bin/../bin/studycircle", "/studycircle"] {
            let old = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("../share/studycircle/themes").standardized.path
            #expect(ThemeLoader.installPrefix(ofExecutable: path) + "/share/studycircle/themes" == old, "\(path)")
        }
    }
}
