import Foundation
import TestSupport
import Testing

/// `meeting`, `project` and `room run` from the shell (issue #11), on SQLite.
@Suite struct RoomPlansCLITests {
    typealias Sandbox = CLITests.Sandbox

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("meetings: add in local time, list by room, upcoming, mine and status, move along as organizer only")
    func meetings() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let tz = ["TZ": "Europe/Berlin"]
        #expect(try s.run(["room", "create", "physics"]).status == 0)
        let add = try s.run(["meeting", "add", "physics", "--title", "Exam prep \u{1B}[31m", "--at", "2099-12-01 14:00",
                             "--duration", "90", "--participants", "ada, bo", "--json"], env: tz)
        #expect(add.status == 0, "\(add.stderr)")
        let meeting = try #require(try Self.json(add.stdout) as? [String: Any])
        // 14:00 in Berlin (UTC+1 in December) is 13:00 UTC, stored as the seeds do.
        #expect(meeting["scheduledTime"] as? String == "2099-12-01T13:00:00.000Z")
        #expect(meeting["title"] as? String == "Exam prep \u{1B}[31m", "JSON is exact")
        #expect(meeting["participants"] as? [String] == ["tester", "ada", "bo"])
        let id = try #require(meeting["meetingId"] as? String)
        let past = try s.run(["meeting", "add", "physics", "--title", "Old", "--at", "2001-01-01T10:00:00Z"])
        #expect(past.status == 0, "\(past.stderr)")

        let list = try s.run(["meeting", "list", "physics"], env: tz)
        #expect(list.stdout.contains("2099-12-01 14:00") && list.stdout.contains("Old"))
        #expect(!list.stdout.contains("\u{1B}"), "text output is sanitised")
        let upcoming = try s.run(["meeting", "list", "--upcoming"], env: tz)
        #expect(upcoming.stdout.contains("Exam prep") && !upcoming.stdout.contains("Old") && upcoming.stdout.contains("#physics"))
        let mine = try s.run(["meeting", "list", "--mine", "--from", "2099-01-01", "--to", "2099-12-31", "--json"])
        #expect((try Self.json(mine.stdout) as? [[String: Any]])?.count == 1)

