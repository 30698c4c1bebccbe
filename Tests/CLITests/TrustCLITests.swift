import Foundation
import TestSupport
import Testing

/// Issue 9 from the shell on the default SQLite backend: first use, documents recognised and
/// deleted, unique room names, history paging, names never rewritten, one rating per user,
/// and who may change a password.
@Suite struct TrustCLITests {
    typealias Sandbox = CLITests.Sandbox

    @Test func firstCommandCreatesTheDemoLibraryAndWelcomeRoomLikeTheApp() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let rooms = try s.run(["room", "list"])
        #expect(rooms.status == 0, "\(rooms.stderr)")
        #expect(rooms.stdout.contains("#welcome"))
        let library = try s.run(["library", "list"])
        #expect(!library.stdout.contains("No documents found."))
        let history = try s.run(["room", "history", "welcome"])
        #expect(history.stdout.contains("Welcome to StudyCircle"))
    }

    @Test func sameFileTwiceIsRecognisedAndOnlyTheOwnerDeletes() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let file = s.dir.path("cells.md")
        try "# Cells\n\nMitochondria make ATP for the cell.\n".write(toFile: file, atomically: true, encoding: .utf8)
        let first = try s.run(["library", "add", file])
        #expect(first.status == 0 && first.stdout.contains("Added"), "\(first.stderr)")
        for _ in 0..<2 {
            let again = try s.run(["library", "add", file])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("Already in your library"), "\(again.stdout)")
        }
        let list = try s.run(["library", "list", "--search", "mitochondria"])
        let lines = list.stdout.split(separator: "\n").filter { $0.contains("Cells") }
        #expect(lines.count == 1, "\(list.stdout)")
        let id = String(lines.first?.split(separator: " ").first ?? "")
        let unconfirmed = try s.run(["library", "delete", id])
        #expect(unconfirmed.status != 0 && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.stderr)")
        let other = try s.run(["--user", "mallory", "library", "delete", id, "--yes"])
        #expect(other.status != 0 && other.stderr.contains("Only the owner"), "\(other.stderr)")
        let deleted = try s.run(["library", "delete", id, "--yes"])
        #expect(deleted.status == 0 && deleted.stdout.contains("Deleted"), "\(deleted.stderr)")
        #expect(try s.run(["library", "list", "--search", "mitochondria"]).stdout.contains("No documents found."))
        #expect(try s.run(["library", "add", file]).stdout.contains("Added"))
    }

    @Test func roomNamesAreUniqueAsPeopleReadThem() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "Physics"]).status == 0)
        for spelling in ["physics", "Physics ", "phy\u{200B}sics", "ＰＨＹＳＩＣＳ"] {
            let again = try s.run(["room", "create", spelling])
            #expect(again.status != 0, "\(spelling.debugDescription) made a second room")
            #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        }
        #expect(try s.run(["room", "post", "PHYSICS", "found", "by", "any", "case"]).status == 0)
        #expect(try s.run(["--user", "bob", "room", "join", "physics "]).stdout.contains("Joined #Physics"))
        let rooms = try s.run(["room", "list"]).stdout
        #expect(rooms.components(separatedBy: "#Physics").count == 2, "\(rooms)")
    }

    @Test func historyPagesThroughEveryMessageAndRefusesLimitZero() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "paging"]).status == 0)
        for i in 1...7 { #expect(try s.run(["room", "post", "paging", "message \(i)"]).status == 0) }
        let zero = try s.run(["room", "history", "paging", "--limit", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--limit"), "\(zero.stderr)")
        var seen: [String] = []
        var args = ["room", "history", "paging", "--limit", "3"]
        for _ in 0..<5 {
            let page = try s.run(args)
            #expect(page.status == 0, "\(page.stderr)")
            seen = page.stdout.split(separator: "\n").map { String($0.split(separator: ">").last ?? "").trimmingCharacters(in: .whitespaces) } + seen
            guard let range = page.stderr.range(of: "--before ") else { break }
            let token = page.stderr[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            args = ["room", "history", "paging", "--limit", "3", "--before", token]
        }
        #expect(seen == (1...7).map { "message \($0)" })
        let all = try s.run(["room", "history", "paging", "--all", "--limit", "2"])
        #expect(all.stdout.split(separator: "\n").count == 7)
        #expect(try s.run(["room", "history", "paging", "--before", "garbage"]).status != 0)
    }

    @Test func namesAreNeverRewrittenAndRatingsCountOncePerUser() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "names"]).status == 0)
        #expect(try s.run(["--user", "José", "room", "post", "names", "hola"]).status == 0)
        #expect(try s.run(["--user", "Jos", "room", "post", "names", "hi"]).status == 0)
        #expect(try s.run(["--user", "日本語", "room", "post", "names", "konnichiwa"]).status == 0)
        let history = try s.run(["room", "history", "names"]).stdout
        #expect(history.contains("<José> hola") && history.contains("<Jos> hi") && history.contains("<日本語> konnichiwa"), "\(history)")
        for bad in ["ab", "a b", "a/b"] {
            let refused = try s.run(["--user", bad, "room", "list"])
            #expect(refused.status != 0 && refused.stderr.contains("cannot be a username"), "\(bad): \(refused.stderr)")
        }
        let made = try s.run(["template", "add", "Quick", "--public"])
        let id = String(made.stdout.split(separator: " ").dropFirst(2).first ?? "")
        for _ in 0..<3 { #expect(try s.run(["template", "rate", id, "5"]).status == 0) }
        let last = try s.run(["--user", "bob", "template", "rate", id, "3"])
        #expect(last.stdout.contains("from 2 ratings"), "\(last.stdout) \(last.stderr)")
    }

    @Test func passwordChangesNeedTheCurrentPasswordOrAnAdmin() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["user", "add", "carol", "--email", "carol@example.org"], env: ["STUDYCIRCLE_PASSWORD": "carol-secret-1"]).status == 0)
        let wrong = try s.run(["--user", "bob", "user", "passwd", "carol"],
                              env: ["STUDYCIRCLE_PASSWORD": "guess-guess", "STUDYCIRCLE_NEW_PASSWORD": "taken-over-1"])
        #expect(wrong.status != 0 && wrong.stderr.contains("Only carol"), "\(wrong.stderr)")
        let right = try s.run(["--user", "bob", "user", "passwd", "carol"],
                              env: ["STUDYCIRCLE_PASSWORD": "carol-secret-1", "STUDYCIRCLE_NEW_PASSWORD": "carol-secret-2"])
        #expect(right.status == 0, "\(right.stderr)")
        let old = try s.run(["user", "passwd", "carol"], env: ["STUDYCIRCLE_PASSWORD": "carol-secret-1", "STUDYCIRCLE_NEW_PASSWORD": "x-x-x-x-x-x"])
        #expect(old.status != 0, "the old password no longer works")
    }
}
