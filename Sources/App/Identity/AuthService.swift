import Foundation
import HTTP
import Security
import Store

/// Login, refresh rotation, logout, password change, and the per-request authentication check.
public final class AuthService: Sendable {
    let database: Database
    let accounts: Accounts
    let tokens: TokenService
    let audit: AuditLog
    let hasher: PasswordHasher
    let clock: any Clock
    let throttle: LoginThrottle
    /// Per-token answers of `authenticate`, valid while the database's authorization epoch is unchanged.
    let cache: AuthCache
    /// Called (outside any transaction) when a device session changes hands or is ended, so a recording left
    /// running there is finalized, never dropped.
    let onSessionReleased: @Sendable (_ sessionID: String, _ reason: String) -> Void

    public struct TokenPair: Encodable, Sendable {
        let access_token: String
        let token_type = "Bearer"
        let expires_in: Int64
        let refresh_token: String
        let session_id: String
        let user: PublicUser
    }

    public struct PublicUser: Encodable, Sendable {
        let id: Int64
        let username: String
        let role: String
        let teams: [String]
        init(_ user: User) {
            id = user.id
            username = user.username
            role = user.role.rawValue
            teams = user.teams
        }
    }

    init(database: Database, accounts: Accounts, tokens: TokenService, audit: AuditLog, hasher: PasswordHasher,
         clock: any Clock, onSessionReleased: @escaping @Sendable (String, String) -> Void) {
        self.database = database
        self.accounts = accounts
        self.tokens = tokens
        self.audit = audit
        self.hasher = hasher
        self.clock = clock
        self.throttle = LoginThrottle(settings: tokens.settings)
        self.onSessionReleased = onSessionReleased
        self.cache = AuthCache(enabled: (try? AuthCache.triggersPresent(in: database)) ?? false)
    }

    static let invalidCredentials = HTTPError(401, "invalid_credentials", "Unknown user or wrong password.")

    // MARK: - Login

    /// Runs the KDF: call off the HTTP threads.
    public func login(username rawUsername: String, password: String, sessionID rawSession: String,
                      ip: String) throws(HTTPError) -> TokenPair {
        guard let sessionID = DeviceSessionID.validate(rawSession) else {
            throw HTTPError(400, "invalid_session_id", "session_id must be a UUID v4.")
        }
        // A malformed name is treated exactly like an unknown one (same work, same answer).
        let username = User.normalize(rawUsername) ?? String(rawUsername.lowercased().prefix(64))
        let now = clock.now()
        do {
            if let wait = try database.read({ try throttle.retryAfter(username: username, ip: ip, now: now, in: $0) }) {
                try audit.record(AuditEvent(action: "login", outcome: .denied, actorUsername: username, clientIP: ip,
                                            reason: "locked_out"), database: database)
                throw Self.tooMany(wait)
            }
            let found = try database.read { connection -> (User, String)? in
                guard let user = try accounts.user(named: username, in: connection),
                      let hash = try accounts.passwordHash(of: user.id, in: connection) else { return nil }
                return (user, hash)
            }
            let verification: PasswordVerification
            if let (_, hash) = found {
                verification = (try? hasher.verify(password, against: hash)) ?? PasswordVerification(isValid: false, needsRehash: false)
            } else {
                _ = try? hasher.verifyDummy(password)
                verification = PasswordVerification(isValid: false, needsRehash: false)
            }
            guard let (user, _) = found, verification.isValid, !user.disabled else {
                let reason = found == nil ? "unknown_user" : (found!.0.disabled && verification.isValid ? "disabled" : "bad_password")
                try database.write { connection in
                    let lock = try throttle.recordFailure(username: username, ip: ip, now: now, in: connection)
                    try audit.append(AuditEvent(action: "login", outcome: .failure, actorID: found?.0.id,
                                                actorUsername: username, sessionShort: String(sessionID.prefix(8)),
                                                clientIP: ip, reason: reason), in: connection)
                    if lock != nil {
                        try audit.append(AuditEvent(action: "lockout", outcome: .success, actorUsername: username,
                                                    clientIP: ip, reason: "consecutive_failures"), in: connection)
                    }
                }
                try audit.publishHead()
                throw Self.invalidCredentials
            }
            if user.mustChangePassword {
                try database.write { connection in
                    try throttle.recordSuccess(username: username, in: connection)
                    try audit.append(AuditEvent(action: "login", outcome: .denied, actorID: user.id,
                                                actorUsername: user.username, actorRole: user.role.rawValue,
                                                clientIP: ip, reason: "password_change_required"), in: connection)
                }
                try audit.publishHead()
                throw HTTPError(403, "password_change_required", "The password must be changed before first use.")
            }
            let rehash = verification.needsRehash ? try? hasher.hash(password) : nil
            var released: String?
            let pair = try database.write { connection -> TokenPair in
                try throttle.recordSuccess(username: username, in: connection)
                if let rehash { try connection.run("UPDATE users SET password_hash = ? WHERE id = ?", [rehash, user.id]) }
                released = try bind(sessionID: sessionID, to: user, ip: ip, in: connection)
                try audit.append(AuditEvent(action: "login", outcome: .success, actorID: user.id,
                                            actorUsername: user.username, actorRole: user.role.rawValue,
                                            sessionShort: String(sessionID.prefix(8)), clientIP: ip), in: connection)
                return try issuePair(user: user, sessionID: sessionID, family: nil, familyStart: now, in: connection)
            }
            try audit.publishHead()
            if let released { onSessionReleased(released, "rebind") }
            return pair
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError.internalError()
        }
    }

