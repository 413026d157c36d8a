import Foundation
import Testing

/// Every role against every protected route, over HTTP, with the exact status DESIGN.md's roles table implies.
/// Denials come from the role check before any handler or object lookup (auditors and admins get 403, not 404,
/// even for a recording id that does not exist).
@Suite("Access: policy matrix")
struct AccessPolicyTests {
    static let roles = ["paramedic", "supervisor", "auditor", "admin"]
    static let users: [(String, String, [String])] = [
        ("pat.medic", "paramedic", ["north"]), ("sam.super", "supervisor", ["north"]),
        ("aud.itor", "auditor", []), ("ada.admin", "admin", []), ("target.user", "paramedic", ["north"]),
    ]
    static func username(_ role: String) -> String {
        users.first { $0.1 == role }!.0
    }

    /// One row: a route, how to call it for a role, and the status each role must get.
    struct Row: Sendable {
        let name: String
        let expected: [String: Int]
        let call: @Sendable (Context) throws -> RecResponse
    }

    /// What a row's call may use.
    struct Context: Sendable {
        let client: RecClient
        let role: String
        let device: RecDevice
        let recordingID: String
        let targetUserID: Int
        let wav: [UInt8]
    }

    static func only(_ roles: Set<String>, _ yes: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: Self.roles.map { ($0, roles.contains($0) ? yes : 403) })
    }

    /// In call order (start before chunks before stop; cleanup last, since it ends the session).
    static let rows: [Row] = [
        Row(name: "GET /api/me", expected: only(Set(roles), 200)) {
            try $0.client.request("GET", "/api/me", token: $0.device.token)
        },
        Row(name: "POST /api/start-recording", expected: only(["paramedic", "supervisor"], 201)) {
            try $0.client.json("POST", "/api/start-recording", token: $0.device.token, ["session_id": $0.device.sessionID])
        },
        Row(name: "POST /api/recordings/{id}/chunks", expected: only(["paramedic", "supervisor"], 200)) {
            try $0.client.chunk($0.device, $0.recordingID, seq: 0, RecAudio.pattern(seed: 1, bytes: 3_200))
        },
        Row(name: "POST /api/stop-recording", expected: only(["paramedic", "supervisor"], 202)) {
            try $0.client.json("POST", "/api/stop-recording", token: $0.device.token, ["session_id": $0.device.sessionID])
        },
        Row(name: "POST /api/upload-recording", expected: only(["paramedic", "supervisor"], 202)) {
            try $0.client.request("POST", "/api/upload-recording?session_id=\($0.device.sessionID)",
                                  token: $0.device.token, headers: ["Content-Type": "audio/wav"], body: $0.wav)
        },
        Row(name: "GET /api/recordings", expected: only(["paramedic", "supervisor"], 200)) {
            try $0.client.request("GET", "/api/recordings", token: $0.device.token)
        },
        Row(name: "GET /api/recordings/{id}", expected: only(["paramedic", "supervisor"], 200)) {
            try $0.client.request("GET", "/api/recordings/\($0.recordingID)", token: $0.device.token)
        },
        Row(name: "GET /api/recordings/{id}/files/recording", expected: only(["paramedic", "supervisor"], 200)) {
            try $0.client.request("GET", "/api/recordings/\($0.recordingID)/files/recording", token: $0.device.token)
        },
        Row(name: "GET /api/sessions", expected: only(["admin"], 200)) {
            try $0.client.request("GET", "/api/sessions", token: $0.device.token)
        },
        Row(name: "GET /api/audit", expected: only(["auditor"], 200)) {
            try $0.client.request("GET", "/api/audit?limit=5", token: $0.device.token)
        },
        Row(name: "GET /api/audit/verify", expected: only(["auditor"], 200)) {
            try $0.client.request("GET", "/api/audit/verify", token: $0.device.token)
        },
        Row(name: "GET /api/audit/export", expected: only(["auditor"], 200)) {
            try $0.client.request("GET", "/api/audit/export?format=csv", token: $0.device.token)
        },
        Row(name: "GET /api/users", expected: only(["admin"], 200)) {
            try $0.client.request("GET", "/api/users", token: $0.device.token)
        },
        Row(name: "POST /api/users", expected: only(["admin"], 201)) {
            try $0.client.json("POST", "/api/users", token: $0.device.token,
                               ["username": "made.by.\($0.role)", "password": RecServer.password, "role": "paramedic"])
        },
        Row(name: "PATCH /api/users/{id}", expected: only(["admin"], 200)) {
            try $0.client.json("PATCH", "/api/users/\($0.targetUserID)", token: $0.device.token, ["disabled": false])
        },
        Row(name: "POST /api/users/{id}/end-sessions", expected: only(["admin"], 204)) {
            try $0.client.request("POST", "/api/users/\($0.targetUserID)/end-sessions", token: $0.device.token)
        },
        Row(name: "POST /api/cleanup-session (own)", expected: only(["paramedic", "supervisor", "admin"], 200)) {
            try $0.client.json("POST", "/api/cleanup-session", token: $0.device.token, ["session_id": $0.device.sessionID])
        },
    ]

    @Test("every role × every protected route → the expected status; no token → 401 everywhere")
    func matrix() throws {
        let server = try RecServer(users: Self.users)
        defer { server.stop() }
        let client = server.client
        let wav = try RecAudio.speechWAV("test")
        let admin = try server.login("ada.admin")
        let users = try #require(try client.request("GET", "/api/users", token: admin.token).json["users"] as? [[String: Any]])
        let targetID = try #require(users.first { $0["username"] as? String == "target.user" }?["id"] as? Int)

        var failures: [String] = []
        for role in Self.roles {
            let device = try server.login(Self.username(role))
            var recordingID = UUID().uuidString.lowercased()
            for row in Self.rows {
                let context = Context(client: client, role: role, device: device, recordingID: recordingID,
                                      targetUserID: targetID, wav: wav)
                let response = try row.call(context)
                let expected = row.expected[role]!
                if response.status != expected {
                    failures.append("\(role) \(row.name): expected \(expected), got \(response.status) \(response.text)")
                }
                if expected == 403, response.errorCode != "forbidden" {
                    failures.append("\(role) \(row.name): 403 without code forbidden: \(response.text)")
                }
                if row.name == "POST /api/start-recording", response.status == 201, let id = response.string("recording_id") {
                    recordingID = id
                }
            }
            // After its own cleanup the session's token is revoked at once.
            if role != "auditor" {
                let after = try client.request("GET", "/api/me", token: device.token)
                if after.status != 401 || after.errorCode != "token_revoked" {
                    failures.append("\(role): token after cleanup: \(after.status) \(after.text)")
                }
            }
            // Logout is allowed for every role.
            let fresh = try server.login(Self.username(role))
            let logout = try client.request("POST", "/api/auth/logout", token: fresh.token)
            if logout.status != 204 { failures.append("\(role) logout: \(logout.status) \(logout.text)") }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)

        // No token at all: 401 unauthorized on every protected route, before anything else happens.
        let noToken = RecDevice(username: "", sessionID: RecServer.newSessionID(), token: "", refreshToken: "")
        for row in Self.rows {
            let context = Context(client: client, role: "none", device: noToken, recordingID: UUID().uuidString.lowercased(),
                                  targetUserID: targetID, wav: wav)
            let response = try row.call(context)
            // An empty bearer is an invalid token; send one request per row without the header too.
            #expect(response.status == 401, "\(row.name) with an empty bearer: \(response.status)")
        }
        let paths = [("GET", "/api/me"), ("POST", "/api/start-recording"), ("POST", "/api/recordings/\(UUID())/chunks?seq=0"),
                     ("POST", "/api/stop-recording"), ("POST", "/api/upload-recording"), ("GET", "/api/recordings"),
                     ("GET", "/api/recordings/\(UUID())"), ("GET", "/api/recordings/\(UUID())/files/recording"),
                     ("GET", "/api/sessions"), ("POST", "/api/cleanup-session"), ("GET", "/api/audit"),
                     ("GET", "/api/audit/verify"), ("GET", "/api/audit/export"), ("GET", "/api/users"),
                     ("POST", "/api/users"), ("PATCH", "/api/users/1"), ("POST", "/api/users/1/end-sessions"),
                     ("POST", "/api/auth/logout")]
        for (method, path) in paths {
            let response = try client.request(method, path)
            #expect(response.status == 401, "\(method) \(path)")
            #expect(response.errorCode == "unauthorized", "\(method) \(path): \(response.text)")
        }
        // A token signed with another key is invalid_token.
        let forged = try client.request("GET", "/api/recordings", token:
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI")
        #expect(forged.status == 401)
        #expect(forged.errorCode == "invalid_token")
    }

    @Test("a role change or a disabled account applies to the very next request")
    func roleChangeAppliesAtOnce() throws {
        let server = try RecServer(users: Self.users)
        defer { server.stop() }
        let client = server.client
        let admin = try server.login("ada.admin")
        let medic = try server.login("pat.medic")
        #expect(try client.request("GET", "/api/recordings", token: medic.token).status == 200)
        let users = try #require(try client.request("GET", "/api/users", token: admin.token).json["users"] as? [[String: Any]])
        let medicID = try #require(users.first { $0["username"] as? String == "pat.medic" }?["id"] as? Int)
        let patch = try client.json("PATCH", "/api/users/\(medicID)", token: admin.token, ["role": "auditor"])
        #expect(patch.status == 200)
        // A role change ends the user's sessions: the token issued under the old role stops at once.
        let after = try client.request("GET", "/api/recordings", token: medic.token)
        #expect(after.status == 401)
        #expect(after.errorCode == "token_revoked")
        // Logged in again, the new role's rights apply: no recordings, the audit log.
        let again = try server.login("pat.medic")
        #expect(try client.request("GET", "/api/recordings", token: again.token).errorCode == "forbidden")
        #expect(try client.json("POST", "/api/start-recording", token: again.token,
                                ["session_id": again.sessionID]).errorCode == "forbidden")
        #expect(try client.request("GET", "/api/audit?limit=1", token: again.token).status == 200)
        // Disabling the account revokes its token at once too.
        #expect(try client.json("PATCH", "/api/users/\(medicID)", token: admin.token, ["disabled": true]).status == 200)
        #expect(try client.request("GET", "/api/me", token: again.token).errorCode == "token_revoked")
    }

    @Test("cleanup-session: others' sessions look missing to non-admins; admins may clean any")
    func cleanupOwnership() throws {
        let server = try RecServer(users: Self.users)
        defer { server.stop() }
        let client = server.client
        let medic = try server.login("pat.medic")
        let other = try server.login("target.user")
        let admin = try server.login("ada.admin")
        let foreign = try client.json("POST", "/api/cleanup-session", token: medic.token, ["session_id": other.sessionID])
        let missing = try client.json("POST", "/api/cleanup-session", token: medic.token,
                                      ["session_id": RecServer.newSessionID()])
        #expect(foreign.status == 404)
        #expect(foreign.body == missing.body)
        #expect(try client.request("GET", "/api/me", token: other.token).status == 200, "the foreign session survived")
        let malformed = try client.json("POST", "/api/cleanup-session", token: admin.token, ["session_id": "abc"])
        #expect(malformed.errorCode == "invalid_session_id")
        let byAdmin = try client.json("POST", "/api/cleanup-session", token: admin.token, ["session_id": other.sessionID])
        #expect(byAdmin.status == 200)
        #expect(try client.request("GET", "/api/me", token: other.token).errorCode == "token_revoked")
        #expect(try client.request("GET", "/api/me", token: medic.token).status == 200)
    }
}
