import Foundation
import Testing

/// Session expiry and cleanup: idle device sessions end, recording ones never lose audio.
@Suite("Recording: expiry and cleanup")
struct RecordingExpiryTests {
    @Test("idle > 24 h → session deactivated (token_revoked); a recording session is kept; cleanup finalizes, nothing dropped")
    func expiryAndCleanup() throws {
        let server = try RecServer(users: [("medic.idle", "paramedic", []), ("medic.busy", "paramedic", []),
                                           ("medic.third", "paramedic", []), ("ada.admin", "admin", []),
                                           ("audi.tor", "auditor", [])]) { configuration in
            // Access tokens outlive the 25 h jump here, so what the test sees after it is the session's
            // revocation (token_revoked), not the token's own 15-minute expiry (token_expired).
            configuration.tokens.accessLifetime = 48 * 3600
        }
        defer { server.stop() }
        let client = server.client
        let idle = try server.login("medic.idle")
        let busy = try server.login("medic.busy")
        let third = try server.login("medic.third")
        let pcm = RecAudio.pattern(seed: 11, bytes: 3 * 8_000)
        let busyID = try client.start(busy)
        let thirdID = try client.start(third)
        for seq in 0..<2 {
            #expect(try client.chunk(busy, busyID, seq: seq, Array(pcm[(seq * 8_000)..<((seq + 1) * 8_000)])).status == 200)
            #expect(try client.chunk(third, thirdID, seq: seq, Array(pcm[(seq * 8_000)..<((seq + 1) * 8_000)])).status == 200)
        }
        #expect(try client.request("GET", "/api/me", token: idle.token).status == 200)

        // A day and an hour with no request from anyone, then the background task.
        server.clock.advance(by: 25 * 3600)
        server.app.runMaintenance()

        let revoked = try client.request("GET", "/api/me", token: idle.token)
        #expect(revoked.status == 401)
        #expect(revoked.errorCode == "token_revoked")
        // The recording sessions were not expired: they go on where they were.
        let next = try client.chunk(busy, busyID, seq: 2, Array(pcm[16_000..<24_000]))
        #expect(next.status == 200, "\(next.text)")
        #expect(next.json["bytes_received"] as? Int == 24_000)

        let admin = try server.login("ada.admin")
        let sessions = try client.request("GET", "/api/sessions", token: admin.token).json
        let entries = try #require(sessions["sessions"] as? [[String: Any]])
        let ids = Set(entries.compactMap { $0["session_id"] as? String })
        #expect(!ids.contains(idle.sessionID), "the idle session is gone")
        #expect(ids.isSuperset(of: [busy.sessionID, third.sessionID, admin.sessionID]))
        #expect(sessions["active_sessions"] as? Int == entries.count)
        #expect((sessions["session_ids"] as? [String])?.contains(String(busy.sessionID.prefix(8)) + "...") == true)
        #expect(entries.first { $0["session_id"] as? String == busy.sessionID }?["recording"] as? String == busyID)

        // The owner cleans up a session that is recording: the recording is finalized and processed, whole.
        let cleaned = try client.json("POST", "/api/cleanup-session", token: busy.token, ["session_id": busy.sessionID])
        #expect(cleaned.status == 200, "\(cleaned.text)")
        #expect(cleaned.string("finalized_recording") == busyID)
        #expect(try client.request("GET", "/api/me", token: busy.token).errorCode == "token_revoked")
        // An admin cleans up another user's recording session: the same.
        let byAdmin = try client.json("POST", "/api/cleanup-session", token: admin.token, ["session_id": third.sessionID])
        #expect(byAdmin.status == 200)
        #expect(byAdmin.string("finalized_recording") == thirdID)

        let busyAgain = try server.login("medic.busy")
        let busyInfo = try client.waitFor(busyAgain, busyID, file: "report")
        #expect(busyInfo["status"] as? String == "ready")
        #expect(try RecWAV(try client.file(busyAgain, busyID, "recording").body).pcm == pcm)
        let thirdAgain = try server.login("medic.third")
        #expect(try client.waitFor(thirdAgain, thirdID, file: "report")["status"] as? String == "ready")
        #expect(try RecWAV(try client.file(thirdAgain, thirdID, "recording").body).pcm == Array(pcm.prefix(16_000)))

        // Audited: the expiry (by the system), both finalizations.
        let auditor = try server.login("audi.tor")
        let expired = try client.request("GET", "/api/audit?action=session_expire", token: auditor.token)
            .json["entries"] as? [[String: Any]] ?? []
        #expect(expired.map { $0["target_id"] as? String } == [String(idle.sessionID.prefix(8))])
        #expect(expired.first?["actor_username"] as? String == "system")
        let finalized = try client.request("GET", "/api/audit?action=recording_finalize", token: auditor.token)
            .json["entries"] as? [[String: Any]] ?? []
        #expect(Set(finalized.compactMap { $0["target_id"] as? String }) == [busyID, thirdID])
    }

    @Test("an idle session whose recording was stopped expires once idle again")
    func stoppedSessionExpires() throws {
        let server = try RecServer(users: [("medic.later", "paramedic", [])]) { $0.tokens.accessLifetime = 72 * 3600 }
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.later")
        let id = try client.start(device)
        server.clock.advance(by: 25 * 3600)
        server.app.runMaintenance()
        #expect(try client.request("GET", "/api/me", token: device.token).status == 200, "kept while recording")
        #expect(try client.stop(device).status == 202)
        _ = try client.waitFor(device, id)
        server.clock.advance(by: 25 * 3600)
        server.app.runMaintenance()
        #expect(try client.request("GET", "/api/me", token: device.token).errorCode == "token_revoked")
    }
}
