import Store

/// A stored audit entry: the event plus its sequence number, time and chain MAC.
public struct AuditEntry: Sendable, Codable, Equatable {
    public let seq: Int64
    public let at: Int64
    public let actorID: Int64?
    public let actorUsername: String?
    public let actorRole: String?
    public let sessionShort: String?
    public let clientIP: String?
    public let action: String
    public let targetType: String?
    public let targetID: String?
    public let outcome: String
    public let reason: String?
    public let mac: String

    enum CodingKeys: String, CodingKey {
        case seq, at, action, outcome, reason, mac
        case actorID = "actor_id", actorUsername = "actor_username", actorRole = "actor_role"
        case sessionShort = "session_short", clientIP = "client_ip"
        case targetType = "target_type", targetID = "target_id"
    }

    init(row: Row) {
        seq = row.int("seq") ?? 0
        at = row.int("at") ?? 0
        actorID = row.int("actor_id")
        actorUsername = row.string("actor_username")
        actorRole = row.string("actor_role")
        sessionShort = row.string("session_short")
        clientIP = row.string("client_ip")
        action = row.string("action") ?? ""
        targetType = row.string("target_type")
        targetID = row.string("target_id")
        outcome = row.string("outcome") ?? ""
        reason = row.string("reason")
        mac = (row.bytes("mac") ?? []).hex
    }

    /// The bytes the MAC covers, in a fixed order with explicit lengths, so no two different entries encode
    /// the same (a field cannot bleed into the next one).
    static func canonical(seq: Int64, at: Int64, event: AuditEvent) -> [UInt8] {
        var out: [UInt8] = Array("paramedic-audit-v1".utf8)
        func integer(_ value: Int64?) {
            guard let value else { out.append(0); return }
            out.append(1)
            withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
        }
        func text(_ value: String?) {
            guard let value else { out.append(0); return }
            out.append(2)
            let bytes = Array(value.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        integer(seq)
        integer(at)
        integer(event.actorID)
        text(event.actorUsername)
        text(event.actorRole)
        text(event.sessionShort)
        text(event.clientIP)
        text(event.action)
        text(event.targetType)
        text(event.targetID)
        text(event.outcome.rawValue)
        text(event.reason)
        return out
    }

    var event: AuditEvent {
        AuditEvent(action: action, outcome: AuditEvent.Outcome(rawValue: outcome) ?? .failure, actorID: actorID,
                   actorUsername: actorUsername, actorRole: actorRole, sessionShort: sessionShort,
                   clientIP: clientIP, targetType: targetType, targetID: targetID, reason: reason)
    }
}

extension Array where Element == UInt8 {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

extension String {
    /// Bytes of a lowercase hex string, or nil.
    var hexBytes: [UInt8]? {
        guard count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(count / 2)
        var index = startIndex
        while index < endIndex {
            let next = self.index(index, offsetBy: 2)
            guard let byte = UInt8(self[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }
}

import Foundation
