import Foundation
import HTTP
import Security

/// Signs and verifies access tokens with the keys in keys/jwt.key. On a token whose `kid` is unknown it re-reads
/// the key file once (a `paramedic keys rotate --jwt` while the server runs), then fails. Before signing it checks
/// (one `stat`) whether the key file was replaced, so tokens issued after a rotation carry the new key even
/// without SIGHUP — a key rotated because it leaked stops signing at once.
///
/// `@unchecked Sendable`: `keyring` and `fileStamp` are read and replaced under `lock`; JWTKeyring and HMACKey
/// are themselves thread-safe.
public final class TokenService: @unchecked Sendable {
    let settings: TokenSettings
    private let keyPath: String
    private let clock: any Clock
    private let lock = NSLock()
    private var keyring: JWTKeyring
    private var lastReload: Int64 = 0
    /// Identity of the key file last loaded (inode, mtime, size): a rotation writes a new file by rename.
    private var fileStamp: [Int]?

    public init(keyPath: String, settings: TokenSettings, clock: any Clock) throws {
        self.keyPath = keyPath
        self.settings = settings
        self.clock = clock
        self.keyring = try Self.loadKeyring(path: keyPath, now: clock.now())
        self.fileStamp = Self.stamp(keyPath)
    }

    static func stamp(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
    }

    /// Reloads the keyring when keys/jwt.key is not the file last loaded (never re-creates a missing file).
    private func reloadIfReplaced() {
        guard let current = Self.stamp(keyPath), current != lock.withLock({ fileStamp }) else { return }
        guard let fresh = try? Self.loadKeyring(path: keyPath, now: clock.now()) else { return }
        lock.withLock {
            keyring = fresh
            fileStamp = current
        }
    }

    static func loadKeyring(path: String, now: Int64) throws -> JWTKeyring {
        let file = try KeyFile.loadOrCreate(path: path, now: now)
        guard let current = file.current else { throw AppError(.badKeyFile, "\(path) has no current key") }
        return try JWTKeyring(keys: try file.entries.map { ($0.id, try HMACKey(key: $0.bytes)) },
                              signingKID: current.id)
    }

    /// Re-reads keys/jwt.key (SIGHUP, or an unknown kid). At most once a second for unknown kids.
    public func reload(force: Bool = true) {
        let now = clock.now()
        guard force || lock.withLock({ now > lastReload }) else { return }
        let stamp = Self.stamp(keyPath)
        guard let fresh = try? Self.loadKeyring(path: keyPath, now: now) else { return }
        lock.withLock {
            keyring = fresh
            lastReload = now
            fileStamp = stamp
        }
    }

    public func issue(userID: Int64, sessionID: String, tokenVersion: Int64) throws -> (token: String, jti: String, exp: Int64) {
        reloadIfReplaced()
        let now = clock.now()
        let jti = Base64URL.encode(try SecureRandom.bytes(16))
        let claims = AccessClaims(iss: settings.issuer, aud: settings.audience, sub: String(userID), sid: sessionID,
                                  jti: jti, iat: now, nbf: now, exp: now + settings.accessLifetime, ver: tokenVersion)
        let token = try JWT.sign(claims, keyring: lock.withLock { keyring })
        return (token, jti, claims.exp)
    }

    /// Verifies signature and claims. Expired → 401 `token_expired`; anything else → 401 `invalid_token`.
    public func verify(_ token: String) throws(HTTPError) -> AccessClaims {
        do {
            return try verifyOnce(token)
        } catch let error where error.code == .unknownKey {
            reload(force: false)
            do { return try verifyOnce(token) } catch { throw Self.map(error) }
        } catch {
            throw Self.map(error)
        }
    }

    private func verifyOnce(_ token: String) throws(JWTError) -> AccessClaims {
        try JWT.verify(token, keyring: lock.withLock { keyring }, issuer: settings.issuer,
                       audience: settings.audience, now: clock.now())
    }

    private static func map(_ error: JWTError) -> HTTPError {
        if error.code == .expired { return HTTPError(401, "token_expired", "The access token has expired.") }
        return HTTPError(401, "invalid_token", "The access token is not valid.")
    }
}
