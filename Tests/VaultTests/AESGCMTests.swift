import Security
import Testing

@Suite struct AESGCMTests {
    // McGrew & Viega, "The Galois/Counter Mode of Operation", Appendix B, Test Case 16 (AES-256, 96-bit IV, AAD).
    let key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
    let nonce = hex("cafebabefacedbaddecaf888")
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    let plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    let ciphertext = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
    let tag = hex("76fc6ece0f4e1768cddf8853bb2d551b")

    @Test func knownAnswerTestCase16() throws {
        let gcm = try AESGCM(key: key)
        #expect(try gcm.seal(nonce: nonce, aad: aad, plaintext: plaintext) == ciphertext + tag)
        #expect(try gcm.open(nonce: nonce, aad: aad, sealed: ciphertext + tag) == plaintext)
    }

    // Test Case 13: AES-256, zero key, zero IV, empty plaintext and AAD.
    @Test func knownAnswerEmpty() throws {
        let gcm = try AESGCM(key: [UInt8](repeating: 0, count: 32))
        let sealed = try gcm.seal(nonce: [UInt8](repeating: 0, count: 12), aad: [], plaintext: [])
        #expect(sealed == hex("530f8afbc74536b9a963b4f1c4cb738b"))
        #expect(try gcm.open(nonce: [UInt8](repeating: 0, count: 12), aad: [], sealed: sealed) == [])
    }

    @Test func contextIsReusableAcrossNonces() throws {
        let gcm = try AESGCM(key: key)
        let other = try gcm.seal(nonce: [UInt8](repeating: 7, count: 12), aad: aad, plaintext: plaintext)
        #expect(try gcm.seal(nonce: nonce, aad: aad, plaintext: plaintext) == ciphertext + tag)
        #expect(try gcm.open(nonce: [UInt8](repeating: 7, count: 12), aad: aad, sealed: other) == plaintext)
        #expect(try gcm.open(nonce: nonce, aad: aad, sealed: ciphertext + tag) == plaintext)
    }

    @Test func everyAlterationFailsAuthentication() throws {
        let gcm = try AESGCM(key: key)
        let sealed = ciphertext + tag
        func expectRejected(nonce: [UInt8], aad: [UInt8], sealed: [UInt8], using cipher: AESGCM) {
            #expect(throws: CryptoError(.authenticationFailed, operation: "EVP_DecryptFinal_ex")) {
                _ = try cipher.open(nonce: nonce, aad: aad, sealed: sealed)
            }
        }
        for position in [0, 30, sealed.count - 16, sealed.count - 1] {
            var altered = sealed
            altered[position] ^= 0x01
            expectRejected(nonce: nonce, aad: aad, sealed: altered, using: gcm)
        }
        var otherAAD = aad
        otherAAD[0] ^= 0x80
        expectRejected(nonce: nonce, aad: otherAAD, sealed: sealed, using: gcm)
        var otherNonce = nonce
        otherNonce[11] ^= 0x01
        expectRejected(nonce: otherNonce, aad: aad, sealed: sealed, using: gcm)
        var otherKey = key
        otherKey[31] ^= 0x01
        expectRejected(nonce: nonce, aad: aad, sealed: sealed, using: try AESGCM(key: otherKey))
        // The context still works after failures.
        #expect(try gcm.open(nonce: nonce, aad: aad, sealed: sealed) == plaintext)
    }

    @Test func failedOpenLeavesNoPlaintext() throws {
        let gcm = try AESGCM(key: key)
        var altered = ciphertext + tag
        altered[altered.count - 1] ^= 0x01
        var output = [UInt8](repeating: 0xAA, count: ciphertext.count)
        #expect(throws: CryptoError.self) {
            try nonce.withUnsafeBytes { n in
                try aad.withUnsafeBytes { a in
                    try altered.withUnsafeBytes { s in
                        try output.withUnsafeMutableBytes { try gcm.open(nonce: n, aad: a, sealed: s, into: $0) }
                    }
                }
            }
        }
        #expect(output.allSatisfy { $0 == 0 })
    }

    @Test func rejectsBadSizes() throws {
        #expect(throws: CryptoError.self) { _ = try AESGCM(key: [UInt8](repeating: 0, count: 16)) }
        let gcm = try AESGCM(key: key)
        #expect(throws: CryptoError.self) { _ = try gcm.seal(nonce: [1, 2, 3], aad: [], plaintext: []) }
        #expect(throws: CryptoError.self) { _ = try gcm.open(nonce: nonce, aad: [], sealed: [1, 2, 3]) }
    }
}
