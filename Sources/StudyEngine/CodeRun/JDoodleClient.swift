import Foundation
import StudyHTTP

/// Why a code run did not happen, in words a student can act on.
public struct CodeRunError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No JDOODLE_CLIENT_ID / JDOODLE_CLIENT_SECRET.
        case notConfigured
        /// JDoodle refused the client id or secret.
        case badCredentials
        /// The account's daily credits are used up.
        case creditsExhausted
        /// The fence's language is not one JDoodle runs (or not one we map).
        case unsupportedLanguage
        /// JDoodle did not answer in time.
        case timeout
        /// JDoodle could not be reached, or answered with an error or something unreadable.
        case unavailable
    }

    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// What a run produced. A program that failed to compile is a result (not an error): its
/// compiler output is what the room should see.
public struct CodeRunResult: Sendable, Equatable, Codable {
    /// Standard output and error as JDoodle returns them (compiler messages on a failed compile).
    public var output: String
    /// JDoodle's status code of the run (200 when the run itself happened).
    public var statusCode: Int
    /// Whether the program compiled (true for interpreted languages).
    public var compiled: Bool
    /// Whether the run finished without an error, when JDoodle says so.
    public var success: Bool?
    /// CPU time in seconds, as JDoodle reports it (e.g. "0.02").
    public var cpuTime: String?
    /// Memory in kilobytes, as JDoodle reports it.
    public var memory: String?
    /// The language it ran as (JDoodle's name) and version index.
    public var language: String
    public var versionIndex: String
}

/// A language a fenced code block can be run as.
public struct CodeLanguage: Sendable, Equatable {
    /// JDoodle's language name and version index.
    public var jdoodle: String
    public var versionIndex: String

    /// Fence tags (` ```python `) → JDoodle language. Version index "0" is each language's
    /// oldest kept version on JDoodle; the newest differ per language and change over time.
    static let byFenceTag: [String: CodeLanguage] = {
        var table: [String: CodeLanguage] = [:]
        func add(_ tags: [String], _ name: String, _ version: String = "0") {
            for tag in tags { table[tag] = CodeLanguage(jdoodle: name, versionIndex: version) }
        }
        add(["python", "python3", "py", "py3"], "python3")
        add(["python2", "py2"], "python2")
        add(["javascript", "js", "node", "nodejs"], "nodejs")
        add(["java"], "java")
        add(["c"], "c")
        add(["cpp", "c++", "cc", "cxx"], "cpp17")
        add(["csharp", "cs", "c#"], "csharp")
        add(["go", "golang"], "go")
        add(["rust", "rs"], "rust")
        add(["ruby", "rb"], "ruby")
        add(["php"], "php")
        add(["swift"], "swift")
        add(["kotlin", "kt"], "kotlin")
        add(["scala"], "scala")
        add(["haskell", "hs"], "haskell")
        add(["bash", "sh", "shell"], "bash")
        add(["r"], "r")
        add(["perl", "pl"], "perl")
        add(["lua"], "lua")
        add(["sql", "sqlite"], "sql")
        return table
    }()

    /// The language for a fence tag (case-insensitive), nil when unsupported.
    public static func forFence(_ tag: String) -> CodeLanguage? {
        byFenceTag[tag.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    public static var supportedTags: [String] { byFenceTag.keys.sorted() }
}

/// A fenced code block found in a message.
public struct CodeBlock: Sendable, Equatable {
    public var language: String
    public var code: String

    public init(language: String, code: String) {
        self.language = language
        self.code = code
    }

    /// The first fenced block (``` or ~~~) whose opening line names a language.
    public static func first(in text: String) -> CodeBlock? {
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let fence = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) else { continue }
            let info = trimmed.drop(while: { String($0) == String(fence.first!) }).trimmingCharacters(in: .whitespaces)
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            var body: [String] = []
            var closed = false
            while let inner = lines.popFirst() {
                if inner.trimmingCharacters(in: .whitespaces).hasPrefix(fence) { closed = true; break }
                body.append(inner)
            }
            if !language.isEmpty, closed || lines.isEmpty { return CodeBlock(language: language, code: body.joined(separator: "\n")) }
        }
        return nil
    }
}

