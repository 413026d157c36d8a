import Security

/// The vault's key-encryption key: 256 bits with a stable id. It wraps each file's `DataKey` with AES key wrap
/// with padding (RFC 5649, AES-256); the caller stores the wrapped key together with `id` so that rotation
/// re-wraps keys (`rewrap`) without touching file bytes.
public struct MasterKey: Sendable, CustomStringConvertible {
    /// Key size in bytes.
    public static let size = 32
    /// Size of a wrapped data key in bytes (RFC 5649 output for a 32-byte key).
    public static let wrappedSize = 40

    /// The key id stored next to every wrapped data key: 1...64 characters from `[A-Za-z0-9._-]`.
    public let id: String
    let secret: SecretBytes

    /// A master key from its stored bytes (exactly 32).
    public init(id: String, bytes: [UInt8]) throws {
        try Self.validate(id: id)
        guard bytes.count == Self.size else {
            throw VaultError(.invalidKey, operation: "MasterKey.init", detail: "master key must be 32 bytes")
        }
        self.id = id
        self.secret = bytes.withUnsafeBytes { SecretBytes(copying: $0) }
    }

    private init(id: String, secret: SecretBytes) {
        self.id = id
        self.secret = secret
    }

    /// A new random master key. Without `id`, the id is `mk-` and 16 random hex digits.
    public static func generate(id: String? = nil) throws -> MasterKey {
        let keyID: String
        if let id {
            try validate(id: id)
            keyID = id
        } else {
            let random = try SecureRandom.bytes(8)
            keyID = "mk-" + random.map { byte in
                let digits = Array("0123456789abcdef")
                return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
            }.joined()
        }
        return MasterKey(id: keyID, secret: try SecretBytes(randomCount: size))
    }

    /// Wraps `dataKey` (RFC 5649, AES-256): 40 bytes to store with `id`.
    public func wrap(_ dataKey: DataKey) throws -> [UInt8] {
        do {
            return try secret.withUnsafeBytes { kek in
                try dataKey.secret.withUnsafeBytes { try KeyWrap.wrap($0, kek: kek) }
            }
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "KeyWrap.wrap", detail: error.description)
        }
    }

    /// Unwraps a data key wrapped by this master key. A different master key or altered bytes throw
    /// `.keyUnwrapFailed`.
    public func unwrap(_ wrapped: [UInt8]) throws -> DataKey {
        guard wrapped.count == Self.wrappedSize else {
            throw VaultError(.keyUnwrapFailed, operation: "MasterKey.unwrap", detail: "wrapped key must be 40 bytes")
        }
        var plain = [UInt8](repeating: 0, count: Self.wrappedSize)
        // The unwrapped bytes live in `plain` only until they are copied into their own wiped allocation.
        defer { for index in plain.indices { plain[index] = 0 } }
        let count: Int
        do {
            count = try secret.withUnsafeBytes { kek in
                try wrapped.withUnsafeBytes { wrappedBytes in
                    try plain.withUnsafeMutableBytes { try KeyWrap.unwrap(wrappedBytes, kek: kek, into: $0) }
                }
            }
        } catch let error as CryptoError where error.code == .authenticationFailed {
            throw VaultError(.keyUnwrapFailed, operation: "MasterKey.unwrap",
                             detail: "wrong master key or altered wrapped key")
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "KeyWrap.unwrap", detail: error.description)
        }
        guard count == DataKey.size else {
            throw VaultError(.keyUnwrapFailed, operation: "MasterKey.unwrap", detail: "unwrapped key is not 32 bytes")
        }
        let secret = plain.withUnsafeBytes { SecretBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        return DataKey(secret: secret)
    }

    /// Key rotation: unwraps `wrapped` with `old` and wraps the same data key with this key. The file is not
    /// touched; the caller replaces the wrapped key and key id in one database transaction.
    public func rewrap(_ wrapped: [UInt8], from old: MasterKey) throws -> [UInt8] {
        try wrap(try old.unwrap(wrapped))
    }

    /// Gives temporary access to the raw key bytes so the caller can persist the key (a 0600 file in keys/).
    /// Never log or print them.
    public func withUnsafeKeyBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes(body)
    }

    public var description: String { "MasterKey(id: \(id), redacted)" }

    private static func validate(id: String) throws {
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == 0x2e || byte == 0x5f || byte == 0x2d
        }
        guard !id.isEmpty, id.utf8.count <= 64, allowed else {
            throw VaultError(.invalidKey, operation: "MasterKey.init", detail: "key id must be 1...64 of [A-Za-z0-9._-]")
        }
    }
}
