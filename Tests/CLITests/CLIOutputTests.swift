import Foundation
import TestSupport
import Testing

/// What the command line writes, reads and leaves behind: sanitised output, exact JSON,
/// standard input that is closed or a folder, the log file, installation.
@Suite struct CLIOutputTests {
    typealias Sandbox = CLITests.Sandbox

    /// Escape sequences a hostile document, path, argument or provider answer could carry.
    static let hostile = "title \u{1B}]0;owned\u{07} clip \u{1B}]52;c;aGk=\u{07} clear \u{1B}[2J c1 \u{9B}31m bidi \u{202E}txet"

    static func expectNoControls(_ text: String, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n") || (0x7F..<0xA0).contains(s.value) || (0x202A...0x202E).contains(s.value)
        }
        #expect(bad.isEmpty, "\(where_) carries raw controls: \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func documentsPathsArgumentsAndErrorsReachTheTerminalSanitised() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let text = "The cell is the unit of life. \(Self.hostile) is written here. Cells divide by mitosis. The nucleus holds DNA."
        try Data(text.utf8).write(to: URL(fileURLWithPath: s.dir.path("evil.txt")))
        let summary = try s.run(["summarize", "evil.txt", "--type", "detailed"])
        #expect(summary.status == 0, "\(summary.stderr)")
        Self.expectNoControls(summary.stdout, "summary")
        #expect(summary.stdout.contains("␛]0;owned␇"), "escapes are shown as symbols: \(summary.stdout)")
        let exam = try s.run(["exam", "evil.txt", "--questions", "2", "--types", "tf"])
        Self.expectNoControls(exam.stdout + exam.stderr, "exam")

        // A file name with escapes, in "Added … from PATH" and "Skipped PATH".
        let evilName = "notes \u{1B}[2J\u{1B}]0;x\u{07}.md"
        try Data("# Cells\n\nCells divide.".utf8).write(to: URL(fileURLWithPath: s.dir.path(evilName)))
        let add = try s.run(["library", "add", evilName, "missing \u{1B}[31m.md"])
        #expect(add.stdout.contains("Added “Cells”"), "\(add.stdout)")
        #expect(add.stdout.contains("notes ␛[2J"))
        #expect(add.stderr.contains("Skipped missing ␛[31m.md"), "\(add.stderr)")
        Self.expectNoControls(add.stdout + add.stderr, "library add")

