import Audio
import Clinical
import Foundation
import Logging
import Speech
import Store
import Vault

/// Turns a finished recording into transcript, analysis and report. Jobs live in SQLite
/// (queued → running → ready | failed) and resume after a restart; a fixed pool of worker threads (default one
/// per core) runs them, each with its own speech engine (engines are not thread-safe and load their model once),
/// so HTTP threads never wait for speech recognition.
///
/// While a recording streams, idle workers also transcribe it piece by piece (`LiveTranscript`, final jobs
/// first), so that after stop only the last piece is left to transcribe.
///
/// `@unchecked Sendable`: `queue`, `live`, `dueLive`, `stopping` and the counters are guarded by `condition`
/// (see `LiveTranscript` for its fields); the rest is immutable.
final class ProcessingQueue: @unchecked Sendable {
    let database: Database
    let vault: RecordingVault
    let audit: AuditLog
    let clock: any Clock
    let factory: any SpeechEngineFactory
    let logger: Logger
    private let condition = NSCondition()
    private var queue: [UUID] = []
    private var stopping = false
    private var running = 0
    private var loadedEngines = 0
    private var prestartsLeft = 0
    private var threads: [Thread] = []
    private var live: [UUID: LiveTranscript] = [:]
    private var dueLive: [LiveTranscript] = []
    /// Live pieces queued or running, at most `maxLivePieces` (workers − 1, at least 1): with two or more workers
    /// one is always free for a finished recording's job.
    private var livePieces = 0
    private var maxLivePieces = 1
    /// Samples per live piece (0: live transcription off), and how far back from a piece's end a cut may go.
    let liveWindowSamples: Int64
    static let cutSearchSamples = 3 * 16_000
    /// No new live piece while more recordings than this are in progress (the cores go to their chunks).
    let liveMaxRecordings: Int

    init(database: Database, vault: RecordingVault, audit: AuditLog, clock: any Clock,
         factory: any SpeechEngineFactory, logger: Logger, liveTranscriptionSeconds: Int = 30,
         liveTranscriptionMaxRecordings: Int = 100) {
        self.liveWindowSamples = Int64(max(0, liveTranscriptionSeconds)) * 16_000
        self.liveMaxRecordings = max(0, liveTranscriptionMaxRecordings)
        self.database = database
        self.vault = vault
        self.audit = audit
        self.clock = clock
        self.factory = factory
        self.logger = logger
    }

    /// Starts `workers` threads. With `prestartEngines`, each loads its speech engine at once instead of on its
    /// first job (Whisper's worker takes a few seconds to load its model: the first stop → report would pay it).
    func start(workers: Int, prestartEngines: Bool = true) throws {
        let pending = try database.read {
            try $0.query("SELECT recording_id FROM jobs WHERE state IN ('queued', 'running') ORDER BY queued_at")
        }
        condition.withLock {
            queue.append(contentsOf: pending.compactMap { $0.string("recording_id").flatMap(UUID.init) })
            maxLivePieces = max(1, workers - 1)
            prestartsLeft = prestartEngines ? max(1, workers) : 0
        }
        for index in 0..<max(1, workers) {
            let thread = Thread { [self] in work(prestart: prestartEngines) }
            thread.name = "paramedic.processing.\(index)"
            threads.append(thread)
            thread.start()
        }
    }

    func enqueue(_ id: UUID) {
        condition.withLock {
            queue.append(id)
            // broadcast, not signal: a final job waiting for a live piece waits on the same condition.
            condition.broadcast()
        }
    }

