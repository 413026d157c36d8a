/// The HS256 keys a server signs and verifies access tokens with, each named by a key id (`kid`).
///
/// Immutable: rotating keys means building a new keyring (keep the previous key for verification until the
/// tokens it signed have expired). A kid is opaque to this module (the app uses 16 hex characters) but is
/// limited to 1–64 characters from `A-Z a-z 0-9 . _ -` so it needs no escaping in the JOSE header.
public struct JWTKeyring: Sendable {
    /// The configured keys, in the order given.
    public let keys: [(kid: String, key: HMACKey)]
    /// The kid new tokens are signed with.
    public let signingKID: String

    /// - Throws: `CryptoError(.invalidKey)` when there are no keys, a kid is empty, too long or has other
    ///   characters, two keys share a kid, or `signingKID` is not one of them.
    public init(keys: [(kid: String, key: HMACKey)], signingKID: String) throws {
        func fail(_ detail: String) -> CryptoError { CryptoError(.invalidKey, operation: "JWTKeyring.init", detail: detail) }
        guard !keys.isEmpty else { throw fail("no keys") }
        var seen = Set<String>()
        for (kid, _) in keys {
            guard Self.isValidKID(kid) else { throw fail("kid must be 1-64 characters of A-Z a-z 0-9 . _ -") }
            guard seen.insert(kid).inserted else { throw fail("duplicate kid") }
        }
        guard seen.contains(signingKID) else { throw fail("signingKID is not among the keys") }
        self.keys = keys
        self.signingKID = signingKID
    }

    /// The key configured under exactly `kid`, or nil.
    public func key(for kid: String) -> HMACKey? {
        keys.first { $0.kid == kid }?.key
    }

    /// The key new tokens are signed with.
    public var signingKey: HMACKey { key(for: signingKID)! }

    static func isValidKID(_ kid: String) -> Bool {
        (1...64).contains(kid.utf8.count) && kid.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }
}
