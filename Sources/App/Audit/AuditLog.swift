import Foundation
import Security
import Store

/// The tamper-evident audit log.
///
/// Each entry's `mac = HMAC-SHA256(audit key, previous mac ‖ canonical entry)` (the first entry chains from 32
/// zero bytes). The audit key lives in keys/audit.key, never in the database, so someone who can write the
/// database cannot recompute the chain. SQLite triggers refuse UPDATE and DELETE. After every commit the newest
/// `seq mac` is appended to keys/audit.head (fdatasync'd), so deleting the newest rows is detected too.
///
/// Appends run inside the caller's write transaction (`append(_:in:)`), so an event and the change it records
/// commit together and are durable before the response (synchronous=FULL); `publishHead()` after the commit.
///
/// `@unchecked Sendable`: `key` is immutable (HMACKey is thread-safe); `pendingHeads` and `publishedSeq` are
/// guarded by `lock`.
public final class AuditLog: @unchecked Sendable {
    private let key: HMACKey
    private let headPath: String
    private let clock: any Clock
    private let lock = NSLock()
    /// The newest entry each thread appended in its (possibly still open) transaction. Keyed by thread, because
    /// the thread that commits publishes: one shared slot let thread A, after its commit, publish the entry thread
    /// B had appended in a transaction not yet committed (a head line ahead of the database).
    private var pendingHeads: [ObjectIdentifier: (seq: Int64, mac: [UInt8])] = [:]
    private var publishedSeq: Int64 = 0

    public init(keyBytes: [UInt8], headPath: String, clock: any Clock) throws {
        self.key = try HMACKey(key: keyBytes)
        self.headPath = headPath
        self.clock = clock
    }

