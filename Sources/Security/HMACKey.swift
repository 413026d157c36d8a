import CCrypto

/// An HMAC-SHA256 key (RFC 2104 / FIPS 198-1), held by OpenSSL 3 as a pre-keyed `EVP_MAC_CTX`.
///
/// Each MAC duplicates the pre-keyed context (`EVP_MAC_CTX_dup`), so the key schedule (the inner and outer padded
/// key hashes) is computed once at `init` rather than on every call: about twice as fast as one-shot `HMAC()`.
///
/// Thread safety (why `@unchecked Sendable` is sound): `context` is written only in `init` (by `EVP_MAC_init`)
/// and freed only in `deinit`, when no other reference exists. Between the two, the only operation on it is
/// `EVP_MAC_CTX_dup`, which takes a `const EVP_MAC_CTX *` and only reads the source: in OpenSSL 3.0 it copies the
/// HMAC provider state (`HMAC_CTX_copy` -> `EVP_MD_CTX_copy_ex` from the source's digest contexts) and bumps
/// reference counts with atomic up-refs. Every update and final happens on the private duplicate owned by the
/// calling thread. So any number of threads may MAC with one instance at once (tested with many threads).
public final class HMACKey: @unchecked Sendable {
    /// The MAC length in bytes (HMAC-SHA256).
    public static let macByteCount = 32

    private let mac: OpaquePointer      // EVP_MAC *
    private let context: OpaquePointer  // EVP_MAC_CTX *, keyed; never updated after init

    /// Keys an HMAC-SHA256 context with `key`. The key must not be empty; the product uses 32 random bytes.
    /// OpenSSL keeps its own copy of the key (freed with the context); `key` itself is the caller's to wipe.
    public init(key: [UInt8]) throws {
        guard !key.isEmpty else {
            throw CryptoError(.invalidKey, operation: "HMACKey.init", detail: "empty key")
        }
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { throw CryptoError.openSSL("EVP_MAC_fetch") }
        guard let context = EVP_MAC_CTX_new(mac) else {
            EVP_MAC_free(mac)
            throw CryptoError.openSSL("EVP_MAC_CTX_new")
        }
        var digestName = Array("SHA256".utf8CString)
        let rc = digestName.withUnsafeMutableBufferPointer { name in
            var params = [
                OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name.baseAddress, 0),
                OSSL_PARAM_construct_end(),
            ]
            return key.withUnsafeBufferPointer { k in
                EVP_MAC_init(context, k.baseAddress, k.count, &params)
            }
        }
        guard rc == 1, EVP_MAC_CTX_get_mac_size(context) == Self.macByteCount else {
            let error = CryptoError.openSSL("EVP_MAC_init")
            EVP_MAC_CTX_free(context)
            EVP_MAC_free(mac)
            throw error
        }
        self.mac = mac
        self.context = context
    }

    deinit {
        EVP_MAC_CTX_free(context)
        EVP_MAC_free(mac)
    }

    /// The HMAC-SHA256 of `data` (32 bytes).
    public func authenticationCode(for data: UnsafeRawBufferPointer) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.macByteCount)
        let failedOperation = out.withUnsafeMutableBufferPointer { compute(data, into: $0.baseAddress!) }
        if let failedOperation { throw CryptoError.openSSL(failedOperation) }
        return out
    }

    /// The HMAC-SHA256 of a byte collection (`[UInt8]`, a slice, `String.UTF8View`…).
    public func authenticationCode<D: Collection<UInt8>>(for data: D) throws -> [UInt8] {
        if let result = try data.withContiguousStorageIfAvailable({
            try authenticationCode(for: UnsafeRawBufferPointer($0))
        }) {
            return result
        }
        return try Array(data).withUnsafeBytes { try authenticationCode(for: $0) }
    }

    /// The HMAC-SHA256 of the UTF-8 bytes of `string`.
    public func authenticationCode(for string: some StringProtocol) throws -> [UInt8] {
        try authenticationCode(for: string.utf8)
    }

    /// True when `mac` is the HMAC-SHA256 of `data`. The comparison is constant time (`CRYPTO_memcmp`); a
    /// `mac` of the wrong length, or a failure inside OpenSSL, returns false.
    public func isValidAuthenticationCode(_ mac: [UInt8], for data: UnsafeRawBufferPointer) -> Bool {
        guard mac.count == Self.macByteCount else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.macByteCount) { expected in
            guard let base = expected.baseAddress else { return false }
            if let failedOperation = compute(data, into: base) {
                _ = CryptoError.openSSL(failedOperation)  // drain this thread's OpenSSL error queue
                return false
            }
            // Not wiped afterwards: the expected MAC is worth no more than the key, which this process holds anyway.
            return mac.withUnsafeBytes { CRYPTO_memcmp($0.baseAddress, base, Self.macByteCount) == 0 }
        }
    }

    /// True when `mac` is the HMAC-SHA256 of a byte collection. Constant-time comparison.
    public func isValidAuthenticationCode<D: Collection<UInt8>>(_ mac: [UInt8], for data: D) -> Bool {
        if let result = data.withContiguousStorageIfAvailable({
            isValidAuthenticationCode(mac, for: UnsafeRawBufferPointer($0))
        }) {
            return result
        }
        return Array(data).withUnsafeBytes { isValidAuthenticationCode(mac, for: $0) }
    }

    /// True when `mac` is the HMAC-SHA256 of the UTF-8 bytes of `string`. Constant-time comparison.
    public func isValidAuthenticationCode(_ mac: [UInt8], for string: some StringProtocol) -> Bool {
        isValidAuthenticationCode(mac, for: string.utf8)
    }

    /// Writes the 32-byte MAC of `data` to `out`; returns the name of the failing OpenSSL call, or nil.
    private func compute(_ data: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> String? {
        guard let copy = EVP_MAC_CTX_dup(context) else { return "EVP_MAC_CTX_dup" }
        defer { EVP_MAC_CTX_free(copy) }
        if let base = data.baseAddress, data.count > 0 {
            guard EVP_MAC_update(copy, base.assumingMemoryBound(to: UInt8.self), data.count) == 1 else {
                return "EVP_MAC_update"
            }
        }
        var length = 0
        guard EVP_MAC_final(copy, out, &length, Self.macByteCount) == 1, length == Self.macByteCount else {
            return "EVP_MAC_final"
        }
        return nil
    }
}
