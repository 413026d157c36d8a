@testable import App
import Foundation
import Security
import Store
import Testing

/// The per-token authentication cache (`AuthCache`) and the database's authorization epoch behind it. A cached
/// answer must never outlive a change that could alter it, whichever process commits the change.
@Suite struct AuthCacheTests {
    // MARK: The epoch triggers

    @Test func theEpochMovesOnEveryChangeThatCanAlterAnAnswer() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let database = try Database(path: root + "/epoch.db", migrations: Schema.migrations)
        func epoch() throws -> Int64 {
            try #require(try database.readOne("SELECT value FROM auth_epoch WHERE id = 1")?.int("value"))
        }
        func expectBump(_ sql: String, _ bindings: [any SQLBindable] = [], bumps: Bool = true,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try epoch()
            _ = try database.write { try $0.run(sql, bindings) }
            let after = try epoch()
            #expect((after != before) == bumps, "\(sql): epoch \(before) → \(after)", sourceLocation: sourceLocation)
        }
        try expectBump("INSERT INTO teams (id, name) VALUES (1, 'alpha')")
        try expectBump("UPDATE teams SET name = 'beta' WHERE id = 1")
        try expectBump("""
            INSERT INTO users (id, username, password_hash, role, created_at, updated_at)
            VALUES (7, 'medic', 'x', 'paramedic', 0, 0)
            """)
        try expectBump("UPDATE users SET role = 'supervisor' WHERE id = 7")
        try expectBump("UPDATE users SET disabled = 1 WHERE id = 7")
        try expectBump("UPDATE users SET token_version = token_version + 1 WHERE id = 7")
        try expectBump("UPDATE users SET must_change_password = 1 WHERE id = 7")
        try expectBump("INSERT INTO user_teams (user_id, team_id) VALUES (7, 1)")
        try expectBump("DELETE FROM user_teams WHERE user_id = 7")
        try expectBump("INSERT INTO device_sessions (id, user_id, bound_at, last_seen, active) VALUES ('s1', 7, 0, 0, 1)")
        // The once-a-minute `last_seen` write, and a write that changes nothing, keep the cache.
        try expectBump("UPDATE device_sessions SET last_seen = 60 WHERE id = 's1'", bumps: false)
        try expectBump("UPDATE device_sessions SET last_seen = 120, active = 1 WHERE id = 's1'", bumps: false)
        try expectBump("UPDATE device_sessions SET active = 0 WHERE id = 's1'")
        try expectBump("UPDATE device_sessions SET active = 1, user_id = 7, bound_at = 5 WHERE id = 's1'")
        try expectBump("INSERT INTO revoked_tokens (jti, expires_at) VALUES ('j', 10)")
        try expectBump("DELETE FROM revoked_tokens WHERE jti = 'j'")
        try expectBump("DELETE FROM device_sessions WHERE id = 's1'")
        try expectBump("DELETE FROM users WHERE id = 7")
        try expectBump("DELETE FROM teams WHERE id = 1")
        // Tables that say nothing about who may do what leave it alone.
        try expectBump("INSERT INTO settings (key, value) VALUES ('k', 'v')", bumps: false)
    }

    /// The device_sessions trigger watches named columns (so the minutely `last_seen` write keeps the cache): a
    /// column added later must be watched too, or its changes would not reach cached answers.
    @Test func theDeviceSessionsTriggerWatchesEveryColumnButLastSeen() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let database = try Database(path: root + "/epoch.db", migrations: Schema.migrations)
        let columns = try database.read { try $0.query("PRAGMA table_info(device_sessions)") }.compactMap { $0.string("name") }
        let trigger = try #require(try database.readOne(
            "SELECT sql FROM sqlite_master WHERE name = 'auth_epoch_device_sessions_update'")?.string("sql"))
        #expect(columns.count >= 5)
        for column in columns where column != "last_seen" {
            #expect(trigger.contains("OLD.\(column) IS NOT NEW.\(column)"), "\(column) is not watched")
        }
        #expect(try AuthCache.triggersPresent(in: database))
        try database.write { try $0.execute("DROP TRIGGER auth_epoch_revoked_tokens_insert") }
        #expect(try !AuthCache.triggersPresent(in: database), "a missing trigger turns the cache off")
    }

    @Test func anEpochGoingBackwardsEmptiesTheCache() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let database = try Database(path: root + "/epoch.db", migrations: [])
        let row = try #require(try database.readOne(
            "SELECT 1 AS id, 'medic' AS username, 'paramedic' AS role, 0 AS disabled, 0 AS must_change_password, "
                + "1 AS token_version, 0 AS created_at"))
        let user = User(row: row, teams: [])
        let key = AuthCache.Key(jti: "j", userID: 1, sessionID: "s", tokenVersion: 1)
        let cache = AuthCache()
        cache.store(key, AuthCache.Entry(epoch: 5, user: user, lastSeen: 0))
        #expect(cache.lookup(key, epoch: 5) != nil)
        #expect(cache.lookup(key, epoch: 6) == nil, "read at another epoch")
        cache.store(key, AuthCache.Entry(epoch: 7, user: user, lastSeen: 0))
        #expect(cache.lookup(key, epoch: 7) != nil)
        cache.store(key, AuthCache.Entry(epoch: 3, user: user, lastSeen: 0))
        let other = AuthCache.Key(jti: "k", userID: 1, sessionID: "s", tokenVersion: 1)
        cache.store(other, AuthCache.Entry(epoch: 3, user: user, lastSeen: 0))
        #expect(cache.lookup(key, epoch: 3) == nil, "the database went back to an older epoch: nothing trusted")
        #expect(cache.lookup(other, epoch: 3) == nil)

        let off = AuthCache(enabled: false)
        off.store(key, AuthCache.Entry(epoch: 5, user: user, lastSeen: 0))
        #expect(off.lookup(key, epoch: 5) == nil)
    }

    // MARK: Live: changes from a second process

    struct Fixture {
        let server: TestServer
        let session: Session
        /// A second database handle on the server's file, as the `paramedic` CLI (another process) has.
        let other: Database

        init() throws {
            server = try TestServer()
            try server.addUser("medic", role: "paramedic", teams: ["alpha"])
            session = try server.session("medic")
            other = try Database(path: server.databasePath, readers: 1, migrations: Schema.migrations)
        }

        var hits: Int { server.app.auth.cache.hitCount }

        func sql(_ statement: String, _ bindings: [any SQLBindable] = []) throws {
            _ = try other.write { try $0.run(statement, bindings) }
        }

        /// `GET /api/me` twice: the second answer must come from the cache (the first may have filled it).
        func meTwice(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
            _ = try server.me(session.access)
            let before = hits
            let response = try server.me(session.access)
            #expect(response.status == 200, "\(response)", sourceLocation: sourceLocation)
            #expect(hits == before + 1, "answered from the cache", sourceLocation: sourceLocation)
            return try #require(response.json?["user"] as? [String: Any])
        }

        func expectRevoked(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let response = try server.me(session.access)
            #expect(response.status == 401 && response.errorCode == "token_revoked", "\(response)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func aCachedAnswerFollowsRoleAndTeamChangesAtOnce() throws {
        let f = try Fixture()
        #expect(try f.meTwice()["role"] as? String == "paramedic")
        try f.sql("UPDATE users SET role = 'supervisor' WHERE id = ?", [f.session.userID])
        #expect(try f.server.me(f.session.access).json.flatMap { $0["user"] as? [String: Any] }?["role"] as? String
                == "supervisor")
        try f.sql("INSERT INTO teams (name) VALUES ('bravo')")
        try f.sql("INSERT INTO user_teams (user_id, team_id) SELECT ?, id FROM teams WHERE name = 'bravo'",
                  [f.session.userID])
        #expect(try f.meTwice()["teams"] as? [String] == ["alpha", "bravo"])
    }

    @Test func disablingTheUserInAnotherProcessEndsACachedToken() throws {
        let f = try Fixture()
        _ = try f.meTwice()
        try f.sql("UPDATE users SET disabled = 1 WHERE id = ?", [f.session.userID])
        try f.expectRevoked()
        try f.sql("UPDATE users SET disabled = 0 WHERE id = ?", [f.session.userID])
        _ = try f.meTwice()
    }

    @Test func revokingTheJtiOrEndingTheSessionEndsACachedToken() throws {
        let f = try Fixture()
        _ = try f.meTwice()
        let payload = try #require(f.session.access.split(separator: ".").dropFirst().first)
        let payloadBytes = try #require(Base64URL.decode(String(payload)))
        let object = try JSONSerialization.jsonObject(with: Data(payloadBytes))
        let claims = try #require(object as? [String: Any])
        let jti = try #require(claims["jti"] as? String)
        try f.sql("INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?)", [jti, Int64(4_000_000_000)])
        try f.expectRevoked()

        let second = try f.server.session("medic")
        _ = try f.server.me(second.access)
        try f.sql("UPDATE device_sessions SET active = 0 WHERE id = ?", [second.sessionID])
        let response = try f.server.me(second.access)
        #expect(response.status == 401 && response.errorCode == "token_revoked", "\(response)")
    }

    @Test func theMinutelyLastSeenUpdateKeepsTheCache() throws {
        let f = try Fixture()
        _ = try f.meTwice()
        try f.sql("UPDATE device_sessions SET last_seen = last_seen + 61 WHERE id = ?", [f.session.sessionID])
        let before = f.hits
        #expect(try f.server.me(f.session.access).status == 200)
        #expect(f.hits == before + 1)
    }
}
