import Foundation
import HTTP

/// Streams audit entries as JSON lines or CSV. CSV cells that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'`; every cell is quoted.
final class AuditExportStream: ResponseStream, @unchecked Sendable {
    // Safety: MHD calls `next` for one response from one thread at a time; the state is private to it.
    private var entries: ArraySlice<AuditEntry>
    private let csv: Bool
    private var pending: [UInt8] = []
    private var headerSent = false

    init(entries: [AuditEntry], csv: Bool) {
        self.entries = entries[...]
        self.csv = csv
    }

    func next(maxBytes: Int) throws -> [UInt8] {
        while pending.count < maxBytes, let entry = entries.popFirst() {
            if csv && !headerSent {
                headerSent = true
                pending += Array((Self.columns.joined(separator: ",") + "\r\n").utf8)
            }
            pending += csv ? Self.csvLine(entry) : Self.jsonLine(entry)
        }
        if csv && !headerSent {
            headerSent = true
            pending += Array((Self.columns.joined(separator: ",") + "\r\n").utf8)
        }
        let piece = Array(pending.prefix(maxBytes))
        pending.removeFirst(piece.count)
        return piece
    }

    static let columns = ["seq", "at", "actor_id", "actor_username", "actor_role", "session_short", "client_ip",
                          "action", "target_type", "target_id", "outcome", "reason", "mac"]

    static func jsonLine(_ entry: AuditEntry) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(entry)) ?? Data()) + [0x0a]
    }

    static func csvLine(_ entry: AuditEntry) -> [UInt8] {
        let cells: [String?] = [String(entry.seq), String(entry.at), entry.actorID.map { String($0) },
                                entry.actorUsername, entry.actorRole, entry.sessionShort, entry.clientIP, entry.action,
                                entry.targetType, entry.targetID, entry.outcome, entry.reason, entry.mac]
        return Array((cells.map { cell($0 ?? "") }.joined(separator: ",") + "\r\n").utf8)
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
