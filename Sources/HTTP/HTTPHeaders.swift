/// Request or response header fields. Names compare case-insensitively (they are stored lowercased);
/// order and repeated fields are kept.
public struct HTTPHeaders: Sendable, Sequence {
    private var fields: [(name: String, value: String)] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name: name, value: value) }
    }

    public mutating func add(name: String, value: String) {
        fields.append((name.lowercased(), value))
    }

    /// Replaces every field called `name` with one.
    public mutating func set(name: String, value: String) {
        let lower = name.lowercased()
        fields.removeAll { $0.name == lower }
        fields.append((lower, value))
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.name == lower }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}