    static func tooMany(_ seconds: Int64) -> HTTPError {
        HTTPError(429, "too_many_attempts", "Too many failed attempts; try again later.",
                  extra: ["retry_after": Int(seconds)], headers: ["Retry-After": String(seconds)])
    }

    /// Binds the device session to `user`. Returns the session id when it was bound to someone else (rebind).
    private func bind(sessionID: String, to user: User, ip: String, in connection: Connection) throws -> String? {
        let now = clock.now()
        let existing = try connection.first("SELECT user_id, active FROM device_sessions WHERE id = ?", [sessionID])
        if let existing, let previous = existing.int("user_id"), previous != user.id {
            try connection.revokeAccessTokens(session: sessionID, now: now)
            try connection.run("UPDATE refresh_tokens SET revoked = 1 WHERE session_id = ? AND user_id = ?",
                               [sessionID, previous])
            try connection.run("UPDATE device_sessions SET user_id = ?, bound_at = ?, last_seen = ?, active = 1 WHERE id = ?",
                               [user.id, now, now, sessionID])
            try audit.append(AuditEvent(action: "session_rebind", outcome: .success, actorID: user.id,
                                        actorUsername: user.username, actorRole: user.role.rawValue,
                                        sessionShort: String(sessionID.prefix(8)), clientIP: ip,
                                        targetType: "user", targetID: String(previous)), in: connection)
            return sessionID
        }
        if existing == nil {
            try connection.run("INSERT INTO device_sessions (id, user_id, bound_at, last_seen, active) VALUES (?, ?, ?, ?, 1)",
                               [sessionID, user.id, now, now])
            try audit.append(AuditEvent(action: "session_bind", outcome: .success, actorID: user.id,
                                        actorUsername: user.username, actorRole: user.role.rawValue,
                                        sessionShort: String(sessionID.prefix(8)), clientIP: ip), in: connection)
        } else {
            try connection.run("UPDATE device_sessions SET last_seen = ?, active = 1 WHERE id = ?", [now, sessionID])
        }
        return nil
    }

