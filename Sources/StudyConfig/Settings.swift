import Foundation
import StudyModel

/// Which storage backend to use (`DB_TYPE`).
public enum BackendKind: String, Sendable, CaseIterable {
    case sqlite, dynamodb, mongodb
}

/// Settings of an OpenAI-compatible chat-completions provider; absent means offline only.
public struct ProviderSettings: Sendable, Equatable {
    public var url: String
    public var model: String
    public var apiKey: String
    public init(url: String, model: String, apiKey: String) {
        self.url = url
        self.model = model
        self.apiKey = apiKey
    }
}

/// Everything StudyCircle is configured with, after precedence was applied
/// (command-line flag, environment, `.env`, `config.toml`, default).
public struct Settings: Sendable {
    public var dbType: BackendKind
    /// The embedded database file.
    public var sqlitePath: String
    public var tablePrefix: String
    /// DynamoDB endpoint override (DYNAMODB_ENDPOINT, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL).
    public var endpoint: String?
    public var region: String?
    public var profile: String?
    /// The local user's name; on shared backends the account to log in as.
    public var username: String
    public var theme: String
    public var pollInterval: Double
    public var provider: ProviderSettings?
    public var logLevel: String
    /// The merged variables of every source, for the AWS credential chain and `doctor`.
    public var variables: [String: String]
    /// Where each variable's value came from, for `doctor`.
    public var sources: [String: String]
    public var paths: Paths
    /// `MONGODB_URI` (the web app's variable, or `mongodb.uri`); it may hold a password, so
    /// print it only masked.
    public var mongoURI: String = Settings.defaultMongoURI
    /// Renamed MongoDB collections (`MONGODB_COLLECTION_<NAME>`, `mongodb.collections.<name>`),
    /// keyed by StudyCircle's logical name, e.g. `["chatrooms": "ChatRooms"]`.
    public var mongoCollections: [String: String] = [:]

    /// The web app's default MongoDB: a local server, database `ai-study-circle`.
    public static let defaultMongoURI = "mongodb://127.0.0.1:27017/ai-study-circle"

    /// A variable's value and its origin, e.g. `("dynamodb", "environment")`.
    public func origin(of key: String) -> String { sources[key] ?? "default" }
}

/// Command-line flags, which win over every other source.
public struct Overrides: Sendable {
    public var dbType: String?
    public var db: String?
    public var tablePrefix: String?
    public var endpoint: String?
    public var user: String?
    public var theme: String?
    /// `MONGODB_URI` (e.g. the target of `migrate --to-mongodb-uri`).
    public var mongoURI: String?
    public init(dbType: String? = nil, db: String? = nil, tablePrefix: String? = nil, endpoint: String? = nil,
                user: String? = nil, theme: String? = nil, mongoURI: String? = nil) {
        self.mongoURI = mongoURI
        self.dbType = dbType
        self.db = db
        self.tablePrefix = tablePrefix
        self.endpoint = endpoint
        self.user = user
        self.theme = theme
    }
}

/// Resolves `Settings` from the process's sources. Pure given its inputs, so tests pass
/// their own environment and folders.
public struct SettingsLoader: Sendable {
    public var environment: [String: String]
    public var workingDirectory: String

