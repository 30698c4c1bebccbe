import DynamoTestSupport
import Foundation
import StudyModel
import StudyStore
import StudyStoreMongo

/// Where the MongoDB tests run: the wire-protocol stand-in (always), and a real server when
/// `STUDYCIRCLE_TEST_MONGODB_URI` is set.
enum MongoTarget: String, CaseIterable, Sendable, CustomStringConvertible {
    case standIn = "stand-in"
    case real = "real server"

    var description: String { rawValue }

    /// The targets of this run: the real server only when configured.
    static var active: [MongoTarget] {
        ProcessInfo.processInfo.environment["STUDYCIRCLE_TEST_MONGODB_URI"].map { $0.isEmpty ? [.standIn] : [.standIn, .real] } ?? [.standIn]
    }

    /// A URI for a database of its own (`label` plus a unique suffix).
    func uri(_ label: String) async throws -> String {
        let database = "sct-\(label)-\(StudyID.make().suffix(8).lowercased())"
        switch self {
        case .standIn:
            return try await SharedMongoStandIn.shared.get().uri(database: database)
        case .real:
            let base = ProcessInfo.processInfo.environment["STUDYCIRCLE_TEST_MONGODB_URI"] ?? ""
            return Self.replacingDatabase(in: base, with: database)
        }
    }

    /// `mongodb://h:1/old?x=1` → `mongodb://h:1/NEW?x=1`.
    static func replacingDatabase(in uri: String, with database: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let host = uri[uri.startIndex..<hostEnd]
        var options = ""
        if let question = rest.firstIndex(of: "?") { options = String(rest[question...]) }
        return host + "/" + database + options
    }
}

/// One store per target for the whole run, its indexes created once.
actor MongoFixture {
    static let shared = MongoFixture()
    private var stores: [MongoTarget: Task<StudyStore, any Error>] = [:]

    func store(_ target: MongoTarget) async throws -> StudyStore {
        if let task = stores[target] { return try await task.value }
        let task = Task { try await MongoStore.open(uri: try await target.uri("conf")) }
        stores[target] = task
        return try await task.value
    }
}
