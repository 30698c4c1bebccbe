import Foundation
import StudyHTTP

/// Why the optional provider could not be used. The caller falls back to the offline engine
/// and shows this message.
public struct ProviderError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A client for any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp,
/// vLLM, LM Studio, ...), over libcurl.
public struct ChatCompletionsClient: Sendable {
    public var endpoint: String
    public var model: String
    public var apiKey: String
    public var transport: any HTTPTransport
    public var timeouts: HTTPTimeouts

    /// `url` may be the API base (`https://host/v1`) or the full `.../chat/completions` URL.
    public init(url: String, model: String, apiKey: String, transport: any HTTPTransport = CurlTransport(),
                timeouts: HTTPTimeouts = HTTPTimeouts(connect: .seconds(5), total: .seconds(60))) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = base.hasSuffix("/chat/completions") ? base : base + "/chat/completions"
        self.model = model
        self.apiKey = apiKey
        self.transport = transport
        self.timeouts = timeouts
    }

    struct ChatRequest: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        var model: String
        var messages: [Message]
        var temperature: Double
        var max_tokens: Int
    }

    struct ChatResponse: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message
            var finish_reason: String?
        }
        var choices: [Choice]
    }

    struct ErrorResponse: Decodable {
        struct Detail: Decodable { var message: String? }
        var error: Detail?
    }

    /// Sends one system + user exchange and returns the assistant's text.
    public func complete(system: String, user: String, maxTokens: Int = 1200) async throws -> String {
        let body = ChatRequest(model: model, messages: [.init(role: "system", content: system), .init(role: "user", content: user)],
                               temperature: 0, max_tokens: maxTokens)
        let json = try JSONEncoder().encode(body)
        var request = HTTPRequest.postJSON(url: endpoint, json: Array(json), bearerToken: apiKey.isEmpty ? nil : apiKey)
        request.timeouts = timeouts
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw ProviderError("The summary provider at \(endpoint) could not be reached (\(error.kind.rawValue)).")
        }
        switch response.status {
        case 200..<300: break
        case 401, 403: throw ProviderError("The summary provider refused the API key (HTTP \(response.status)). Check STUDYCIRCLE_LLM_API_KEY.")
        case 404: throw ProviderError("The summary provider has no \(endpoint) or no model '\(model)' (HTTP 404). Check STUDYCIRCLE_LLM_URL and _MODEL.")
        case 429: throw ProviderError("The summary provider is rate limiting requests (HTTP 429). Try again later.")
        default:
            let detail = (try? JSONDecoder().decode(ErrorResponse.self, from: response.bodyData))?.error?.message ?? ""
            throw ProviderError("The summary provider failed (HTTP \(response.status))\(detail.isEmpty ? "" : ": " + detail.prefix(200)).")
        }
        guard let decoded = try? JSONDecoder().decode(ChatResponse.self, from: response.bodyData),
              let text = decoded.choices.first?.message.content?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty
        else {
            throw ProviderError("The summary provider answered with something that is not a chat completion.")
        }
        return text
    }
}