/// A client for JDoodle's compiler API (`POST /v1/execute`), over the app's HTTP layer.
///
/// The program text goes to JDoodle only when `run` is called (on a student's request) and
/// nowhere else. Credentials: `JDOODLE_CLIENT_ID` / `JDOODLE_CLIENT_SECRET` (the seeds'
/// variables) or the config keys `[jdoodle] client_id` / `client_secret`.
public struct JDoodleClient: Sendable {
    public static let defaultEndpoint = "https://api.jdoodle.com/v1/execute"
    /// What a student reads when no credentials are configured.
    public static let howToEnable = "Running code needs a JDoodle account: set JDOODLE_CLIENT_ID and JDOODLE_CLIENT_SECRET (in the environment, .env, or [jdoodle] client_id / client_secret in config.toml). Free accounts at https://www.jdoodle.com/compiler-api have a daily credit limit."

    public var endpoint: String
    public var clientId: String
    public var clientSecret: String
    public var transport: any HTTPTransport
    public var timeouts: HTTPTimeouts

    public init(clientId: String, clientSecret: String, endpoint: String = JDoodleClient.defaultEndpoint,
                transport: any HTTPTransport = CurlTransport(),
                timeouts: HTTPTimeouts = HTTPTimeouts(connect: .seconds(5), total: .seconds(30))) {
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.endpoint = endpoint
        self.transport = transport
        self.timeouts = timeouts
    }

