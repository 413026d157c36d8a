/// Strict RFC 8259 validation for untrusted JSON bodies, shared with the JWT parser (`StrictJSON`).
///
/// Foundation's parsers are lenient (a trailing comma, duplicate member names where the last one silently wins):
/// two components reading the same body could disagree about it. A request body is checked here first and
/// refused as a whole unless it is exactly one JSON value: no trailing commas or content, no duplicate names
/// (compared after unescaping), valid UTF-8, no unpaired surrogates or raw control characters, bounded nesting.
public enum JSONDocument {
    /// Whether `bytes` are exactly one strictly valid JSON value.
    public static func isStrictlyValid(_ bytes: [UInt8]) -> Bool {
        do {
            try StrictJSON.validateDocument(bytes)
            return true
        } catch {
            return false
        }
    }
}
