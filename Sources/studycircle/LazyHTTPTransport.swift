import StudyHTTP
import StudyModel

/// A `CurlTransport` made on the first request, not when the client holding it is built.
///
/// The app builds its code runner and provider client at start, and a `CurlTransport` loads
/// libcurl (with its TLS, Kerberos and LDAP libraries) and initialises OpenSSL when made: some
/// 4 MB resident and several milliseconds before the first frame, for features most sessions
/// never use (issue 13).
final class LazyHTTPTransport: HTTPTransport, Sendable {
    private let made = Mutex<CurlTransport?>(nil)

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let transport = made.withLock({ $0 }) { return try await transport.send(request) }
        // Made outside the lock (it loads libcurl); of two made at once, the first kept wins.
        let fresh = CurlTransport()
        let transport = made.withLock { made in
            if let made { return made }
            made = fresh
            return fresh
        }
        return try await transport.send(request)
    }
}
