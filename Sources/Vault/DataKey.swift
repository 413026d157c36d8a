import Security

/// A per-file 256-bit AES-GCM key. A fresh one is generated for every file; it is stored only wrapped by the
/// master key (`MasterKey.wrap`), in the caller's database, never in the file. Deleting that wrapped copy
/// crypto-shreds the file. The key bytes are not public.
public struct DataKey: Sendable, CustomStringConvertible {
    /// Key size in bytes.
    public static let size = 32

    let secret: SecretBytes

    init(secret: SecretBytes) {
        precondition(secret.count == Self.size)
        self.secret = secret
    }

    /// A new random data key from the CSPRNG.
    public static func generate() throws -> DataKey {
        DataKey(secret: try SecretBytes(randomCount: size))
    }

    /// A cipher keyed with this data key.
    func makeCipher() throws -> AESGCM {
        do {
            return try secret.withUnsafeBytes { try AESGCM(key: $0) }
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "AESGCM.init", detail: error.description)
        }
    }

    public var description: String { "DataKey(redacted)" }
}
