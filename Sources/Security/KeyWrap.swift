import CCrypto

/// AES Key Wrap with Padding (RFC 5649, NIST SP 800-38F "KWP") over OpenSSL's `EVP_aes_*_wrap_pad`.
///
/// The key-encryption key (KEK) length picks the AES variant as RFC 5649 does: 16, 24 or 32 bytes for AES-128,
/// -192 or -256 (the product's master key is always 32 bytes; the other sizes exist so the RFC's own §6 vectors,
/// which use a 192-bit KEK, run through this exact code). Wrapping is deterministic and carries a 64-bit
/// integrity check (the alternative IV with the key's length): unwrapping under a wrong KEK or a modified
/// wrapped key fails with `.authenticationFailed`.
public enum KeyWrap {
    /// Wraps `key` (1 ... 4096 bytes) under `kek`. The result is `8 + key.count` rounded up to a multiple of 8
    /// (40 bytes for a 32-byte key).
    public static func wrap(_ key: UnsafeRawBufferPointer, kek: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard key.count >= 1, key.count <= 4096, let keyBase = key.baseAddress else {
            throw CryptoError(.invalidInput, operation: "KeyWrap.wrap", detail: "key must be 1...4096 bytes")
        }
        let context = try Context(kek: kek, encrypt: true)
        let capacity = (key.count + 7) / 8 * 8 + 8
        var output = [UInt8](repeating: 0, count: capacity)
        var produced: Int32 = 0
        let rc = output.withUnsafeMutableBufferPointer {
            EVP_EncryptUpdate(context.pointer, $0.baseAddress, &produced,
                              keyBase.assumingMemoryBound(to: UInt8.self), Int32(key.count))
        }
        guard rc == 1, Int(produced) == capacity else { throw CryptoError.openSSL("EVP_EncryptUpdate(wrap)") }
        var tail: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        guard EVP_EncryptFinal_ex(context.pointer, &scratch, &tail) == 1, tail == 0 else {
            throw CryptoError.openSSL("EVP_EncryptFinal_ex(wrap)")
        }
        return output
    }

    /// Unwraps `wrapped` under `kek` into `output` (at least `wrapped.count - 8` bytes) and returns the key length.
    /// A wrong KEK or altered input throws `.authenticationFailed`; `output` is then zeroed.
    public static func unwrap(_ wrapped: UnsafeRawBufferPointer, kek: UnsafeRawBufferPointer,
                              into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard wrapped.count >= 16, wrapped.count % 8 == 0, wrapped.count <= 4096 + 16,
              let wrappedBase = wrapped.baseAddress else {
            throw CryptoError(.invalidInput, operation: "KeyWrap.unwrap",
                              detail: "wrapped key must be a multiple of 8 bytes, at least 16")
        }
        guard output.count >= wrapped.count - 8, let outBase = output.baseAddress else {
            throw CryptoError(.invalidInput, operation: "KeyWrap.unwrap", detail: "output too small")
        }
        let context = try Context(kek: kek, encrypt: false)
        // OpenSSL may write up to wrapped.count bytes while unwrapping; use a scratch buffer of that size and
        // copy out only the authenticated key.
        var scratch = [UInt8](repeating: 0, count: wrapped.count)
        defer { OPENSSL_cleanse(&scratch, scratch.count) }
        var produced: Int32 = 0
        let rc = scratch.withUnsafeMutableBufferPointer {
            EVP_DecryptUpdate(context.pointer, $0.baseAddress, &produced,
                              wrappedBase.assumingMemoryBound(to: UInt8.self), Int32(wrapped.count))
        }
        guard rc == 1, produced > 0, Int(produced) <= wrapped.count - 8 else {
            ERR_clear_error()
            OPENSSL_cleanse(outBase, output.count)
            throw CryptoError(.authenticationFailed, operation: "EVP_DecryptUpdate(unwrap)")
        }
        var tail: Int32 = 0
        var finalScratch = [UInt8](repeating: 0, count: 16)
        guard EVP_DecryptFinal_ex(context.pointer, &finalScratch, &tail) == 1, tail == 0 else {
            OPENSSL_cleanse(outBase, output.count)
            throw CryptoError.openSSL("EVP_DecryptFinal_ex(unwrap)")
        }
        scratch.withUnsafeBytes { output.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<Int(produced)])) }
        return Int(produced)
    }

    /// Wraps `key` under `kek` (array convenience).
    public static func wrap(_ key: [UInt8], kek: [UInt8]) throws -> [UInt8] {
        try key.withUnsafeBytes { keyBytes in try kek.withUnsafeBytes { try wrap(keyBytes, kek: $0) } }
    }

    /// Unwraps `wrapped` under `kek` (array convenience).
    public static func unwrap(_ wrapped: [UInt8], kek: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(wrapped.count, 16))
        let count = try wrapped.withUnsafeBytes { wrappedBytes in
            try kek.withUnsafeBytes { kekBytes in
                try output.withUnsafeMutableBytes { try unwrap(wrappedBytes, kek: kekBytes, into: $0) }
            }
        }
        return Array(output.prefix(count))
    }

    /// One `EVP_CIPHER_CTX` keyed for wrapping or unwrapping, freed (and cleansed) on deinit.
    private final class Context {
        let pointer: OpaquePointer

        init(kek: UnsafeRawBufferPointer, encrypt: Bool) throws {
            let cipher: OpaquePointer?
            switch kek.count {
            case 16: cipher = EVP_aes_128_wrap_pad()
            case 24: cipher = EVP_aes_192_wrap_pad()
            case 32: cipher = EVP_aes_256_wrap_pad()
            default:
                throw CryptoError(.invalidKey, operation: "KeyWrap", detail: "KEK must be 16, 24 or 32 bytes")
            }
            guard let kekBase = kek.baseAddress else {
                throw CryptoError(.invalidKey, operation: "KeyWrap", detail: "empty KEK")
            }
            guard let pointer = EVP_CIPHER_CTX_new() else { throw CryptoError.openSSL("EVP_CIPHER_CTX_new") }
            self.pointer = pointer
            // The wrap modes refuse to run unless the caller opts in (they are not general-purpose ciphers).
            EVP_CIPHER_CTX_set_flags(pointer, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW)
            let key = kekBase.assumingMemoryBound(to: UInt8.self)
            if encrypt {
                guard EVP_EncryptInit_ex(pointer, cipher, nil, key, nil) == 1 else {
                    throw CryptoError.openSSL("EVP_EncryptInit_ex(wrap)")
                }
            } else {
                guard EVP_DecryptInit_ex(pointer, cipher, nil, key, nil) == 1 else {
                    throw CryptoError.openSSL("EVP_DecryptInit_ex(unwrap)")
                }
            }
        }

        deinit { EVP_CIPHER_CTX_free(pointer) }
    }
}
