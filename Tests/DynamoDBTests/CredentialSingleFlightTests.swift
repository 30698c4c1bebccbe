@testable import DynamoDB
import Foundation
import StudyHTTP
import Testing

/// A container-credentials endpoint that counts how often it is asked and holds every answer
/// until the test opens the gate, so that concurrent callers really overlap.
private final class GatedCredentialService: HTTPTransport, @unchecked Sendable {
    // @unchecked: every field is guarded by `lock`.
    private let lock = NSLock()
    private var asked = 0
    private var open = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let response: HTTPResponse

    init(response: HTTPResponse) { self.response = response }

    var requestCount: Int { lock.withLock { asked } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = lock.withLock { () -> Bool in
                asked += 1
                if open { return true }
                waiting.append(continuation)
                return false
            }
            if proceed { continuation.resume() }
        }
        return response
    }

    func openGate() {
        let resumed = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            open = true
            defer { waiting = [] }
            return waiting
        }
        for continuation in resumed { continuation.resume() }
    }
}

/// Counts callers that have entered `credentials()`.
private final class Counter: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var current: Int { lock.withLock { value } }
}

@Suite("Credential chain: one resolution for concurrent callers")
struct CredentialSingleFlightTests {
    static let callers = 16
    let noFiles = AWSSharedConfigFiles(credentials: [:], config: [:], credentialsPath: "/nowhere/credentials",
                                       configPath: "/nowhere/config", filesRead: [])
    let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/creds", "AWS_EC2_METADATA_DISABLED": "true"]

    /// Starts `callers` concurrent `credentials()` calls, lets them pile up behind the held
    /// answer (until every caller has asked the service, or has had ample time to join), then
    /// releases the answer and collects what each caller got.
    private func burst(_ chain: AWSCredentialChain, _ service: GatedCredentialService) async -> [Result<AWSCredentials, any Error>] {
        let entered = Counter()
        return await withTaskGroup(of: Result<AWSCredentials, any Error>.self) { group in
            for _ in 0..<Self.callers {
                group.addTask {
                    entered.increment()
                    do { return .success(try await chain.credentials()) } catch { return .failure(error) }
                }
            }
            // Not a timing assertion: the wait only decides when to release the answer. With one
            // resolution per caller the service count reaches `callers` and the gate opens at once.
            var rounds = 0
            while service.requestCount < Self.callers && (entered.current < Self.callers || rounds < 200) {
                try? await Task.sleep(for: .milliseconds(1))
                rounds += 1
            }
            service.openGate()
            var results: [Result<AWSCredentials, any Error>] = []
            for await result in group { results.append(result) }
            return results
        }
    }

    @Test("concurrent callers share one resolution, and later callers use the cache")
    func sharedResolution() async throws {
        let body = Array(#"{"AccessKeyId":"CKEY","SecretAccessKey":"csecret","Token":"ctoken","Expiration":"2030-01-01T00:00:00Z"}"#.utf8)
        let service = GatedCredentialService(response: HTTPResponse(status: 200, body: body))
        let chain = AWSCredentialChain(environment: environment, files: noFiles, transport: service,
                                       now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let results = await burst(chain, service)
        #expect(service.requestCount == 1, "each concurrent caller resolved on its own")
        let keys = results.map { (try? $0.get())?.accessKeyId }
        #expect(keys == Array(repeating: "CKEY", count: Self.callers))
        _ = try await chain.credentials()
        #expect(service.requestCount == 1, "fresh credentials come from the cache")
    }

    @Test("a failed resolution is shared by the callers that waited for it, and not cached")
    func sharedFailure() async throws {
        let service = GatedCredentialService(response: HTTPResponse(status: 500, body: Array("down".utf8)))
        let chain = AWSCredentialChain(environment: environment, files: noFiles, transport: service)
        let results = await burst(chain, service)
        #expect(service.requestCount == 1)
        for result in results {
            #expect(throws: AWSConfigurationError.self) { try result.get() }
        }
        _ = try? await chain.credentials()
        #expect(service.requestCount == 2, "after a failure the next call asks again")
    }
}
