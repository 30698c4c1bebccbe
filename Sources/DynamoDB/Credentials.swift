import Foundation
import StudyHTTP
import StudyModel

/// An AWS access key pair, with a session token for temporary credentials.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-lived keys.
    public var expiration: Date?
    /// Where they came from, for `doctor` (e.g. "environment", "profile default in ~/.aws/credentials").
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil, source: String = "explicit") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// Never prints the secret or the token.
    public var description: String {
        "AWSCredentials(accessKeyId: \(accessKeyId), secret: <hidden>\(sessionToken == nil ? "" : ", session token: <hidden>"), source: \(source))"
    }
}

/// Something that hands out credentials, refreshing them if they expire.
public protocol AWSCredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

/// Always the same credentials.
public struct StaticCredentialProvider: AWSCredentialProvider {
    public let value: AWSCredentials
    public init(_ value: AWSCredentials) { self.value = value }
    public func credentials() async throws -> AWSCredentials { value }
}

/// Configuration problems, each with a message that says what to do.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No source in the chain had credentials. `tried` lists what was looked at.
    case noCredentials(tried: [String])
    /// `AWS_PROFILE` (or `--profile`) names a profile that is in neither file.
    case profileNotFound(profile: String, filesRead: [String])
    /// The profile exists but lacks a key.
    case incompleteProfile(profile: String, file: String, missing: String)
    /// The profile uses a credential kind this client does not implement.
    case unsupportedProfile(profile: String, feature: String)
    /// No region anywhere.
    case missingRegion
    /// The region text is not a region name.
    case invalidRegion(String)
    /// The endpoint text is not an http(s) URL.
    case invalidEndpoint(variable: String, value: String)
    /// The container or instance credential service answered with an error.
    case credentialServiceFailed(service: String, detail: String)

    public var description: String {
        switch self {
        case let .noCredentials(tried):
            return "No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`, "
                + "or set AWS_PROFILE to a profile in ~/.aws/credentials. (Looked at: \(tried.joined(separator: "; ")).)"
        case let .profileNotFound(profile, files):
            return "The AWS profile '\(profile)' was not found. Read \(files.isEmpty ? "no files" : files.joined(separator: " and ")). "
                + "Add a [\(profile)] section to the credentials file (or [profile \(profile)] to the config file), run `aws configure --profile \(profile)`, or set AWS_PROFILE to an existing profile."
        case let .incompleteProfile(profile, file, missing):
            return "The AWS profile '\(profile)' in \(file) has no \(missing). Add it, or run `aws configure --profile \(profile)`."
        case let .unsupportedProfile(profile, feature):
            return "The AWS profile '\(profile)' uses \(feature), which StudyCircle does not support. "
                + "Give the profile aws_access_key_id and aws_secret_access_key (and aws_session_token for temporary keys), or set them in the environment."
        case .missingRegion:
            return "No AWS region is set. Set AWS_REGION (for example AWS_REGION=us-east-1, the region that holds your tables), or add `region = us-east-1` to your profile in ~/.aws/config."
        case let .invalidRegion(region):
            return "'\(region)' is not an AWS region name. Region names look like us-east-1 or eu-west-2; set AWS_REGION to the region that holds your tables."
        case let .invalidEndpoint(variable, value):
            return "\(variable)='\(value)' is not an http:// or https:// URL. Write it like http://localhost:8000 (DynamoDB Local) or leave it unset to use AWS."
        case let .credentialServiceFailed(service, detail):
            return "Getting credentials from the \(service) failed: \(detail)"
        }
    }
}

// MARK: - Shared config files

/// `~/.aws/credentials` and `~/.aws/config`, parsed.
public struct AWSSharedConfigFiles: Sendable {
    /// Profile name → key → value, from the credentials file (sections `[name]`).
    public var credentials: [String: [String: String]]
    /// Profile name → key → value, from the config file (sections `[profile name]` or `[default]`).
    public var config: [String: [String: String]]
    public var credentialsPath: String
    public var configPath: String
    /// Which of the two files existed and were read.
    public var filesRead: [String]

