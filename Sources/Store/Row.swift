/// One result row, by column name.
public struct Row: Sendable {
    let columns: [String: Int]
    let values: [SQLValue]

    public subscript(_ name: String) -> SQLValue {
        guard let index = columns[name] else { preconditionFailure("no column '\(name)' in the result") }
        return values[index]
    }

    public func int(_ name: String) -> Int64? { self[name].int }
    public func string(_ name: String) -> String? { self[name].string }
    public func bytes(_ name: String) -> [UInt8]? { self[name].bytes }
    public func double(_ name: String) -> Double? { self[name].double }
}
