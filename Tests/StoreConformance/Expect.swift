import StudyModel

/// A failed expectation inside the conformance suite, with where it happened.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public var description: String
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
    if !condition { throw ConformanceFailure(description: "line \(line): \(message())") }
}

func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String = "", line: Int = #line) throws {
    if actual != expected {
        throw ConformanceFailure(description: "line \(line): \(what) expected \(expected), got \(actual)")
    }
}

/// Expects `body` to throw a `StoreError` matching `match`.
func expectStoreError<T>(_ what: String, line: Int = #line, _ match: (StoreError) -> Bool, _ body: () async throws -> T) async throws {
    do {
        _ = try await body()
    } catch let error as StoreError {
        if !match(error) { throw ConformanceFailure(description: "line \(line): \(what): unexpected error \(error)") }
        return
    } catch {
        throw ConformanceFailure(description: "line \(line): \(what): expected a StoreError, got \(error)")
    }
    throw ConformanceFailure(description: "line \(line): \(what): expected an error, none was thrown")
}

/// Reads every page of a list.
func collect<T>(pageSize: Int, _ fetch: (PageRequest) async throws -> Page<T>) async throws -> [T] {
    var all: [T] = []
    var request = PageRequest(limit: pageSize)
    for _ in 0..<10_000 {
        let page = try await fetch(request)
        all += page.items
        guard let next = page.next else { return all }
        request = PageRequest(limit: pageSize, cursor: next)
    }
    throw ConformanceFailure(description: "pagination never ended")
}

/// A short random tag so that cases sharing one backend never see each other's records.
func uniqueTag() -> String {
    String(StudyID.make().suffix(10)).lowercased()
}

/// Timestamps a millisecond apart from a base, so "newest first" is well defined.
func time(_ offset: Int, from base: Timestamp = Timestamp(millisecondsSince1970: 1_790_000_000_000)) -> Timestamp {
    base.adding(milliseconds: Int64(offset))
}
