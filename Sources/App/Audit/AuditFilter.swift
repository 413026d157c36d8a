import HTTP
import Store

/// `GET /api/audit` filters: since, until (epoch seconds), actor (username), action, outcome, limit (≤ 1000),
/// cursor (return entries after this seq). Every value is bound, never spliced into SQL.
struct AuditFilter {
    var since: Int64?
    var until: Int64?
    var actor: String?
    var action: String?
    var outcome: String?
    var cursor: Int64 = 0
    var limit = 100

    init(query: [String: String]) throws(HTTPError) {
        func integer(_ name: String) throws(HTTPError) -> Int64? {
            guard let text = query[name] else { return nil }
            guard let value = Int64(text), value >= 0 else { throw HTTPError.invalidRequest("\(name) must be a number") }
            return value
        }
        since = try integer("since")
        until = try integer("until")
        cursor = try integer("cursor") ?? 0
        if let value = try integer("limit") {
            guard (1...1000).contains(value) else { throw HTTPError.invalidRequest("limit must be 1…1000") }
            limit = Int(value)
        }
        actor = query["actor"]
        action = query["action"]
        outcome = query["outcome"]
        for known in query.keys where !["since", "until", "actor", "action", "outcome", "limit", "cursor"].contains(known) {
            throw HTTPError.invalidRequest("unknown filter '\(AuditEvent.inert(known, limit: 32) ?? "")'")
        }
    }

    func run(in connection: Connection) throws -> [AuditEntry] {
        var clauses = ["seq > ?"]
        var bindings: [any SQLBindable] = [cursor]
        if let since { clauses.append("at >= ?"); bindings.append(since) }
        if let until { clauses.append("at <= ?"); bindings.append(until) }
        if let actor { clauses.append("actor_username = ?"); bindings.append(actor) }
        if let action { clauses.append("action = ?"); bindings.append(action) }
        if let outcome { clauses.append("outcome = ?"); bindings.append(outcome) }
        var sql = "SELECT * FROM audit_log WHERE " + clauses.joined(separator: " AND ") + " ORDER BY seq"
        if limit != Int.max { sql += " LIMIT \(limit)" }
        return try connection.query(sql, bindings).map(AuditEntry.init(row:))
    }
}
