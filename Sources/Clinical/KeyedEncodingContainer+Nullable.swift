extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit JSON null when it is nil: analysis.json keeps every key, with null for
    /// "not stated", so a reader can tell "not said" from "not looked for".
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
