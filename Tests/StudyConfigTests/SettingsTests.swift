import Foundation
import StudyConfig
import Testing

@Suite struct SettingsTests {
    struct Fixture {
        let dir: URL
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("sc-config-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("cfg/studycircle"), withIntermediateDirectories: true)
        }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        func loader(_ env: [String: String] = [:]) -> SettingsLoader {
            var environment = env
            environment["HOME"] = dir.path
            environment["XDG_CONFIG_HOME"] = dir.appendingPathComponent("cfg").path
            return SettingsLoader(environment: environment, workingDirectory: dir.path)
        }
        func cleanup() { try? FileManager.default.removeItem(at: dir) }
    }

    @Test func precedenceFlagEnvDotEnvFileDefault() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        #expect(try f.loader().load().tablePrefix == "ai-study-circle")
        try f.write("cfg/studycircle/config.toml", "[dynamodb]\ntable_prefix = \"from-file\"\n")
        #expect(try f.loader().load().tablePrefix == "from-file")
        try f.write(".env", "# comment\nexport DYNAMODB_TABLE_PREFIX='from-dotenv'\n")
        #expect(try f.loader().load().tablePrefix == "from-dotenv")
        let env = ["DYNAMODB_TABLE_PREFIX": "from-env"]
        let fromEnv = try f.loader(env).load()
        #expect(fromEnv.tablePrefix == "from-env")
        #expect(fromEnv.origin(of: "DYNAMODB_TABLE_PREFIX") == "environment")
        let fromFlag = try f.loader(env).load(Overrides(tablePrefix: "from-flag"))
        #expect(fromFlag.tablePrefix == "from-flag")
        #expect(fromFlag.origin(of: "DYNAMODB_TABLE_PREFIX") == "command line")
    }

    @Test func endpointFallbacksFollowTheSDKs() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        #expect(try f.loader(["AWS_ENDPOINT_URL": "http://a:1"]).load().endpoint == "http://a:1")
        #expect(try f.loader(["AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_DYNAMODB": "http://b:2"]).load().endpoint == "http://b:2")
        #expect(try f.loader(["AWS_ENDPOINT_URL_DYNAMODB": "http://b:2", "DYNAMODB_ENDPOINT": "http://c:3"]).load().endpoint == "http://c:3")
        #expect(try f.loader(["AWS_DEFAULT_REGION": "eu-west-1"]).load().region == "eu-west-1")
        #expect(try f.loader(["AWS_DEFAULT_REGION": "eu-west-1", "AWS_REGION": "us-east-2"]).load().region == "us-east-2")
    }

    @Test func badValuesNameKeyValueAndSource() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let cases: [([String: String], String)] = [
            (["DB_TYPE": "oracle"], "DB_TYPE"),
            (["DYNAMODB_ENDPOINT": "localhost:8000"], "DYNAMODB_ENDPOINT"),
            (["STUDYCIRCLE_POLL_INTERVAL": "fast"], "STUDYCIRCLE_POLL_INTERVAL"),
            (["DYNAMODB_TABLE_PREFIX": "bad prefix!"], "DYNAMODB_TABLE_PREFIX"),
        ]
        for (env, key) in cases {
            do {
                _ = try f.loader(env).load()
                Issue.record("\(key) must be refused")
            } catch let error as ConfigError {
                #expect(error.key == key)
                #expect(error.value == env[key])
                #expect(error.description.contains("from environment"))
            }
        }
    }

    @Test func configFileTyposAndSyntaxErrorsAreReported() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.write("cfg/studycircle/config.toml", "dbtype = \"sqlite\"\n")
        #expect(throws: ConfigError.self) { try f.loader().load() }
        try f.write("cfg/studycircle/config.toml", "db_type = \n")
        #expect(throws: ConfigError.self) { try f.loader().load() }
        try f.write("cfg/studycircle/config.toml", "db_type = \"dynamodb\"\n[ui]\npoll_interval = 2.5\n")
        let settings = try f.loader().load()
        #expect(settings.dbType == .dynamodb)
        #expect(settings.pollInterval == 2.5)
    }

    @Test func dotEnvParsing() throws {
        let values = try DotEnv.parse("A=1\nB = two words # note\nC=\"quoted # not a comment\"\n\nexport D=4\r\n")
        #expect(values == ["A": "1", "B": "two words", "C": "quoted # not a comment", "D": "4"])
        #expect(throws: ConfigError.self) { try DotEnv.parse("JUSTAWORD\n") }
        #expect(throws: ConfigError.self) { try DotEnv.parse("A=\"unclosed\n") }
    }

    @Test func xdgPaths() {
        let p = Paths(environment: ["HOME": "/home/s", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "relative/ignored"])
        #expect(p.defaultDatabase == "/data/studycircle/studycircle.db")
        #expect(p.configFile == "/home/s/.config/studycircle/config.toml")
        #expect(p.logFile == "/home/s/.local/state/studycircle/studycircle.log")
    }
}
