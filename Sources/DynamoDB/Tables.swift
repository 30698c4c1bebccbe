import Foundation

/// Key attribute types.
public enum AttributeType: String, Sendable, Equatable {
    case string = "S"
    case number = "N"
    case binary = "B"
}

/// A key attribute: its name and type.
public struct KeyAttribute: Sendable, Equatable {
    public var name: String
    public var type: AttributeType
    public init(_ name: String, _ type: AttributeType = .string) {
        self.name = name
        self.type = type
    }
}

/// A global secondary index projecting all attributes.
public struct GlobalSecondaryIndex: Sendable, Equatable {
    public var name: String
    public var partitionKey: KeyAttribute
    public var sortKey: KeyAttribute?
    public init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil) {
        self.name = name
        self.partitionKey = partitionKey
        self.sortKey = sortKey
    }
}

/// What `createTable` creates: on-demand (PAY_PER_REQUEST) billing, GSIs projecting ALL.
public struct TableDefinition: Sendable, Equatable {
    public var name: String
    public var partitionKey: KeyAttribute
    public var sortKey: KeyAttribute?
    public var globalSecondaryIndexes: [GlobalSecondaryIndex]

    public init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, globalSecondaryIndexes: [GlobalSecondaryIndex] = []) {
        self.name = name
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }

    /// Every key attribute of the table and its indexes, once each.
    var attributeDefinitions: [KeyAttribute] {
        var seen: [String: KeyAttribute] = [:]
        var order: [String] = []
        for key in [partitionKey] + [sortKey].compactMap({ $0 }) + globalSecondaryIndexes.flatMap({ [$0.partitionKey] + [$0.sortKey].compactMap { $0 } }) {
            if seen[key.name] == nil { order.append(key.name) }
            seen[key.name] = key
        }
        return order.compactMap { seen[$0] }
    }
}

/// The parts of DescribeTable's answer that StudyCircle uses.
public struct TableDescription: Sendable, Equatable {
    public struct Index: Sendable, Equatable {
        public var name: String
        public var status: String
        public var partitionKey: String?
        public var sortKey: String?
    }
    public var name: String
    /// `CREATING`, `ACTIVE`, `DELETING`, `UPDATING`, ...
    public var status: String
    public var partitionKey: String?
    public var sortKey: String?
    public var attributeTypes: [String: AttributeType]
    public var globalSecondaryIndexes: [Index]
    public var itemCount: Int?
    public var billingMode: String?
    public var arn: String?

    /// True when the table and all its indexes are ACTIVE.
    public var isActive: Bool { status == "ACTIVE" && globalSecondaryIndexes.allSatisfy { $0.status == "ACTIVE" } }

    init(json: JSON) {
        func keys(_ schema: JSON?) -> (String?, String?) {
            var hash: String?, range: String?
            for element in schema?.arrayValue ?? [] {
                if element["KeyType"]?.stringValue == "HASH" { hash = element["AttributeName"]?.stringValue }
                if element["KeyType"]?.stringValue == "RANGE" { range = element["AttributeName"]?.stringValue }
            }
            return (hash, range)
        }
        name = json["TableName"]?.stringValue ?? ""
        status = json["TableStatus"]?.stringValue ?? "UNKNOWN"
        (partitionKey, sortKey) = keys(json["KeySchema"])
        var types: [String: AttributeType] = [:]
        for definition in json["AttributeDefinitions"]?.arrayValue ?? [] {
            if let n = definition["AttributeName"]?.stringValue, let t = definition["AttributeType"]?.stringValue.flatMap(AttributeType.init(rawValue:)) {
                types[n] = t
            }
        }
        attributeTypes = types
        globalSecondaryIndexes = (json["GlobalSecondaryIndexes"]?.arrayValue ?? []).map { index in
            let (h, r) = keys(index["KeySchema"])
            // Some servers (moto, DynamoDB Local) omit IndexStatus; absent means usable.
            return Index(name: index["IndexName"]?.stringValue ?? "", status: index["IndexStatus"]?.stringValue ?? "ACTIVE", partitionKey: h, sortKey: r)
        }
        itemCount = json["ItemCount"]?.intValue
        billingMode = json["BillingModeSummary"]?["BillingMode"]?.stringValue
        arn = json["TableArn"]?.stringValue
    }
}

