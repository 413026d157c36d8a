import Security

/// Seals and opens the segments of one file: AES-256-GCM under the file's data key, nonce = prefix (7) ‖
/// counter (4, big-endian) ‖ last flag (1), associated data = the header bytes.
///
/// On disk a segment is: plaintext length (4 bytes, big-endian) ‖ ciphertext ‖ tag (16).
final class SegmentCipher {
    /// Largest plaintext in one segment (format version 1).
    static let maxPlaintext = 1 << 20
    static let lengthSize = 4
    static let overhead = lengthSize + AESGCM.tagSize
    /// Counter values 0 ... UInt32.max are usable.
    static let maxSegments = Int(UInt32.max) + 1

    private let gcm: AESGCM
    private(set) var header: VaultHeader
    private var aad: [UInt8]
    private var nonce: [UInt8]

    init(dataKey: DataKey, header: VaultHeader) throws {
        gcm = try dataKey.makeCipher()
        self.header = header
        aad = header.bytes
        nonce = header.noncePrefix + [0, 0, 0, 0, 0]
    }

    /// Switches to a new header (a new nonce prefix); the key stays.
    func reset(header: VaultHeader) {
        self.header = header
        aad = header.bytes
        nonce = header.noncePrefix + [0, 0, 0, 0, 0]
    }

    private func setNonce(counter: Int, last: Bool) {
        precondition(counter >= 0 && counter < Self.maxSegments)
        let value = UInt32(counter)
        nonce[7] = UInt8(truncatingIfNeeded: value >> 24)
        nonce[8] = UInt8(truncatingIfNeeded: value >> 16)
        nonce[9] = UInt8(truncatingIfNeeded: value >> 8)
        nonce[10] = UInt8(truncatingIfNeeded: value)
        nonce[11] = last ? 1 : 0
    }

    /// Writes the whole on-disk segment (length ‖ ciphertext ‖ tag) into `output`, which must be exactly
    /// `plaintext.count + overhead` bytes.
    func seal(counter: Int, last: Bool, plaintext: UnsafeRawBufferPointer,
              into output: UnsafeMutableRawBufferPointer) throws {
        precondition(plaintext.count <= Self.maxPlaintext && output.count == plaintext.count + Self.overhead)
        let length = UInt32(plaintext.count)
        output[0] = UInt8(truncatingIfNeeded: length >> 24)
        output[1] = UInt8(truncatingIfNeeded: length >> 16)
        output[2] = UInt8(truncatingIfNeeded: length >> 8)
        output[3] = UInt8(truncatingIfNeeded: length)
        setNonce(counter: counter, last: last)
        do {
            try nonce.withUnsafeBytes { nonceBytes in
                try aad.withUnsafeBytes { aadBytes in
                    try gcm.seal(nonce: nonceBytes, aad: aadBytes, plaintext: plaintext,
                                 into: UnsafeMutableRawBufferPointer(rebasing: output[Self.lengthSize...]))
                }
            }
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "AESGCM.seal", detail: error.description)
        }
    }

    /// Verifies and decrypts a segment body (ciphertext ‖ tag) into `output` (`body.count - 16` bytes).
    /// Throws `.integrity` on a bad tag; `output` is then zeroed.
    func open(counter: Int, last: Bool, body: UnsafeRawBufferPointer,
              into output: UnsafeMutableRawBufferPointer) throws {
        setNonce(counter: counter, last: last)
        do {
            try nonce.withUnsafeBytes { nonceBytes in
                try aad.withUnsafeBytes { aadBytes in
                    try gcm.open(nonce: nonceBytes, aad: aadBytes, sealed: body, into: output)
                }
            }
        } catch let error as CryptoError where error.code == .authenticationFailed {
            throw VaultError(.integrity, operation: "segment \(counter)", detail: "authentication failed")
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "AESGCM.open", detail: error.description)
        }
    }

    /// Decodes a segment's 4-byte big-endian plaintext length.
    static func decodeLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
    }

    /// Whether an empty segment's tag is all zeros: possibly the zeros a growing file keeps ahead of its data
    /// (see `VaultAppender`) rather than a segment. A real tag is all zeros with probability 2^-128. Callers
    /// report `.truncated` (the written data ends here) only when everything from there to the end of the file
    /// is zero too; zeros in the middle of a file stay `.integrity`.
    static func isZeroFill(tag: UnsafeRawBufferPointer) -> Bool {
        tag.allSatisfy { $0 == 0 }
    }
}
