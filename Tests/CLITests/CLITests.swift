import Foundation
import TestSupport
import Testing

/// The real `studycircle` binary, run as a student would from the shell.
@Suite struct CLITests {
    struct Sandbox {
        let dir: TempDir
        let binary: String
        init() throws {
            dir = try TempDir()
            binary = try #require(BuiltProducts.path("studycircle"), "build first: swift build")
        }
        var environment: [String: String] {
            ["HOME": dir.url.path, "XDG_DATA_HOME": dir.path("data"), "XDG_CONFIG_HOME": dir.path("config"),
             "XDG_STATE_HOME": dir.path("state"), "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
             "USER": "tester", "LANG": "C.UTF-8"]
        }
        func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessResult {
            try runProcess(binary, args, environment: environment.merging(env) { $1 }, stdin: stdin, workingDirectory: dir.url.path)
        }
    }

    @Test func helpExplainsEveryCommand() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let help = try s.run(["--help"])
        #expect(help.status == 0)
        for command in ["setup", "tables", "library", "user", "doctor", "--db-type", "--db ", "--table-prefix", "--endpoint", "--user"] {
            #expect(help.stdout.contains(command), "help mentions \(command)")
        }
        for sub in [["tables", "--help"], ["library", "add", "--help"], ["user", "add", "--help"], ["tables", "delete", "--help"]] {
            let r = try s.run(sub)
            #expect(r.status == 0)
            #expect(r.stdout.contains("USAGE"))
        }
    }

    @Test func firstRunShowsTheDemoLibraryAndRoom() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let r = try s.run([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Photosynthesis"))
        #expect(r.stdout.contains("#welcome"))
        #expect(r.stdout.contains("signed in as tester"))
        #expect(FileManager.default.fileExists(atPath: s.dir.path("data/studycircle/studycircle.db")))
    }

    @Test func badFilesAreReportedAndNothingElseChanges() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        try Data([0x66, 0x6F, 0xFF, 0x6F]).write(to: URL(fileURLWithPath: s.dir.path("bad.txt")))
        try Data("# Good\n\nA fine text about cells.".utf8).write(to: URL(fileURLWithPath: s.dir.path("good.md")))
        try FileManager.default.createDirectory(atPath: s.dir.path("misc"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: s.dir.path("misc/table.xlsx")))
        let r = try s.run(["library", "add", "bad.txt", "missing.md", "misc", "good.md"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.txt: is not valid UTF-8"))
        #expect(r.stderr.contains("missing.md: no such file"))
        #expect(r.stderr.contains("Left out 1 file in the folders that is not .txt, .md or .pdf: misc/table.xlsx."))
        #expect(r.stdout.contains("1 added, 0 already in your library (not added again), 2 not added."))
        #expect(r.stdout.contains("Added “Good”"))
        let list = try s.run(["library", "list"])
        #expect(list.stdout.contains("Good"))
        #expect(!list.stdout.contains("bad"))
    }

    /// A folder adds every .txt, .md and .pdf file under it once; a text already added is named.
    @Test func addingAFolderAddsEachFileOnceAndNamesCopies() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: s.dir.path("notes/week1/.drafts"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: s.dir.path(name)))
        }
        try write("notes/a.md", "# Alpha\n\nCells divide.")
        try write("notes/week1/b.txt", "Beta: leaves and light.")
        try write("notes/week1/copy.md", "# Alpha\n\nCells divide.")
        try write("notes/week1/.drafts/draft.md", "# Draft\n\nHidden.")
        try write("notes/.hidden.md", "# Hidden\n\nNot added.")
        try write("notes/picture.png", "PNG")

        let r = try s.run(["library", "add", "notes"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("[1/3] Added “Alpha”"))
        #expect(r.stdout.contains("[2/3] Added “b”"))
        #expect(r.stdout.contains("[3/3] Already in your library: notes/week1/copy.md is unchanged"))
        #expect(r.stdout.contains("2 added, 1 already in your library (not added again), 0 not added."))
        #expect(r.stderr.contains("Left out 1 file in the folders that is not .txt, .md or .pdf: notes/picture.png."))
        #expect(!r.stdout.contains("Hidden") && !r.stdout.contains("Draft"))

        let again = try s.run(["library", "add", "notes/"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 added, 3 already in your library (not added again), 0 not added."))
        let list = try s.run(["library", "list", "--limit", "100"])
        #expect(list.stdout.components(separatedBy: "Alpha").count == 2, "Alpha once: \(list.stdout)")
        #expect(!list.stdout.contains("Draft"))
    }

    /// `--from-list FILE` and `--from-list -` read paths one per line; folders in them are walked.
    @Test func addingFromAListOfPaths() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        try FileManager.default.createDirectory(atPath: s.dir.path("more"), withIntermediateDirectories: true)
        try Data("# One\n\nFirst text.".utf8).write(to: URL(fileURLWithPath: s.dir.path("one.md")))
        try Data("Second text.".utf8).write(to: URL(fileURLWithPath: s.dir.path("more/two.txt")))
        try Data("Third text.".utf8).write(to: URL(fileURLWithPath: s.dir.path("three.txt")))
        let piped = try s.run(["library", "add", "--from-list", "-"], stdin: "one.md\r\n\n# a comment\nmore\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("2 added, 0 already"))
        try Data("three.txt\none.md\n".utf8).write(to: URL(fileURLWithPath: s.dir.path("list.txt")))
        let listed = try s.run(["library", "add", "--from-list", "list.txt"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("1 added, 1 already"))
        let missing = try s.run(["library", "add", "--from-list", "nope.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("Cannot read the list of paths nope.txt"))
        let nothing = try s.run(["library", "add"])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("--from-list"))
    }

    @Test func tablesDeleteRefusesWithoutConfirm() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["setup"]).status == 0)
        let again = try s.run(["setup"])
        #expect(again.stdout.contains("up to date"))
        let refused = try s.run(["tables", "delete"])
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("Nothing was deleted"))
        #expect(refused.stdout.contains("messages"))
        #expect(try s.run(["tables", "list"]).stdout.contains("messages"))
        let deleted = try s.run(["tables", "delete", "--confirm"])
        #expect(deleted.status == 0)
        #expect(try s.run(["tables", "list"]).stdout.contains("No tables yet"))
    }

    @Test func badConfigurationAndCorruptDatabaseGiveClearMessages() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let badType = try s.run(["library", "list"], env: ["DB_TYPE": "postgres"])
        #expect(badType.status != 0)
        #expect(badType.stderr.contains("DB_TYPE = 'postgres' (from environment)"))
        let corrupt = s.dir.path("corrupt.db")
        try Data(repeating: 0x42, count: 2048).write(to: URL(fileURLWithPath: corrupt))
        let r = try s.run(["--db", corrupt, "library", "list"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("not a StudyCircle database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: corrupt)) == Data(repeating: 0x42, count: 2048))
        let doctor = try s.run(["--db", corrupt, "doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("PROBLEM"))
        #expect(doctor.stdout.contains("Move the file aside"))
    }

    @Test func usersWithPasswordsAreHashed() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let add = try s.run(["user", "add", "grace", "--email", "grace@example.org"], env: ["STUDYCIRCLE_PASSWORD": "hopper-1906"])
        #expect(add.status == 0, "\(add.stderr)")
        let dup = try s.run(["user", "add", "grace", "--email", "other@example.org"], env: ["STUDYCIRCLE_PASSWORD": "hopper-1906"])
        #expect(dup.status != 0)
        #expect(dup.stderr.contains("username 'grace' already exists"))
        let short = try s.run(["user", "add", "alan", "--email", "alan@example.org"], env: ["STUDYCIRCLE_PASSWORD": "short"])
        #expect(short.stderr.contains("at least 8 characters"))
        let list = try s.run(["user", "list"])
        #expect(list.stdout.contains("grace"))
        #expect(!list.stdout.contains("alan"))
        let db = try Data(contentsOf: URL(fileURLWithPath: s.dir.path("data/studycircle/studycircle.db")))
        #expect(db.range(of: Data("hopper-1906".utf8)) == nil, "the plain password is never stored")
    }

    @Test func roomsFromTheShellNeverPrintRawEscapes() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "physics", "--description", "Forces"]).status == 0)
        #expect(try s.run(["room", "post", "physics"], stdin: "evil \u{1B}[2J \u{1B}]0;title\u{07} \u{202E}done\n").status == 0)
        #expect(try s.run(["room", "post", "#physics", "second", "line"]).status == 0)
        let history = try s.run(["room", "history", "physics"])
        #expect(history.stdout.contains("evil ␛[2J ␛]0;title␇ \u{FFFD}done"), "\(history.stdout)")
        #expect(history.stdout.contains("<tester> second line"))
        #expect(!history.stdout.contains("\u{1B}"))
        let missing = try s.run(["room", "post", "nowhere", "hi"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No room named 'nowhere'"))
    }

    static let studyText = """
    The Transmission Control Protocol (TCP) gives applications a reliable stream of bytes. TCP was described by \
    Vint Cerf and Bob Kahn in 1974. A connection begins with the three-way handshake. The client sends a SYN \
    segment, the server answers with SYN-ACK, and the client replies with ACK. Every byte has a sequence number. \
    Congestion control protects the network. Modern systems often use the CUBIC algorithm, which is the default on Linux.
    """

    @Test func summarizeAndExamFromTheShell() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        try Data(Self.studyText.utf8).write(to: URL(fileURLWithPath: s.dir.path("tcp.txt")))
        let summary = try s.run(["summarize", "tcp.txt", "--sentences", "2", "--json"])
        #expect(summary.status == 0, "\(summary.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any]
        let entries = decoded?["entries"] as? [[String: Any]]
        #expect((entries?.first?["sentences"] as? [String])?.count == 2)
        let piped = try s.run(["summarize", "-", "--type", "bullet-points"], stdin: Self.studyText)
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("- "))
        let bad = try s.run(["summarize", "missing.txt", "tcp.txt"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("missing.txt") || bad.stderr.contains("missing.txt"))
        let exam = try s.run(["exam", "tcp.txt", "--questions", "3", "--types", "mc,tf"])
        #expect(exam.status == 0, "\(exam.stderr)")
        #expect(exam.stdout.contains("1. ["))
        #expect(exam.stdout.contains("Answer:"))
        let hidden = try s.run(["exam", "tcp.txt", "--questions", "3", "--no-answers"])
        #expect(!hidden.stdout.contains("Answer:"))
        let wrongType = try s.run(["exam", "tcp.txt", "--types", "essay"])
        #expect(wrongType.status != 0)
        #expect(wrongType.stderr.contains("essay"))
    }

    @Test func templatesAreCreatedEditedSharedAndRated() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let add = try s.run(["template", "add", "Weekly quiz", "--type", "exam", "--questions", "6"])
        #expect(add.status == 0, "\(add.stderr)")
        let id = try #require(try s.run(["template", "list"]).stdout.split(separator: " ").first.map(String.init))
        #expect(try s.run(["template", "list", "--public"]).stdout.contains("No public templates"))
        #expect(try s.run(["template", "edit", id, "--name", "Friday quiz", "--public"]).status == 0)
        #expect(try s.run(["template", "list", "--public"]).stdout.contains("Friday quiz"))
        let other = try s.run(["--user", "mallory", "template", "edit", id, "--no-public"])
        #expect(other.status != 0)
        #expect(other.stderr.contains("Only the creator"))
        #expect(try s.run(["template", "rate", id, "4"]).stdout.contains("★ 4.0 from 1"))
        #expect(try s.run(["template", "rate", id, "6"]).stderr.contains("between 1 and 5"))
    }
}
