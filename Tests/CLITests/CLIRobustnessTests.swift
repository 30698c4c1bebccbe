import Foundation
import TestSupport
import Testing

/// The command line under conditions a new user meets: a fresh machine, a bad region, a
/// provider that is down, a damaged or read-only database, a migration in a pipe.
@Suite struct CLIRobustnessTests {
    typealias Sandbox = CLITests.Sandbox

    @Test func doctorOnAFreshMachineSaysTheDatabaseComesOnFirstUse() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let r = try s.run(["doctor"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("creates it on first use"), "\(r.stdout)")
        #expect(!r.stdout.contains("PROBLEM"))
        #expect(r.stdout.contains("backend: sqlite (default)"))
        #expect(r.stdout.contains("(default location)"))
        #expect(!FileManager.default.fileExists(atPath: s.dir.path("data/studycircle/studycircle.db")), "doctor creates nothing")
    }

    @Test func doctorExplainsABadRegion() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let aws = ["DB_TYPE": "dynamodb", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"]
        let spaced = try s.run(["doctor"], env: aws.merging(["AWS_REGION": "us east 1", "DYNAMODB_ENDPOINT": "http://127.0.0.1:9"]) { $1 })
        #expect(spaced.status == 1)
        #expect(spaced.stdout.contains("'us east 1' (from environment) is not a region name"), "\(spaced.stdout)")
        #expect(spaced.stdout.contains("look like us-east-1"))
        let moon = try s.run(["doctor"], env: aws.merging(["AWS_REGION": "moon-1"]) { $1 })
        #expect(moon.status == 1)
        #expect(moon.stdout.contains("'moon-1' (from environment) is not an AWS region"), "\(moon.stdout)")
        #expect(moon.stdout.contains("table prefix: ai-study-circle (default)"))
        // Other commands refuse it too, in the same words, instead of a confusing server answer.
        let list = try s.run(["room", "list"], env: aws.merging(["AWS_REGION": "us east 1", "DYNAMODB_ENDPOINT": "http://127.0.0.1:9"]) { $1 })
        #expect(list.status != 0)
        #expect(list.stderr.contains("is not an AWS region"), "\(list.stderr)")
    }