    /// Reads the files named by the environment (`AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`,
    /// else under `$HOME/.aws`). `readFile` is injectable for tests; it returns nil for a missing file.
    public static func load(environment env: [String: String],
                            readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) -> AWSSharedConfigFiles {
        let home = env["HOME"] ?? NSHomeDirectory()
        func expand(_ path: String) -> String { path.hasPrefix("~/") ? home + path.dropFirst(1) : path }
        let credentialsPath = expand(nonEmpty(env["AWS_SHARED_CREDENTIALS_FILE"]) ?? "~/.aws/credentials")
        let configPath = expand(nonEmpty(env["AWS_CONFIG_FILE"]) ?? "~/.aws/config")
        var read: [String] = []
        var credentials: [String: [String: String]] = [:]
        var config: [String: [String: String]] = [:]
        if let text = readFile(credentialsPath) {
            read.append(credentialsPath)
            credentials = parseINI(text)
        }
        if let text = readFile(configPath) {
            read.append(configPath)
            for (section, values) in parseINI(text) {
                // In the config file a named profile is `[profile name]`; only `default` may omit the word.
                if section.hasPrefix("profile ") {
                    let name = section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
                    config[name, default: [:]].merge(values) { _, new in new }
                } else if section == "default" {
                    config["default", default: [:]].merge(values) { old, _ in old }
                }
            }
        }
        return AWSSharedConfigFiles(credentials: credentials, config: config, credentialsPath: credentialsPath,
                                    configPath: configPath, filesRead: read)
    }

    /// A lenient INI reader: `[section]`, `key = value`, `#`/`;` comments; keys lower-cased.
    /// Indented lines (nested settings such as `s3 =` blocks) are skipped.
    public static func parseINI(_ text: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = rawLine.first, first == " " || first == "\t", current != nil { continue }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let end = line.firstIndex(of: "]") else { current = nil; continue }
                let name = line[line.index(after: line.startIndex)..<end].trimmingCharacters(in: .whitespaces)
                current = name
                if result[name] == nil { result[name] = [:] }
                continue
            }
            guard let section = current, let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            // An inline comment needs whitespace before it, so '#' inside a secret survives.
            if let hash = value.range(of: " #") ?? value.range(of: "\t#") { value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces) }
            result[section, default: [:]][key] = value
        }
        return result
    }
}

func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return value.trimmingCharacters(in: .whitespaces)
}

// MARK: - The default chain

/// Finds credentials the way the AWS SDKs do, and caches them until shortly before they expire:
///
/// 1. environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`;
/// 2. the profile `AWS_PROFILE` (default `default`) in the shared credentials file, then the config file;
/// 3. container credentials (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `_FULL_URI`);
/// 4. EC2 instance metadata (IMDSv2), unless `AWS_EC2_METADATA_DISABLED=true`.
///
/// A profile named explicitly but missing is an error at once (it is never silently replaced by
/// instance credentials). Instance metadata is asked only when nothing else applies, with a 1 s
/// timeout, so a laptop without credentials gets its answer quickly.
///
/// Concurrent callers share one resolution (single flight): while the chain is being walked,
/// every other caller waits for that walk's answer instead of starting its own, so a burst of
/// requests at start-up or at expiry asks the credential service once.
public final class AWSCredentialChain: AWSCredentialProvider, Sendable {
    private let environment: [String: String]
    private let files: AWSSharedConfigFiles
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date
    private let state = Mutex(State())

    /// What changes after `init`, reached only under the lock.
    private struct State {
        var cached: AWSCredentials?
        /// The resolution now running, which later callers join; nil when none is.
        var inFlight: Task<AWSCredentials, any Error>?
    }

    /// - Parameters:
    ///   - environment: the process environment (injected so tests are deterministic).
    ///   - files: the parsed shared files; by default read from the paths the environment names.
    ///   - transport: used for container and instance metadata credentials.
    public init(environment: [String: String], files: AWSSharedConfigFiles? = nil, transport: any HTTPTransport,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.environment = environment
        self.files = files ?? AWSSharedConfigFiles.load(environment: environment)
        self.transport = transport
        self.now = now
    }

    public var profileName: String { nonEmpty(environment["AWS_PROFILE"]) ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"]) ?? "default" }

    /// The cached credentials while they are fresh; otherwise the answer of one walk of the
    /// chain, shared by every caller that asks while it runs. A failure is shared the same way
    /// but not cached: the next call walks the chain again.
    public func credentials() async throws -> AWSCredentials {
        // Checked and joined under one lock, so no caller can miss a running resolution.
        let (current, task) = state.withLock { state -> (AWSCredentials?, Task<AWSCredentials, any Error>?) in
            if let current = state.cached, !needsRefresh(current) { return (current, nil) }
            if let running = state.inFlight { return (nil, running) }
            // The task fills the cache and clears itself under the lock when it ends, so the
            // hand-over does not depend on which waiting caller wakes up first. It cannot take
            // the lock before `inFlight` is set: this closure holds it.
            let started = Task { [self] in
                do {
                    let fresh = try await resolve()
                    self.state.withLock { $0.cached = fresh; $0.inFlight = nil }
                    return fresh
                } catch {
                    self.state.withLock { $0.inFlight = nil }
                    throw error
                }
            }
            state.inFlight = started
            return (nil, started)
        }
        if let current { return current }
        guard let task else { throw AWSConfigurationError.noCredentials(tried: []) }  // unreachable: one of the two is set
        return try await task.value
    }

    private func needsRefresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(now()) < 5 * 60
    }

