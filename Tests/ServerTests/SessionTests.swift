import App
import Foundation
import Security
import Testing

/// Identity over live HTTP: the first admin, logout, refresh rotation and reuse, disable, role change, CLI
/// changes, device-session rebind and JWT key rotation. Every change applies to the very next request.
@Suite struct SessionTests {
    @Test func firstAdminMustChangeThePassword() throws {
        let server = try TestServer()
        #expect(!server.initialAdminPassword.isEmpty)
        let first = try server.login("admin", server.initialAdminPassword)
        FoundationTests.expectError(first, 403, "password_change_required")
        #expect(first.json?["access_token"] == nil, "no token before the change")

        let change = { (old: String, new: String) in
            try server.json("POST", "/api/auth/password", ["username": "admin", "old_password": old, "new_password": new])
        }
        FoundationTests.expectError(try change("not-the-password-1", TestServer.adminPassword), 401, "invalid_credentials")
        FoundationTests.expectError(try change(server.initialAdminPassword, "password1234"), 400, "weak_password")
        FoundationTests.expectError(try change(server.initialAdminPassword, "short"), 400, "weak_password")
        FoundationTests.expectError(try change(server.initialAdminPassword, "my-admin-password-xyz"), 400, "weak_password")
        #expect(try change(server.initialAdminPassword, TestServer.adminPassword).status == 204)

        FoundationTests.expectError(try server.login("admin", server.initialAdminPassword), 401, "invalid_credentials")
        let login = try server.login("admin", TestServer.adminPassword)
        #expect(login.status == 200, "\(login)")
        let json = try #require(login.json)
        #expect(json["token_type"] as? String == "Bearer")
        #expect(json["expires_in"] as? Int == 900)
        #expect((json["user"] as? [String: Any])?["role"] as? String == "admin")
        // The one-time password is spent.
        FoundationTests.expectError(try change(server.initialAdminPassword, "Another-Admin-Pass-77"), 401,
                                    "invalid_credentials")
    }

