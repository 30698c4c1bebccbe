import Foundation

/// The one lock type of the project: a value that several threads share, reached only inside
/// `withLock`.
///
/// It is `Sendable` only when the value it guards is, so a non-`Sendable` value cannot leak to
/// another thread through the lock. For small bookkeeping only: nothing inside `withLock` may
/// block or await. (Synchronization's `Mutex` would do the same but is `~Copyable` and
/// unconditionally `Sendable`, which is the wrong promise for the non-`Sendable` case.)
public final class Mutex<Value> {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value while holding the lock.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Mutex: @unchecked Sendable where Value: Sendable {}
