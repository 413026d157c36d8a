import Foundation
import Store

/// A recording as its owner (and later supervisors) see it in the API.
public struct RecordingInfo: Sendable, Encodable {
    public let id: String
    public let session_short: String
    public let owner: String
    public let owner_id: Int64
    public let session_id: String
    public let team: String?
    public let created_at: String
    public let duration_s: Double
    public let status: String
    public let source: String
    public let failure_reason: String?
    public let files: [String]
    let file_stamp: String

    enum CodingKeys: String, CodingKey {
        case id, session_short, owner, team, created_at, duration_s, status, source, failure_reason, files
    }

    /// Columns: recordings r JOIN users u, plus a `files` group_concat.
    static let select = """
        SELECT r.*, u.username AS owner, t.name AS team,
               (SELECT group_concat(type) FROM vault_files v WHERE v.recording_id = r.id AND v.complete = 1) AS files
        FROM recordings r JOIN users u ON u.id = r.owner_id LEFT JOIN teams t ON t.id = r.team_id
        """

    init(row: Row) {
        id = row.string("id") ?? ""
        session_id = row.string("session_id") ?? ""
        session_short = String(session_id.prefix(8))
        owner = row.string("owner") ?? ""
        owner_id = row.int("owner_id") ?? 0
        team = row.string("team")
        let created = row.int("created_at") ?? 0
        created_at = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(created)))
        duration_s = Double(row.int("samples") ?? 0) / 16_000
        status = row.string("status") ?? ""
        source = row.string("source") ?? ""
        failure_reason = row.string("failure_reason")
        let order = ["recording", "transcript", "analysis", "report"]
        let present = Set((row.string("files") ?? "").split(separator: ",").map(String.init))
        files = order.filter(present.contains)
        file_stamp = row.string("file_stamp") ?? ""
    }

    static func stamp(_ epoch: Int64) -> String {
        var time = time_t(epoch)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d%02d%02d%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
