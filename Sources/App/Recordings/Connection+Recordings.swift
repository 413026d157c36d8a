import Store

/// Row operations the recorder, the upload path and crash recovery share.
extension Connection {
    /// The team a new recording belongs to: the owner's first team by name, or nil.
    func primaryTeam(of userID: Int64) throws -> Int64? {
        try first("""
            SELECT t.id FROM teams t JOIN user_teams ut ON ut.team_id = t.id WHERE ut.user_id = ? ORDER BY t.name LIMIT 1
            """, [userID])?.int("id")
    }

    /// Queues (or re-queues) the processing job of a recording.
    func queueJob(recordingID: String, at now: Int64) throws {
        try run("""
            INSERT INTO jobs (recording_id, state, queued_at) VALUES (?, 'queued', ?)
            ON CONFLICT(recording_id) DO UPDATE SET state = 'queued'
            """, [recordingID, now])
    }
}
