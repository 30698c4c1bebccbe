import Foundation
import StudyConfig
import Testing

/// `[dynamodb.tables]` and `DYNAMODB_TABLE_<NAME>`: existing tables under their own names.
@Suite struct TableNamesTests {
    typealias Fixture = SettingsTests.Fixture

    @Test("config.toml maps logical tables; one variable per table overrides it; bad names are refused")
    func mapping() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        #expect(try f.loader().load().tableNames().isEmpty)
        try f.write("cfg/studycircle/config.toml", """
            [dynamodb.tables]
            rooms = "ChatRooms"
            messages = "Messages"
            meetings = "Meetings"
            projects = "Projects"
            """)
        #expect(try f.loader().load().tableNames() == ["rooms": "ChatRooms", "messages": "Messages", "meetings": "Meetings", "projects": "Projects"])
        let env = try f.loader(["DYNAMODB_TABLE_ROOMS": "OurRooms", "DYNAMODB_TABLE_USERS": "Users"]).load().tableNames()
        #expect(env["rooms"] == "OurRooms" && env["users"] == "Users" && env["messages"] == "Messages")
        #expect(throws: ConfigError.self) { try f.loader(["DYNAMODB_TABLE_MESSAGES": "bad name!"]).load() }
        try f.write("cfg/studycircle/config.toml", "[dynamodb.tables]\nchatrooms = \"ChatRooms\"\n")
        #expect(throws: ConfigError.self) { try f.loader().load() }
    }
}
