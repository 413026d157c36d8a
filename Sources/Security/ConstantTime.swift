import CCrypto

/// Comparisons of secrets whose running time does not depend on where the inputs differ.
public enum ConstantTime {
    /// True when `a` and `b` hold the same bytes. Runs `CRYPTO_memcmp`, whose time depends only on the length.
    /// Inputs of different lengths return false at once: only the length (never the content) can leak, and
    /// every secret this product compares (MACs, hashes) has a public, fixed length.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                CRYPTO_memcmp(pa.baseAddress, pb.baseAddress, pa.count) == 0
            }
        }
    }
}