        #expect(try s.run(["meeting", "status", id, "completed"]).status != 0, "scheduled cannot jump to completed")
        #expect(try s.run(["meeting", "status", id, "in_progress"]).status == 0)
        let byStatus = try s.run(["meeting", "list", "--status", "in_progress", "--json"])
        #expect((try Self.json(byStatus.stdout) as? [[String: Any]])?.first?["meetingId"] as? String == id)
        let other = try s.run(["meeting", "status", id, "completed"], env: ["STUDYCIRCLE_USER": "mallory"])
        #expect(other.status != 0 && other.stderr.contains("Only the organizer"))
        #expect(try s.run(["meeting", "status", id, "completed"]).status == 0)
        let bad = try s.run(["meeting", "add", "physics", "--title", "x", "--at", "next tuesday"])
        #expect(bad.status != 0 && bad.stderr.contains("2026-12-01 14:00"))
    }

    @Test("projects: add with due date and members, list by room, mine and status, transitions by the creator")
    func projects() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        #expect(try s.run(["room", "create", "chemistry"]).status == 0)
        let add = try s.run(["project", "add", "chemistry", "--name", "Lab report", "--due", "2099-05-01", "--members", "ada", "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        let project = try #require(try Self.json(add.stdout) as? [String: Any])
        #expect(project["status"] as? String == "planning")
        #expect(project["members"] as? [String] == ["tester", "ada"])
        let id = try #require(project["projectId"] as? String)
        #expect(try s.run(["project", "list", "chemistry"]).stdout.contains("Lab report"))
        #expect(try s.run(["project", "list", "--mine"]).stdout.contains("Lab report"))
        #expect(try s.run(["project", "status", id, "completed"]).status != 0)
        #expect(try s.run(["project", "status", id, "active"]).status == 0)
        let active = try s.run(["project", "list", "--status", "active", "--json"])
        #expect((try Self.json(active.stdout) as? [[String: Any]])?.count == 1)
        #expect(try s.run(["project", "status", id, "archived"], env: ["STUDYCIRCLE_USER": "mallory"]).status != 0)
        // A non-member cannot plan in the room.
        let outsider = try s.run(["project", "add", "chemistry", "--name", "Sneaky"], env: ["STUDYCIRCLE_USER": "mallory"])
        #expect(outsider.status != 0 && outsider.stderr.contains("not a member"))
    }

    @Test("room run: runs a message's fenced code on (a fake) JDoodle and posts the result; without credentials it says how to enable it")
    func run() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let server = try FakeJDoodleServer()
        defer { server.stop() }
        #expect(try s.run(["room", "create", "code"]).status == 0)
        #expect(try s.run(["room", "post", "code", "try:\n```python\nprint('hi')\n```"]).status == 0)
        let history = try s.run(["room", "history", "code", "--ids"])
        let id = try #require(history.stdout.split(separator: "\n").last?.split(separator: " ").first.map(String.init))
        let unset = try s.run(["room", "run", id])
        #expect(unset.status != 0 && unset.stderr.contains("JDOODLE_CLIENT_ID"))
        let env = ["JDOODLE_CLIENT_ID": "student", "JDOODLE_CLIENT_SECRET": "secret", "JDOODLE_ENDPOINT": server.url]
        let ran = try s.run(["room", "run", id], env: env)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout.contains("ran python3: print('hi')"))
        let after = try s.run(["room", "history", "code"])
        #expect(after.stdout.contains("finished successfully") && after.stdout.contains("CPU 0.01 s"))
        let spent = try s.run(["room", "run", id], env: env.merging(["JDOODLE_CLIENT_ID": "spent"]) { $1 })
        #expect(spent.status != 0 && spent.stderr.contains("daily credits"))
    }

    @Test("private rooms: create --private, invite, members, remove; a non-member is refused reading, posting and planning")
    func privateRooms() throws {
        let s = try Sandbox()
        defer { s.dir.cleanup() }
        let bo = ["STUDYCIRCLE_USER": "bob"], eve = ["STUDYCIRCLE_USER": "eva"]
        #expect(try s.run(["room", "list"], env: bo).status == 0)  // bob and eva exist (local users)
        #expect(try s.run(["room", "list"], env: eve).status == 0)
        #expect(try s.run(["room", "create", "secret", "--private"]).status == 0)
        #expect(try s.run(["room", "post", "secret", "members only"]).status == 0)
        #expect(try s.run(["room", "list"]).stdout.contains("(private)"))
        #expect(!(try s.run(["room", "list"], env: eve).stdout.contains("secret")), "not listed to outsiders")
        let read = try s.run(["room", "history", "secret"], env: eve)
        #expect(read.status != 0 && read.stderr.contains("private room"))
        #expect(try s.run(["room", "post", "secret", "hi"], env: eve).status != 0)
        #expect(try s.run(["room", "join", "secret"], env: eve).status != 0)
        #expect(try s.run(["meeting", "list", "secret"], env: eve).status != 0)
        #expect(try s.run(["room", "invite", "secret", "eva"], env: bo).status != 0, "only the creator invites")
        #expect(try s.run(["room", "invite", "secret", "bob"]).status == 0)
        let members = try s.run(["room", "members", "secret", "--json"], env: bo)
        let report = try #require(try Self.json(members.stdout) as? [String: Any])
        #expect(Set(report["members"] as? [String] ?? []) == ["tester", "bob"] && report["isPrivate"] as? Bool == true)
        #expect(try s.run(["room", "history", "secret"], env: bo).stdout.contains("members only"))
        #expect(try s.run(["project", "add", "secret", "--name", "Plan"], env: bo).status == 0)
        #expect(try s.run(["room", "remove", "secret", "bob"]).status == 0)
        #expect(try s.run(["room", "history", "secret"], env: bo).status != 0)
        #expect(try s.run(["project", "list", "--mine"], env: bo).stdout.contains("No projects"), "a removed member no longer sees the room's projects")
    }
}
