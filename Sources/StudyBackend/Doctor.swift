import Foundation
import StudyConfig
import StudyModel
import StudyStore
import StudyStoreMongo

/// `studycircle doctor`: every check, with what is wrong and the fix in plain words.
public enum Doctor {
    public static func run(_ overrides: Overrides, loader: SettingsLoader = SettingsLoader()) async -> [HealthCheck] {
        var checks: [HealthCheck] = []
        let settings: Settings
        do {
            settings = try loader.load(overrides)
        } catch let error as ConfigError {
            return [HealthCheck(name: "configuration", status: .problem, detail: error.description,
                                fix: "Fix \(error.key) in \(error.source), or override it with a command-line flag.")]
        } catch {
            return [HealthCheck(name: "configuration", status: .problem, detail: "\(error)", fix: "Check your settings.")]
        }
        let configExists = FileManager.default.fileExists(atPath: settings.paths.configFile)
        checks.append(HealthCheck(name: "config file", status: .ok,
                                  detail: configExists ? settings.paths.configFile : "none (\(settings.paths.configFile) is optional)"))
        checks.append(HealthCheck(name: "backend", status: .ok,
                                  detail: "DB_TYPE=\(settings.dbType.rawValue) (from \(settings.origin(of: "DB_TYPE")))"))
        if settings.dbType == .dynamodb {
            checks.append(HealthCheck(name: "table prefix", status: .ok,
                                      detail: "\(settings.tablePrefix) (from \(settings.origin(of: "DYNAMODB_TABLE_PREFIX")))"))
        }
        if settings.dbType == .mongodb {
            checks.append(HealthCheck(name: "mongodb uri", status: .ok,
                                      detail: "\(MongoURI.masked(settings.mongoURI)) (from \(settings.origin(of: "MONGODB_URI")))"))
        }
        let store: StudyStore
        do {
            store = try await StoreFactory.open(settings, admin: true)
        } catch {
            checks.append(HealthCheck(name: "open backend", status: .problem, detail: "\(error)", fix: fix(for: error, settings)))
            return checks
        }
        checks.append(HealthCheck(name: "open backend", status: .ok, detail: store.backendName))
        checks += await store.admin.healthChecks()
        if settings.provider == nil {
            checks.append(HealthCheck(name: "summary engine", status: .ok, detail: "offline (no STUDYCIRCLE_LLM_URL set)"))
        } else if let provider = settings.provider {
            checks.append(HealthCheck(name: "summary engine", status: provider.apiKey.isEmpty ? .warning : .ok,
                                      detail: "provider \(provider.url), model \(provider.model)",
                                      fix: provider.apiKey.isEmpty ? "Set STUDYCIRCLE_LLM_API_KEY if your endpoint needs a key." : ""))
        }
        return checks
    }

    static func fix(for error: Error, _ settings: Settings) -> String {
        switch error {
        case StoreError.corrupt: return "Move the file aside (it was not changed) or pass another one with --db PATH."
        case StoreError.unavailable where settings.dbType == .mongodb:
            return "Check MONGODB_URI (mongodb://[user:password@]host[:port]/database) and that the server runs; or set DB_TYPE=sqlite to use the embedded database."
        default: return "See the message above; `studycircle --help` lists the settings."
        }
    }
}
