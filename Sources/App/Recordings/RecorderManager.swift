import Audio
import Foundation
import HTTP
import Store
import Vault

/// One recorder per device session (the origin app kept ONE global recorder for every user). Maps device session
/// id → the recording in progress there; any number of devices record at once.
///
/// Thread safety: `active` is guarded by `lock`, held only for map lookups and updates (never across I/O). Each
/// `ActiveRecording` has its own lock for its chunks. `@unchecked Sendable` rests on those two rules.
final class RecorderManager: @unchecked Sendable {
    let database: Database
    let vault: RecordingVault
    let audit: AuditLog
    let clock: any Clock
    let configuration: AppConfiguration
    /// Chunk commits from every device share transactions (one fsync per batch, not per chunk).
    let groupCommit: GroupCommit
    /// Called with a recording id once it is finalized and queued for processing.
    let enqueue: @Sendable (UUID) -> Void
    /// Called after each committed chunk with the recording, its length in samples and the number of recordings
    /// in progress (live transcription).
    let audioCommitted: @Sendable (ActiveRecording, Int64, Int) -> Void
    private let lock = NSLock()
    private var active: [String: ActiveRecording] = [:]

    init(database: Database, vault: RecordingVault, audit: AuditLog, clock: any Clock,
         configuration: AppConfiguration, enqueue: @escaping @Sendable (UUID) -> Void,
         audioCommitted: @escaping @Sendable (ActiveRecording, Int64, Int) -> Void = { _, _, _ in }) {
        self.database = database
        self.vault = vault
        self.audit = audit
        self.clock = clock
        self.configuration = configuration
        self.enqueue = enqueue
        self.audioCommitted = audioCommitted
        // Each append is fdatasync'd on its own (on the chunk pool's threads, where concurrent flushes batch in the
        // disk); the seq updates share SQLite transactions, with WAL checkpoints kept off the committer's path.
        // Alternatives measured with bench-tablets (same box, same run conditions): one syncfs per batch instead
        // of per-append flushes failed even 100 tablets (p99 63 ms: syncfs and the commit in series); a chunk
        // journal in SQLite (sealed segment committed with the seq, one fsync per batch, the file written 64 KiB
        // at a time; branch experiment/chunk-journal) used less CPU per chunk but wrote every byte three times
        // (WAL, checkpoint, file) and was disk-bound: p99 263 ms at 500 tablets where this design has 36 ms.
        // Submitting the seq commit before the append, so that its fsync and the file's fdatasync overlap (branch
        // experiment/parallel-commit-2), did not help: 9 interleaved pairs at 1,000 tablets, p99 from due 26-159
        // ms here against 35-342 ms with the overlap (more flushes in the disk's queue at once).
        self.groupCommit = GroupCommit(database: database, checkpointEvery: 2_000)
    }

    func activeRecording(session: String) -> ActiveRecording? { lock.withLock { active[session] } }
    var activeCount: Int { lock.withLock { active.count } }
    func activeSessions() -> Set<String> { lock.withLock { Set(active.keys) } }

    // MARK: - Start

    func start(principal: Principal, source: String) throws -> UUID {
        let sessionID = principal.sessionID
        let now = clock.now()
        let id = UUID()
        // Reserve the session first so two starts racing on one device cannot both pass.
        let reserved: Bool = lock.withLock {
            if active[sessionID] != nil { return false }
            return true
        }
        guard reserved else { throw HTTPError(409, "already_recording", "This device session is already recording.") }
        let recording: ActiveRecording = try database.write { connection in
            if try connection.first("SELECT 1 AS x FROM recordings WHERE session_id = ? AND status = 'recording'",
                                    [sessionID]) != nil {
                throw HTTPError(409, "already_recording", "This device session is already recording.")
            }
            let mine = try connection.first("SELECT count(*) AS n FROM recordings WHERE owner_id = ? AND status = 'recording'",
                                            [principal.user.id])?.int("n") ?? 0
            if mine >= configuration.maxConcurrentRecordingsPerUser {
                throw HTTPError(409, "too_many_recordings", "You have too many recordings in progress.")
            }
            let team = try connection.primaryTeam(of: principal.user.id)
            let stamp = try RecordingVault.freeStamp(sessionShort: principal.sessionShort, at: now, in: connection)
            let name = RecordingVault.fileName(sessionShort: principal.sessionShort, stamp: stamp, type: .recording)
            try connection.run("""
                INSERT INTO recordings (id, owner_id, session_id, team_id, source, status, file_stamp, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'recording', ?, ?, ?)
                """, [id.lowercased, principal.user.id, sessionID, team, source, stamp, now, now])
            let appender = try vault.createAppendable(recordingID: id, type: .recording, name: name, in: connection)
            try audit.append(principal.event("recording_start", .success, targetType: "recording",
                                             targetID: id.lowercased, reason: source), in: connection)
            return ActiveRecording(id: id, ownerID: principal.user.id, sessionID: sessionID, appender: appender,
                                   committedSeq: -1, samples: 0)
        }
        try audit.publishHead()
        let inserted: Bool = lock.withLock {
            if active[sessionID] != nil { return false }
            active[sessionID] = recording
            return true
        }
        guard inserted else { throw HTTPError(409, "already_recording", "This device session is already recording.") }
        if source == "alsa", let device = configuration.alsaDevice {
            do {
                try startCapture(recording, device: device, principal: principal)
            } catch {
                _ = try? finalize(session: sessionID, actor: principal.event("", .failure), reason: "capture_failed")
                throw HTTPError(500, "capture_failed", "The server's audio device could not be opened.")
            }
        }
        return id
    }