    /// Appends `event` inside the open write transaction of `connection`.
    @discardableResult
    public func append(_ event: AuditEvent, in connection: Connection) throws -> Int64 {
        let event = event.sanitized
        let last = try connection.first("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
        let previousMac = last?.bytes("mac") ?? [UInt8](repeating: 0, count: 32)
        let seq = (last?.int("seq") ?? 0) + 1
        let at = clock.now()
        let mac = try key.authenticationCode(for: previousMac + AuditEntry.canonical(seq: seq, at: at, event: event))
        try connection.run("""
            INSERT INTO audit_log (seq, at, actor_id, actor_username, actor_role, session_short, client_ip, action,
                                   target_type, target_id, outcome, reason, mac)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [seq, at, event.actorID, event.actorUsername, event.actorRole, event.sessionShort, event.clientIP,
                  event.action, event.targetType, event.targetID, event.outcome.rawValue, event.reason, mac])
        let thread = ObjectIdentifier(Thread.current)
        lock.withLock { pendingHeads[thread] = (seq, mac) }
        return seq
    }

    /// Records one event in its own transaction and publishes the head: for events with no other change.
    public func record(_ event: AuditEvent, database: Database) throws {
        _ = try database.write { try self.append(event, in: $0) }   // the seq is not needed here
        try publishHead()
    }

    /// Appends the newest committed head to the head file. Call after the transaction that appended commits, on
    /// the thread that ran it.
    public func publishHead() throws {
        let thread = ObjectIdentifier(Thread.current)
        let head: (seq: Int64, mac: [UInt8])? = lock.withLock {
            guard let pending = pendingHeads.removeValue(forKey: thread), pending.seq > publishedSeq else { return nil }
            publishedSeq = pending.seq
            return pending
        }
        guard let head else { return }
        try Self.appendLine("\(head.seq) \(head.mac.hex)\n", to: headPath)
    }

    /// Walks the whole chain and checks EVERY line of the head file against it, not only the last one: a line
    /// records a MAC the writer published, so rows deleted (and the chain re-extended by later appends), a
    /// replaced head file, or one removed and re-created by the next append, all leave a line that no longer
    /// matches. The head file starts with seq 1 (the first event of an installation, the first account's
    /// creation, is committed and published alone), so a truncated or re-created file is detected too.
    ///
    /// Safe while the server writes: the head file is read BEFORE the database snapshot, so every line it holds
    /// names an entry the snapshot contains; entries committed after that read (head "behind") are given a moment
    /// for their writer to publish them before `head_behind` is reported.
    public func verify(database: Database) throws -> AuditVerification {
        let headLines = Self.readHeadLines(headPath)
        return try database.read { connection in
            var previous = [UInt8](repeating: 0, count: 32)
            var expectedSeq: Int64 = 1
            var count: Int64 = 0
            var macs: [UInt8] = []  // every entry's MAC, 32 bytes each, in seq order
            for row in try connection.query("SELECT * FROM audit_log ORDER BY seq") {
                let entry = AuditEntry(row: row)
                guard entry.seq == expectedSeq else {
                    return .broken(firstBadSeq: expectedSeq, reason: "missing_entry", entries: count)
                }
                let stored = row.bytes("mac") ?? []
                let computed = try key.authenticationCode(
                    for: previous + AuditEntry.canonical(seq: entry.seq, at: entry.at, event: entry.event))
                guard ConstantTime.equals(stored, computed) else {
                    return .broken(firstBadSeq: entry.seq, reason: "mac_mismatch", entries: count)
                }
                macs += stored
                previous = stored
                expectedSeq += 1
                count += 1
            }
            guard let lines = headLines, !lines.isEmpty else {
                return count == 0 ? .valid(entries: 0, head: "")
                    : .broken(firstBadSeq: count, reason: "head_missing", entries: count)
            }
            var newest: Int64 = 0
            for (index, line) in lines.enumerated() {
                guard let line else { return .broken(firstBadSeq: count, reason: "head_mismatch", entries: count) }
                if index == 0 && line.seq != 1 {
                    return .broken(firstBadSeq: 1, reason: "head_truncated", entries: count)
                }
                guard line.seq <= count else {
                    return .broken(firstBadSeq: count + 1, reason: "entries_deleted", entries: count)
                }
                let offset = Int(line.seq - 1) * 32
                guard ConstantTime.equals(line.mac, Array(macs[offset..<offset + 32])) else {
                    return .broken(firstBadSeq: line.seq, reason: "head_mismatch", entries: count)
                }
                newest = max(newest, line.seq)
            }
            // Entries committed after the head was read are published by their writer right after its commit:
            // re-read the head (at most ~0.5 s). Lines beyond this snapshot cannot be checked against it.
            var attempts = 0
            while newest < count, attempts < 50 {
                attempts += 1
                usleep(10_000)
                for line in Self.readHeadLines(headPath) ?? [] {
                    guard let line else { continue }
                    if line.seq <= count {
                        let offset = Int(line.seq - 1) * 32
                        guard ConstantTime.equals(line.mac, Array(macs[offset..<offset + 32])) else {
                            return .broken(firstBadSeq: line.seq, reason: "head_mismatch", entries: count)
                        }
                    }
                    newest = max(newest, line.seq)
                }
            }
            if newest < count {
                // Only the legitimate writer (holding the key) can extend the chain: a crash between the commit and
                // the head append leaves the head behind. `repairHead` fixes that at start; verify reports it.
                return .broken(firstBadSeq: newest + 1, reason: "head_behind", entries: count)
            }
            return .valid(entries: count, head: previous.hex)
        }
    }

    /// At start: when the chain verifies but the head file is behind (a crash between commit and head append),
    /// append the current head. Any other inconsistency is left for the verifiers to report.
    public func repairHead(database: Database) throws {
        let last = try database.read { try $0.first("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1") }
        guard let last, let seq = last.int("seq"), let mac = last.bytes("mac") else { return }
        let head = Self.readHead(headPath)
        guard (head?.seq ?? 0) < seq, case .broken(_, "head_behind", _) = try verify(database: database) else {
            lock.withLock { publishedSeq = max(publishedSeq, head?.seq ?? 0) }
            return
        }
        try Self.appendLine("\(seq) \(mac.hex)\n", to: headPath)
        lock.withLock { publishedSeq = seq }
    }

    /// Every line of the head file (nil for a line that does not parse), or nil when there is no head file.
    static func readHeadLines(_ path: String) -> [(seq: Int64, mac: [UInt8])?]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seq = Int64(parts[0]), seq >= 1, let mac = String(parts[1]).hexBytes,
                  mac.count == 32 else { return nil }
            return (seq, mac)
        }
    }

    static func readHead(_ path: String) -> (seq: Int64, mac: [UInt8])? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last else { return nil }
        let parts = line.split(separator: " ")
        guard parts.count == 2, let seq = Int64(parts[0]), let mac = String(parts[1]).hexBytes, mac.count == 32
        else { return (seq: Int64.max, mac: []) }  // unparseable head: reported as a mismatch
        return (seq, mac)
    }

    /// Appends one head line. Not fdatasync'd on purpose: the entry itself is already durable in SQLite, and a
    /// head line lost to an OS crash only leaves the head BEHIND the chain, which `repairHead` re-publishes at the
    /// next start (only the key holder can extend the chain). Skipping the flush halves the cost of an audited
    /// action (bench-audit). Deletion of the newest rows is still detected: the head is then AHEAD of the chain.
    private static func appendLine(_ line: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw AppError(.io, "open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try AtomicFile.writeAll(fd, Array(line.utf8), path: path)
    }
}

/// The result of walking the chain.
public enum AuditVerification: Sendable, Equatable {
    case valid(entries: Int64, head: String)
    case broken(firstBadSeq: Int64, reason: String, entries: Int64)

    public var isValid: Bool { if case .valid = self { return true } else { return false } }
}