    @Test func meReportsUserAndSession() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic", teams: ["north"])
        let session = try server.session("MEDIC")  // usernames are normalized
        let me = try server.me(session.access)
        #expect(me.status == 200)
        let json = try #require(me.json)
        #expect(json["session_id"] as? String == session.sessionID)
        let user = try #require(json["user"] as? [String: Any])
        #expect(user["username"] as? String == "medic")
        #expect(user["role"] as? String == "paramedic")
        #expect(user["teams"] as? [String] == ["north"])
        FoundationTests.expectError(try server.request("GET", "/api/me"), 401, "unauthorized")
        // A session id that is not a UUID v4 is refused at login.
        for bad in ["abc", "00000000-0000-0000-0000-000000000000", "../../etc/passwd", UUID().uuidString + "x"] {
            FoundationTests.expectError(try server.login("medic", userPassword, session: bad), 400, "invalid_session_id")
        }
    }

    @Test func logoutRevokesTheTokenAndItsRefreshChain() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        let session = try server.session("medic")
        let logout = try server.json("POST", "/api/auth/logout", token: session.access)
        #expect(logout.status == 204)
        FoundationTests.expectError(try server.me(session.access), 401, "token_revoked")
        FoundationTests.expectError(try server.json("POST", "/api/auth/logout", token: session.access), 401, "token_revoked")
        let refresh = try server.json("POST", "/api/auth/refresh", ["refresh_token": session.refresh])
        #expect(refresh.status == 401, "\(refresh)")
        #expect(refresh.errorCode == "invalid_token", "\(refresh)")
        // Logging in again on the same device works.
        let again = try server.session("medic", sessionID: session.sessionID)
        #expect(try server.me(again.access).status == 200)
    }

    @Test func refreshRotatesAndReuseKillsTheWholeFamily() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        let first = try server.session("medic")
        let refresh = { (token: String) in try server.json("POST", "/api/auth/refresh", ["refresh_token": token]) }

        let secondResponse = try refresh(first.refresh)
        #expect(secondResponse.status == 200, "\(secondResponse)")
        let second = try TestServer.session(from: secondResponse)
        #expect(second.refresh != first.refresh)
        #expect(second.access != first.access)
        #expect(second.sessionID == first.sessionID)
        #expect(try server.me(second.access).status == 200)
        let third = try TestServer.session(from: try refresh(second.refresh))
        #expect(try server.me(third.access).status == 200)

        // The first (rotated) refresh token presented again: reuse.
        FoundationTests.expectError(try refresh(first.refresh), 401, "refresh_token_reused")
        // The whole family is dead, the newest access token included.
        for (label, token) in [("newest", third.access), ("middle", second.access), ("first", first.access)] {
            let response = try server.me(token)
            #expect(response.status == 401 && response.errorCode == "token_revoked", "\(label) access: \(response)")
        }
        FoundationTests.expectError(try refresh(third.refresh), 401, "invalid_token")
        // A fresh login is unaffected.
        #expect(try server.me(try server.session("medic").access).status == 200)
    }

    @Test func refreshTokensExpireIdleAndAbsolute() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        var session = try server.session("medic")
        server.clock.advance(by: 31 * 60)
        FoundationTests.expectError(try server.json("POST", "/api/auth/refresh", ["refresh_token": session.refresh]),
                                    401, "token_expired")
        // A shift: refreshing every 14 minutes keeps the chain alive until 12 h after the login, not longer.
        session = try server.session("medic")
        var refreshed = 0
        while true {
            server.clock.advance(by: 14 * 60)
            let response = try server.json("POST", "/api/auth/refresh", ["refresh_token": session.refresh])
            if response.status != 200 {
                FoundationTests.expectError(response, 401, "token_expired")
                break
            }
            session = try TestServer.session(from: response)
            refreshed += 1
            try #require(refreshed < 100, "the refresh chain never ends")
        }
        #expect(refreshed == 12 * 60 / 14, "refreshes in 12 h: \(refreshed)")
        FoundationTests.expectError(try server.json("POST", "/api/auth/refresh", ["refresh_token": "short"]), 401,
                                    "invalid_token")
    }

    @Test func disabledUserIsRefusedOnTheNextRequest() throws {
        let server = try TestServer()
        let user = try server.addUser("medic", role: "paramedic")
        let session = try server.session("medic")
        let admin = try server.adminSession()
        let patch = try server.json("PATCH", "/api/users/\(user.id)", ["disabled": true], token: admin.access)
        #expect(patch.status == 200, "\(patch)")
        #expect(patch.json?["disabled"] as? Bool == true)
        FoundationTests.expectError(try server.me(session.access), 401, "token_revoked")
        FoundationTests.expectError(try server.json("POST", "/api/auth/refresh", ["refresh_token": session.refresh]),
                                    401, "invalid_token")
        // Same answer as a wrong password: a disabled account is not revealed.
        FoundationTests.expectError(try server.login("medic", userPassword), 401, "invalid_credentials")
        #expect(try server.json("PATCH", "/api/users/\(user.id)", ["disabled": false], token: admin.access).status == 200)
        #expect(try server.me(try server.session("medic").access).status == 200)
    }

    @Test func roleChangeAppliesAtOnce() throws {
        let server = try TestServer()
        let boss = try server.addUser("boss", role: "admin")
        let session = try server.session("boss")
        #expect(try server.json("GET", "/api/users", token: session.access).status == 200)
        let admin = try server.adminSession()
        let patch = try server.json("PATCH", "/api/users/\(boss.id)", ["role": "paramedic"], token: admin.access)
        #expect(patch.status == 200, "\(patch)")
        #expect(patch.json?["role"] as? String == "paramedic")
        // The very next request with the old token is refused: no token issued before the change survives it.
        FoundationTests.expectError(try server.json("GET", "/api/users", token: session.access), 401, "token_revoked")
        // Logged in again, the new role rules.
        let again = try server.session("boss")
        FoundationTests.expectError(try server.json("GET", "/api/users", token: again.access), 403, "forbidden")
        #expect(try server.me(again.access).json.flatMap { ($0["user"] as? [String: Any])?["role"] as? String } == "paramedic")
    }

    @Test func endSessionsAndPasswordChangesRevokeEveryToken() throws {
        let server = try TestServer()
        let user = try server.addUser("medic", role: "paramedic")
        let tablet = try server.session("medic")
        let phone = try server.session("medic")
        let admin = try server.adminSession()
        #expect(try server.json("POST", "/api/users/\(user.id)/end-sessions", token: admin.access).status == 204)
        for token in [tablet.access, phone.access] { FoundationTests.expectError(try server.me(token), 401, "token_revoked") }
        FoundationTests.expectError(try server.json("POST", "/api/auth/refresh", ["refresh_token": phone.refresh]), 401,
                                    "invalid_token")

        let fresh = try server.session("medic")
        let change = try server.json("POST", "/api/auth/password", ["username": "medic", "old_password": userPassword,
                                                                    "new_password": "Brand-New-Secret-4471"])
        #expect(change.status == 204, "\(change)")
        FoundationTests.expectError(try server.me(fresh.access), 401, "token_revoked")
        #expect(try server.login("medic", "Brand-New-Secret-4471").status == 200)
        FoundationTests.expectError(try server.login("medic", userPassword), 401, "invalid_credentials")
    }

    /// `paramedic user disable` / `set-password` run against the data directory while the server runs: the
    /// server's next request sees the change.
    @Test func commandLineChangesApplyToTheRunningServer() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        try server.addUser("nurse", role: "paramedic")
        let medic = try server.session("medic")
        let nurse = try server.session("nurse")
        try server.adminTool().disableUser(name: "medic")
        FoundationTests.expectError(try server.me(medic.access), 401, "token_revoked")
        FoundationTests.expectError(try server.login("medic", userPassword), 401, "invalid_credentials")

        try server.adminTool().setPassword(name: "nurse", password: "Reset-By-Cli-Secret-52")
        FoundationTests.expectError(try server.me(nurse.access), 401, "token_revoked")
        #expect(try server.login("nurse", "Reset-By-Cli-Secret-52").status == 200)
        // A user added by the CLI can log in at once, without a forced change.
        try server.addUser("late", role: "supervisor")
        #expect(try server.login("late", userPassword).status == 200)
    }

    /// User B logging in on the tablet user A used: the device session is rebound and A's tokens die.
    @Test func rebindingADeviceSessionKillsThePreviousUsersTokens() throws {
        let server = try TestServer()
        try server.addUser("alice", role: "paramedic")
        try server.addUser("bob", role: "paramedic")
        let tablet = newSessionID()
        let alice = try server.session("alice", sessionID: tablet)
        let aliceElsewhere = try server.session("alice")
        let bob = try server.session("bob", sessionID: tablet)
        FoundationTests.expectError(try server.me(alice.access), 401, "token_revoked")
        FoundationTests.expectError(try server.json("POST", "/api/auth/refresh", ["refresh_token": alice.refresh]), 401,
                                    "invalid_token")
        let me = try server.me(bob.access)
        #expect(me.status == 200)
        #expect(me.json?["session_id"] as? String == tablet)
        // Alice's other device is untouched.
        #expect(try server.me(aliceElsewhere.access).status == 200)
        // And back: Alice takes the tablet again, Bob's tokens die, and her token from before Bob stays dead
        // (the session row is hers and active again, but that token was revoked when Bob took over).
        _ = try server.session("alice", sessionID: tablet)
        FoundationTests.expectError(try server.me(bob.access), 401, "token_revoked")
        FoundationTests.expectError(try server.me(alice.access), 401, "token_revoked")
    }

    /// Ending a device session (cleanup, an admin, expiry) revokes its access tokens: logging in on that device
    /// again reactivates the session row but must not bring an old token back.
    @Test func aTokenFromBeforeACleanupStaysDeadAfterTheNextLogin() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        let tablet = newSessionID()
        let before = try server.session("medic", sessionID: tablet)
        let cleaned = try server.json("POST", "/api/cleanup-session", ["session_id": tablet], token: before.access)
        #expect(cleaned.status == 200, "\(cleaned)")
        FoundationTests.expectError(try server.me(before.access), 401, "token_revoked")
        let after = try server.session("medic", sessionID: tablet)
        #expect(try server.me(after.access).status == 200)
        FoundationTests.expectError(try server.me(before.access), 401, "token_revoked")
    }

    /// `paramedic keys rotate --jwt` while the server runs: tokens signed before keep verifying, and logins
    /// after it are signed with the new key.
    @Test func jwtRotationKeepsOldTokensAndSignsWithTheNewKey() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        let before = try server.session("medic")
        let oldKid = try #require(before.access.jwtHeader?["kid"] as? String)
        let newKid = try server.adminTool().rotateJWT()
        #expect(newKid != oldKid)
        #expect(try server.me(before.access).status == 200, "a token signed with the previous key still verifies")

        let after = try server.session("medic")
        #expect(after.access.jwtHeader?["kid"] as? String == newKid, "new logins are signed with the new key")
        #expect(try server.me(after.access).status == 200)
        #expect(try server.me(before.access).status == 200)

        // SIGHUP (reloadKeys) changes nothing about that, and a token forged with the retired key's id but
        // another key is still refused.
        server.app.reloadKeys()
        #expect(try server.me(before.access).status == 200)
        let fake = TokenForge(kid: oldKid, key: try HMACKey(key: try SecureRandom.bytes(32)))
        let forged = try fake.sign(payload: fake.payload(userID: before.userID, sessionID: before.sessionID,
                                                         now: server.clock.now()))
        FoundationTests.expectError(try server.me(forged), 401, "invalid_token")
        // Once every token the old key signed has expired, a second rotation drops it.
        server.clock.advance(by: 20 * 60)
        _ = try server.adminTool().rotateJWT()
        server.app.reloadKeys()
        let stale = try KeyFile.load(path: server.keysDirectory + "/jwt.key")
        #expect(!stale.entries.contains { $0.id == oldKid }, "the retired key is dropped from disk")
    }
}