    /// Captures from the server's ALSA device in the capture's own thread; every period is committed exactly like
    /// a browser chunk (fdatasync'd segment + committed seq), so a crash keeps everything captured so far.
    private func startCapture(_ recording: ActiveRecording, device: String, principal: Principal) throws {
        let capture = try ALSACapture(device: device)
        recording.capture.set(capture)
        let manager = self
        try capture.start(onSamples: { [weak recording] samples in
            guard let recording, !samples.isEmpty else { return }
            do {
                // The next seq, taken under the recording's lock with the chunk (browser chunks are refused for a
                // captured recording, so nothing else advances it).
                _ = try manager.appendChunk(recording, seq: nil, samples: samples, inputRate: 16_000)
            } catch {
                // Past the length limit or a disk error: this period is lost, what was committed stays, and the
                // next period is tried in its place (after a segment that could not be taken back, none is).
            }
        })
    }

    // MARK: - Chunks

    struct ChunkResult {
        let recording_id: String
        let seq: Int64
        let bytes_received: Int64

        /// `{"bytes_received":…,"recording_id":"…","seq":…}` written directly: this answers every chunk, and the
        /// values are a lowercase UUID and two integers (nothing to escape).
        var response: Response {
            let json = "{\"bytes_received\":\(bytes_received),\"recording_id\":\"\(recording_id)\",\"seq\":\(seq)}"
            return Response(status: 200, contentType: "application/json; charset=utf-8", body: Array(json.utf8))
        }
    }

    /// Applies chunk `seq` (16 kHz mono s16 after resampling; nil: the next one, for the server's own capture).
    /// Returns only after the segment is fdatasync'd and the seq committed in SQLite. A repeated seq is answered
    /// again without writing; a gap is 409.
    func appendChunk(_ recording: ActiveRecording, seq: Int64?, samples input: [Int16], inputRate: Int) throws -> ChunkResult {
        let result = try applyChunk(recording, seq: seq, samples: input, inputRate: inputRate)
        audioCommitted(recording, result.bytes_received / 2, activeCount)   // ignored once the recording has stopped
        return result
    }

    private func applyChunk(_ recording: ActiveRecording, seq requested: Int64?, samples input: [Int16], inputRate: Int)
        throws -> ChunkResult {
        try recording.lock.withLock {
            guard !recording.stopped else {
                throw HTTPError(409, "not_recording", "This recording has stopped.")
            }
            let seq = requested ?? recording.committedSeq + 1
            if seq <= recording.committedSeq {
                return ChunkResult(recording_id: recording.idText, seq: seq, bytes_received: recording.samples * 2)
            }
            guard seq == recording.committedSeq + 1 else {
                throw HTTPError(409, "chunk_out_of_order", "Expected chunk \(recording.committedSeq + 1).",
                                extra: ["expected_seq": Int(recording.committedSeq + 1)])
            }
            var samples = input
            if inputRate != 16_000 {
                if let ahead = recording.resampledAhead, ahead.seq == seq, ahead.rate == inputRate {
                    // A retry of a chunk that failed after its input went through the resampler: the resampler's
                    // state has moved past it, so its output then is the one to store.
                    samples = ahead.samples
                } else {
                    if recording.resamplers[inputRate] == nil {
                        recording.resamplers[inputRate] = try Resampler(inputRate: inputRate, outputRate: 16_000)
                    }
                    samples = try recording.resamplers[inputRate]!.process(input, endOfInput: false)
                    recording.resampledAhead = (seq, inputRate, samples)
                }
            }
            let limit = Int64(configuration.maxRecordingSeconds) * 16_000
            guard recording.samples + Int64(samples.count) <= limit else {
                throw HTTPError(413, "recording_too_long", "The recording reached its maximum length.")
            }
            // The segment is appended and fdatasync'd, then its seq and the file's segment count commit (a chunk
            // that resamples to no sample writes no segment, so the count is not the seq's); the answer waits for
            // both. Overlapping the two flushes (commit submitted first) was measured and left out: see
            // `init`. The acknowledged count, not `appender.segmentsWritten`, is what the commit builds on: the
            // latter still counts a segment that a failed truncate could not drop.
            let segmentsBefore = recording.acknowledgedSegments
            let segmentsAfter = segmentsBefore + VaultAppender.segmentCount(forBytes: samples.count * 2)
            try samples.withUnsafeBytes { try recording.appender.append($0) }   // fdatasync'd inside
            do {
                let now = clock.now()
                try groupCommit.write { connection in
                    try connection.run("""
                        UPDATE recordings SET committed_seq = ?, samples = samples + ?, committed_segments = ?,
                        updated_at = ? WHERE id = ?
                        """, [seq, samples.count, segmentsAfter, now, recording.idText])
                }
            } catch {
                // Not committed: take the segment back so the file matches what was acknowledged. If even that
                // fails, the appender refuses everything from now on and the stop recovers the file from the
                // acknowledged count (see `finalize`).
                try? recording.appender.truncate(toSegments: segmentsBefore)
                throw error
            }
            recording.committedSeq = seq
            recording.samples += Int64(samples.count)
            recording.acknowledgedSegments = segmentsAfter
            recording.resampledAhead = nil
            return ChunkResult(recording_id: recording.idText, seq: seq, bytes_received: recording.samples * 2)
        }
    }

