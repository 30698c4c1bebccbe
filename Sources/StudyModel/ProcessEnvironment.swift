#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, read once from `environ` in plain Swift.
///
/// What `ProcessInfo.processInfo.environment` gives, without setting up ProcessInfo: on the
/// app's start-up path that cost ~0.8 ms of CPU (its dictionary building asks the runtime for
/// a protocol conformance, a scan of every conformance record of the static binary; issue 13).
/// A variable without `=` is skipped; of repeated names the first wins, as `getenv` does.
public enum ProcessEnvironment {
    public static let variables: [String: String] = read()

    private static func read() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }
}
