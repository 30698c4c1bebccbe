@testable import DynamoDB
import Foundation
import StudyHTTP
import Testing

/// A transport that answers from a table of URL → response and records what was asked.
final class StubTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [String: HTTPResponse]
    private(set) var requests: [HTTPRequest] = []
    init(_ responses: [String: HTTPResponse]) { self.responses = responses }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = lock.withLock { () -> HTTPResponse? in
            requests.append(request)
            return responses[request.method + " " + request.url]
        }
        guard let response else { throw TransportError(kind: .timeout, host: "stub", detail: "no route") }
        return response
    }
    var asked: [String] { lock.withLock { requests.map { $0.method + " " + $0.url } } }
}

@Suite("Configuration: credentials, profiles, region, endpoint")
struct ConfigTests {
    let noFiles = AWSSharedConfigFiles(credentials: [:], config: [:], credentialsPath: "/home/s/.aws/credentials",
                                       configPath: "/home/s/.aws/config", filesRead: [])

    func files(credentials: String = "", config: String = "") -> AWSSharedConfigFiles {
        AWSSharedConfigFiles.load(environment: ["HOME": "/home/s"]) { path in
            if path == "/home/s/.aws/credentials" { return credentials.isEmpty ? nil : credentials }
            if path == "/home/s/.aws/config" { return config.isEmpty ? nil : config }
            return nil
        }
    }

    @Test("environment variables come first")
    func environmentFirst() async throws {
        let f = files(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let chain = AWSCredentialChain(environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "SESSIONTOKENVALUE"],
                                       files: f, transport: StubTransport([:]))
        let c = try await chain.credentials()
        #expect(c.accessKeyId == "ENVKEY")
        #expect(c.sessionToken == "SESSIONTOKENVALUE")
        #expect(!c.description.contains("envsecret") && !c.description.contains("SESSIONTOKENVALUE"), "secrets never printed")
    }

