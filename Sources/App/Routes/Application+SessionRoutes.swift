import Foundation
import HTTP

extension Application {
    struct SessionEntry: Encodable {
        let session_id: String
        let user: String
        let last_seen: String
        let recording: String?
    }
    struct SessionsResponse: Encodable {
        let active_sessions: Int
        let session_ids: [String]
        let sessions: [SessionEntry]
    }

    func addSessionRoutes(to router: inout Router) {
        router.add(secured(.get, "/api/sessions", .administer, bodyLimit: 0) { [self] _, principal, writer in
            writer.write(respond {
                let rows = try database.read {
                    try $0.query("""
                        SELECT s.id, s.last_seen, u.username,
                               (SELECT r.id FROM recordings r WHERE r.session_id = s.id AND r.status = 'recording') AS recording
                        FROM device_sessions s JOIN users u ON u.id = s.user_id WHERE s.active = 1 ORDER BY s.last_seen DESC
                        """)
                }
                let formatter = ISO8601DateFormatter()
                let sessions = rows.map { row in
                    SessionEntry(session_id: row.string("id") ?? "", user: row.string("username") ?? "",
                                 last_seen: formatter.string(from: Date(timeIntervalSince1970:
                                     TimeInterval(row.int("last_seen") ?? 0))),
                                 recording: row.string("recording"))
                }
                try audit.record(principal.event("sessions_list", .success), database: database)
                return .json(SessionsResponse(active_sessions: sessions.count,
                                              session_ids: sessions.map { String($0.session_id.prefix(8)) + "..." },
                                              sessions: sessions))
            })
        })
        router.add(secured(.post, "/api/cleanup-session", .cleanupOwnSession, bodyLimit: 4096) { [self] request, principal, writer in
            writer.write(respond {
                let body = try request.decodeJSON(SessionBody.self)
                guard let sessionID = DeviceSessionID.validate(body.session_id) else {
                    throw HTTPError(400, "invalid_session_id", "session_id must be a UUID v4.")
                }
                let owner = try database.read {
                    try $0.first("SELECT user_id FROM device_sessions WHERE id = ? AND active = 1", [sessionID])?.int("user_id")
                }
                // Admins may clean any session; everyone else only their own. Others' sessions look missing.
                guard let owner, principal.user.role == .admin || owner == principal.user.id else {
                    throw HTTPError.notFound()
                }
                let finalized = try cleanup(session: sessionID, actor: principal.event("", .success), reason: "cleanup")
                return .json(["status": "cleaned", "session_id": sessionID, "finalized_recording": finalized?.lowercased ?? ""])
            })
        })
    }

    /// Ends a device session: a recording in progress there is finalized and queued (never dropped), the
    /// session's refresh tokens are revoked and the session deactivated.
    @discardableResult
    func cleanup(session sessionID: String, actor: AuditEvent, reason: String) throws -> UUID? {
        let finalized = try recorders.finalize(session: sessionID, actor: actor, reason: reason)
        try database.write { connection in
            try connection.run("UPDATE device_sessions SET active = 0 WHERE id = ?", [sessionID])
            // The access tokens too: a later login on this device reactivates the session row, which must not
            // bring back a token issued before it ended.
            try connection.revokeAccessTokens(session: sessionID, now: clock.now())
            try connection.run("UPDATE refresh_tokens SET revoked = 1 WHERE session_id = ?", [sessionID])
            var event = actor
            event.action = reason == "expiry" ? "session_expire" : "session_cleanup"
            event.targetType = "session"
            event.targetID = String(sessionID.prefix(8))
            try audit.append(event, in: connection)
        }
        try audit.publishHead()
        return finalized
    }

    /// The background task: expire idle sessions (not recording) and crypto-shred recordings past retention.
    public func runMaintenance() {
        let now = clock.now()
        do {
            let idle = try database.read {
                try $0.query("SELECT id FROM device_sessions WHERE active = 1 AND last_seen < ?",
                             [now - configuration.sessionIdleTimeout])
            }
            let recording = recorders.activeSessions()
            for row in idle {
                guard let id = row.string("id"), !recording.contains(id) else { continue }
                try cleanup(session: id, actor: AuditEvent(action: "", outcome: .success, actorUsername: "system"),
                            reason: "expiry")
            }
            if let days = configuration.retentionDays {
                let expired = try database.read {
                    try $0.query("SELECT id FROM recordings WHERE created_at < ? AND status != 'recording'",
                                 [now - Int64(days) * 86_400])
                }
                for row in expired {
                    guard let text = row.string("id"), let id = UUID(uuidString: text) else { continue }
                    var names: [String] = []
                    try database.write { connection in
                        names = try recordingVault.shred(recordingID: id, in: connection)
                        try connection.run("DELETE FROM jobs WHERE recording_id = ?", [text])
                        try connection.run("DELETE FROM recordings WHERE id = ?", [text])
                        try audit.append(AuditEvent(action: "retention_shred", outcome: .success, actorUsername: "system",
                                                    targetType: "recording", targetID: text,
                                                    reason: "older_than_\(days)_days"), in: connection)
                    }
                    try audit.publishHead()
                    recordingVault.removeFiles(names)
                }
            }
        } catch {
            logger.error("maintenance failed", metadata: ["error_type": "\(type(of: error))"])
        }
    }
}