    public init(environment: [String: String] = ProcessEnvironment.variables,
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    public func load(_ overrides: Overrides = Overrides()) throws -> Settings {
        let paths = Paths(environment: environment)
        let fileValues = try ConfigFile.load(path: paths.configFile)
        let dotEnvPath = (workingDirectory as NSString).appendingPathComponent(".env")
        let dotEnvValues = try DotEnv.load(path: dotEnvPath)

        var merged: [String: String] = [:]
        var sources: [String: String] = [:]
        func apply(_ values: [String: String], _ source: String) {
            for (k, v) in values { merged[k] = v; sources[k] = source }
        }
        apply(fileValues, paths.configFile)
        apply(dotEnvValues, dotEnvPath)
        apply(environment, "environment")
        let flags: [String: String?] = [
            "DB_TYPE": overrides.dbType, "STUDYCIRCLE_DB": overrides.db, "DYNAMODB_TABLE_PREFIX": overrides.tablePrefix,
            "DYNAMODB_ENDPOINT": overrides.endpoint, "STUDYCIRCLE_USER": overrides.user, "STUDYCIRCLE_THEME": overrides.theme,
            "MONGODB_URI": overrides.mongoURI,
        ]
        apply(flags.compactMapValues { $0 }, "command line")
        if overrides.endpoint != nil {
            // A flag names the endpoint outright: the SDK-style fallbacks must not win over it.
            merged["AWS_ENDPOINT_URL_DYNAMODB"] = nil
        }

        func value(_ key: String) -> String? {
            guard let v = merged[key]?.trimmingSpaces, !v.isEmpty else { return nil }
            return v
        }
        func fail(_ key: String, _ problem: String) -> ConfigError {
            ConfigError(key: key, value: merged[key] ?? "", source: sources[key] ?? "default", problem: problem)
        }

        let dbTypeText = value("DB_TYPE")?.lowercased() ?? "sqlite"
        guard let dbType = BackendKind(rawValue: dbTypeText) else {
            throw fail("DB_TYPE", "is not a backend; use sqlite, dynamodb or mongodb")
        }
        let prefix = value("DYNAMODB_TABLE_PREFIX") ?? "ai-study-circle"
        guard prefix.count <= 200, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else {
            throw fail("DYNAMODB_TABLE_PREFIX", "may use only letters, digits, '_', '-' and '.'")
        }
        let endpoint = value("DYNAMODB_ENDPOINT") ?? value("AWS_ENDPOINT_URL_DYNAMODB") ?? value("AWS_ENDPOINT_URL")
        if let endpoint {
            let key = value("DYNAMODB_ENDPOINT") != nil ? "DYNAMODB_ENDPOINT"
                : value("AWS_ENDPOINT_URL_DYNAMODB") != nil ? "AWS_ENDPOINT_URL_DYNAMODB" : "AWS_ENDPOINT_URL"
            guard let url = URL(string: endpoint), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw fail(key, "is not an http:// or https:// URL (for DynamoDB Local use http://localhost:8000)")
            }
        }
        let pollText = value("STUDYCIRCLE_POLL_INTERVAL") ?? "1"
        guard let poll = Double(pollText), poll >= 0.1, poll <= 60 else {
            throw fail("STUDYCIRCLE_POLL_INTERVAL", "must be a number of seconds from 0.1 to 60")
        }
        let username = value("STUDYCIRCLE_USER") ?? value("USER") ?? value("LOGNAME") ?? "student"
        let level = value("STUDYCIRCLE_LOG_LEVEL")?.lowercased() ?? "info"
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) else {
            throw fail("STUDYCIRCLE_LOG_LEVEL", "is not a log level; use trace, debug, info, notice, warning, error or critical")
        }
        var provider: ProviderSettings?
        if let url = value("STUDYCIRCLE_LLM_URL") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? "") else {
                throw fail("STUDYCIRCLE_LLM_URL", "is not an http:// or https:// URL")
            }
            provider = ProviderSettings(url: url, model: value("STUDYCIRCLE_LLM_MODEL") ?? "gpt-4o-mini",
                                        apiKey: value("STUDYCIRCLE_LLM_API_KEY") ?? "")
        }
        let mongoURI = value("MONGODB_URI") ?? Settings.defaultMongoURI
        guard mongoURI.hasPrefix("mongodb://") || mongoURI.hasPrefix("mongodb+srv://") else {
            // The value may hold a password: it is not repeated in the message.
            throw ConfigError(key: "MONGODB_URI", value: "(hidden)", source: sources["MONGODB_URI"] ?? "default",
                              problem: "is not a MongoDB connection string; use mongodb://[user:password@]host[:port]/database")
        }
        var mongoCollections: [String: String] = [:]
        for (key, name) in merged where key.hasPrefix("MONGODB_COLLECTION_") && !name.isEmpty {
            mongoCollections[String(key.dropFirst("MONGODB_COLLECTION_".count)).lowercased()] = name
        }
        _ = try TableNames.mapping(from: merged, sources: sources)  // bad table names fail early
        let sqlitePath = value("STUDYCIRCLE_DB").map { Paths.expandTilde($0, home: paths.home) } ?? paths.defaultDatabase

        return Settings(
            dbType: dbType, sqlitePath: sqlitePath, tablePrefix: prefix, endpoint: endpoint,
            region: value("AWS_REGION") ?? value("AWS_DEFAULT_REGION"), profile: value("AWS_PROFILE"),
            username: username, theme: value("STUDYCIRCLE_THEME") ?? "dark", pollInterval: poll, provider: provider,
            logLevel: level, variables: merged, sources: sources, paths: paths,
            mongoURI: mongoURI, mongoCollections: mongoCollections)
    }
}

/// The XDG folders StudyCircle uses.
public struct Paths: Sendable, Equatable {
    public var home: String
    public var configHome: String
    public var dataHome: String
    public var stateHome: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        self.home = home
        func xdg(_ key: String, _ fallback: String) -> String {
            // The XDG spec says relative paths are invalid and must be ignored.
            if let v = environment[key], v.hasPrefix("/") { return v }
            return (home as NSString).appendingPathComponent(fallback)
        }
        configHome = (xdg("XDG_CONFIG_HOME", ".config") as NSString).appendingPathComponent("studycircle")
        dataHome = (xdg("XDG_DATA_HOME", ".local/share") as NSString).appendingPathComponent("studycircle")
        stateHome = (xdg("XDG_STATE_HOME", ".local/state") as NSString).appendingPathComponent("studycircle")
    }

    public var configFile: String { (configHome as NSString).appendingPathComponent("config.toml") }
    public var defaultDatabase: String { (dataHome as NSString).appendingPathComponent("studycircle.db") }
    public var logFile: String { (stateHome as NSString).appendingPathComponent("studycircle.log") }

    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}