    /// Stops taking jobs and waits for the running ones (they finish; queued ones stay queued in SQLite).
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
        condition.lock()
        while running > 0 { condition.wait() }   // workers broadcast when a job ends
        condition.unlock()
    }

    /// Jobs queued or running now (tests wait on this through the API instead).
    var pendingCount: Int { condition.withLock { queue.count + running } }

    /// Workers whose speech engine is loaded.
    var loadedEngineCount: Int { condition.withLock { loadedEngines } }

    /// Live pieces queued or running now.
    var livePieceCount: Int { condition.withLock { livePieces } }

    /// Seconds of a streaming recording already transcribed by live pieces (0 when none).
    func liveTranscribedSeconds(_ id: UUID) -> Double {
        condition.withLock { Double(live[id]?.transcribedSamples ?? 0) / 16_000 }
    }

    /// A chunk of `recording` was committed; it now holds `samples`. Queues a live piece once a window of audio
    /// (plus room to look for a quiet cut) waits untranscribed, unless more than `liveMaxRecordings` recordings
    /// are in progress (then the pieces wait, and what is not transcribed by the stop is done by the final job).
    func audioCommitted(_ recording: ActiveRecording, samples: Int64, recordingsInProgress: Int) {
        guard liveWindowSamples > 0, recordingsInProgress <= liveMaxRecordings else { return }
        // A chunk answered just before the stop: the final job owns the recording now (no new state after it).
        guard !recording.lock.withLock({ recording.stopped }) else { return }
        condition.withLock {
            guard !stopping, livePieces < maxLivePieces else {
                return   // re-evaluated at the next chunk
            }
            let state: LiveTranscript
            if let existing = live[recording.id] {
                state = existing
            } else {
                state = LiveTranscript(recording: recording)
                live[recording.id] = state
            }
            guard !state.due, !state.running, !state.disabled,
                  samples - state.transcribedSamples >= liveWindowSamples + Int64(Self.cutSearchSamples) else { return }
            state.due = true
            dueLive.append(state)
            livePieces += 1
            condition.broadcast()
        }
    }

    private func work(prestart: Bool) {
        var engine: (any SpeechEngine)?
        if prestart {
            do {
                try loadEngine(&engine)
                // One line once every worker has its engine: operators (and the serve tests) see when the
                // server's memory has settled and the first stop → report will not pay a model load.
                let last = condition.withLock { prestartsLeft -= 1; return prestartsLeft == 0 }
                if last { logger.info("speech engines loaded", metadata: ["engine": .string(factory.name)]) }
            } catch {
                // Not fatal: the first job tries again and fails with a reason the API shows.
                logger.warning("speech engine did not start; retrying on the first job",
                               metadata: ["engine": .string(factory.name), "error_type": "\(type(of: error))"])
            }
        }
        while true {
            condition.lock()
            while queue.isEmpty && dueLive.isEmpty && !stopping { condition.wait() }
            if stopping { condition.unlock(); return }
            if queue.isEmpty {
                // No finished recording waits: transcribe the next piece of one that is still streaming.
                let state = dueLive.removeFirst()
                state.due = false
                guard live[state.recording.id] === state, !state.disabled else {
                    livePieces -= 1
                    condition.unlock()
                    continue
                }
                state.running = true
                running += 1   // stop() waits for pieces too
                condition.unlock()
                runLivePiece(state, engine: &engine)
                continue
            }
            let id = queue.removeFirst()
            running += 1
            condition.unlock()
            defer { condition.withLock { running -= 1; condition.broadcast() } }
            do {
                try process(id, engine: try loadEngine(&engine))
            } catch {
                fail(id, reason: Self.reasonCode(error))
                dropEngine(&engine, after: error)
            }
        }
    }

    struct SpeechEngineRestart: Error {}

    /// The worker's engine, created (and counted) if it has none yet.
    @discardableResult
    private func loadEngine(_ engine: inout (any SpeechEngine)?) throws -> any SpeechEngine {
        if let engine { return engine }
        let made = try factory.makeEngine()
        engine = made
        condition.withLock { loadedEngines += 1 }
        return made
    }

    /// Drops the engine after it failed (`SpeechEngineRestart`): the next job starts a fresh one.
    private func dropEngine(_ engine: inout (any SpeechEngine)?, after error: Error) {
        guard error is SpeechEngineRestart, engine != nil else { return }
        engine = nil
        condition.withLock { loadedEngines -= 1 }
    }

    /// Runs the engine; any failure of it means the engine must be restarted.
    private func transcribe(_ samples: [Int16], with engine: any SpeechEngine) throws -> String {
        do {
            return try engine.transcribe(samples: samples)
        } catch {
            throw SpeechEngineRestart()
        }
    }

    /// One live piece; any failure turns live transcription off for that recording (the final job then
    /// transcribes it whole).
    private func runLivePiece(_ state: LiveTranscript, engine: inout (any SpeechEngine)?) {
        var done: Int64 = 0
        var failed = false
        do {
            done = try transcribePiece(state, engine: try loadEngine(&engine))
        } catch {
            failed = true
            dropEngine(&engine, after: error)
            logger.warning("live transcription stopped for a recording; the final job will do all of it",
                           metadata: ["recording": .string(state.recording.id.lowercased),
                                      "error_type": "\(type(of: error))"])
        }
        condition.withLock {
            state.running = false
            state.transcribedSamples += done
            if failed { state.disabled = true }
            livePieces -= 1
            running -= 1
            // A final job may be waiting for this piece, and stop() for every piece. The next piece of this
            // recording is queued by a later chunk, when a whole window waits again.
            condition.broadcast()
        }
    }

    /// Reads acknowledged, not yet read audio (up to a window plus the cut search), cuts it at the quietest moment
    /// of its last three seconds and transcribes up to the cut. Returns the samples transcribed. Only the worker
    /// that set `state.running` calls this.
    private func transcribePiece(_ state: LiveTranscript, engine: any SpeechEngine) throws -> Int64 {
        // Acknowledged segments only (never one whose commit may still fail and be cut), counted before the
        // reader opens, so the file size the reader takes covers every one of them.
        let committed = state.recording.lock.withLock { state.recording.acknowledgedSegments }
        guard committed > state.position.counter,
              let reader = try vault.reader(recordingID: state.recording.id, type: .recording, from: state.position)
        else { return 0 }
        defer { reader.close() }
        var audio = state.carried
        let limit = Int(liveWindowSamples) + Self.cutSearchSamples
        while reader.position.counter < committed && audio.count < limit {
            audio.appendPCM(try reader.nextCommitted())
        }
        state.position = reader.position
        let cut = QuietCut.find(in: audio, searchLast: Self.cutSearchSamples)
        state.texts.append(try transcribe(Array(audio[..<cut]), with: engine))
        state.carried = Array(audio[cut...])
        return Int64(cut)
    }

    static func reasonCode(_ error: Error) -> String {
        if let error = error as? VaultError { return "vault_\(error.code)" }
        return "processing_error"
    }

    private func process(_ id: UUID, engine: any SpeechEngine) throws {
        let text = id.lowercased
        // Live pieces already transcribed while it streamed (wait for one in progress); the state leaves the map
        // here whatever happens next, so nothing of this recording stays in memory.
        let pieces: LiveTranscript? = condition.withLock {
            while let state = live[id], state.running { condition.wait() }
            guard let state = live.removeValue(forKey: id) else { return nil }
            if state.due {
                dueLive.removeAll { $0 === state }
                livePieces -= 1
                state.due = false
            }
            return state
        }
        let claimed = try database.write { connection -> Row? in
            guard let row = try connection.first("""
                SELECT r.*, u.username FROM recordings r JOIN users u ON u.id = r.owner_id
                JOIN jobs j ON j.recording_id = r.id WHERE r.id = ? AND j.state IN ('queued', 'running')
                """, [text]) else { return nil }
            try connection.run("UPDATE jobs SET state = 'running', attempts = attempts + 1, engine = ? WHERE recording_id = ?",
                               [factory.name, text])
            return row
        }
        guard let row = claimed else { return }
        let started = ContinuousClock.now
        // With live pieces, only the audio after the last cut is left (read from where the pieces stopped).
        var rest: [Int16]?
        if let pieces, !pieces.disabled, !pieces.texts.isEmpty {
            do {
                if let reader = try vault.reader(recordingID: id, type: .recording, from: pieces.position) {
                    var samples = pieces.carried
                    while let bytes = try reader.next() { samples.appendPCM(bytes) }
                    rest = samples
                }
            } catch {
                // The file does not continue where the pieces stopped: transcribe all of it instead.
                logger.warning("live pieces do not match the finished recording; transcribing all of it",
                               metadata: ["recording": .string(text), "error_type": "\(type(of: error))"])
            }
        }
        let transcript: String
        if let rest, let pieces {
            let last = try transcribe(rest, with: engine)
            transcript = (pieces.texts + [last]).filter { !$0.isEmpty }.joined(separator: " ")
        } else {
            guard let bytes = try vault.readAll(recordingID: id, type: .recording) else {
                throw VaultError(.notFound, operation: "read recording")
            }
            transcript = try transcribe([Int16](pcm: bytes), with: engine)
        }
        let analysis = Extractor.analyze(transcript)
        let sessionShort = String((row.string("session_id") ?? "").prefix(8))
        let stamp = row.string("file_stamp") ?? RecordingInfo.stamp(clock.now())
        let header = ReportHeader(recordingID: text, sessionShort: sessionShort,
                                  recordedAt: ISO8601DateFormatter().string(from: Date(timeIntervalSince1970:
                                      TimeInterval(row.int("created_at") ?? 0))),
                                  crew: row.string("username") ?? "", engine: factory.name)
        let report = ReportWriter.report(analysis, transcript: transcript, header: header)
        try vault.writeWhole(recordingID: id, type: .transcript,
                             name: RecordingVault.fileName(sessionShort: sessionShort, stamp: stamp, type: .transcript),
                             contents: Array(transcript.utf8))
        try vault.writeWhole(recordingID: id, type: .analysis,
                             name: RecordingVault.fileName(sessionShort: sessionShort, stamp: stamp, type: .analysis),
                             contents: Array(try analysis.jsonData()))
        try vault.writeWhole(recordingID: id, type: .report,
                             name: RecordingVault.fileName(sessionShort: sessionShort, stamp: stamp, type: .report),
                             contents: Array(report.utf8))
        let elapsed = ContinuousClock.now - started
        try database.write { connection in
            try connection.run("""
                UPDATE recordings SET status = CASE status WHEN 'interrupted' THEN 'interrupted' ELSE 'ready' END,
                    updated_at = ? WHERE id = ?
                """, [clock.now(), text])
            try connection.run("UPDATE jobs SET state = 'ready', finished_at = ? WHERE recording_id = ?", [clock.now(), text])
            try audit.append(AuditEvent(action: "processing_done", outcome: .success, actorUsername: "system",
                                        targetType: "recording", targetID: text, reason: factory.name), in: connection)
        }
        try audit.publishHead()
        logger.info("processed recording", metadata: ["recording": .string(text), "engine": .string(factory.name),
                                                      "seconds": .stringConvertible(elapsed.components.seconds)])
    }

    private func fail(_ id: UUID, reason: String) {
        let text = id.lowercased
        logger.error("processing failed", metadata: ["recording": .string(text), "reason": .string(reason)])
        do {
            try database.write { connection in
                try connection.run("UPDATE recordings SET status = 'failed', failure_reason = ?, updated_at = ? WHERE id = ?",
                                   [reason, clock.now(), text])
                try connection.run("UPDATE jobs SET state = 'failed', error = ?, finished_at = ? WHERE recording_id = ?",
                                   [reason, clock.now(), text])
                try audit.append(AuditEvent(action: "processing_failed", outcome: .failure, actorUsername: "system",
                                            targetType: "recording", targetID: text, reason: reason), in: connection)
            }
            try audit.publishHead()
        } catch {
            logger.error("could not record a processing failure", metadata: ["recording": .string(text)])
        }
    }
}
