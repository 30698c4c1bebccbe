import CCurl
import Dispatch
import Foundation
import StudyModel

/// An `HTTPTransport` on libcurl.
///
/// - Connections, DNS answers and TLS sessions are shared between requests through one curl share
///   handle, and easy handles are kept in a small pool, so a steady stream of requests to one
///   host reuses one warm keep-alive connection instead of reconnecting.
/// - `curl_easy_perform` blocks. A request runs on the calling thread while fewer than
///   `inlineLimit` others do (by default one less than the number of cores, so the cooperative
///   pool always keeps a free thread); beyond that it runs on a dedicated concurrent dispatch
///   queue and the calling task is suspended on a continuation meanwhile. Running inline saves
///   two thread hand-offs per request (a wake-up and a context switch each way), which were a
///   quarter of the client's CPU per request against a local server and more on a busy machine.
/// - Every failure becomes a `TransportError` with a kind the caller can act on.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: the mutable state (idle handle list, inline count) lives in `pool`, reached only
    // under its lock; the share handle is internally locked by libcurl through the callbacks
    // installed in sc_curl_share_new.
    private let pool = Mutex(Pool())
    private let maxIdleHandles: Int
    /// How many requests may block their calling threads at once.
    public let inlineLimit: Int
    private let share: UnsafeMutablePointer<sc_curl_share>?
    private let queue = DispatchQueue(label: "StudyHTTP.curl", qos: .userInitiated, attributes: .concurrent)
    /// Timeouts for requests that do not set their own.
    public let defaultTimeouts: HTTPTimeouts
    private let userAgent: String

    /// Handles kept for reuse and how many requests run on their callers' threads now.
    private struct Pool {
        var idle: [EasyHandle] = []
        var inlineRunning = 0
    }

    private static let globalInit: Bool = {
        sc_curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// - Parameters:
    ///   - timeouts: default connect and total timeouts.
    ///   - maxIdleHandles: how many idle curl handles to keep for reuse.
    ///   - userAgent: the `User-Agent` header value.
    ///   - inlineLimit: how many requests may run on their callers' threads at once; nil for one
    ///     less than the number of active cores, 0 to always use the transport's own queue.
    public init(timeouts: HTTPTimeouts = HTTPTimeouts(), maxIdleHandles: Int = 8, userAgent: String = "StudyCircle/1.0",
                inlineLimit: Int? = nil) {
        _ = Self.globalInit
        self.defaultTimeouts = timeouts
        self.maxIdleHandles = max(1, maxIdleHandles)
        self.inlineLimit = max(0, inlineLimit ?? ProcessInfo.processInfo.activeProcessorCount - 1)
        self.userAgent = userAgent
        self.share = sc_curl_share_new()
    }

    deinit {
        for handle in pool.withLock({ $0.idle }) { handle.close() }
        pool.withLock { $0.idle.removeAll() }
        sc_curl_share_free(share)
    }

    #if compiler(>=6.2)
    /// Sends `request`; runs on a thread of the global concurrent executor (never the caller's
    /// actor), so blocking it inline never holds up the main actor.
    @concurrent
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await sendOffActor(request) }
    #else
    /// Sends `request`; like every nonisolated async function before Swift 6.2 it runs on the
    /// global concurrent executor, never the caller's actor.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await sendOffActor(request) }
    #endif

    private func sendOffActor(_ request: HTTPRequest) async throws -> HTTPResponse {
        if takeInlineSlot() {
            defer { pool.withLock { $0.inlineRunning -= 1 } }
            return try sendBlocking(request)
        }
        return try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<HTTPResponse, any Error>) in
            queue.async {
                continuation.resume(with: Result { try self.sendBlocking(request) })
            }
        }
    }

    /// Sends on the calling thread. For code that is not async; from an async context use
    /// `send`, which blocks a cooperative thread only within `inlineLimit`.
    public func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        let handle = try checkOut(url: request.url)
        defer { checkIn(handle) }
        return try handle.perform(request, timeouts: request.timeouts ?? defaultTimeouts, share: share, userAgent: userAgent)
    }

    private func takeInlineSlot() -> Bool {
        pool.withLock { pool in
            guard pool.inlineRunning < inlineLimit else { return false }
            pool.inlineRunning += 1
            return true
        }
    }

    private func checkOut(url: String) throws -> EasyHandle {
        let reused = pool.withLock { $0.idle.popLast() }
        if let reused { return reused }
        guard let handle = EasyHandle() else {
            throw TransportError(kind: .other, host: Self.host(of: url), detail: "libcurl could not create a handle (out of memory?)")
        }
        return handle
    }

    private func checkIn(_ handle: EasyHandle) {
        let kept = pool.withLock { pool -> Bool in
            guard pool.idle.count < maxIdleHandles else { return false }
            pool.idle.append(handle)
            return true
        }
        if !kept { handle.close() }
    }

    /// The `host[:port]` part of an absolute URL, for messages.
    static func host(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        return String(rest[..<end])
    }
}

