import CCrypto

/// The CSPRNG: OpenSSL's `RAND_bytes` (seeded from the kernel's getrandom). Every key, salt, nonce prefix,
/// token id and refresh token in the product comes from here.
public enum SecureRandom {
    /// `count` random bytes. Throws when the generator is not seeded or fails: never returns weak bytes.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "SecureRandom.bytes: count out of range")
        if count == 0 { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let rc = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard rc == 1 else { throw CryptoError.openSSL("RAND_bytes") }
        return out
    }

    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        precondition(buffer.count <= Int(Int32.max))
        guard RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(buffer.count)) == 1 else {
            throw CryptoError.openSSL("RAND_bytes")
        }
    }
}
