/// A setting that cannot be used, naming the key, its value and where it came from.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var source: String
    public var problem: String

    public init(key: String, value: String, source: String, problem: String) {
        self.key = key
        self.value = value
        self.source = source
        self.problem = problem
    }

    public var description: String {
        "Configuration error: \(key) = '\(value)' (from \(source)) \(problem)."
    }
}