    /// Walks the chain once, without the cache.
    public func resolve() async throws -> AWSCredentials {
        var tried: [String] = []
        if let fromEnv = try fromEnvironment() { return fromEnv }
        tried.append("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")

        if let fromProfile = try fromProfile() { return fromProfile }
        tried.append("profile '\(profileName)' in \(files.credentialsPath) and \(files.configPath)")

        if let fromContainer = try await fromContainer() { return fromContainer }
        tried.append("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set)")

        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            tried.append("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        } else if let fromInstance = await fromInstanceMetadata() {
            return fromInstance
        } else {
            tried.append("EC2 instance metadata (not on EC2, or no role attached)")
        }
        throw AWSConfigurationError.noCredentials(tried: tried)
    }

    func fromEnvironment() throws -> AWSCredentials? {
        let id = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (id, secret) {
        case let (id?, secret?):
            return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"]),
                                  source: "environment variables")
        case (nil, nil): return nil
        case (nil, _): throw AWSConfigurationError.noCredentials(tried: ["AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both"])
        case (_, nil): throw AWSConfigurationError.noCredentials(tried: ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both"])
        }
    }

    func fromProfile() throws -> AWSCredentials? {
        let name = profileName
        let explicit = nonEmpty(environment["AWS_PROFILE"]) != nil || nonEmpty(environment["AWS_DEFAULT_PROFILE"]) != nil
        let credSection = files.credentials[name]
        let configSection = files.config[name]
        if credSection == nil && configSection == nil {
            if explicit { throw AWSConfigurationError.profileNotFound(profile: name, filesRead: files.filesRead) }
            return nil
        }
        // The credentials file wins over the config file for keys, as in the SDKs.
        for (section, file) in [(credSection, files.credentialsPath), (configSection, files.configPath)] {
            guard let section else { continue }
            let id = nonEmpty(section["aws_access_key_id"])
            let secret = nonEmpty(section["aws_secret_access_key"])
            if let id, let secret {
                return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: nonEmpty(section["aws_session_token"]),
                                      source: "profile '\(name)' in \(file)")
            }
            if id != nil { throw AWSConfigurationError.incompleteProfile(profile: name, file: file, missing: "aws_secret_access_key") }
            if secret != nil { throw AWSConfigurationError.incompleteProfile(profile: name, file: file, missing: "aws_access_key_id") }
        }
        let merged = (configSection ?? [:]).merging(credSection ?? [:]) { _, new in new }
        if merged["role_arn"] != nil { throw AWSConfigurationError.unsupportedProfile(profile: name, feature: "role_arn (assume role)") }
        if merged["sso_session"] != nil || merged["sso_start_url"] != nil { throw AWSConfigurationError.unsupportedProfile(profile: name, feature: "AWS SSO / IAM Identity Center") }
        if merged["credential_process"] != nil { throw AWSConfigurationError.unsupportedProfile(profile: name, feature: "credential_process") }
        if merged["web_identity_token_file"] != nil { throw AWSConfigurationError.unsupportedProfile(profile: name, feature: "web identity tokens") }
        if explicit {
            throw AWSConfigurationError.incompleteProfile(profile: name, file: credSection != nil ? files.credentialsPath : files.configPath,
                                                          missing: "aws_access_key_id and aws_secret_access_key")
        }
        // A [default] section with only settings such as region: look further down the chain.
        return nil
    }

    func fromContainer() async throws -> AWSCredentials? {
        let url: String
        if let relative = nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) {
            url = "http://169.254.170.2" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]) {
            url = full
        } else {
            return nil
        }
        var headers = HTTPHeaders()
        if let tokenFile = nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]),
           let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) {
            headers.add("Authorization", token.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let token = nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]) {
            headers.add("Authorization", token)
        }
        let service = "container credential endpoint \(url)"
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers,
                                                            timeouts: HTTPTimeouts(connect: .seconds(2), total: .seconds(5))))
        } catch {
            throw AWSConfigurationError.credentialServiceFailed(service: service, detail: "\(error)")
        }
        guard response.status == 200 else {
            throw AWSConfigurationError.credentialServiceFailed(service: service, detail: "HTTP \(response.status): \(response.bodyText.prefix(200))")
        }
        return try Self.parseCredentialDocument(response.body, source: "container credentials", service: service)
    }

    /// IMDSv2: a PUT for a session token, then the role name, then the role's credentials.
    func fromInstanceMetadata() async -> AWSCredentials? {
        let base = nonEmpty(environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://169.254.169.254"
        let quick = HTTPTimeouts(connect: .seconds(1), total: .seconds(1))
        do {
            let tokenResponse = try await transport.send(HTTPRequest(method: "PUT", url: base + "/latest/api/token",
                                                                     headers: ["X-aws-ec2-metadata-token-ttl-seconds": "21600"], timeouts: quick))
            guard tokenResponse.status == 200 else { return nil }
            let token = tokenResponse.bodyText.trimmingCharacters(in: .whitespacesAndNewlines)
            let auth: HTTPHeaders = ["X-aws-ec2-metadata-token": token]
            let roleResponse = try await transport.send(HTTPRequest(method: "GET", url: base + "/latest/meta-data/iam/security-credentials/",
                                                                    headers: auth, timeouts: quick))
            guard roleResponse.status == 200,
                  let role = roleResponse.bodyText.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else { return nil }
            let credResponse = try await transport.send(HTTPRequest(method: "GET", url: base + "/latest/meta-data/iam/security-credentials/" + role,
                                                                    headers: auth, timeouts: quick))
            guard credResponse.status == 200 else { return nil }
            return try Self.parseCredentialDocument(credResponse.body, source: "EC2 instance role \(role)", service: "EC2 instance metadata")
        } catch {
            return nil
        }
    }

    static func parseCredentialDocument(_ body: [UInt8], source: String, service: String) throws -> AWSCredentials {
        guard let json = try? JSON.parse(body),
              let id = json["AccessKeyId"]?.stringValue, let secret = json["SecretAccessKey"]?.stringValue else {
            throw AWSConfigurationError.credentialServiceFailed(service: service, detail: "the answer has no AccessKeyId/SecretAccessKey")
        }
        let expiration = json["Expiration"]?.stringValue.flatMap { DynamoDBDateFormat.date(from: $0) }
        return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: json["Token"]?.stringValue,
                              expiration: expiration, source: source)
    }
}

