import Foundation
import Security
import Store

/// Users and teams in SQLite. Every change that must end a user's sessions bumps `token_version`, which every
/// request compares with the token's `ver` claim, so no token issued before the change survives it.
public struct Accounts: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let policy: PasswordPolicy
    let clock: any Clock

    public init(database: Database, hasher: PasswordHasher, policy: PasswordPolicy = PasswordPolicy(),
                clock: any Clock) {
        self.database = database
        self.hasher = hasher
        self.policy = policy
        self.clock = clock
    }

    public func user(id: Int64, in connection: Connection) throws -> User? {
        guard let row = try connection.first("SELECT * FROM users WHERE id = ?", [id]) else { return nil }
        return User(row: row, teams: try teams(of: id, in: connection))
    }

    public func user(named username: String, in connection: Connection) throws -> User? {
        guard let row = try connection.first("SELECT * FROM users WHERE username = ?", [username]) else { return nil }
        return User(row: row, teams: try teams(of: row.int("id") ?? 0, in: connection))
    }

    public func passwordHash(of userID: Int64, in connection: Connection) throws -> String? {
        try connection.first("SELECT password_hash FROM users WHERE id = ?", [userID])?.string("password_hash")
    }

    public func teams(of userID: Int64, in connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT t.name FROM teams t JOIN user_teams ut ON ut.team_id = t.id WHERE ut.user_id = ? ORDER BY t.name
            """, [userID]).compactMap { $0.string("name") }
    }

    public func list() throws -> [User] {
        try database.read { connection in
            try connection.query("SELECT * FROM users ORDER BY id").map { row in
                User(row: row, teams: try teams(of: row.int("id") ?? 0, in: connection))
            }
        }
    }

    public func count() throws -> Int {
        try database.read { Int(try $0.first("SELECT count(*) AS n FROM users")?.int("n") ?? 0) }
    }

    /// Checks the password policy; throws the violation.
    public func checkPolicy(_ password: String, username: String) throws {
        if let violation = policy.check(password, username: username) { throw violation }
    }

    /// Creates a user (password hashed here, off any HTTP thread by the caller) inside `connection`'s transaction.
    public func create(username: String, passwordHash: String, role: Role, teams: [String], mustChange: Bool,
                       in connection: Connection) throws -> Int64 {
        let now = clock.now()
        try connection.run("""
            INSERT INTO users (username, password_hash, role, must_change_password, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [username, passwordHash, role.rawValue, mustChange, now, now])
        let id = connection.lastInsertRowID
        try setTeams(teams, of: id, in: connection)
        return id
    }

    public func setTeams(_ teams: [String], of userID: Int64, in connection: Connection) throws {
        try connection.run("DELETE FROM user_teams WHERE user_id = ?", [userID])
        for team in Set(teams) {
            try connection.run("INSERT OR IGNORE INTO teams (name) VALUES (?)", [team])
            try connection.run("""
                INSERT INTO user_teams (user_id, team_id) SELECT ?, id FROM teams WHERE name = ?
                """, [userID, team])
        }
    }

    /// Ends every session of the user: bumps the token version and revokes every refresh token.
    public func endSessions(of userID: Int64, in connection: Connection) throws {
        try connection.run("UPDATE users SET token_version = token_version + 1, updated_at = ? WHERE id = ?",
                           [clock.now(), userID])
        try connection.run("UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?", [userID])
    }

    public func setPassword(hash: String, of userID: Int64, mustChange: Bool, in connection: Connection) throws {
        try connection.run("""
            UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?
            """, [hash, mustChange, clock.now(), userID])
        try endSessions(of: userID, in: connection)
    }

    public func setRole(_ role: Role, of userID: Int64, in connection: Connection) throws {
        try connection.run("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", [role.rawValue, clock.now(), userID])
        try endSessions(of: userID, in: connection)
    }

    public func setDisabled(_ disabled: Bool, of userID: Int64, in connection: Connection) throws {
        try connection.run("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", [disabled, clock.now(), userID])
        if disabled { try endSessions(of: userID, in: connection) }
    }

    /// A random password for the first admin: 24 characters of base64url from 18 random bytes (144 bits).
    public static func randomPassword() throws -> String {
        Base64URL.encode(try SecureRandom.bytes(18))
    }
}