    private func issuePair(user: User, sessionID: String, family: String?, familyStart: Int64,
                           in connection: Connection) throws -> TokenPair {
        let access = try tokens.issue(userID: user.id, sessionID: sessionID, tokenVersion: user.tokenVersion)
        let refresh = Base64URL.encode(try SecureRandom.bytes(32))
        let family = try family ?? Base64URL.encode(try SecureRandom.bytes(16))
        try connection.run("""
            INSERT INTO refresh_tokens (token_hash, family, user_id, session_id, issued_at, family_started_at, access_jti, access_exp)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [try SHA256.hash(Array(refresh.utf8)), family, user.id, sessionID, clock.now(), familyStart,
                  access.jti, access.exp])
        return TokenPair(access_token: access.token, expires_in: tokens.settings.accessLifetime, refresh_token: refresh,
                         session_id: sessionID, user: PublicUser(user))
    }

    // MARK: - Refresh

    public func refresh(_ token: String, ip: String) throws(HTTPError) -> TokenPair {
        let invalid = HTTPError(401, "invalid_token", "The refresh token is not valid.")
        guard token.utf8.count == 43, let raw = Base64URL.decode(token), raw.count == 32 else { throw invalid }
        let now = clock.now()
        let settings = tokens.settings
        do {
            enum Outcome { case pair(TokenPair), reused, expired, invalid }
            let outcome = try database.write { connection -> Outcome in
                guard let row = try connection.first("SELECT * FROM refresh_tokens WHERE token_hash = ?",
                                                     [try SHA256.hash(Array(token.utf8))]),
                      let family = row.string("family"), let userID = row.int("user_id"),
                      let sessionID = row.string("session_id") else { return .invalid }
                if row.int("used") == 1 {
                    // Reuse of a rotated token: someone else holds the chain. Revoke the whole family and every
                    // access token it issued.
                    try connection.run("UPDATE refresh_tokens SET revoked = 1 WHERE family = ?", [family])
                    try connection.run("""
                        INSERT OR IGNORE INTO revoked_tokens (jti, expires_at)
                        SELECT access_jti, access_exp FROM refresh_tokens WHERE family = ? AND access_jti IS NOT NULL
                        """, [family])
                    try audit.append(AuditEvent(action: "refresh_reuse", outcome: .denied, actorID: userID,
                                                sessionShort: String(sessionID.prefix(8)), clientIP: ip,
                                                reason: "family_revoked"), in: connection)
                    return .reused
                }
                guard row.int("revoked") == 0 else { return .invalid }
                guard let issued = row.int("issued_at"), let started = row.int("family_started_at"),
                      now - issued <= settings.refreshIdleTimeout, now - started <= settings.refreshAbsoluteLifetime
                else { return .expired }
                guard let user = try accounts.user(id: userID, in: connection), !user.disabled,
                      let session = try connection.first("SELECT user_id, active FROM device_sessions WHERE id = ?", [sessionID]),
                      session.int("user_id") == userID, session.int("active") == 1 else { return .invalid }
                try connection.run("UPDATE refresh_tokens SET used = 1 WHERE token_hash = ?", [try SHA256.hash(Array(token.utf8))])
                try audit.append(AuditEvent(action: "token_refresh", outcome: .success, actorID: user.id,
                                            actorUsername: user.username, actorRole: user.role.rawValue,
                                            sessionShort: String(sessionID.prefix(8)), clientIP: ip), in: connection)
                return .pair(try issuePair(user: user, sessionID: sessionID, family: family, familyStart: started,
                                           in: connection))
            }
            try audit.publishHead()
            switch outcome {
            case .pair(let pair): return pair
            case .reused: throw HTTPError(401, "refresh_token_reused", "The refresh token was already used; the session is ended.")
            case .expired: throw HTTPError(401, "token_expired", "The refresh token has expired.")
            case .invalid: throw invalid
            }
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError.internalError()
        }
    }

    // MARK: - Logout

    public func logout(_ principal: Principal) throws {
        try database.write { connection in
            try connection.run("INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)",
                               [principal.jti, principal.expiresAt])
            try connection.run("""
                INSERT OR IGNORE INTO revoked_tokens (jti, expires_at)
                SELECT access_jti, access_exp FROM refresh_tokens
                WHERE user_id = ? AND session_id = ? AND revoked = 0 AND access_jti IS NOT NULL
                """, [principal.user.id, principal.sessionID])
            try connection.run("UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ? AND session_id = ?",
                               [principal.user.id, principal.sessionID])
            try connection.run("DELETE FROM revoked_tokens WHERE expires_at < ?", [clock.now() - 120])
            try audit.append(principal.event("logout", .success), in: connection)
        }
        try audit.publishHead()
    }

    // MARK: - Password change (no token: throttled like login)

    public func changePassword(username rawUsername: String, old: String, new: String, ip: String) throws(HTTPError) {
        let username = User.normalize(rawUsername) ?? String(rawUsername.lowercased().prefix(64))
        let now = clock.now()
        do {
            if let wait = try database.read({ try throttle.retryAfter(username: username, ip: ip, now: now, in: $0) }) {
                throw Self.tooMany(wait)
            }
            let found = try database.read { connection -> (User, String)? in
                guard let user = try accounts.user(named: username, in: connection),
                      let hash = try accounts.passwordHash(of: user.id, in: connection) else { return nil }
                return (user, hash)
            }
            let valid: Bool
            if let (_, hash) = found { valid = (try? hasher.verify(old, against: hash))?.isValid ?? false }
            else { _ = try? hasher.verifyDummy(old); valid = false }
            guard let (user, _) = found, valid, !user.disabled else {
                try database.write { connection in
                    try throttle.recordFailure(username: username, ip: ip, now: now, in: connection)
                    try audit.append(AuditEvent(action: "password_change", outcome: .failure, actorUsername: username,
                                                clientIP: ip, reason: "invalid_credentials"), in: connection)
                }
                try audit.publishHead()
                throw Self.invalidCredentials
            }
            if let violation = PasswordPolicy().check(new, username: user.username) {
                throw HTTPError(400, "weak_password", "\(violation.code.rawValue): \(violation.message)")
            }
            if new == old { throw HTTPError(400, "weak_password", "reused: the new password must differ from the old one.") }
            let hash = try hasher.hash(new)
            try database.write { connection in
                try throttle.recordSuccess(username: username, in: connection)
                try accounts.setPassword(hash: hash, of: user.id, mustChange: false, in: connection)
                try audit.append(AuditEvent(action: "password_change", outcome: .success, actorID: user.id,
                                            actorUsername: user.username, actorRole: user.role.rawValue,
                                            clientIP: ip), in: connection)
            }
            try audit.publishHead()
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError.internalError()
        }
    }

    // MARK: - Per-request authentication

    /// Checks the bearer token against the database: MAC and claims, session bound to `sub` and active, user
    /// enabled, token version current, jti not revoked. Role and teams come from the database.
    public func authenticate(_ head: RequestHead) throws(HTTPError) -> Principal {
        guard let header = head.headers["authorization"] else {
            throw HTTPError(401, "unauthorized", "An access token is required.")
        }
        // The scheme name is case-insensitive (RFC 9110 §11.1); exactly one space, then the token.
        let scheme = header.utf8.prefix(7)
        guard scheme.count == 7, String(decoding: scheme.prefix(6), as: UTF8.self).lowercased() == "bearer",
              scheme.last == UInt8(ascii: " "), head.headers.values("authorization").count == 1 else {
            throw HTTPError(401, "invalid_token", "The access token is not valid.")
        }
        let claims = try tokens.verify(String(decoding: header.utf8.dropFirst(7), as: UTF8.self))
        let revoked = HTTPError(401, "token_revoked", "The access token has been revoked.")
        guard let userID = Int64(claims.sub), DeviceSessionID.validate(claims.sid) == claims.sid else {
            throw HTTPError(401, "invalid_token", "The access token is not valid.")
        }
        let now = clock.now()
        let key = AuthCache.Key(jti: claims.jti, userID: userID, sessionID: claims.sid, tokenVersion: claims.ver)
        var answer: (user: User, lastSeen: Int64)?
        do {
            // The cheap path: the epoch has not moved since this token's answer was read.
            if let epoch = try database.readOne("SELECT value FROM auth_epoch WHERE id = 1")?.int("value"),
               let entry = cache.lookup(key, epoch: epoch) {
                answer = (entry.user, entry.lastSeen)
            } else {
                // One statement, one snapshot: the user, their teams, the device session, the jti's revocation
                // and the epoch all of that was read at.
                let row = try database.readOne("""
                    SELECT u.*, s.user_id AS session_user, s.active AS session_active, s.last_seen AS session_last_seen,
                           EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = ?) AS jti_revoked,
                           (SELECT group_concat(t.name, char(31)) FROM (SELECT t.name FROM teams t
                                JOIN user_teams ut ON ut.team_id = t.id WHERE ut.user_id = u.id ORDER BY t.name) t) AS team_names,
                           (SELECT value FROM auth_epoch WHERE id = 1) AS auth_epoch
                    FROM users u JOIN device_sessions s ON s.id = ? WHERE u.id = ?
                    """, [claims.jti, claims.sid, userID])
                if let row, row.int("session_user") == userID, row.int("session_active") == 1,
                   row.int("jti_revoked") == 0 {
                    let teams = (row.string("team_names") ?? "").split(separator: "\u{1f}").map(String.init)
                    let user = User(row: row, teams: teams)
                    if !user.disabled && user.tokenVersion == claims.ver {
                        let lastSeen = row.int("session_last_seen") ?? 0
                        answer = (user, lastSeen)
                        if let epoch = row.int("auth_epoch") {
                            cache.store(key, AuthCache.Entry(epoch: epoch, user: user, lastSeen: lastSeen))
                        }
                    }
                }
            }
        } catch {
            throw HTTPError.internalError()
        }
        guard let (user, lastSeen) = answer else { throw revoked }
        if user.mustChangePassword {
            throw HTTPError(403, "password_change_required", "The password must be changed before first use.")
        }
        if now - lastSeen >= 60 {
            // Once a minute per session, and never on the HTTP thread: expiry needs minute precision, not this request.
            cache.markSeen(key, at: now)
            let database = database
            DispatchQueue.global(qos: .utility).async {
                _ = try? database.write { try $0.run("UPDATE device_sessions SET last_seen = ? WHERE id = ?", [now, claims.sid]) }
            }
        }
        return Principal(user: user, sessionID: claims.sid, jti: claims.jti, expiresAt: claims.exp,
                         clientIP: head.remoteAddress)
    }
}

extension Principal {
    /// An audit event with this caller as the actor.
    func event(_ action: String, _ outcome: AuditEvent.Outcome, targetType: String? = nil, targetID: String? = nil,
               reason: String? = nil) -> AuditEvent {
        AuditEvent(action: action, outcome: outcome, actorID: user.id, actorUsername: user.username,
                   actorRole: user.role.rawValue, sessionShort: sessionShort, clientIP: clientIP,
                   targetType: targetType, targetID: targetID, reason: reason)
    }
}
