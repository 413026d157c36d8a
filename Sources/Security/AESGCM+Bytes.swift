extension AESGCM {
    /// Seals `plaintext` and returns the ciphertext followed by the 16-byte tag.
    public func seal(nonce: [UInt8], aad: [UInt8], plaintext: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: plaintext.count + Self.tagSize)
        try nonce.withUnsafeBytes { nonceBytes in
            try aad.withUnsafeBytes { aadBytes in
                try plaintext.withUnsafeBytes { plainBytes in
                    try output.withUnsafeMutableBytes { out in
                        try seal(nonce: nonceBytes, aad: aadBytes, plaintext: plainBytes, into: out)
                    }
                }
            }
        }
        return output
    }

    /// Verifies and decrypts `sealed` (ciphertext followed by the tag). A bad tag throws
    /// `CryptoError` `.authenticationFailed` and returns nothing.
    public func open(nonce: [UInt8], aad: [UInt8], sealed: [UInt8]) throws -> [UInt8] {
        guard sealed.count >= Self.tagSize else {
            throw CryptoError(.invalidInput, operation: "AESGCM.open", detail: "shorter than the tag")
        }
        var output = [UInt8](repeating: 0, count: sealed.count - Self.tagSize)
        try nonce.withUnsafeBytes { nonceBytes in
            try aad.withUnsafeBytes { aadBytes in
                try sealed.withUnsafeBytes { sealedBytes in
                    try output.withUnsafeMutableBytes { out in
                        try open(nonce: nonceBytes, aad: aadBytes, sealed: sealedBytes, into: out)
                    }
                }
            }
        }
        return output
    }
}