// MARK: - Region and endpoint

/// Region names and where they come from.
public enum AWSRegion {
    /// `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `region` in the profile's config section.
    public static func resolve(environment env: [String: String], files: AWSSharedConfigFiles) -> String? {
        if let region = nonEmpty(env["AWS_REGION"]) ?? nonEmpty(env["AWS_DEFAULT_REGION"]) { return region }
        let profile = nonEmpty(env["AWS_PROFILE"]) ?? nonEmpty(env["AWS_DEFAULT_PROFILE"]) ?? "default"
        return nonEmpty(files.config[profile]?["region"])
    }

    /// Accepts names shaped like AWS regions: `us-east-1`, `eu-central-2`, `us-gov-west-1`,
    /// `us-iso-east-1`, `us-isob-east-1`, `cn-north-1`.
    public static func validate(_ region: String) throws -> String {
        let regionPattern = /[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+/
        guard (try? regionPattern.wholeMatch(in: region)) != nil else { throw AWSConfigurationError.invalidRegion(region) }
        return region
    }
}

/// Where DynamoDB requests go.
public enum DynamoDBEndpoint {
    /// The variables that may name an explicit endpoint, in the order the app honours them.
    public static let variables = ["DYNAMODB_ENDPOINT", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL"]

    /// The first of `DYNAMODB_ENDPOINT`, `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL` that is set,
    /// with the variable's name; validated as an http(s) URL.
    public static func explicit(in env: [String: String]) throws -> (variable: String, url: String)? {
        for variable in variables {
            guard let value = nonEmpty(env[variable]) else { continue }
            return (variable, try validate(value, variable: variable))
        }
        return nil
    }

    /// The endpoint for `region` when none is given: `https://dynamodb.<region>.amazonaws.com`
    /// (`.amazonaws.com.cn` in China).
    public static func standard(region: String) throws -> String {
        let region = try AWSRegion.validate(region)
        return "https://dynamodb.\(region).amazonaws.com" + (region.hasPrefix("cn-") ? ".cn" : "")
    }

    static func validate(_ value: String, variable: String) throws -> String {
        let lower = value.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw AWSConfigurationError.invalidEndpoint(variable: variable, value: value)
        }
        let host = value.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
        guard !host.isEmpty else { throw AWSConfigurationError.invalidEndpoint(variable: variable, value: value) }
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}
