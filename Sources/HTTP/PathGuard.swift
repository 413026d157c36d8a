/// Refuses request paths that try to escape a directory or smuggle separators. Judged on the RAW URI as well as
/// on the decoded path, because MHD decodes the path before the handler sees it: `%2F` becomes `/`, `%00` cuts
/// the C string, `%2e%2e` becomes `..`. Scans UTF-8 bytes (it runs on every request).
enum PathGuard {
    /// A reason to refuse, or nil when the path is acceptable.
    static func problem(rawURI: String, decodedPath: String) -> String? {
        var raw = Array(rawURI.utf8)
        if let query = raw.firstIndex(of: UInt8(ascii: "?")) { raw.removeSubrange(query...) }
        // Forbidden anywhere in the raw path: %00, %2f, %5c, %25 (double encoding) and a literal backslash.
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\") { return "The path contains a forbidden sequence." }
            if byte == UInt8(ascii: "%"), index + 2 < raw.count {
                let pair = (raw[index + 1] | 0x20, raw[index + 2] | 0x20)  // ASCII lowercase
                switch pair {
                case (UInt8(ascii: "0"), UInt8(ascii: "0")), (UInt8(ascii: "2"), UInt8(ascii: "f")),
                     (UInt8(ascii: "5"), UInt8(ascii: "c")), (UInt8(ascii: "2"), UInt8(ascii: "5")):
                    return "The path contains a forbidden sequence."
                default: break
                }
            }
            index += 1
        }
        let decoded = Array(decodedPath.utf8)
        guard decoded.first == UInt8(ascii: "/"), !decoded.contains(0) else { return "The path is not absolute." }
        if hasDotSegment(decoded, encodedDots: false) || hasDotSegment(raw, encodedDots: true) {
            return "The path contains a dot segment."
        }
        return nil
    }

    /// True when a segment is "." or ".." (with `encodedDots`, also "%2e", "%2e%2e", ".%2e"…).
    private static func hasDotSegment(_ path: [UInt8], encodedDots: Bool) -> Bool {
        var dots = 0
        var other = false
        var index = 1
        func ends() -> Bool { !other && (dots == 1 || dots == 2) }
        while index <= path.count {
            if index == path.count || path[index] == UInt8(ascii: "/") {
                if ends() { return true }
                dots = 0
                other = false
                index += 1
                continue
            }
            if path[index] == UInt8(ascii: ".") {
                dots += 1
                index += 1
            } else if encodedDots, path[index] == UInt8(ascii: "%"), index + 2 < path.count,
                      path[index + 1] == UInt8(ascii: "2"), path[index + 2] | 0x20 == UInt8(ascii: "e") {
                dots += 1
                index += 3
            } else {
                other = true
                index += 1
            }
        }
        return false
    }
}
