import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's `EVP_Digest`.
///
/// A digest failure (only possible when OpenSSL cannot allocate or its default provider is missing) throws
/// `CryptoError` with code `.openSSL`; it never returns a partial or zero digest.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of the bytes in `data`.
    public static func hash(_ data: UnsafeRawBufferPointer) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        // EVP_Digest needs a non-null pointer even for empty input.
        let empty: UInt8 = 0
        let rc = withUnsafePointer(to: empty) { emptyPointer in
            digest.withUnsafeMutableBufferPointer { out in
                EVP_Digest(data.baseAddress ?? UnsafeRawPointer(emptyPointer), data.count,
                           out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        guard rc == 1, length == UInt32(byteCount) else { throw CryptoError.openSSL("EVP_Digest") }
        return digest
    }

    /// The SHA-256 digest of `data` (any byte collection: `[UInt8]`, `String.UTF8View`, `Data`, slices).
    public static func hash<D: Collection<UInt8>>(_ data: D) throws -> [UInt8] {
        if let result = try data.withContiguousStorageIfAvailable({ try hash(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(data).withUnsafeBytes { try hash($0) }
    }
}
