import DynamoDB

/// Compares an existing table with what the app needs (keys and GSIs), for `doctor`: an
/// existing deployment's tables (mapped with `[dynamodb.tables]`) may lack an index the app
/// queries, and then the student should hear which one, not a failed query later.
enum SchemaCheck {
    /// What `found` lacks of `needed`, one phrase each; empty when it has everything.
    static func problems(needed: TableDefinition, found: TableDescription) -> [String] {
        var problems: [String] = []
        let wantedKey = describe(needed.partitionKey.name, needed.sortKey?.name)
        let foundKey = describe(found.partitionKey, found.sortKey)
        if found.partitionKey != needed.partitionKey.name || found.sortKey != needed.sortKey?.name {
            problems.append("its key is \(foundKey), the app needs \(wantedKey)")
        }
        for index in needed.globalSecondaryIndexes {
            let wanted = describe(index.partitionKey.name, index.sortKey?.name)
            guard let existing = found.globalSecondaryIndexes.first(where: { $0.name == index.name }) else {
                problems.append("index \(index.name)\(wanted) is missing")
                continue
            }
            if existing.partitionKey != index.partitionKey.name || existing.sortKey != index.sortKey?.name {
                problems.append("index \(index.name) is on \(describe(existing.partitionKey, existing.sortKey)), the app needs \(wanted)")
            }
        }
        return problems
    }

    static func describe(_ partition: String?, _ sort: String?) -> String {
        "(" + [partition ?? "?", sort].compactMap { $0 }.joined(separator: ", ") + ")"
    }

    static func fix(table: String, logical: String?, mapped: Bool) -> String {
        var text = "Add the missing indexes to \(table) (AWS console, or `aws dynamodb update-table --table-name \(table) --global-secondary-index-updates …`)"
        if mapped, let logical {
            text += ", or map `\(logical)` to another table ([dynamodb.tables] in config.toml or DYNAMODB_TABLE_\(logical.uppercased()))"
        }
        return text + ". `studycircle setup` creates missing tables but never changes existing ones."
    }
}
