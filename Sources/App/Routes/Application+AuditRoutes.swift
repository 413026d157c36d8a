import Foundation
import HTTP
import Store

extension Application {
    struct AuditPage: Encodable {
        let entries: [AuditEntry]
        let next_cursor: Int64?
    }
    struct VerifyResponse: Encodable {
        let valid: Bool
        let entries: Int64
        let head: String?
        let first_bad_seq: Int64?
        let reason: String?
    }

    func addAuditRoutes(to router: inout Router) {
        router.add(secured(.get, "/api/audit", .readAudit, bodyLimit: 0) { [self] request, principal, writer in
            writer.write(respond {
                let filter = try AuditFilter(query: request.query)
                let entries = try database.read { try filter.run(in: $0) }
                try audit.record(principal.event("audit_read", .success, reason: "entries=\(entries.count)"),
                                 database: database)
                let next = entries.count == filter.limit ? entries.last?.seq : nil
                return .json(AuditPage(entries: entries, next_cursor: next))
            })
        })
        router.add(secured(.get, "/api/audit/verify", .readAudit, bodyLimit: 0) { [self] _, principal, writer in
            writer.write(respond {
                let result = try audit.verify(database: database)
                try audit.record(principal.event("audit_verify", .success, reason: result.isValid ? "valid" : "broken"),
                                 database: database)
                switch result {
                case .valid(let entries, let head):
                    return .json(VerifyResponse(valid: true, entries: entries, head: head, first_bad_seq: nil, reason: nil))
                case .broken(let seq, let reason, let entries):
                    return .json(VerifyResponse(valid: false, entries: entries, head: nil, first_bad_seq: seq,
                                                reason: reason))
                }
            })
        })
        router.add(secured(.get, "/api/audit/export", .readAudit, bodyLimit: 0) { [self] request, principal, writer in
            writer.write(respond {
                let format = request.query["format"] ?? "jsonl"
                guard format == "jsonl" || format == "csv" else {
                    throw HTTPError.invalidRequest("format must be jsonl or csv")
                }
                var filter = try AuditFilter(query: request.query.filter { $0.key != "limit" && $0.key != "format" })
                filter.limit = Int.max
                let entries = try database.read { try filter.run(in: $0) }
                try audit.record(principal.event("audit_export", .success, reason: format), database: database)
                var response = Response(status: 200, headers: HTTPHeaders(),
                                        body: .stream(length: nil, AuditExportStream(entries: entries, csv: format == "csv")))
                response.headers.set(name: "Content-Type", value: format == "csv" ? "text/csv; charset=utf-8"
                                                                                 : "application/x-ndjson")
                response.headers.set(name: "Content-Disposition", value: "attachment; filename=\"audit.\(format)\"")
                return response
            })
        })
    }
}
