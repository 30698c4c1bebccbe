import Foundation
import StudyConfig
import StudyEngine
import StudyHTTP
import StudyModel
import StudyStore

/// The provider client the command line and the app use: the user's monthly allowance is
/// checked before each call and only a call the provider answered is counted.
enum MeteredProvider {
    static func assistant(_ provider: ProviderSettings?, store: StudyStore, user: User) -> StudyAssistant {
        guard let provider else { return StudyAssistant() }
        let meter = UsageMeter(users: store.users, userId: user.id)
        let transport = AnsweredCallCounter(inner: LazyHTTPTransport(), meter: meter)
        let client = ChatCompletionsClient(url: provider.url, model: provider.model, apiKey: provider.apiKey, transport: transport)
        return StudyAssistant(client: client, reserveProviderCall: { try await meter.checkAllowance() })
    }
}

/// Wraps the HTTP transport: a request that got an answer (any HTTP status the provider
/// served, 2xx) is counted; one that got none (refused, unreachable, timed out) or was
/// refused by the provider itself (4xx/5xx) is not.
struct AnsweredCallCounter: HTTPTransport {
    let inner: any HTTPTransport
    let meter: UsageMeter

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = Date()
        let response: HTTPResponse
        do {
            response = try await inner.send(request)
        } catch {
            CommandLog.logger.warning("provider call got no answer (not counted): \(error)")
            throw error
        }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        guard (200..<300).contains(response.status) else {
            CommandLog.logger.warning("provider answered HTTP \(response.status) in \(ms) ms (not counted)")
            return response
        }
        CommandLog.logger.info("provider answered HTTP \(response.status) in \(ms) ms (counted)")
        do {
            try await meter.recordAnsweredCall()
        } catch {
            // The answer is there; failing to count it must not throw it away.
            CommandLog.logger.error("could not count the provider call: \(error)")
        }
        return response
    }
}