    // MARK: - Stop

    /// Finishes the recording on `sessionID` and queues it for processing. Returns its id, or nil when the session
    /// was not recording. `actor` is audited.
    @discardableResult
    func finalize(session sessionID: String, actor: AuditEvent, reason: String) throws -> UUID? {
        guard let recording = lock.withLock({ active[sessionID] }) else { return nil }
        // Stop a server-side capture first (joins its thread, which may be waiting for the recording's lock).
        recording.capture.get()?.stop()
        try recording.lock.withLock {
            guard !recording.stopped else { return }
            if recording.appender.needsRecovery {
                // A chunk's segment could not be taken back after its commit failed: finish the file from what
                // was acknowledged, exactly as after a crash (the resampler's last milliseconds are dropped).
                try vault.recover(recordingID: recording.id, type: .recording,
                                  committedSegments: recording.acknowledgedSegments)
            } else if !recording.appender.isFinished {   // (finished by an earlier stop whose commit failed)
                // A resampler holds the last few milliseconds of 44.1/48 kHz input until the end of the stream.
                var tail: [Int16] = []
                for resampler in recording.resamplers.values { tail += try resampler.process([], endOfInput: true) }
                if !tail.isEmpty {
                    try tail.withUnsafeBytes { try recording.appender.append($0) }
                    recording.samples += Int64(tail.count)
                }
                try recording.appender.finish()
            }
            var event = actor
            event.action = reason == "stop" ? "recording_stop" : "recording_finalize"
            event.targetType = "recording"
            event.targetID = recording.idText
            event.reason = reason
            try database.write { connection in
                try connection.run("UPDATE recordings SET status = 'processing', samples = ?, updated_at = ? WHERE id = ?",
                                   [recording.samples, clock.now(), recording.idText])
                try connection.run("UPDATE vault_files SET complete = 1 WHERE recording_id = ? AND type = 'recording'",
                                   [recording.idText])
                try connection.queueJob(recordingID: recording.idText, at: clock.now())
                try audit.append(event, in: connection)
            }
            // Only now: a stop whose commit failed leaves the recording active, and the next stop finishes it.
            recording.stopped = true
        }
        try audit.publishHead()
        lock.withLock { if active[sessionID] === recording { active[sessionID] = nil } }
        enqueue(recording.id)
        return recording.id
    }

    // MARK: - Crash recovery

    /// At start: every recording still marked `recording` lost its writer. Keep exactly the acknowledged chunks,
    /// finish the file, mark it `interrupted`, audit it, and queue it for processing.
    func recoverInterrupted() throws -> [UUID] {
        let rows = try database.read {
            try $0.query("SELECT id, committed_seq, committed_segments FROM recordings WHERE status = 'recording'")
        }
        var recovered: [UUID] = []
        for row in rows {
            guard let text = row.string("id"), let id = UUID(uuidString: text) else { continue }
            // Rows from before schema version 3 hold only the seq: one segment per chunk.
            let committed = Int(row.int("committed_segments") ?? (row.int("committed_seq") ?? -1) + 1)
            var reason = "interrupted"
            var status = "interrupted"
            do {
                try vault.recover(recordingID: id, type: .recording, committedSegments: committed)
            } catch {
                status = "failed"
                reason = "recovery_failed"
            }
            try database.write { connection in
                try connection.run("UPDATE recordings SET status = ?, failure_reason = ?, updated_at = ? WHERE id = ?",
                                   [status, status == "failed" ? reason : nil, clock.now(), text])
                if status == "interrupted" {
                    try connection.run("UPDATE vault_files SET complete = 1 WHERE recording_id = ? AND type = 'recording'",
                                       [text])
                    try connection.queueJob(recordingID: text, at: clock.now())
                }
                try audit.append(AuditEvent(action: "recording_interrupted", outcome: status == "failed" ? .failure : .success,
                                            actorUsername: "system", targetType: "recording", targetID: text,
                                            reason: reason + " segments=\(committed)"), in: connection)
            }
            try audit.publishHead()
            if status == "interrupted" { recovered.append(id) }
        }
        return recovered
    }
}

extension UUID {
    /// Lowercase canonical text, the form stored and shown.
    var lowercased: String { uuidString.lowercased() }
}