        // Arguments echoed by ArgumentParser and by our own errors.
        for args in [["--\u{1B}]52;c;aGk=\u{07}"], ["summarize", "--type", "\u{1B}[2J", "evil.txt"],
                     ["room", "post", "no\u{1B}[2Jroom", "hi"], ["exam", "\u{9B}nofile"]] {
            let r = try s.run(args)
            #expect(r.status != 0)
            #expect(!r.stderr.isEmpty)
            Self.expectNoControls(r.stdout + r.stderr, "error for \(args)")
        }
    }

    @Test func jsonOutputIsExactAndTerminalSafe() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let sentence = "Cells \(Self.hostile) divide."
        try Data("\(sentence) The nucleus holds DNA.".utf8).write(to: URL(fileURLWithPath: s.dir.path("evil.txt")))
        let r = try s.run(["summarize", "evil.txt", "--type", "detailed", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        Self.expectNoControls(r.stdout, "JSON")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        let sentences = try #require(entries.first?["sentences"] as? [String])
        #expect(sentences.contains(sentence), "the decoded JSON holds the exact text: \(sentences)")

        // export - writes JSON Lines: terminal-safe, and the message decodes to exactly what was sent.
        #expect(try s.run(["room", "create", "physics"]).status == 0)
        #expect(try s.run(["room", "post", "physics"], stdin: sentence).status == 0)
        let export = try s.run(["export", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        Self.expectNoControls(export.stdout, "export")
        let texts = try export.stdout.split(separator: "\n").compactMap { line -> String? in
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (record?["data"] as? [String: Any])?["text"] as? String
        }
        #expect(texts.contains(sentence), "\(texts)")
    }

    @Test func providerAnswersAreSanitised() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let answer = s.dir.path("answer.txt")
        try Data("Provider says \(Self.hostile).".utf8).write(to: URL(fileURLWithPath: answer))
        let server = try FakeLLMServer(jsonFile: answer)
        defer { server.stop() }
        try Data("Cells divide by mitosis. The nucleus holds DNA. MODE:json".utf8).write(to: URL(fileURLWithPath: s.dir.path("doc.txt")))
        let r = try s.run(["summarize", "doc.txt"], env: ["STUDYCIRCLE_LLM_URL": server.url, "STUDYCIRCLE_LLM_API_KEY": "test-key"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Provider says"), "\(r.stdout) \(r.stderr)")
        Self.expectNoControls(r.stdout + r.stderr, "provider answer")
    }

    /// Runs the binary through the shell, so standard input can be closed or a folder.
    func shell(_ s: Sandbox, _ script: String) throws -> ProcessResult {
        try runProcess("/bin/sh", ["-c", script, "sh", s.binary], environment: s.environment, workingDirectory: s.dir.url.path)
    }

    @Test func closedOrFolderStandardInputIsAClearErrorNotACrash() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "physics"]).status == 0)
        let cases: [(String, String)] = [
            ("\"$1\" summarize - <&-", "Standard input is closed"),
            ("\"$1\" exam - <&-", "Standard input is closed"),
            ("\"$1\" room post physics <&-", "Standard input is closed"),
            ("\"$1\" summarize - < /", "Standard input is a folder"),
            ("\"$1\" exam - < /", "Standard input is a folder"),
            ("\"$1\" room post physics < /", "Standard input is a folder"),
        ]
        for (script, message) in cases {
            let r = try shell(s, script)
            #expect(r.status == 1, "\(script): exit \(r.status) \(r.stderr)")
            // summarize lists a failed input among its results; the others fail with an error.
            #expect((r.stdout + r.stderr).contains(message), "\(script): \(r.stdout) \(r.stderr)")
        }
        // Closed standard output and error lose the text but never crash the command.
        #expect(try shell(s, "\"$1\" room list >&- 2>&-").status == 0)
        #expect(try shell(s, "\"$1\" room post nowhere hi >&- 2>&-").status == 1)
        #expect(!(try s.run(["room", "history", "physics"]).stdout.contains("physics")), "nothing was posted")
    }

    @Test func noTrapsAndEveryTerminalWriteGoesThroughOutput() throws {
        let sources = BuiltProducts.repositoryRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.path.replacingOccurrences(of: sources.path + "/", with: "")
            if name.hasPrefix("StudyBench/") { continue }  // a developer tool, not a data path
            for trap in ["try!", "fatalError(", "readDataToEndOfFile()"] {
                #expect(!text.contains(trap), "\(name) uses \(trap)")
            }
            guard name.hasPrefix("studycircle/"), name != "studycircle/Output.swift" else { continue }
            for bypass in ["FileHandle.standardError", "FileHandle.standardOutput", "FileHandle.standardInput",
                           "Swift.print(", "fputs(", "write(STDOUT_FILENO", "write(STDERR_FILENO", "readLine("] where !(bypass == "readLine(" && name.hasSuffix("PasswordPrompt.swift")) {
                #expect(!text.contains(bypass), "\(name) writes or reads the terminal around Output/StandardInput: \(bypass)")
            }
        }
    }

    @Test func versionAndInstallation() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let version = try s.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        let root = BuiltProducts.repositoryRoot.path
        let dest = s.dir.path("pkg")
        let make = try runProcess("/usr/bin/env", ["make", "-C", root, "install-files", "BIN=\(s.binary)", "PREFIX=/usr", "DESTDIR=\(dest)"],
                                  environment: s.environment)
        #expect(make.status == 0, "\(make.stderr)")
        for file in ["usr/bin/studycircle", "usr/share/studycircle/themes/dark.toml", "usr/share/studycircle/themes/light.toml",
                     "usr/share/bash-completion/completions/studycircle", "usr/share/zsh/site-functions/_studycircle",
                     "usr/share/fish/vendor_completions.d/studycircle.fish"] {
            #expect(FileManager.default.fileExists(atPath: "\(dest)/\(file)"), "installs \(file)")
        }
        let bash = try String(contentsOfFile: "\(dest)/usr/share/bash-completion/completions/studycircle", encoding: .utf8)
        #expect(bash.contains("summarize") && bash.contains("doctor"))
        #expect(try s.run(["--version"]).stdout == (try runProcess("\(dest)/usr/bin/studycircle", ["--version"], environment: s.environment)).stdout)
    }

    @Test func logFileIsWrittenAtEveryLevelAndHidesSecrets() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let log = s.dir.path("state/studycircle/studycircle.log")
        let secret = "sk-very-secret-key-123"
        for level in ["trace", "debug", "info"] {
            let r = try s.run(["summarize", "--type", secret, "x.txt"],
                              env: ["STUDYCIRCLE_LOG_LEVEL": level, "STUDYCIRCLE_LLM_API_KEY": secret, "STUDYCIRCLE_PASSWORD": "pw-\(secret)"])
            #expect(r.status != 0)
        }
        #expect(try s.run(["room", "list"], env: ["STUDYCIRCLE_LOG_LEVEL": "trace"]).status == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("command summarize started"))
        #expect(text.contains("command room list started"))
        #expect(text.contains(" trace studycircle:"), "trace lines are written at trace level")
        #expect(text.contains("***"), "the secret in the error was replaced")
        #expect(!text.contains(secret), "no secret in the log")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o077 == 0, "log is private")
        let errorOnly = try s.run(["room", "list"], env: ["STUDYCIRCLE_LOG_LEVEL": "error"])
        #expect(errorOnly.status == 0)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == text, "nothing below error is written at level error")
    }

    @Test func messagesNameThingsInStudentWords() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let plan = try s.run(["user", "add", "grace", "--email", "g@example.org", "--plan", "gold"], env: ["STUDYCIRCLE_PASSWORD": "long-password"])
        #expect(plan.stderr.contains("not a valid subscription plan"), "\(plan.stderr)")
        #expect(try s.run(["room", "create", "physics"]).status == 0)
        let long = try s.run(["room", "post", "physics", String(repeating: "x", count: 4100)])
        #expect(long.status != 0)
        for fieldName in ["subscriptionPlan", "summaryText", "sourceText", "text:", "summaryType"] {
            #expect(!(plan.stderr + long.stderr).contains(fieldName), "no internal name \(fieldName)")
        }
        let type = try s.run(["template", "add", "Quiz", "--summary-type", "essay"])
        #expect(type.stderr.contains("not a valid summary type"), "\(type.stderr)")
    }
}
