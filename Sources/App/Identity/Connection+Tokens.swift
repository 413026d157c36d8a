import Store

/// Token rows shared by logout, session cleanup and session rebind.
extension Connection {
    /// Revokes every access token still unexpired that was issued for device session `sessionID` (their ids are
    /// kept on the refresh-token rows that issued them).
    func revokeAccessTokens(session sessionID: String, now: Int64) throws {
        try run("""
            INSERT OR IGNORE INTO revoked_tokens (jti, expires_at)
            SELECT access_jti, access_exp FROM refresh_tokens
            WHERE session_id = ? AND access_jti IS NOT NULL AND access_exp >= ?
            """, [sessionID, now])
    }
}
