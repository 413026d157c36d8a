import CCrypto

/// AES-256-GCM (NIST SP 800-38D) with 96-bit nonces and 128-bit tags, over OpenSSL's `EVP_aes_256_gcm`.
///
/// One instance holds one key, expanded once into two pre-keyed `EVP_CIPHER_CTX` (one to seal, one to open);
/// every call then only sets the nonce, so sealing many segments under one file key costs no key schedule.
/// The caller guarantees that a (key, nonce) pair never seals two different plaintexts.
///
/// Not `Sendable`: an instance keeps per-call cipher state, so one thread uses it at a time (wrap it in a lock
/// to share it).
public final class AESGCM {
    /// Key size in bytes (AES-256).
    public static let keySize = 32
    /// Nonce size in bytes (the 96-bit IV of SP 800-38D §8.2).
    public static let nonceSize = 12
    /// Tag size in bytes (full 128-bit tag).
    public static let tagSize = 16

    private let sealContext: OpaquePointer
    private let openContext: OpaquePointer

    /// Expands `key` (32 bytes) into fresh cipher contexts. The caller's buffer is not retained.
    public convenience init(key: UnsafeRawBufferPointer) throws {
        try self.init()
        try setKey(key)
    }

    /// Expands `key` (32 bytes).
    public convenience init(key: [UInt8]) throws {
        try self.init()
        try key.withUnsafeBytes { try setKey($0) }
    }

    private init() throws {
        guard let sealContext = EVP_CIPHER_CTX_new() else { throw CryptoError.openSSL("EVP_CIPHER_CTX_new") }
        guard let openContext = EVP_CIPHER_CTX_new() else {
            EVP_CIPHER_CTX_free(sealContext)
            throw CryptoError.openSSL("EVP_CIPHER_CTX_new")
        }
        self.sealContext = sealContext
        self.openContext = openContext
    }

