import Audio
import Foundation
import HTTP
import Logging
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
    let logger: Logger
    /// Chunk commits from every device share transactions (one fsync per batch, not per chunk).
    let groupCommit: GroupCommit
    /// Called with a recording id once it is finalized and queued for processing.
    let enqueue: @Sendable (UUID) -> Void
    private let lock = NSLock()
    private var active: [String: ActiveRecording] = [:]

    init(database: Database, vault: RecordingVault, audit: AuditLog, clock: any Clock,
         configuration: AppConfiguration, logger: Logger, enqueue: @escaping @Sendable (UUID) -> Void) {
        self.database = database
        self.logger = logger
        self.vault = vault
        self.audit = audit
        self.clock = clock
        self.configuration = configuration
        self.enqueue = enqueue
        // A chunk's sealed segment and its seq commit together in the chunk journal (SQLite), many devices per
        // transaction, so one fsync acknowledges a whole batch; the vault file receives the segments in batches of
        // `ActiveRecording.flushThreshold` (one fdatasync each) after the acknowledgement. Measured with bench-tablets against
        // the previous design (open/pwrite/fdatasync/close per chunk, then the group commit): see issue 4's note.
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
            let next = recording.lock.withLock { recording.committedSeq + 1 }
            do {
                _ = try manager.appendChunk(recording, seq: next, samples: samples, inputRate: 16_000)
                manager.flushJournalIfDue(recording)
            } catch {
                // Past the length limit or a disk error: the capture stops feeding; what was committed stays.
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


    /// Applies chunk `seq` (16 kHz mono s16 after resampling). Returns only after the chunk's sealed segment and
    /// its seq are committed in SQLite (WAL, synchronous=FULL: fsync'd). A repeated seq is answered again without
    /// writing; a gap is 409. Call `flushJournalIfDue` after answering.
    func appendChunk(_ recording: ActiveRecording, seq: Int64, samples input: [Int16], inputRate: Int) throws -> ChunkResult {
        try recording.lock.withLock {
            guard !recording.stopped else {
                throw HTTPError(409, "not_recording", "This recording has stopped.")
            }
            if seq <= recording.committedSeq {
                return ChunkResult(recording_id: recording.id.lowercased, seq: seq, bytes_received: recording.samples * 2)
            }
            guard seq == recording.committedSeq + 1 else {
                throw HTTPError(409, "chunk_out_of_order", "Expected chunk \(recording.committedSeq + 1).",
                                extra: ["expected_seq": Int(recording.committedSeq + 1)])
            }
            var samples = input
            if inputRate != 16_000 {
                if recording.resamplers[inputRate] == nil {
                    recording.resamplers[inputRate] = try Resampler(inputRate: inputRate, outputRate: 16_000)
                }
                samples = try recording.resamplers[inputRate]!.process(input, endOfInput: false)
            }
            let limit = Int64(configuration.maxRecordingSeconds) * 16_000
            guard recording.samples + Int64(samples.count) <= limit else {
                throw HTTPError(413, "recording_too_long", "The recording reached its maximum length.")
            }
            let sealed = try seal(samples, for: recording)
            do {
                let now = clock.now()
                let id = recording.id.lowercased
                try groupCommit.write { connection in
                    if sealed.count > 0 {
                        try connection.run("""
                            INSERT INTO chunk_journal (recording_id, first_segment, segments, sealed) VALUES (?, ?, ?, ?)
                            """, [id, sealed.firstCounter, sealed.count, sealed.bytes])
                    }
                    try connection.run("""
                        UPDATE recordings SET committed_seq = ?, committed_segments = ?, samples = samples + ?,
                            updated_at = ? WHERE id = ?
                        """, [seq, sealed.firstCounter + sealed.count, samples.count, now, id])
                }
            } catch {
                recording.appender.abandon(sealed)
                throw error
            }
            recording.appender.journaled(sealed)
            recording.committedSeq = seq
            recording.samples += Int64(samples.count)
            return ChunkResult(recording_id: recording.id.lowercased, seq: seq, bytes_received: recording.samples * 2)
        }
    }

    /// Seals `samples` as the recording's next segment(s). If an earlier, abandoned seal may have left different
    /// bytes under the same nonce on disk, the file is first rewritten under a fresh nonce prefix (after moving
    /// the journal into it and dropping the journal rows, which are sealed under the old prefix).
    private func seal(_ samples: [Int16], for recording: ActiveRecording) throws -> VaultAppender.SealedSegments {
        do {
            return try samples.withUnsafeBytes { try recording.appender.seal($0) }
        } catch let error as VaultError where error.code == .exposedCounter {
            try flushJournal(recording)
            try recording.appender.rewriteForExposedCounter()
            return try samples.withUnsafeBytes { try recording.appender.seal($0) }
        }
    }

    /// Moves the recording's journaled segments into its vault file once they are worth an fdatasync. Runs after
    /// the chunk was answered; a failure leaves them in the journal (durable) for the next flush or the stop.
    func flushJournalIfDue(_ recording: ActiveRecording) {
        guard recording.appender.journaledBytes >= recording.flushThreshold else { return }
        do {
            try flushJournal(recording)
        } catch {
            logger.warning("chunk journal flush failed; kept in the journal",
                            metadata: ["recording": .string(recording.id.lowercased), "error": .string("\(error)")])
        }
    }

    /// Writes the journaled segments to the file (fdatasync'd), then drops their journal rows.
    private func flushJournal(_ recording: ActiveRecording) throws {
        let inFile = try recording.appender.flushJournal()
        try groupCommit.write { connection in
            try connection.run("DELETE FROM chunk_journal WHERE recording_id = ? AND first_segment + segments <= ?",
                               [recording.id.lowercased, inFile])
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
            // A resampler holds the last few milliseconds of 44.1/48 kHz input until the end of the stream. The
            // tail joins the journal only in memory: `finish` writes journal, tail and final segment with one
            // fdatasync before the recording is marked complete below.
            var tail: [Int16] = []
            for resampler in recording.resamplers.values { tail += try resampler.process([], endOfInput: true) }
            if !tail.isEmpty {
                let sealed = try seal(tail, for: recording)
                recording.appender.journaled(sealed)
                recording.samples += Int64(tail.count)
            }
            try recording.appender.finish()
            recording.stopped = true
            var event = actor
            event.action = reason == "stop" ? "recording_stop" : "recording_finalize"
            event.targetType = "recording"
            event.targetID = recording.id.lowercased
            event.reason = reason
            try database.write { connection in
                try connection.run("UPDATE recordings SET status = 'processing', samples = ?, updated_at = ? WHERE id = ?",
                                   [recording.samples, clock.now(), recording.id.lowercased])
                try connection.run("UPDATE vault_files SET complete = 1 WHERE recording_id = ? AND type = 'recording'",
                                   [recording.id.lowercased])
                try connection.run("DELETE FROM chunk_journal WHERE recording_id = ?", [recording.id.lowercased])
                try connection.queueJob(recordingID: recording.id.lowercased, at: clock.now())
                try audit.append(event, in: connection)
            }
        }
        try audit.publishHead()
        lock.withLock { if active[sessionID] === recording { active[sessionID] = nil } }
        enqueue(recording.id)
        return recording.id
    }

    // MARK: - Crash recovery

    /// At start: every recording still marked `recording` lost its writer. Keep exactly the acknowledged chunks
    /// (the file's flushed segments plus the chunk journal), finish the file, mark it `interrupted`, audit it, and
    /// queue it for processing.
    func recoverInterrupted() throws -> [UUID] {
        let rows = try database.read {
            try $0.query("SELECT id, committed_seq, committed_segments FROM recordings WHERE status = 'recording'")
        }
        var recovered: [UUID] = []
        for row in rows {
            guard let text = row.string("id"), let id = UUID(uuidString: text) else { continue }
            let chunks = (row.int("committed_seq") ?? -1) + 1
            let committed = Int(row.int("committed_segments") ?? 0)
            var reason = "interrupted"
            var status = "interrupted"
            do {
                let (journal, journalSegments) = try journal(of: text, committedSegments: committed)
                try vault.recover(recordingID: id, type: .recording, committedSegments: committed, journal: journal,
                                  journalSegments: journalSegments)
            } catch {
                status = "failed"
                reason = "recovery_failed"
            }
            try database.write { connection in
                try connection.run("UPDATE recordings SET status = ?, failure_reason = ?, updated_at = ? WHERE id = ?",
                                   [status, status == "failed" ? reason : nil, clock.now(), text])
                try connection.run("DELETE FROM chunk_journal WHERE recording_id = ?", [text])
                if status == "interrupted" {
                    try connection.run("UPDATE vault_files SET complete = 1 WHERE recording_id = ? AND type = 'recording'",
                                       [text])
                    try connection.queueJob(recordingID: text, at: clock.now())
                }
                try audit.append(AuditEvent(action: "recording_interrupted", outcome: status == "failed" ? .failure : .success,
                                            actorUsername: "system", targetType: "recording", targetID: text,
                                            reason: reason + " chunks=\(chunks)"), in: connection)
            }
            try audit.publishHead()
            if status == "interrupted" { recovered.append(id) }
        }
        return recovered
    }

    /// The journal rows of a recording, joined in segment order: the sealed bytes of its last
    /// `journalSegments` committed segments. Throws when the rows do not end exactly at `committedSegments` or
    /// leave a gap (the recording then fails recovery instead of silently losing audio).
    private func journal(of recordingID: String, committedSegments: Int) throws -> ([UInt8], Int) {
        let rows = try database.read {
            try $0.query("""
                SELECT first_segment, segments, sealed FROM chunk_journal WHERE recording_id = ? ORDER BY first_segment
                """, [recordingID])
        }
        guard let first = rows.first.flatMap({ $0.int("first_segment") }) else { return ([], 0) }
        var bytes: [UInt8] = []
        var next = Int(first)
        for row in rows {
            guard let start = row.int("first_segment"), let count = row.int("segments"), let sealed = row.bytes("sealed"),
                  Int(start) == next else {
                throw VaultError(.integrity, operation: "recover", detail: "chunk journal has a gap or an overlap")
            }
            bytes += sealed
            next = Int(start + count)
        }
        guard next == committedSegments else {
            throw VaultError(.integrity, operation: "recover", detail: "chunk journal does not end at the committed count")
        }
        return (bytes, committedSegments - Int(first))
    }
}

extension UUID {
    /// Lowercase canonical text, the form stored and shown.
    var lowercased: String { uuidString.lowercased() }
}