    @Test func doctorSaysWhenTheLocalClockIsFarOff() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        // A stand-in server whose Date header is 90 s behind this machine's clock.
        let script = """
        import http.server, sys, threading, email.utils, time
        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def answer(self):
                self.send_response(400)
                self.send_header("Date", email.utils.formatdate(time.time() - 90, usegmt=True))
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
            do_GET = do_POST = answer
            def date_time_string(self, timestamp=None): return email.utils.formatdate(time.time() - 90, usegmt=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        print(server.server_address[1], flush=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sys.stdin.read()
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { try? input.fileHandleForWriting.close(); process.terminate() }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        let port = try #require(Int(String(decoding: line, as: UTF8.self)))
        let r = try s.run(["doctor"], env: ["DB_TYPE": "dynamodb", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                                           "AWS_REGION": "us-east-1", "DYNAMODB_ENDPOINT": "http://127.0.0.1:\(port)"])
        let clockLine = try #require(r.stdout.split(separator: "\n").first { $0.contains("clock:") }, "\(r.stdout)")
        #expect(clockLine.contains("[warning]"), "\(clockLine)")
        let seconds = Int(clockLine.split(separator: " ").first { Int($0) != nil } ?? "") ?? 0
        #expect((85...95).contains(seconds), "about 90 s off: \(clockLine)")
        #expect(clockLine.contains("s ahead of the server"))
        #expect(r.stdout.contains("timedatectl"))
    }

    @Test func aProviderCallWithoutAnAnswerIsNotCounted() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        try Data("Cells divide by mitosis. The nucleus holds DNA. Plants make sugar from light.".utf8)
            .write(to: URL(fileURLWithPath: s.dir.path("doc.txt")))
        // A port nothing listens on: connection refused.
        let refused = try s.run(["summarize", "doc.txt"], env: ["STUDYCIRCLE_LLM_URL": "http://127.0.0.1:9/v1"])
        #expect(refused.status == 0, "\(refused.stderr)")
        #expect(refused.stderr.contains("could not be reached"), "\(refused.stderr)")
        #expect(try usage(s) == 0, "a refused connection costs nothing")
        let server = try FakeLLMServer()
        defer { server.stop() }
        let answered = try s.run(["summarize", "doc.txt"], env: ["STUDYCIRCLE_LLM_URL": server.url, "STUDYCIRCLE_LLM_API_KEY": "test-key"])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("Plants turn light"))
        #expect(try usage(s) == 1, "an answered call counts once")
        let failed = try s.run(["summarize", "doc.txt"], env: ["STUDYCIRCLE_LLM_URL": server.url, "STUDYCIRCLE_LLM_API_KEY": "wrong"])
        #expect(failed.stderr.contains("refused the API key"))
        #expect(try usage(s) == 1, "a refused call does not count")
    }

    /// The local user's count of provider calls this month, read from the database file.
    func usage(_ s: Sandbox) throws -> Int {
        let r = try runProcess("/usr/bin/env", ["python3", "-c", """
            import sqlite3, json, sys
            db = sqlite3.connect(sys.argv[1])
            print(sum(json.loads(d).get("apiUsage", {}).get("requests", 0) for (d,) in db.execute("select data from users")))
            """, s.dir.path("data/studycircle/studycircle.db")], environment: s.environment)
        return try #require(Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(r.stderr)")
    }

    @Test func pdftotextGetsOnlyPathAndLocale() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let bin = s.dir.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let tool = "\(bin)/pdftotext"
        try Data("#!/bin/sh\nenv > \"\(s.dir.path("pdf-env.txt"))\"\necho 'Cells divide by mitosis.'\n".utf8)
            .write(to: URL(fileURLWithPath: tool))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool)
        try Data("%PDF-1.4 fake".utf8).write(to: URL(fileURLWithPath: s.dir.path("notes.pdf")))
        let r = try s.run(["library", "add", "notes.pdf"], env: [
            "PATH": "\(bin):/usr/bin:/bin", "STUDYCIRCLE_PASSWORD": "hunter2-secret", "STUDYCIRCLE_LLM_API_KEY": "sk-secret",
            "AWS_SECRET_ACCESS_KEY": "aws-secret", "LC_ALL": "C.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        let env = try String(contentsOfFile: s.dir.path("pdf-env.txt"), encoding: .utf8)
        let names = Set(env.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        #expect(names.contains("PATH") && names.contains("LC_ALL"))
        #expect(names.isSubset(of: ["PATH", "LANG", "LANGUAGE", "PWD", "SHLVL", "_"]) || names.allSatisfy {
            ["PATH", "LANG", "LANGUAGE", "PWD", "SHLVL", "_"].contains($0) || $0.hasPrefix("LC_") }, "\(names)")
        #expect(!env.contains("secret"))
    }

    @Test func migrateInAPipePrintsOnlyTheFinalLine() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run([]).status == 0)  // first start: demo library and welcome room
        let r = try s.run(["migrate", "--to-db-type", "sqlite", "--to-db", s.dir.path("copy.db")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "no progress when standard error is not a terminal: \(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.hasPrefix("Copied 1 user, 3 documents"), "\(r.stdout)")
        // On a terminal (script gives one): per-type counts against the expected totals, and a rate.
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { return }
        let tty = try runProcess(script, ["-qec", "\"\(s.binary)\" migrate --to-db-type sqlite --to-db \(s.dir.path("copy2.db"))", "/dev/null"],
                                 environment: s.environment, workingDirectory: s.dir.url.path)
        #expect(tty.status == 0, "\(tty.stdout)")
        #expect(tty.stdout.contains("copying user 1/1"), "\(tty.stdout)")
        #expect(tty.stdout.contains("records/s"))
        #expect(tty.stdout.contains("Copied 1 user"))
    }

    @Test func aDamagedDatabaseIsReportedAlikeAndItsAdviceWorks() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run([]).status == 0)
        // 3000 messages, so that damage near the end of the file hits message pages only.
        let exported = try s.run(["export", "-"]).stdout
        let roomLine = try #require(exported.split(separator: "\n").first { $0.contains(#""type":"room""#) })
        let roomRecord = try #require(try JSONSerialization.jsonObject(with: Data(roomLine.utf8)) as? [String: Any])
        let roomId = try #require((roomRecord["data"] as? [String: Any])?["roomId"] as? String)
        var lines = ""
        for i in 0..<3000 {
            lines += #"{"type":"message","data":{"messageId":"01M000000000000000000\#(String(format: "%05d", i))","roomId":"\#(roomId)","sender":"bob","text":"\#(String(repeating: "x", count: 200)) \#(i)","createdAt":"2026-01-01T00:\#(String(format: "%02d:%02d", i / 60 % 60, i % 60)).000Z"}}"# + "\n"
        }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: s.dir.path("many.jsonl")))
        let imported = try s.run(["import", "many.jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let db = s.dir.path("data/studycircle/studycircle.db")
        _ = try runProcess("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')", db], environment: s.environment)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        let pages = Int(try handle.seekToEnd()) / 4096
        for page in (pages - 60)..<(pages - 50) {
            try handle.seek(toOffset: UInt64(page * 4096))
            handle.write(Data(repeating: 0xDE, count: 4096))
        }
        try handle.close()

        let export = try s.run(["export", "all.jsonl"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("is damaged"), "\(export.stderr)")
        #expect(!export.stderr.contains("left untouched"), "a damaged file is not called untouched")
        #expect(export.stderr.contains("export --salvage"))
        // Every command now says the same: writes are refused, reads go on.
        let post = try s.run(["room", "post", "welcome", "still", "writing?"])
        #expect(post.status != 0)
        #expect(post.stderr.contains("is damaged"), "\(post.stderr)")
        #expect(try s.run(["library", "list"]).stdout.contains("Photosynthesis"), "reads still work")
        let doctor = try s.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("integrity: damaged"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("export --salvage rescued.jsonl"))
        // The advice works: salvage what is readable and import it into a new file.
        let salvage = try s.run(["export", "--salvage", "rescued.jsonl"])
        #expect(salvage.status == 0, "\(salvage.stderr)")
        #expect(salvage.stderr.contains("Skipped"), "\(salvage.stderr)")
        #expect(salvage.stdout.contains("1 user, 3 documents"), "\(salvage.stdout)")
        let fresh = try s.run(["--db", s.dir.path("new.db"), "import", "rescued.jsonl"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try s.run(["--db", s.dir.path("new.db"), "library", "list"]).stdout.contains("Photosynthesis"))
        // The damaged file moved aside, a new one at the same path is not held back by the mark.
        try FileManager.default.moveItem(atPath: db, toPath: s.dir.path("damaged.db"))
        try FileManager.default.moveItem(atPath: s.dir.path("new.db"), toPath: db)
        let after = try s.run(["room", "post", "welcome", "back", "again"])
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test func readingWorksOnAFullDisk() throws {
        // A small tmpfs in a private mount namespace (gone when the shell exits); root only.
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return }
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let disk = s.dir.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let script = """
            mount -t tmpfs -o size=4M tmpfs "$2" || exit 77
            "$1" --db "$2/s.db" room create physics >/dev/null || exit 3
            "$1" --db "$2/s.db" room post physics hello there || exit 4
            dd if=/dev/zero of="$2/fill" bs=4k 2>/dev/null
            "$1" --db "$2/s.db" room list || exit 5
            "$1" --db "$2/s.db" room history physics || exit 6
            "$1" --db "$2/s.db" room post physics more
            echo "post=$?"
            """
        let r = try runProcess("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script, "sh", s.binary, disk], environment: s.environment)
        guard r.status != 77 else { return }  // no tmpfs here (a container without the right)
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("#physics"), "room list reads on a full disk: \(r.stderr)")
        #expect(r.stdout.contains("hello there"), "history reads on a full disk")
        #expect(r.stdout.contains("post=1"))
        #expect(r.stderr.contains("is full"), "\(r.stderr)")
    }

    @Test func aReadOnlyDatabaseIsRefusedCleanlyAndWorksAfterChmod() throws {
        // Permissions mean nothing to root: run the binary as `nobody` when we can.
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: s.dir.url.path)
        let db = s.dir.path("ro.db")
        func asNobody(_ args: [String]) throws -> ProcessResult {
            try runProcess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", s.binary, "--db", db] + args,
                           environment: s.environment.merging(["XDG_STATE_HOME": s.dir.path("nobody-state")]) { $1 })
        }
        #expect(try asNobody(["room", "create", "physics"]).status == 0)
        _ = try runProcess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/chmod", "400", db], environment: s.environment)
        let refused = try asNobody(["room", "list"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("read-only"), "\(refused.stderr)")
        #expect(refused.stderr.contains("chmod 600"))
        #expect(!FileManager.default.fileExists(atPath: db + "-shm"), "no read-only -shm is left behind")
        _ = try runProcess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/chmod", "600", db], environment: s.environment)
        let works = try asNobody(["room", "list"])
        #expect(works.status == 0, "\(works.stderr)")
        #expect(works.stdout.contains("#physics"))
    }
}
