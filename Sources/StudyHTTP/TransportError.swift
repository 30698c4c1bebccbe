/// Why an HTTP exchange produced no response. Each case carries the host and the
/// underlying library's detail; `description` says in plain words what to check.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, for deciding whether to retry and what to tell the user.
    public enum Kind: String, Sendable, Equatable {
        /// The host name could not be resolved.
        case dnsFailure
        /// Nothing accepted the connection (closed port, host down, firewall).
        case connectionRefused
        /// The connection broke after it was established (reset, closed early, empty reply).
        case connectionReset
        /// The connect or total timeout ran out.
        case timeout
        /// TLS handshake or certificate verification failed.
        case tls
        /// The URL is malformed or uses an unsupported scheme.
        case invalidURL
        /// Anything else.
        case other
    }

    public var kind: Kind
    /// The URL's host (and port), to name in messages.
    public var host: String
    /// Detail from the HTTP library, for logs.
    public var detail: String
    /// True when the request may have reached the server before the failure, so a retry
    /// could apply it twice (a reset or timeout after sending). False when it certainly
    /// did not (DNS failure, refused connection).
    public var requestMayHaveBeenSent: Bool

    public init(kind: Kind, host: String, detail: String, requestMayHaveBeenSent: Bool? = nil) {
        self.kind = kind
        self.host = host
        self.detail = detail
        switch kind {
        case .dnsFailure, .connectionRefused, .invalidURL: self.requestMayHaveBeenSent = requestMayHaveBeenSent ?? false
        default: self.requestMayHaveBeenSent = requestMayHaveBeenSent ?? true
        }
    }

    public var description: String {
        switch kind {
        case .dnsFailure:
            return "Could not find the host '\(host)' (DNS lookup failed). Check the endpoint URL and region, and your network connection. (\(detail))"
        case .connectionRefused:
            return "Could not connect to \(host): nothing is listening there or the network is down. Check the endpoint URL and that the server is running. (\(detail))"
        case .connectionReset:
            return "The connection to \(host) was cut off before a full answer arrived. This is usually a network problem; try again. (\(detail))"
        case .timeout:
            return "\(host) did not answer in time. The network may be slow or the server overloaded; try again. (\(detail))"
        case .tls:
            return "A secure (TLS) connection to \(host) could not be established: the certificate or TLS setup is not accepted. Check the endpoint URL and the system's CA certificates. (\(detail))"
        case .invalidURL:
            return "The URL for \(host) is not valid: \(detail)"
        case .other:
            return "The request to \(host) failed: \(detail)"
        }
    }
}
