import Foundation
import StudyConfig
import StudyHTTP
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyStoreMongo

/// `studycircle doctor`: every check, with what is wrong and the fix in plain words. Each
/// value says where it came from, and "default" when nothing set it.
public enum Doctor {
    public static func run(_ overrides: Overrides, loader: SettingsLoader = SettingsLoader(),
                           clock: ClockCheck = ClockCheck()) async -> [HealthCheck] {
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
                                  detail: "\(settings.dbType.rawValue) \(origin("DB_TYPE", settings))"))
        switch settings.dbType {
        case .sqlite:
            let file = databaseFileCheck(settings)
            checks.append(file.check)
            if !file.exists { return checks + engineChecks(settings) }
        case .dynamodb:
            checks.append(HealthCheck(name: "table prefix", status: .ok,
                                      detail: "\(settings.tablePrefix) \(origin("DYNAMODB_TABLE_PREFIX", settings))"))
            let endpointKey = ["DYNAMODB_ENDPOINT", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL"].first { settings.variables[$0] != nil }
            checks.append(HealthCheck(name: "endpoint setting", status: .ok,
                                      detail: settings.endpoint.map { "\($0) (from \(endpointKey ?? "DYNAMODB_ENDPOINT"), \(origin(endpointKey ?? "DYNAMODB_ENDPOINT", settings, bare: true)))" }
                                        ?? "AWS's regional endpoint (default; set DYNAMODB_ENDPOINT for DynamoDB Local or moto)"))
            let region = regionCheck(settings)
            checks.append(region)
            if region.status == .problem { return checks }
        case .mongodb:
            break
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
        let storeChecks = await store.admin.healthChecks()
        if settings.dbType == .sqlite, let integrity = storeChecks.first(where: { $0.name == "integrity" }) {
            // Every command then treats the file alike: damaged (no writes) or sound.
            if integrity.status == .problem { DamageMark.set(settings.sqlitePath) } else { DamageMark.clear(settings.sqlitePath) }
        }
        checks += storeChecks.map { salvageAdvice($0, settings) }
        if settings.dbType == .dynamodb, let endpoint = dynamoEndpoint(settings) {
            checks.append(await clock.check(endpoint: endpoint))
        }
        return checks + engineChecks(settings)
    }

    /// A damaged file gets advice that works on it: a plain export stops at the first damaged
    /// page, a salvage export saves everything still readable.
    static func salvageAdvice(_ check: HealthCheck, _ settings: Settings) -> HealthCheck {
        guard settings.dbType == .sqlite, check.name == "integrity", check.status == .problem else { return check }
        let lines = check.detail.split(separator: "\n")
        let detail = lines.count > 2 ? "damaged (\(lines.count - 1) problems, e.g. \(lines[1]))" : "damaged: " + lines.joined(separator: " ")
        return HealthCheck(name: check.name, status: .problem, detail: detail,
                           fix: "Save what is readable: `studycircle --db \(settings.sqlitePath) export --salvage rescued.jsonl`; move the damaged file aside; then `studycircle import rescued.jsonl` makes a new database from the rescue.")
    }

    static func engineChecks(_ settings: Settings) -> [HealthCheck] {
        guard let provider = settings.provider else {
            return [HealthCheck(name: "summary engine", status: .ok, detail: "offline (default; no STUDYCIRCLE_LLM_URL set)")]
        }
        return [HealthCheck(name: "summary engine", status: provider.apiKey.isEmpty ? .warning : .ok,
                            detail: "provider \(provider.url), model \(provider.model)\(settings.variables["STUDYCIRCLE_LLM_MODEL"] == nil ? " (default model)" : "")",
                            fix: provider.apiKey.isEmpty ? "Set STUDYCIRCLE_LLM_API_KEY if your endpoint needs a key." : "")]
    }

    /// `(from environment)`, `(from /path/.env)`, or `(default)`.
    static func origin(_ key: String, _ settings: Settings, bare: Bool = false) -> String {
        let source = settings.sources[key]
        let words = source.map { "from \($0)" } ?? "default"
        return bare ? words : "(\(words))"
    }

    /// The database file: where it is, and on a fresh machine that it is made on first use
    /// (doctor itself creates nothing).
    static func databaseFileCheck(_ settings: Settings) -> (check: HealthCheck, exists: Bool) {
        let path = settings.sqlitePath
        let from = settings.sources["STUDYCIRCLE_DB"] == nil ? "(default location)" : origin("STUDYCIRCLE_DB", settings)
        if FileManager.default.fileExists(atPath: path) {
            return (HealthCheck(name: "database setting", status: .ok, detail: "\(path) \(from)"), true)
        }
        // The nearest existing folder must let us create the rest.
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            folder = (folder as NSString).deletingLastPathComponent
        }
        if !folder.isEmpty, access(folder, W_OK) != 0 {
            return (HealthCheck(name: "database file", status: .problem, detail: "\(path) \(from) does not exist and cannot be created",
                                fix: "\(folder) is not writable. Fix its permissions, or pass another file with --db PATH."), false)
        }
        return (HealthCheck(name: "database file", status: .ok,
                            detail: "\(path) \(from) does not exist yet: StudyCircle creates it on first use (e.g. `studycircle` or `studycircle setup`)."), false)
    }

    /// The AWS region: its value, where it came from, and whether it is a region at all.
    static func regionCheck(_ settings: Settings) -> HealthCheck {
        let key = settings.variables["AWS_REGION"] != nil ? "AWS_REGION" : "AWS_DEFAULT_REGION"
        guard let region = settings.region else {
            if settings.endpoint != nil {
                return HealthCheck(name: "region setting", status: .ok, detail: "us-east-1 (default; a local endpoint accepts any region)")
            }
            return HealthCheck(name: "region setting", status: .ok, detail: "not set here (the AWS profile's region is used, if any)")
        }
        let from = origin(key, settings)
        switch RegionFormat.classify(region) {
        case .aws:
            return HealthCheck(name: "region setting", status: .ok, detail: "\(region) \(from)")
        case .invalid:
            return HealthCheck(name: "region setting", status: .problem, detail: "'\(region)' \(from) is not a region name",
                               fix: RegionFormat.advice(key))
        case .nonAWS where settings.endpoint == nil:
            return HealthCheck(name: "region setting", status: .problem, detail: "'\(region)' \(from) is not an AWS region",
                               fix: RegionFormat.advice(key))
        case .nonAWS:
            return HealthCheck(name: "region setting", status: .warning, detail: "'\(region)' \(from) is not an AWS region",
                               fix: "DynamoDB Local accepts it, but moto and AWS do not (their answer is then an \"internal problem\"). \(RegionFormat.advice(key))")
        }
    }

    static func dynamoEndpoint(_ settings: Settings) -> String? {
        if let endpoint = settings.endpoint { return endpoint }
        guard let region = settings.region, RegionFormat.classify(region) == .aws else { return nil }
        return "https://dynamodb.\(region).amazonaws.com" + (region.hasPrefix("cn-") ? ".cn" : "")
    }

    static func fix(for error: Error, _ settings: Settings) -> String {
        switch error {
        case StoreError.corrupt(let message) where message.contains("damaged"):
            return "Save what is readable: `studycircle --db \(settings.sqlitePath) export --salvage rescued.jsonl`; move the damaged file aside; then `studycircle import rescued.jsonl` makes a new database from the rescue."
        case StoreError.corrupt: return "Move the file aside (it was not changed) or pass another one with --db PATH."
        case StoreError.unavailable where settings.dbType == .mongodb:
            return "Check MONGODB_URI (mongodb://[user:password@]host[:port]/database) and that the server runs; or set DB_TYPE=sqlite to use the embedded database."
        default: return "See the message above; `studycircle --help` lists the settings."
        }
    }
}