    /// Keys both contexts once (called only from the initializers; deinit frees them if this throws).
    private func setKey(_ key: UnsafeRawBufferPointer) throws {
        guard key.count == Self.keySize, let keyBase = key.baseAddress else {
            throw CryptoError(.invalidKey, operation: "AESGCM.init", detail: "key must be \(Self.keySize) bytes")
        }
        let keyBytes = keyBase.assumingMemoryBound(to: UInt8.self)
        guard EVP_EncryptInit_ex(sealContext, EVP_aes_256_gcm(), nil, nil, nil) == 1 else {
            throw CryptoError.openSSL("EVP_EncryptInit_ex")
        }
        guard EVP_CIPHER_CTX_ctrl(sealContext, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceSize), nil) == 1 else {
            throw CryptoError.openSSL("EVP_CIPHER_CTX_ctrl(SET_IVLEN)")
        }
        guard EVP_EncryptInit_ex(sealContext, nil, nil, keyBytes, nil) == 1 else {
            throw CryptoError.openSSL("EVP_EncryptInit_ex")
        }
        guard EVP_DecryptInit_ex(openContext, EVP_aes_256_gcm(), nil, nil, nil) == 1 else {
            throw CryptoError.openSSL("EVP_DecryptInit_ex")
        }
        guard EVP_CIPHER_CTX_ctrl(openContext, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceSize), nil) == 1 else {
            throw CryptoError.openSSL("EVP_CIPHER_CTX_ctrl(SET_IVLEN)")
        }
        guard EVP_DecryptInit_ex(openContext, nil, nil, keyBytes, nil) == 1 else {
            throw CryptoError.openSSL("EVP_DecryptInit_ex")
        }
    }

    deinit {
        // EVP_CIPHER_CTX_free cleanses the expanded key schedule.
        EVP_CIPHER_CTX_free(sealContext)
        EVP_CIPHER_CTX_free(openContext)
    }

    /// Encrypts `plaintext` into `output`, which must be exactly `plaintext.count + tagSize` bytes: the
    /// ciphertext followed by the tag. `output` may not overlap `plaintext` except exactly (in place).
    public func seal(nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
                     into output: UnsafeMutableRawBufferPointer) throws {
        guard nonce.count == Self.nonceSize, let nonceBase = nonce.baseAddress else {
            throw CryptoError(.invalidInput, operation: "AESGCM.seal", detail: "nonce must be 12 bytes")
        }
        guard output.count == plaintext.count + Self.tagSize, let outBase = output.baseAddress,
              plaintext.count <= Int(Int32.max), aad.count <= Int(Int32.max) else {
            throw CryptoError(.invalidInput, operation: "AESGCM.seal", detail: "output size or input length")
        }
        let out = outBase.assumingMemoryBound(to: UInt8.self)
        guard EVP_EncryptInit_ex(sealContext, nil, nil, nil, nonceBase.assumingMemoryBound(to: UInt8.self)) == 1 else {
            throw CryptoError.openSSL("EVP_EncryptInit_ex(iv)")
        }
        var written: Int32 = 0
        if let aadBase = aad.baseAddress, aad.count > 0 {
            guard EVP_EncryptUpdate(sealContext, nil, &written, aadBase.assumingMemoryBound(to: UInt8.self),
                                    Int32(aad.count)) == 1 else {
                throw CryptoError.openSSL("EVP_EncryptUpdate(aad)")
            }
        }
        var produced = 0
        if let inBase = plaintext.baseAddress, plaintext.count > 0 {
            guard EVP_EncryptUpdate(sealContext, out, &written, inBase.assumingMemoryBound(to: UInt8.self),
                                    Int32(plaintext.count)) == 1 else {
                throw CryptoError.openSSL("EVP_EncryptUpdate")
            }
            produced = Int(written)
        }
        guard EVP_EncryptFinal_ex(sealContext, out + produced, &written) == 1 else {
            throw CryptoError.openSSL("EVP_EncryptFinal_ex")
        }
        produced += Int(written)
        guard produced == plaintext.count else {
            throw CryptoError(.openSSL, operation: "EVP_EncryptUpdate", detail: "unexpected output length")
        }
        guard EVP_CIPHER_CTX_ctrl(sealContext, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagSize),
                                  UnsafeMutableRawPointer(out + produced)) == 1 else {
            throw CryptoError.openSSL("EVP_CIPHER_CTX_ctrl(GET_TAG)")
        }
    }

    /// Verifies and decrypts `sealed` (ciphertext followed by the 16-byte tag) into `output`, which must be exactly
    /// `sealed.count - tagSize` bytes. On any failure `output` is zeroed before the error is thrown, so no
    /// unauthenticated plaintext survives; a bad tag throws `CryptoError` with code `.authenticationFailed`.
    public func open(nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer, sealed: UnsafeRawBufferPointer,
                     into output: UnsafeMutableRawBufferPointer) throws {
        guard nonce.count == Self.nonceSize, let nonceBase = nonce.baseAddress else {
            throw CryptoError(.invalidInput, operation: "AESGCM.open", detail: "nonce must be 12 bytes")
        }
        guard sealed.count >= Self.tagSize, let sealedBase = sealed.baseAddress,
              output.count == sealed.count - Self.tagSize,
              sealed.count <= Int(Int32.max), aad.count <= Int(Int32.max) else {
            throw CryptoError(.invalidInput, operation: "AESGCM.open", detail: "sealed size or output size")
        }
        do {
            try openUnchecked(nonce: nonceBase, aad: aad, sealed: sealedBase, ciphertextCount: output.count,
                              output: output)
        } catch {
            if output.count > 0 { OPENSSL_cleanse(output.baseAddress, output.count) }
            throw error
        }
    }

    private func openUnchecked(nonce: UnsafeRawPointer, aad: UnsafeRawBufferPointer, sealed: UnsafeRawPointer,
                               ciphertextCount: Int, output: UnsafeMutableRawBufferPointer) throws {
        guard EVP_DecryptInit_ex(openContext, nil, nil, nil, nonce.assumingMemoryBound(to: UInt8.self)) == 1 else {
            throw CryptoError.openSSL("EVP_DecryptInit_ex(iv)")
        }
        var written: Int32 = 0
        if let aadBase = aad.baseAddress, aad.count > 0 {
            guard EVP_DecryptUpdate(openContext, nil, &written, aadBase.assumingMemoryBound(to: UInt8.self),
                                    Int32(aad.count)) == 1 else {
                throw CryptoError.openSSL("EVP_DecryptUpdate(aad)")
            }
        }
        // Final needs a valid output pointer even when it writes nothing (empty plaintext).
        var scratch: UInt8 = 0
        var produced = 0
        if ciphertextCount > 0, let outBase = output.baseAddress {
            guard EVP_DecryptUpdate(openContext, outBase.assumingMemoryBound(to: UInt8.self), &written,
                                    sealed.assumingMemoryBound(to: UInt8.self), Int32(ciphertextCount)) == 1 else {
                throw CryptoError.openSSL("EVP_DecryptUpdate")
            }
            produced = Int(written)
        }
        // SET_TAG takes a non-const pointer; copy the tag out of the caller's read-only buffer.
        var tag = [UInt8](repeating: 0, count: Self.tagSize)
        tag.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: sealed + ciphertextCount,
                                                                                count: Self.tagSize)) }
        guard tag.withUnsafeMutableBytes({
            EVP_CIPHER_CTX_ctrl(openContext, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagSize), $0.baseAddress)
        }) == 1 else {
            throw CryptoError.openSSL("EVP_CIPHER_CTX_ctrl(SET_TAG)")
        }
        let finalRC: Int32
        if produced < ciphertextCount, let outBase = output.baseAddress {
            finalRC = EVP_DecryptFinal_ex(openContext, outBase.assumingMemoryBound(to: UInt8.self) + produced,
                                          &written)
        } else {
            finalRC = EVP_DecryptFinal_ex(openContext, &scratch, &written)
        }
        guard finalRC == 1 else {
            ERR_clear_error()
            throw CryptoError(.authenticationFailed, operation: "EVP_DecryptFinal_ex")
        }
    }
}
