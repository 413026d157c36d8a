/// Every protected route declares one action; `Policy` says which roles may perform it.
public enum Action: String, Sendable, CaseIterable {
    /// Any authenticated user: `GET /api/me`, logout.
    case identify
    /// Start, chunks, stop, upload on one's own device session.
    case record
    /// List and download one's own recordings and their files.
    case readOwnRecordings
    /// Clean up one's own device session (admins may clean any).
    case cleanupOwnSession
    /// Read, filter, verify, export the audit log.
    case readAudit
    /// Users, teams, device sessions, cleanup, key rotation.
    case administer
}