/// What an `AWS_REGION` value looks like.
public enum RegionFormat: Equatable, Sendable {
    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, ...
    case aws
    /// Lowercase letters, digits and dashes, but not an AWS region (`moon-1`, `local`).
    case nonAWS
    /// Anything else (`us east 1`, `US-EAST-1`): it cannot even be used to sign a request.
    case invalid

    public static func classify(_ region: String) -> RegionFormat {
        if (try? /[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+/.wholeMatch(in: region)) != nil { return .aws }
        if !region.isEmpty, region.count <= 50, region.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            return .nonAWS
        }
        return .invalid
    }

    static func advice(_ key: String) -> String {
        "Region names look like us-east-1 or eu-west-2 (lowercase, dashes, no spaces). Set \(key) to the region that holds your tables."
    }

    /// Refuses a region that cannot work with any server, before a request is signed with it.
    public static func validate(_ settings: Settings) throws {
        guard settings.dbType == .dynamodb, let region = settings.region else { return }
        let key = settings.variables["AWS_REGION"] != nil ? "AWS_REGION" : "AWS_DEFAULT_REGION"
        switch classify(region) {
        case .aws: return
        case .nonAWS where settings.endpoint != nil: return
        default:
            throw StoreError.unavailable("\(key) = '\(region)' (from \(settings.sources[key] ?? "default")) is not an AWS region. \(advice(key))")
        }
    }
}

/// Compares the local clock with a server's `Date` header. Messages are ordered by the
/// writer's clock; a clock far off makes a writer's messages look late to others (the feed
/// widens its window to still show them) and, past 5 minutes, AWS refuses its signatures.
public struct ClockCheck: Sendable {
    public var transport: any HTTPTransport
    public var now: @Sendable () -> Date

    public init(transport: any HTTPTransport = CurlTransport(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.now = now
    }

    public func check(endpoint: String) async -> HealthCheck {
        var request = HTTPRequest(method: "GET", url: endpoint)
        request.timeouts = HTTPTimeouts(connect: .seconds(3), total: .seconds(5))
        let sent = now()
        guard let response = try? await transport.send(request) else {
            return HealthCheck(name: "clock", status: .warning, detail: "could not ask \(endpoint) for its time")
        }
        let received = now()
        guard let header = response.headers["Date"], let serverTime = Self.parseHTTPDate(header) else {
            return HealthCheck(name: "clock", status: .ok, detail: "the server sent no time to compare with")
        }
        // The server stamped its answer somewhere between sending and receiving, in whole
        // seconds (so half a second is added to meet the truncation halfway).
        let local = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
        return Self.judge(offset: local.timeIntervalSince(serverTime.addingTimeInterval(0.5)))
    }

    /// `offset` is local minus server time, in seconds.
    public static func judge(offset: TimeInterval) -> HealthCheck {
        let seconds = Int(offset.rounded())
        let words = seconds == 0 ? "in step with the server" : "\(abs(seconds)) s \(seconds > 0 ? "ahead of" : "behind") the server"
        let fix = "Turn on time synchronisation (e.g. `timedatectl set-ntp true`)."
        if abs(offset) > 300 {
            return HealthCheck(name: "clock", status: .problem, detail: words,
                               fix: "AWS refuses requests signed more than 5 minutes off, and messages appear out of order. \(fix)")
        }
        if abs(offset) > 10 {
            return HealthCheck(name: "clock", status: .warning, detail: words,
                               fix: "Your messages are stamped with this clock, so others see them late and out of order. \(fix)")
        }
        return HealthCheck(name: "clock", status: .ok, detail: words)
    }

    /// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    public static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