    /// A client from `JDOODLE_CLIENT_ID`, `JDOODLE_CLIENT_SECRET` and optionally
    /// `JDOODLE_ENDPOINT` in `variables`.
    /// - Throws: `CodeRunError.notConfigured` with `howToEnable` when either is missing.
    public static func from(_ variables: [String: String], transport: any HTTPTransport = CurlTransport()) throws -> JDoodleClient {
        let id = variables["JDOODLE_CLIENT_ID"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let secret = variables["JDOODLE_CLIENT_SECRET"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !id.isEmpty, !secret.isEmpty else { throw CodeRunError(.notConfigured, howToEnable) }
        let endpoint = variables["JDOODLE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultEndpoint
        return JDoodleClient(clientId: id, clientSecret: secret, endpoint: endpoint, transport: transport)
    }

    struct Request: Encodable {
        var clientId: String
        var clientSecret: String
        var script: String
        var stdin: String
        var language: String
        var versionIndex: String
    }

    struct Answer: Decodable {
        var output: String?
        var statusCode: Int?
        var memory: String?
        var cpuTime: String?
        var isCompiled: Bool?
        var isExecutionSuccess: Bool?
        var error: String?

        enum CodingKeys: String, CodingKey { case output, statusCode, memory, cpuTime, isCompiled, isExecutionSuccess, error }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            output = try? c.decode(String.self, forKey: .output)
            statusCode = (try? c.decode(Int.self, forKey: .statusCode)) ?? (try? c.decode(String.self, forKey: .statusCode)).flatMap { Int($0) }
            // JDoodle sends these as strings or numbers depending on the language.
            memory = (try? c.decode(String.self, forKey: .memory)) ?? (try? c.decode(Double.self, forKey: .memory)).map { String($0) }
            cpuTime = (try? c.decode(String.self, forKey: .cpuTime)) ?? (try? c.decode(Double.self, forKey: .cpuTime)).map { String($0) }
            isCompiled = try? c.decode(Bool.self, forKey: .isCompiled)
            isExecutionSuccess = try? c.decode(Bool.self, forKey: .isExecutionSuccess)
            error = try? c.decode(String.self, forKey: .error)
        }
    }

    /// Runs `code` as the fence language `fenceTag`, with `stdin`.
    /// - Throws: `CodeRunError` (unsupported language before anything is sent; bad credentials,
    ///   credits exhausted, timeout, unavailable from the answer).
    public func run(code: String, fenceTag: String, stdin: String = "") async throws -> CodeRunResult {
        guard let language = CodeLanguage.forFence(fenceTag) else {
            throw CodeRunError(.unsupportedLanguage, "JDoodle cannot run '\(fenceTag)' code here. Supported fence languages: \(CodeLanguage.supportedTags.joined(separator: ", ")).")
        }
        let body = Request(clientId: clientId, clientSecret: clientSecret, script: code, stdin: stdin,
                           language: language.jdoodle, versionIndex: language.versionIndex)
        var request = HTTPRequest.postJSON(url: endpoint, json: Array(try JSONEncoder().encode(body)))
        request.timeouts = timeouts
        // Running twice costs a second credit and may post twice: the transport must not repeat it.
        request.isIdempotent = false
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            if error.kind == .timeout {
                throw CodeRunError(.timeout, "JDoodle did not answer within \(timeouts.total.components.seconds) s; the program may loop forever or the service is slow. Nothing was posted.")
            }
            throw CodeRunError(.unavailable, "JDoodle could not be reached (\(error.kind.rawValue)). Check the network; nothing was posted.")
        }
        let answer = try? JSONDecoder().decode(Answer.self, from: response.bodyData)
        let detail = answer?.error.map { String($0.prefix(200)) } ?? ""
        let status = answer?.statusCode ?? response.status
        if [401, 403].contains(response.status) || [401, 403].contains(status) {
            throw CodeRunError(.badCredentials, "JDoodle refused the client id or secret\(detail.isEmpty ? "" : " (\(detail))"). Check JDOODLE_CLIENT_ID and JDOODLE_CLIENT_SECRET.")
        }
        if response.status == 429 || status == 429 {
            throw CodeRunError(.creditsExhausted, "Your JDoodle account has used its daily credits\(detail.isEmpty ? "" : " (\(detail))"). Runs work again after JDoodle's daily reset (UTC midnight), or with a larger plan.")
        }
        let answered = (200..<300).contains(response.status) && answer?.error == nil && answer?.output != nil
        if !answered && (response.status == 400 || status == 400) && detail.lowercased().contains("language") {
            throw CodeRunError(.unsupportedLanguage, "JDoodle does not run \(language.jdoodle) (version \(language.versionIndex))\(detail.isEmpty ? "" : ": \(detail)").")
        }
        guard answered else {
            throw CodeRunError(.unavailable, "JDoodle failed (HTTP \(response.status))\(detail.isEmpty ? "" : ": \(detail)"). Nothing was posted.")
        }
        let output = answer?.output ?? ""
        return CodeRunResult(output: output, statusCode: status, compiled: answer?.isCompiled ?? true,
                             success: answer?.isExecutionSuccess, cpuTime: answer?.cpuTime, memory: answer?.memory,
                             language: language.jdoodle, versionIndex: language.versionIndex)
    }
}

extension CodeRunResult {
    /// The reply posted to the room: output (cut to `maxOutput` characters) in a fence, then
    /// exit status, CPU time and memory.
    public func replyText(to messageId: String, by runner: String, maxOutput: Int = 3000) -> String {
        var shown = output
        if shown.count > maxOutput { shown = String(shown.prefix(maxOutput)) + "\n… (output cut at \(maxOutput) characters)" }
        shown = shown.replacingOccurrences(of: "```", with: "'''")
        let outcome: String
        if !compiled {
            outcome = "did not compile"
        } else if let success {
            outcome = success ? "finished successfully" : "failed"
        } else {
            outcome = "finished"
        }
        let stats = ["status \(statusCode)", cpuTime.map { "CPU \($0) s" }, memory.map { "memory \($0) KB" }]
            .compactMap { $0 }.joined(separator: ", ")
        return "▶ Run of \(messageId) by \(runner) (\(language)): \(outcome) — \(stats)\n```\n\(shown)\n```"
    }
}