    @Test("the named profile is read from the credentials file, then the config file")
    func profiles() async throws {
        let f = files(credentials: """
            # comment
            [default]
            aws_access_key_id = DEFAULTKEY
            aws_secret_access_key = default/secret#with-hash
            [work]
            aws_access_key_id=WORKKEY
            aws_secret_access_key=worksecret
            aws_session_token = worktoken
            """, config: """
            [default]
            region = eu-west-1
            [profile lab]
            aws_access_key_id = LABKEY
            aws_secret_access_key = labsecret
            region = ap-south-1
            s3 =
              max_concurrent_requests = 5
            """)
        #expect(try await AWSCredentialChain(environment: [:], files: f, transport: StubTransport([:])).credentials().secretAccessKey == "default/secret#with-hash")
        let work = try await AWSCredentialChain(environment: ["AWS_PROFILE": "work"], files: f, transport: StubTransport([:])).credentials()
        #expect(work.accessKeyId == "WORKKEY" && work.sessionToken == "worktoken")
        let lab = try await AWSCredentialChain(environment: ["AWS_PROFILE": "lab"], files: f, transport: StubTransport([:])).credentials()
        #expect(lab.accessKeyId == "LABKEY")
        #expect(AWSRegion.resolve(environment: ["AWS_PROFILE": "lab"], files: f) == "ap-south-1")
        #expect(AWSRegion.resolve(environment: [:], files: f) == "eu-west-1")
        #expect(AWSRegion.resolve(environment: ["AWS_DEFAULT_REGION": "us-west-2"], files: f) == "us-west-2")
        #expect(AWSRegion.resolve(environment: ["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "us-west-2"], files: f) == "ca-central-1")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE override the paths")
    func pathOverrides() {
        var asked: [String] = []
        _ = AWSSharedConfigFiles.load(environment: ["HOME": "/h", "AWS_SHARED_CREDENTIALS_FILE": "/x/creds", "AWS_CONFIG_FILE": "~/cfg"]) { asked.append($0); return nil }
        #expect(asked == ["/x/creds", "/h/cfg"])
    }

    @Test("a named but missing profile says which profile and which files were read")
    func missingProfile() async throws {
        let f = files(credentials: "[default]\naws_access_key_id = A\naws_secret_access_key = B\n")
        let chain = AWSCredentialChain(environment: ["AWS_PROFILE": "nosuch"], files: f, transport: StubTransport([:]))
        let error = await #expect(throws: AWSConfigurationError.self) { try await chain.credentials() }
        let text = error?.description ?? ""
        #expect(text.contains("'nosuch'"))
        #expect(text.contains("/home/s/.aws/credentials"))
        #expect(!text.contains("/home/s/.aws/config"), "the config file did not exist, so it was not read")
    }

    @Test("profiles with only half a key pair, or assume-role, are explained")
    func incompleteProfiles() async throws {
        let f = files(credentials: "[half]\naws_access_key_id = A\n[role]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n")
        let half = await #expect(throws: AWSConfigurationError.self) {
            try await AWSCredentialChain(environment: ["AWS_PROFILE": "half"], files: f, transport: StubTransport([:])).credentials()
        }
        #expect(half?.description.contains("aws_secret_access_key") == true)
        let role = await #expect(throws: AWSConfigurationError.self) {
            try await AWSCredentialChain(environment: ["AWS_PROFILE": "role"], files: f, transport: StubTransport([:])).credentials()
        }
        #expect(role?.description.contains("role_arn") == true)
    }

    @Test("no credentials anywhere: the plain-words message, and instance metadata only when allowed")
    func noCredentials() async throws {
        let stub = StubTransport([:])
        let chain = AWSCredentialChain(environment: ["AWS_EC2_METADATA_DISABLED": "true"], files: noFiles, transport: stub)
        let error = await #expect(throws: AWSConfigurationError.self) { try await chain.credentials() }
        #expect(error?.description.hasPrefix("No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`, or set AWS_PROFILE to a profile in ~/.aws/credentials.") == true)
        #expect(stub.asked.isEmpty, "metadata disabled: nothing asked")

        let probing = StubTransport([:])
        _ = try? await AWSCredentialChain(environment: [:], files: noFiles, transport: probing).credentials()
        #expect(probing.asked == ["PUT http://169.254.169.254/latest/api/token"])
        #expect(probing.requests.first?.timeouts == HTTPTimeouts(connect: .seconds(1), total: .seconds(1)))
    }

    @Test("container credentials, with the authorization token")
    func container() async throws {
        let body = Array(#"{"AccessKeyId":"CKEY","SecretAccessKey":"csecret","Token":"ctoken","Expiration":"2030-01-01T00:00:00Z"}"#.utf8)
        let stub = StubTransport(["GET http://169.254.170.2/v2/credentials/abc": HTTPResponse(status: 200, body: body)])
        let chain = AWSCredentialChain(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                                                     "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Basic xyz"],
                                       files: noFiles, transport: stub)
        let c = try await chain.credentials()
        #expect(c.accessKeyId == "CKEY" && c.sessionToken == "ctoken")
        #expect(c.expiration == Date(timeIntervalSince1970: 1_893_456_000))
        #expect(stub.requests.first?.headers["Authorization"] == "Basic xyz")
    }

    @Test("EC2 instance metadata: IMDSv2 token, role, credentials; refreshed before expiry")
    func instanceMetadata() async throws {
        let base = "http://127.0.0.1:1"
        let doc = Array(#"{"Code":"Success","AccessKeyId":"IKEY","SecretAccessKey":"isecret","Token":"itoken","Expiration":"2030-01-01T00:00:00Z"}"#.utf8)
        let stub = StubTransport([
            "PUT \(base)/latest/api/token": HTTPResponse(status: 200, body: Array("TOKEN".utf8)),
            "GET \(base)/latest/meta-data/iam/security-credentials/": HTTPResponse(status: 200, body: Array("study-role\n".utf8)),
            "GET \(base)/latest/meta-data/iam/security-credentials/study-role": HTTPResponse(status: 200, body: doc),
        ])
        let clock = Date(timeIntervalSince1970: 1_893_456_000 - 3600)
        let chain = AWSCredentialChain(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": base], files: noFiles, transport: stub, now: { clock })
        let c = try await chain.credentials()
        #expect(c.accessKeyId == "IKEY")
        #expect(stub.requests.dropFirst().allSatisfy { $0.headers["X-aws-ec2-metadata-token"] == "TOKEN" })
        _ = try await chain.credentials()
        #expect(stub.requests.count == 3, "cached while more than 5 minutes remain")
    }

    @Test("regions are validated", arguments: ["us-east-1", "eu-central-2", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "cn-north-1", "ap-southeast-4"])
    func validRegions(_ region: String) throws {
        #expect(try AWSRegion.validate(region) == region)
    }

    @Test("unknown regions get a clear error", arguments: ["us-east", "moon-1", "US-EAST-1", "us-east-1 ", "", "useast1"])
    func invalidRegions(_ region: String) {
        let error = #expect(throws: AWSConfigurationError.self) { try AWSRegion.validate(region) }
        #expect(error?.description.contains("is not an AWS region name") == true)
    }

    @Test("endpoint: DYNAMODB_ENDPOINT, then AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL, else AWS")
    func endpoints() throws {
        let all = ["DYNAMODB_ENDPOINT": "http://localhost:8000", "AWS_ENDPOINT_URL_DYNAMODB": "http://b:1", "AWS_ENDPOINT_URL": "http://c:2"]
        #expect(try DynamoDBEndpoint.explicit(in: all)?.url == "http://localhost:8000")
        #expect(try DynamoDBEndpoint.explicit(in: all.filter { $0.key != "DYNAMODB_ENDPOINT" })?.url == "http://b:1")
        #expect(try DynamoDBEndpoint.explicit(in: ["AWS_ENDPOINT_URL": "https://c:2/"])?.url == "https://c:2")
        #expect(try DynamoDBEndpoint.explicit(in: ["DYNAMODB_ENDPOINT": "  "]) == nil)
        #expect(try DynamoDBEndpoint.standard(region: "eu-west-1") == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(try DynamoDBEndpoint.standard(region: "cn-north-1") == "https://dynamodb.cn-north-1.amazonaws.com.cn")
        let bad = #expect(throws: AWSConfigurationError.self) { try DynamoDBEndpoint.explicit(in: ["DYNAMODB_ENDPOINT": "localhost:8000"]) }
        #expect(bad?.description.contains("DYNAMODB_ENDPOINT='localhost:8000' is not an http:// or https:// URL") == true)
    }

    @Test("client from environment: region required without an endpoint, validated, endpoint derived")
    func clientFromEnvironment() throws {
        let missing = #expect(throws: AWSConfigurationError.self) {
            try DynamoDBClient.fromEnvironment([:], files: noFiles, transport: StubTransport([:]))
        }
        #expect(missing == .missingRegion)
        #expect(missing?.description.contains("Set AWS_REGION") == true)
        #expect(throws: AWSConfigurationError.invalidRegion("mars-north-1x")) {
            try DynamoDBClient.fromEnvironment(["AWS_REGION": "mars-north-1x"], files: noFiles, transport: StubTransport([:]))
        }
        let aws = try DynamoDBClient.fromEnvironment(["AWS_REGION": "eu-west-3"], files: noFiles, transport: StubTransport([:]))
        #expect(aws.endpoint == "https://dynamodb.eu-west-3.amazonaws.com")
        let local = try DynamoDBClient.fromEnvironment(["DYNAMODB_ENDPOINT": "http://localhost:8000"], files: noFiles, transport: StubTransport([:]))
        #expect(local.endpoint == "http://localhost:8000" && local.region == "us-east-1")
        #expect(DynamoDBClient.hostHeader(of: "https://x.amazonaws.com:443") == "x.amazonaws.com")
        #expect(DynamoDBClient.hostHeader(of: "http://127.0.0.1:8000") == "127.0.0.1:8000")
    }
}