/// Collects one response while curl calls back into Swift.
private final class ResponseCollector {
    var headers = HTTPHeaders()
    var body: [UInt8] = []

    func reset() {
        headers = HTTPHeaders()
        body = []
    }

    /// One raw header line from curl, with its CRLF. Parsed on bytes: in Swift "\r\n" is a
    /// single Character, so character-level trimming is easy to get wrong.
    func headerLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0d || b == 0x0a }
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return }
        if end >= 5, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"), bytes[2] == UInt8(ascii: "T"),
           bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/") {
            // A new status line (after a redirect or `100 Continue`): only the final response counts.
            headers = HTTPHeaders()
            return
        }
        guard let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
        var nameEnd = colon
        while nameEnd > 0, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, isSpace(bytes[valueStart]) { valueStart += 1 }
        headers.add(String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<nameEnd]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self))
    }
}

private let writeBody: sc_curl_data_cb = { pointer, size, count, userdata in
    let length = size * count
    guard let pointer, let userdata else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userdata).takeUnretainedValue()
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        collector.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

private let writeHeader: sc_curl_data_cb = { pointer, size, count, userdata in
    let length = size * count
    guard let pointer, let userdata else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userdata).takeUnretainedValue()
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        collector.headerLine(UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

/// One curl easy handle plus its error buffer. Used by one thread at a time (pool discipline).
///
/// Every request starts from a reset handle, so no option of one request leaks into the next.
/// (Keeping options between requests saved little and, in a trial with CURLOPT_PROXY set to "",
/// corrupted the heap with libcurl 7.88; the reset costs a few microseconds.)
private final class EasyHandle {
    private var curl: UnsafeMutableRawPointer?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Filled by curl's callbacks during one request; its address is the callbacks' userdata.
    private let collector = ResponseCollector()

    init?() {
        guard let curl = sc_curl_easy_init() else { return nil }
        self.curl = curl
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    func close() {
        if let curl { sc_curl_easy_cleanup(curl) }
        curl = nil
    }

    deinit {
        close()
        errorBuffer.deallocate()
    }

    /// Resets the handle and sets the options every request shares, and the method's.
    /// Reset keeps the handle's connection cache and DNS cache but clears every option.
    private func prepare(_ curl: UnsafeMutableRawPointer, method: String, share: UnsafeMutablePointer<sc_curl_share>?, userAgent: String) {
        sc_curl_easy_reset(curl)
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()
        _ = sc_curl_setopt_str(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = sc_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1)  // no SIGALRM for timeouts: we are multithreaded
        _ = sc_curl_setopt_long(curl, CURLOPT_TCP_NODELAY, 1)
        _ = sc_curl_setopt_long(curl, CURLOPT_TCP_KEEPALIVE, 1)
        _ = sc_curl_setopt_ptr(curl, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = sc_curl_setopt_str(curl, CURLOPT_USERAGENT, userAgent)
        if let share { _ = sc_curl_use_share(curl, share) }
        _ = sc_curl_setopt_write(curl, CURLOPT_WRITEFUNCTION, writeBody)
        _ = sc_curl_setopt_ptr(curl, CURLOPT_WRITEDATA, collectorPointer)
        _ = sc_curl_setopt_write(curl, CURLOPT_HEADERFUNCTION, writeHeader)
        _ = sc_curl_setopt_ptr(curl, CURLOPT_HEADERDATA, collectorPointer)
        switch method {
        case "GET": break
        case "HEAD": _ = sc_curl_setopt_long(curl, CURLOPT_NOBODY, 1)
        case "POST": _ = sc_curl_setopt_long(curl, CURLOPT_POST, 1)
        default: _ = sc_curl_setopt_str(curl, CURLOPT_CUSTOMREQUEST, method)
        }
    }

    func perform(_ request: HTTPRequest, timeouts: HTTPTimeouts, share: UnsafeMutablePointer<sc_curl_share>?,
                 userAgent: String) throws -> HTTPResponse {
        guard let curl else { throw TransportError(kind: .other, host: CurlTransport.host(of: request.url), detail: "handle already closed") }
        let method = request.method
        prepare(curl, method: method, share: share, userAgent: userAgent)
        errorBuffer[0] = 0
        collector.reset()

        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { sc_curl_slist_free_all(headerList) }
        var line = [CChar]()
        for field in request.headers {
            line.removeAll(keepingCapacity: true)
            for byte in field.name.utf8 { line.append(CChar(bitPattern: byte)) }
            line.append(CChar(UInt8(ascii: ":")))
            line.append(CChar(UInt8(ascii: " ")))
            for byte in field.value.utf8 { line.append(CChar(bitPattern: byte)) }
            line.append(0)
            headerList = sc_curl_slist_append(headerList, line)  // copies the line
        }
        // curl would otherwise send `Expect: 100-continue` for bodies over 1 KiB and wait a round trip.
        headerList = sc_curl_slist_append(headerList, "Expect:")

        _ = sc_curl_setopt_str(curl, CURLOPT_URL, request.url)
        _ = sc_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(timeouts.connect))
        _ = sc_curl_setopt_long(curl, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeouts.total))
        // On a fresh connection libcurl never resends on its own (see HTTPRequest.isIdempotent).
        _ = sc_curl_setopt_long(curl, CURLOPT_FRESH_CONNECT, request.isIdempotent ? 0 : 1)
        _ = sc_curl_setopt_ptr(curl, CURLOPT_HTTPHEADER, headerList)
        // The list and the body live only during this call: curl must not keep pointers to them.
        defer { _ = sc_curl_setopt_ptr(curl, CURLOPT_HTTPHEADER, nil) }

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            if method != "GET" && method != "HEAD" {
                // POSTFIELDS does not copy: `body` stays alive for the whole perform call.
                _ = sc_curl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                _ = sc_curl_setopt_ptr(curl, CURLOPT_POSTFIELDS,
                                       UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafePointer(bitPattern: 1)))
            }
            let code = sc_curl_easy_perform(curl)
            if method != "GET" && method != "HEAD" { _ = sc_curl_setopt_ptr(curl, CURLOPT_POSTFIELDS, nil) }
            return code
        }

        guard code == CURLE_OK else {
            collector.reset()
            throw transportError(code, host: CurlTransport.host(of: request.url), curl: curl)
        }
        var status = 0
        _ = sc_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        let response = HTTPResponse(status: status, headers: collector.headers, body: collector.body)
        collector.reset()  // the next response starts from empty buffers, not copies of these
        return response
    }

    private func transportError(_ code: CURLcode, host: String, curl: UnsafeMutableRawPointer) -> TransportError {
        let buffered = String(cString: errorBuffer)
        let detail = buffered.isEmpty ? String(cString: sc_curl_easy_strerror(code)) : buffered
        // How many request bytes curl wrote: zero means the server cannot have seen the request.
        var sent = 0
        _ = sc_curl_getinfo_long(curl, CURLINFO_REQUEST_SIZE, &sent)
        let kind: TransportError.Kind
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: kind = .dnsFailure
        case CURLE_COULDNT_CONNECT: kind = .connectionRefused
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: kind = .connectionReset
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_USE_SSL_FAILED:
            kind = .tls
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: kind = .invalidURL
        default: kind = .other
        }
        return TransportError(kind: kind, host: host, detail: detail, requestMayHaveBeenSent: kind == .dnsFailure || kind == .connectionRefused || kind == .invalidURL ? false : sent > 0)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
