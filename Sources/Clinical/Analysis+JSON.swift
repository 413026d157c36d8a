import Foundation

extension Analysis {
    /// analysis.json: UTF-8, pretty-printed, keys sorted, every absent value written as null.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
