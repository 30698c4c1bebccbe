import DynamoTestSupport
import Foundation
import TestSupport
import Testing

/// End-to-end on DynamoDB (moto, started on 127.0.0.1 by the test): in a private room, alice
/// schedules a meeting and creates a project from the app; bob, a member, sees both in his app's
/// room side view; carol, not a member, cannot open the room.
@Suite(.enabled(if: BuiltProducts.path("studycircle") != nil && Tmux.path != nil,
                "needs .build/debug/studycircle and tmux: run `make test` (it builds everything first)"),
       .serialized, .timeLimit(.minutes(5)))
struct PrivateRoomPlansE2ETests {
    static let password = "e2e-long-password"

    /// Runs a subcommand of the binary against moto and returns its status and output.
    static func cli(_ binary: String, _ arguments: [String], env: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func memberSeesMeetingAndProjectOfAPrivateRoomNonMemberIsRefused() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let binary = try #require(BuiltProducts.path("studycircle"))
        let dynamo = ["DB_TYPE": "dynamodb", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                      "AWS_REGION": "us-east-1", "DYNAMODB_ENDPOINT": moto.endpoint, "DYNAMODB_TABLE_PREFIX": "e2e",
                      "STUDYCIRCLE_PASSWORD": Self.password]
        func env(_ user: String) -> [String: String] {
            dynamo.merging(["HOME": dir.url.path, "XDG_STATE_HOME": dir.path("state-\(user)"), "XDG_DATA_HOME": dir.path("data"),
                            "XDG_CONFIG_HOME": dir.path("config"), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]) { $1 }
        }
        for arguments in [["setup"],
                          ["user", "add", "alice", "--email", "alice@example.org"],
                          ["user", "add", "bob", "--email", "bob@example.org"],
                          ["user", "add", "carol", "--email", "carol@example.org"],
                          ["--user", "alice", "room", "create", "team", "--private"],
                          ["--user", "alice", "room", "invite", "team", "bob"]] {
            let (status, output) = try Self.cli(binary, arguments, env: env("alice"))
            try #require(status == 0, "\(arguments.joined(separator: " ")): \(output)")
        }

        let tmux = Tmux(environment: ["HOME": dir.url.path, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"])
        defer { tmux.stop() }
        func start(_ user: String) throws {
            let variables = env(user).merging(["TERM": "tmux-256color"]) { $1 }
                .map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            try tmux.start(user, command: "env \(variables) \(binary) --user \(user)")
            let up = tmux.wait(user, timeout: 30) { $0.contains("online") }
            try #require(up.ok, "\(user)'s app did not start:\n\(up.screen)")
        }
        func command(_ user: String, _ text: String) throws {
            try tmux.type(user, ":" + text)
            try tmux.send(user, "Enter")
        }

        // Alice schedules a meeting and creates a project in the private room.
        try start("alice")
        try command("alice", "join team")
        #expect(tmux.wait("alice", timeout: 15) { $0.contains("Joined team") }.ok)
        try command("alice", "meeting Review at 2030-01-15 10:00 for 30")
        let meeting = tmux.wait("alice", timeout: 15) { $0.contains("#team · Meetings") && $0.contains("Review") }
        #expect(meeting.ok, "alice's meetings:\n\(meeting.screen)")
        #expect(meeting.screen.contains("2030-01-15 10:00"), "shown in local time as typed:\n\(meeting.screen)")
        try command("alice", "project Lab report due 2030-02-01")
        let project = tmux.wait("alice", timeout: 15) { $0.contains("#team · Projects") && $0.contains("Lab report") }
        #expect(project.ok, "alice's projects:\n\(project.screen)")

        // Bob, invited, sees both in his own app.
        try start("bob")
        try command("bob", "join team")
        #expect(tmux.wait("bob", timeout: 15) { $0.contains("Joined team") }.ok)
        try tmux.send("bob", "m")
        let bobMeetings = tmux.wait("bob", timeout: 15) { $0.contains("Review") && $0.contains("2030-01-15 10:00") }
        #expect(bobMeetings.ok, "bob's meetings:\n\(bobMeetings.screen)")
        try tmux.send("bob", "p")
        let bobProjects = tmux.wait("bob", timeout: 15) { $0.contains("Lab report") }
        #expect(bobProjects.ok, "bob's projects:\n\(bobProjects.screen)")

        // Carol, not a member, neither sees nor opens it.
        try start("carol")
        #expect(!tmux.capture("carol").contains("team"), "the private room is not listed for carol")
        try command("carol", "join team")
        let refused = tmux.wait("carol", timeout: 15) { $0.contains("private") }
        #expect(refused.ok, "carol is told the room is private:\n\(refused.screen)")
        #expect(!refused.screen.contains("Joined team") && !refused.screen.contains("Messages · team"))
    }
}
