import Audio
import Foundation
import HTTP
import Store
import Vault

/// Stores an uploaded audio file: decoded from memory through libsndfile (never a temp file), converted to the
/// canonical PCM (16 kHz mono s16), written through the vault, and queued for processing. A body that passed the
/// header checks but fails to decode leaves a `failed` recording with its reason.
struct UploadStore: Sendable {
    let database: Database
    let vault: RecordingVault
    let audit: AuditLog
    let clock: any Clock
    let maxSeconds: Int
    let enqueue: @Sendable (UUID) -> Void

    func store(_ body: [UInt8], principal: Principal) throws -> (UUID, String, String?) {
        let id = UUID()
        let now = clock.now()
        let samples: [Int16]
        do {
            samples = try AudioDecoder.decode(body, maxDuration: Double(maxSeconds))
        } catch {
            let reason = (error as? AudioError)?.code.description ?? "decode_failed"
            let stamp = RecordingInfo.stamp(now)  // a failed upload stores no file
            try database.write { connection in
                try insert(id: id, principal: principal, stamp: stamp, status: "failed", reason: reason, in: connection)
                try audit.append(principal.event("recording_upload", .failure, targetType: "recording",
                                                 targetID: id.lowercased, reason: reason), in: connection)
            }
            try audit.publishHead()
            return (id, "failed", reason)
        }
        try database.write { connection in
            let stamp = try RecordingVault.freeStamp(sessionShort: principal.sessionShort, at: now, in: connection)
            let name = RecordingVault.fileName(sessionShort: principal.sessionShort, stamp: stamp, type: .recording)
            try insert(id: id, principal: principal, stamp: stamp, status: "processing", reason: nil, in: connection)
            let appender = try vault.createAppendable(recordingID: id, type: .recording, name: name, in: connection)
            let segment = 16_000 * 10  // 10 s per segment
            var offset = 0
            repeat {
                let end = min(offset + segment, samples.count)
                try samples[offset..<end].withUnsafeBytes { try appender.append($0) }
                offset = end
            } while offset < samples.count
            try appender.finish()
            try connection.run("UPDATE vault_files SET complete = 1 WHERE recording_id = ? AND type = 'recording'",
                               [id.lowercased])
            try connection.run("""
                UPDATE recordings SET samples = ?, committed_seq = ?, committed_segments = ? WHERE id = ?
                """, [samples.count, appender.segmentsWritten - 1, appender.segmentsWritten, id.lowercased])
            try connection.queueJob(recordingID: id.lowercased, at: now)
            try audit.append(principal.event("recording_upload", .success, targetType: "recording",
                                             targetID: id.lowercased), in: connection)
        }
        try audit.publishHead()
        enqueue(id)
        return (id, "processing", nil)
    }

    private func insert(id: UUID, principal: Principal, stamp: String, status: String, reason: String?,
                        in connection: Connection) throws {
        let now = clock.now()
        let team = try connection.primaryTeam(of: principal.user.id)
        try connection.run("""
            INSERT INTO recordings (id, owner_id, session_id, team_id, source, status, file_stamp, failure_reason,
                                    created_at, updated_at)
            VALUES (?, ?, ?, ?, 'upload', ?, ?, ?, ?, ?)
            """, [id.lowercased, principal.user.id, principal.sessionID, team, status, stamp, reason, now, now])
    }
}
