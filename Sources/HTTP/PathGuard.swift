/// Refuses request paths that try to escape a directory or smuggle separators. Judged on the RAW URI as well as
/// on the decoded path, because MHD decodes the path before the handler sees it: `%2F` becomes `/`, `%00` cuts
/// the C string, `%2e%2e` becomes `..`.
enum PathGuard {
    /// A reason to refuse, or nil when the path is acceptable.
    static func problem(rawURI: String, decodedPath: String) -> String? {
        let rawPath = rawURI.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first
            .map(String.init) ?? ""
        let lowered = rawPath.lowercased()
        for bad in ["%00", "%2f", "%5c", "\\", "%25"] where lowered.contains(bad) {
            return "The path contains a forbidden sequence."
        }
        guard decodedPath.hasPrefix("/"), !decodedPath.utf8.contains(0) else {
            return "The path is not absolute."
        }
        for segment in decodedPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        where segment == ".." || segment == "." {
            return "The path contains a dot segment."
        }
        // Dot segments in the raw form too (some clients normalize; we refuse rather than guess).
        for segment in lowered.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let undotted = segment.replacingOccurrences(of: "%2e", with: ".")
            if undotted == ".." || undotted == "." { return "The path contains a dot segment." }
        }
        return nil
    }
}
