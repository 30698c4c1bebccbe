/// Writes one JSON object member by member straight into bytes: request bodies are built this
/// way so that items go from `AttributeValue` to wire bytes without an intermediate tree.
struct JSONObjectWriter {
    private(set) var bytes: [UInt8]
    private var first = true

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.string(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        JSONWriter.string(value, to: &bytes)
    }

    mutating func bool(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func int(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func item(_ name: String, _ value: Item?) {
        guard let value else { return }
        key(name)
        AttributeValue.writeMap(value, to: &bytes)
    }

    mutating func json(_ name: String, _ value: JSON?) {
        guard let value else { return }
        key(name)
        value.write(to: &bytes)
    }

    /// Raw, already-serialized JSON.
    mutating func raw(_ name: String, _ value: [UInt8]) {
        key(name)
        bytes.append(contentsOf: value)
    }

    /// `ExpressionAttributeNames` and `ExpressionAttributeValues`, when there are any.
    mutating func expressions(_ builder: ExpressionBuilder) {
        if !builder.names.isEmpty {
            key("ExpressionAttributeNames")
            JSON.object(builder.names.mapValues(JSON.string)).write(to: &bytes)
        }
        if !builder.values.isEmpty { item("ExpressionAttributeValues", builder.values) }
    }

    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