extension DynamoDBClient {
    /// Creates a table with on-demand billing and its GSIs (projection ALL).
    /// - Throws: `DynamoDBError` `ResourceInUseException` if it already exists.
    @discardableResult
    public func createTable(_ table: TableDefinition) async throws -> TableDescription {
        func keySchema(_ hash: KeyAttribute, _ range: KeyAttribute?) -> JSON {
            var elements: [JSON] = [.object(["AttributeName": .string(hash.name), "KeyType": .string("HASH")])]
            if let range { elements.append(.object(["AttributeName": .string(range.name), "KeyType": .string("RANGE")])) }
            return .array(elements)
        }
        var w = JSONObjectWriter()
        w.string("TableName", table.name)
        w.string("BillingMode", "PAY_PER_REQUEST")
        w.json("AttributeDefinitions", .array(table.attributeDefinitions.map {
            .object(["AttributeName": .string($0.name), "AttributeType": .string($0.type.rawValue)])
        }))
        w.json("KeySchema", keySchema(table.partitionKey, table.sortKey))
        if !table.globalSecondaryIndexes.isEmpty {
            w.json("GlobalSecondaryIndexes", .array(table.globalSecondaryIndexes.map {
                .object([
                    "IndexName": .string($0.name),
                    "KeySchema": keySchema($0.partitionKey, $0.sortKey),
                    "Projection": .object(["ProjectionType": .string("ALL")]),
                ])
            }))
        }
        // Not idempotent by DynamoDB's rules (a repeat says ResourceInUse), but a repeat cannot
        // create a second table, so a lost answer may be retried; the caller treats
        // ResourceInUse as "exists".
        let answer = try await call("CreateTable", body: w.finish(), table: table.name)
        return TableDescription(json: answer["TableDescription"] ?? .null)
    }

    /// Describes a table. - Throws: `ResourceNotFoundException` if it does not exist.
    public func describeTable(_ name: String) async throws -> TableDescription {
        var w = JSONObjectWriter()
        w.string("TableName", name)
        let answer = try await call("DescribeTable", body: w.finish(), table: name)
        return TableDescription(json: answer["Table"] ?? .null)
    }

    /// Polls until the table and its indexes are ACTIVE.
    /// - Throws: a `DynamoDBError` with code `Timeout` if that takes longer than `timeout`.
    @discardableResult
    public func waitUntilActive(_ name: String, timeout: Duration = .seconds(120), pollInterval: Duration = .milliseconds(500)) async throws -> TableDescription {
        var waited: Duration = .zero
        while true {
            let description = try await describeTable(name)
            if description.isActive { return description }
            if waited >= timeout {
                throw DynamoDBError(code: "Timeout", message: "Table \(name) is still \(description.status) after \(timeout).",
                                    operation: "WaitUntilActive", tableName: name, endpoint: endpoint)
            }
            try await retry.sleep(pollInterval)
            waited += pollInterval
        }
    }

    /// One page of table names, starting after `startAfter`.
    public func listTablesPage(startAfter: String? = nil, limit: Int? = nil) async throws -> (names: [String], lastEvaluated: String?) {
        var w = JSONObjectWriter()
        w.string("ExclusiveStartTableName", startAfter)
        w.int("Limit", limit)
        let answer = try await call("ListTables", body: w.finish(), table: nil)
        let names = answer["TableNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return (names, answer["LastEvaluatedTableName"]?.stringValue)
    }

    /// All table names (following `LastEvaluatedTableName`), optionally only those starting with `prefix`.
    public func listTables(prefix: String? = nil, pageSize: Int? = nil) async throws -> [String] {
        var all: [String] = []
        var start: String? = nil
        repeat {
            let page = try await listTablesPage(startAfter: start, limit: pageSize)
            all += page.names
            start = page.lastEvaluated
        } while start != nil
        guard let prefix else { return all }
        return all.filter { $0.hasPrefix(prefix) }
    }

    /// Deletes a table. - Throws: `ResourceNotFoundException` if it does not exist.
    public func deleteTable(_ name: String) async throws {
        var w = JSONObjectWriter()
        w.string("TableName", name)
        _ = try await call("DeleteTable", body: w.finish(), table: name)
    }
}
